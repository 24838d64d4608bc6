"""What an e-office signing system does to a PDF exported from Word, for the PDF tests.

VNPT iOffice, VGCA and their kin (iTextSharp underneath) add an incremental update to the
file: signature fields whose widget annotations carry an appearance stream. The number
and the day are stamped that way at signing, over the blank the template left after
``Số:`` and ``ngày``, in a non-embedded Times; so is the signature's stamp box. The page's
own content never holds them: only a reader that shows annotations (as a viewer does)
sees them. ``add_fields`` appends such an update to the bytes fpdf2 wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Points per millimetre (fpdf2 places in mm; PDF rectangles are in points).
PT = 72 / 25.4


@dataclass(frozen=True)
class Field:
    """A signature field on page ``page`` showing ``lines`` of text (ASCII: a non-embedded
    Times with WinAnsi encoding), its box's top-left corner at ``(x, top)`` in mm from the
    page's top-left, each line ``size`` points high. ``hidden``: the annotation's Hidden
    flag (a viewer shows nothing)."""

    page: int
    x: float
    top: float
    lines: tuple[str, ...]
    size: float = 13.0
    width: float = 30.0
    hidden: bool = False


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def add_fields(data: bytes, fields: list[Field]) -> bytes:
    """``data`` (a PDF written by fpdf2) with an incremental update adding ``fields`` as
    signature-field widgets with appearance streams, as a signing system adds them."""
    text = data.decode("latin-1")
    kids = [int(k) for k in re.findall(r"(\d+) 0 R", re.search(r"/Kids \[([^\]]*)\]", text).group(1))]
    size = int(re.findall(r"xref\s+0 (\d+)", text)[-1])
    root = int(re.search(r"/Root (\d+) 0 R", text).group(1))
    prev = int(re.findall(r"startxref\s+(\d+)", text)[-1])
    height = float(re.search(r"/MediaBox \[0 0 [\d.]+ ([\d.]+)\]", text).group(1))
    objects: dict[int, bytes] = {}
    nxt = size
    font = nxt
    nxt += 1
    objects[font] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"
    annots: dict[int, list[int]] = {}
    for n, f in enumerate(fields):
        w, h = f.width * PT, f.size * 1.2 * len(f.lines)
        ops = "".join(
            f"BT /F1 {f.size:g} Tf 1 0 0 1 1 {h - f.size * 1.2 * (k + 1) + f.size * 0.25:.2f} Tm ({_escape(t)}) Tj ET\n"
            for k, t in enumerate(f.lines))
        stream = ops.encode("latin-1")
        ap = nxt
        objects[ap] = (f"<< /Type /XObject /Subtype /Form /BBox [0 0 {w:.2f} {h:.2f}] "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> /Length {len(stream)} >>\nstream\n").encode() \
            + stream + b"\nendstream"
        widget = ap + 1
        nxt += 2
        x0, y1 = f.x * PT, height - f.top * PT
        objects[widget] = (f"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature{n + 1}) /F {2 if f.hidden else 4} "
                           f"/Rect [{x0:.2f} {y1 - h:.2f} {x0 + w:.2f} {y1:.2f}] /P {kids[f.page]} 0 R "
                           f"/AP << /N {ap} 0 R >> >>").encode()
        annots.setdefault(f.page, []).append(widget)
    for page, ids in annots.items():
        obj = kids[page]
        body = re.search(rf"(?s)\n{obj} 0 obj\n(<<.*?>>)\nendobj", text).group(1)
        refs = " ".join(f"{i} 0 R" for i in ids)
        objects[obj] = (body[:-2] + f"/Annots [{refs}]\n>>").encode("latin-1")
    catalog = re.search(rf"(?s)\n{root} 0 obj\n(<<.*?>>)\nendobj", text).group(1)
    every = " ".join(f"{i} 0 R" for ids in annots.values() for i in ids)
    objects[root] = (catalog[:-2] + f"/AcroForm << /Fields [{every}] /SigFlags 3 >>\n>>").encode("latin-1")
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += f"{num} 0 obj\n".encode() + objects[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for num in sorted(offsets):
        out += f"{num} 1\n{offsets[num]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {nxt} /Root {root} 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
