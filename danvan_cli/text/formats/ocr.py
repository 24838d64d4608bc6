"""OCR of scanned pages and photos of pages, through Tesseract, into placed words.

Why Tesseract's command line with hOCR output, not a binding: ``tesserocr`` must be
compiled against libtesseract for each Python, and ``pytesseract`` only wraps the same
command (through temporary files) and parses the same output. Run as a process, each page
has its own timeout and a hostile image that crashes Tesseract fails that page alone; the
image goes in on standard input and the hOCR comes out on standard output, no files.
hOCR, not TSV, because it gives each line's baseline and size (``x_size``), which is what
the PDF reader's line and column builder works from (``pdf.layout_words``).

What goes to Tesseract is prepared for the form: a PDF page rendered at ``DPI``; a photo
or a low-resolution picture scaled so the page is about as wide as an A4 page at that
resolution (Tesseract reads letters about 20–30 pixels tall best); colour dropped: pixels
of strong saturation become paper, so black or grey print stays while a red received
stamp, a red seal and blue ballpoint (an ink number, a signature, a routing note) go:
what is typed is read, what is written or stamped over it is not.

Pages are OCR'd ``OcrOptions.jobs`` at a time (each Tesseract on one thread: the pages are
the parallel work), each page's words cached under a key of the file's bytes, the page
and the OCR settings (``OcrCache``: the store keeps them), so a page is never OCR'd twice.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import statistics
import subprocess
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

import regex

from ...i18n import N_
from . import limits
from .common import FormatError, RawItem
from .pdf import Word, layout_words

#: Resolution PDF pages are rendered at for OCR, in dots per inch.
DPI = 300

#: Width an A4 page has at ``DPI``, in pixels: pictures narrower than ``MIN_WIDTH_SHARE`` of
#: it are scaled up to it, wider than twice it scaled down.
A4_WIDTH_PX = 2480
MIN_WIDTH_SHARE = 0.7

#: Width of an A4 page in points: a picture's pixels are given in points as if the page
#: were A4 (a picture seldom says its resolution truly).
A4_WIDTH_PT = 595.0

#: Saturation (HSV, 0–255) from which a pixel is ink or a stamp, not print: blue ballpoint
#: is about 160, a red stamp 190; black print under 20, and grey print with a scanner's
#: colour cast under 90.
INK_SATURATION = 110

#: Brightness (HSV value, 0–255) below which a pixel is print whatever its saturation
#: (the dark core of a letter; its hue is noise).
INK_VALUE = 60

#: Width in pixels of the rim around ink that goes too (its blurred edge, less saturated).
INK_RIM = 5

#: Tesseract's language: Vietnamese (its data package is ``tesseract-ocr-vie``).
LANG = "vie"

#: Longest one page's OCR may take, in seconds (a dense page takes a few).
PAGE_TIMEOUT_S = 180

#: Words Tesseract is less sure of than this (0–100) are left out: specks, seal rims.
MIN_CONFIDENCE = 20

#: Words holding a digit that Tesseract is less sure of than this are left out: a number
#: damaged by a stamp over it (``5I1-KL/TW``) or written by hand is read with a confidence
#: under 50, printed digits over 60 (italic ones too). What is left of ink is mostly no
#: number at all (``}5``, ``2 Ö``): ``ocr_repair`` leaves such a day or number blank.
MIN_DIGIT_CONFIDENCE = 50

#: A line at least this share of the text's width is long: its slope is the page's there.
LONG_LINE = 0.3

#: How far, in line sizes, a long line lends its slope to the lines around it.
NEAR_LINES = 6

#: Mean word confidence under which a page may be turned (an upright page of print reads
#: at 85 and more, a poor scan at 70; one upside down at under 50).
TURNED_CONFIDENCE = 60

#: White border, in pixels, put round a region before OCR (Tesseract misreads text that
#: touches the image's edge).
REGION_PAD = 24

#: Bumped when what is sent to Tesseract or read from it changes (cached pages then go).
OCR_VERSION = 6

#: The one line a scan gives where Tesseract is missing (README repeats it).
INSTALL_LINE = N_("OCR needs Tesseract with Vietnamese: install it with "
                  "`sudo apt-get install tesseract-ocr tesseract-ocr-vie` (or pass --ocr never)")

#: What the line of a file left unread for want of OCR says (``pdf.read_pdf``, ``read_image``).
OCR_NEEDED = "OCR is needed"


def wants_ocr(error: str) -> bool:
    """Whether ``error`` (a file's one line) says it was left unread for want of OCR: OCR
    was off, or Tesseract missing."""
    return OCR_NEEDED in error or INSTALL_LINE in error


class OcrCache(Protocol):
    """Where a page's OCR is kept between runs (the store): bytes under a key."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, value: bytes) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class OcrOptions:
    """How to OCR: ``mode`` ``auto`` (pages with no usable text layer), ``always`` (every
    page) or ``never``; ``jobs`` pages at once; ``cache`` to keep pages in; ``progress``
    told ``(pages done, pages to do)`` as pages finish."""

    mode: str = "auto"
    jobs: int = 1
    cache: OcrCache | None = None
    progress: Callable[[int, int], None] | None = None


@cache
def tesseract() -> tuple[str, str] | None:
    """Tesseract's path and version when it is installed with Vietnamese, else ``None``.
    Asked once per process: whether a program is installed does not change mid-run."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout.split()
        version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    if LANG not in langs:
        return None
    return exe, (version.splitlines() or ["tesseract"])[0].strip()


def _require(what: str = "a scan") -> tuple[str, str]:
    found = tesseract()
    if found is None:
        raise FormatError(f"{what}: {INSTALL_LINE}")
    return found


# --------------------------------------------------------------------------- hOCR → words

_TITLE_FIELD = regex.compile(r"(\w+)\s+([^;]*)")


def _title(node: Any) -> dict[str, list[float]]:
    """An hOCR ``title`` (``bbox 1 2 3 4; baseline 0.003 -14; x_size 67``) as numbers."""
    out: dict[str, list[float]] = {}
    for key, vals in _TITLE_FIELD.findall(node.get("title") or ""):
        try:
            out[key] = [float(v) for v in vals.split()]
        except ValueError:
            continue
    return out


def parse_hocr(hocr: bytes, scale: float) -> list[Word]:
    """The words of Tesseract's hOCR, in points (``scale``: points per pixel), sized by
    their line's ``x_size``, each line's words on one baseline: where the line's baseline
    (followed with the slope of the long lines near it) crosses the middle of the page, so
    that the words of one printed line share a baseline on a skewed or bent scan whichever
    column Tesseract put them in. Unsure specks,
    and numbers Tesseract is unsure of (``MIN_DIGIT_CONFIDENCE``: what is written by hand),
    are dropped: a number is read or it is not, never guessed."""
    from lxml import etree

    if not hocr.strip():
        return []
    root = etree.fromstring(hocr, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    if root is None:
        return []
    lines: list[tuple[list[float], float, float, float, list[tuple[str, list[float]]]]] = []
    for line in root.iter("{*}span"):
        if (line.get("class") or "") not in ("ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat"):
            continue
        lt = _title(line)
        box = lt.get("bbox")
        if not box or len(box) != 4:
            continue
        base = lt.get("baseline") or []
        slope, offset = (base[0], base[1]) if len(base) >= 2 else (0.0, 0.0)
        size = (lt.get("x_size") or [box[3] - box[1]])[0]
        words: list[tuple[str, list[float]]] = []
        for word in line.iter("{*}span"):
            if word.get("class") != "ocrx_word":
                continue
            text = "".join(word.itertext()).strip()
            wt = _title(word)
            wbox, conf = wt.get("bbox"), (wt.get("x_wconf") or [100.0])[0]
            if not text or not wbox or len(wbox) != 4 or conf < MIN_CONFIDENCE:
                continue
            if conf < MIN_DIGIT_CONFIDENCE and any(c.isdigit() for c in text):
                continue
            words.append((text, wbox))
        if words:
            lines.append((box, slope, offset, size, words))
    if not lines:
        return []
    left, right = min(b[0] for b, *_r in lines), max(b[2] for b, *_r in lines)
    centre = (left + right) / 2
    long = [(b[3], sl) for b, sl, *_r in lines if b[2] - b[0] >= LONG_LINE * (right - left)]
    out: list[Word] = []
    for box, slope, offset, size, words in lines:
        # a scan is often skewed, and bent (more at the top than below): the slope of the
        # long lines near this one, where there are some, is surer than a short line's own
        near = [sl for y, sl in long if abs(y - box[3]) <= NEAR_LINES * size]
        tilt = statistics.median(near) if near else slope
        y = box[3] + offset + tilt * (centre - box[0])
        for text, (x0, _y0, x1, _y1) in words:
            out.append(Word(text, x0 * scale, x1 * scale, y * scale, size * scale, False, False))
    return out


def _encode(words: list[Word]) -> bytes:
    return json.dumps([[w.text, round(w.x0, 2), round(w.x1, 2), round(w.y, 2), round(w.size, 2)] for w in words],
                      ensure_ascii=False, separators=(",", ":")).encode()


def _decode(blob: bytes) -> list[Word] | None:
    try:
        return [Word(t, x0, x1, y, s, False, False) for t, x0, x1, y, s in json.loads(blob)]
    except (ValueError, TypeError):
        return None  # a damaged entry: OCR again


# --------------------------------------------------------------------------- images → Tesseract


def prepare(image: Any, *, keep_colour: bool = False, fit_width: bool = True) -> Any:
    """The page ``image`` (Pillow) as Tesseract reads it best: one grey channel in which
    coloured marks are paper (stamps, seals, ink: strokes of strong saturation, and a rim
    around them; unless ``keep_colour``), scaled towards an A4 page's width at ``DPI``
    (when ``fit_width``: a whole page)."""
    from PIL import Image, ImageChops, ImageFilter

    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    if image.mode == "RGB" and keep_colour:
        image = image.convert("L")
    if image.mode == "RGB":
        _h, sat, val = image.convert("HSV").split()
        ink = ImageChops.multiply(sat.point(lambda v: 255 if v >= INK_SATURATION else 0),
                                  val.point(lambda v: 255 if v >= INK_VALUE else 0))
        # opened: a letter's colour fringe (a pixel or two wide, from JPEG's coarse colour)
        # goes, a stroke of ink (five pixels and more at 300 dpi) stays, and takes its rim
        ink = ink.filter(ImageFilter.MinFilter(3)).filter(ImageFilter.MaxFilter(INK_RIM))
        grey = image.convert("L")
        image = Image.composite(Image.new("L", grey.size, 255), grey, ink)
    width = image.width
    if fit_width and (width < MIN_WIDTH_SHARE * A4_WIDTH_PX or width > 2 * A4_WIDTH_PX):
        factor = A4_WIDTH_PX / width
        image = image.resize((max(1, round(image.width * factor)), max(1, round(image.height * factor))),
                             Image.LANCZOS if factor > 1 else Image.BOX)
    return image


def _pnm(image: Any) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PPM")  # a grey image is written as PGM: no compression to spend time on
    return buf.getvalue()


def _tesseract(image: Any, what: str, *args: str) -> bytes:
    """Tesseract's standard output for ``image`` (a grey Pillow image) with ``args``."""
    exe, _version = _require()
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        proc = subprocess.run([exe, "stdin", "stdout", "--dpi", str(DPI), *args], input=_pnm(image),
                              capture_output=True, timeout=PAGE_TIMEOUT_S, env=env)
    except subprocess.TimeoutExpired as exc:
        raise FormatError(N_("OCR of {what} took more than {seconds} s: stopped").format(
            what=what, seconds=PAGE_TIMEOUT_S)) from exc
    except OSError as exc:
        raise FormatError(N_("OCR could not run ({reason}): {install}").format(
            reason=exc.strerror or exc, install=INSTALL_LINE)) from exc
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise FormatError(N_("OCR of {what} failed ({reason})").format(
            what=what, reason=err[-1] if err else f"exit {proc.returncode}"))
    return proc.stdout


_CONFIDENCE = regex.compile(rb"x_wconf (\d+)")
_ROTATE = regex.compile(r"Rotate:\s*(\d+)")


def _confidence(hocr: bytes) -> float:
    """The mean confidence (0–100) of a page's words; 0 for none."""
    confs = [int(c) for c in _CONFIDENCE.findall(hocr)]
    return sum(confs) / len(confs) if confs else 0.0


def _turn(image: Any, what: str) -> int:
    """How many degrees (90, 180, 270) Tesseract's orientation detection says ``image``
    must be turned clockwise to stand upright; 0 when upright or when it cannot tell."""
    try:
        out = _tesseract(image, what, "--psm", "0").decode("utf-8", "replace")
    except FormatError:
        return 0  # no orientation data (tesseract-ocr-osd), or too little text to tell
    m = _ROTATE.search(out)
    return int(m.group(1)) % 360 if m else 0


def run_tesseract(image: Any, scale: float, what: str = "the page", *, psm: int = 3) -> list[Word]:
    """OCR one prepared grey page image; its words in points (``scale`` per pixel).
    ``psm``: Tesseract's page segmentation (3: a page, 7: one line). A page read with
    little confidence may be on its side or upside down (a photo, a sheet fed turned):
    it is turned as orientation detection says and read again, the surer reading kept."""
    hocr = _tesseract(image, what, "-l", LANG, "--psm", str(psm), "hocr")
    if psm == 3 and _confidence(hocr) < TURNED_CONFIDENCE:
        turn = _turn(image, what)
        if turn:
            again = _tesseract(image.rotate(-turn, expand=True), what, "-l", LANG, "--psm", "3", "hocr")
            if _confidence(again) > _confidence(hocr):
                hocr = again
    return parse_hocr(hocr, scale)


@dataclass(frozen=True, slots=True)
class _Job:
    index: int
    key: str
    image: Any  # prepared
    scale: float  # points per pixel of ``image``


class Tesseract:
    """Reads pages by OCR for one file (``data``: its bytes, for the cache key): what
    ``pdf.read_pdf`` takes as its ``PageOcr``, and what reads a picture's frames."""

    def __init__(self, options: OcrOptions, data: bytes) -> None:
        self.options = options
        self.always = options.mode == "always"
        #: Pages handed to OCR so far (from the cache or by Tesseract).
        self.pages_read = 0
        #: Pages of a PDF with text on its other pages that OCR could not read, and why.
        self.unread: tuple[list[int], str] | None = None
        self._digest = hashlib.sha256(data).hexdigest()

    def key(self, page: int) -> str:
        """The cache key of page ``page`` of this file: its bytes, the page, the settings."""
        _exe, version = _require()
        raw = f"{self._digest}:{page}:{DPI}:{LANG}:{version}:{OCR_VERSION}"
        return hashlib.sha256(raw.encode()).hexdigest()

    def _cached(self, key: str) -> list[Word] | None:
        cache_ = self.options.cache
        if cache_ is None:
            return None
        blob = cache_.get(key)
        return _decode(blob) if blob is not None else None

    def run(self, pages: Iterator[tuple[int, Callable[[], Any]]], count: int, what: str = "a scan") -> dict[int, list[Word]]:
        """The words of each page of ``pages`` (``(index, render)``; ``render()`` gives the
        page's Pillow image and the page's width in points), ``count`` of them: from
        the cache where it has them, else by Tesseract, ``jobs`` pages at once. ``what``
        the file is, for the line saying Tesseract is missing."""
        _require(what)
        self.pages_read += count
        if count > limits.MAX_OCR_PAGES:
            raise FormatError(N_("{count} pages to OCR (more than {limit}): refused").format(count=count, limit=limits.MAX_OCR_PAGES))
        out: dict[int, list[Word]] = {}
        done = 0
        progress = self.options.progress

        def tick() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, count)

        def work(job: _Job) -> tuple[_Job, list[Word]]:
            return job, run_tesseract(job.image, job.scale, f"page {job.index + 1}")

        jobs = max(1, self.options.jobs)
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            pending = []
            for index, render in pages:
                key = self.key(index)
                hit = self._cached(key)
                if hit is not None:
                    out[index] = hit
                    tick()
                    continue
                image, width_pt = render()
                prepared = prepare(image)
                del image
                pending.append(pool.submit(work, _Job(index, key, prepared, width_pt / prepared.width)))
                if len(pending) >= 2 * jobs:  # rendered pages waiting hold memory: wait for the oldest
                    self._collect(pending.pop(0), out, tick)
            for fut in pending:
                self._collect(fut, out, tick)
        return out

    def _collect(self, fut: Any, out: dict[int, list[Word]], tick: Callable[[], None]) -> None:
        job, words = fut.result()
        blob = _encode(words)
        # the words as the cache gives them back (positions rounded), so that a page read now
        # and the same page read from the cache later make the very same document
        out[job.index] = _decode(blob) or []
        if self.options.cache is not None:
            self.options.cache.put(job.key, blob)
        tick()

    # -- PageOcr, for pdf.read_pdf

    def read_pages(self, doc: Any, pages: list[int]) -> dict[int, list[Word]]:
        """The words of ``pages`` of the open PDFium document, in points from the top."""
        def render(i: int) -> Callable[[], tuple[Any, float]]:
            def go() -> tuple[Any, float]:
                page = doc[i]
                try:
                    width, height = page.get_size()
                    # a page drawn huge is rendered smaller: at most MAX_OCR_PIXELS pixels
                    dpi = min(DPI, (limits.MAX_OCR_PIXELS / max(1.0, width * height)) ** 0.5 * 72)
                    return page.render(scale=dpi / 72).to_pil(), width
                finally:
                    page.close()
            return go

        try:
            return self.run(((i, render(i)) for i in pages), len(pages))
        except FormatError as exc:
            if len(pages) == len(doc):
                raise
            # other pages have their text: they are read, and these are said to be missing
            self.unread = (pages, str(exc))
            return {}

    def read_region(self, page: Any, box: tuple[float, float, float, float], *, line: bool = True) -> list[Word]:
        """The words inside ``box`` of the open PDFium page (``ocr_region``), one line or a
        block: a number or a day a signed PDF shows as a picture where its text layer is
        blank, a signer's name shown only in the signature's picture."""
        _require("a picture in a signed PDF")
        return ocr_region(page, box, line=line, cache=self.options.cache)


def _region_key(image: Any, psm: int) -> str:
    """The cache key of a region's prepared picture: its pixels and the settings."""
    _exe, version = _require()
    digest = hashlib.sha256(image.tobytes())
    digest.update(f":{image.size}:{psm}:{DPI}:{LANG}:{version}:{OCR_VERSION}".encode())
    return digest.hexdigest()


def ocr_region(page: Any, box: tuple[float, float, float, float], *, line: bool = True,
               cache: OcrCache | None = None) -> list[Word]:
    """The words OCR reads inside ``box`` of an open PDFium page (left, top, right, bottom,
    in points from the page's top-left corner), placed in the page's points: for what a
    page shows and its text layer lacks (a number or a day stamped as a picture at
    signing). ``line``: the box holds one line. Colour is kept (what is asked for may be
    printed in colour); digits Tesseract is unsure of are left out as on a whole page.
    With ``cache``, what a region shows is read once: the key is its prepared picture's
    bytes (a signature's picture is the same on every copy of an office's documents, and a
    second run of a folder OCRs nothing). Raises ``FormatError`` where Tesseract is
    missing or fails."""
    from PIL import ImageOps

    width, height = page.get_size()
    left, top = max(0.0, box[0]), max(0.0, box[1])
    right, bottom = min(width, box[2]), min(height, box[3])
    if right - left < 1 or bottom - top < 1:
        return []
    image = page.render(scale=DPI / 72, crop=(left, height - bottom, width - right, top)).to_pil()
    pad = REGION_PAD
    grey = ImageOps.expand(prepare(image, keep_colour=True, fit_width=False), border=pad, fill=255)
    scale = 72 / DPI
    psm = 7 if line else 6
    key = _region_key(grey, psm) if cache is not None else None
    blob = cache.get(key) if cache is not None and key is not None else None
    words = _decode(blob) if blob is not None else None
    if words is None:
        blob = _encode(run_tesseract(grey, scale, "a region of the page", psm=psm))
        words = _decode(blob) or []  # as the cache gives them back: a second run reads alike
        if cache is not None and key is not None:
            cache.put(key, blob)
    dx, dy = left - pad * scale, top - pad * scale
    return [Word(w.text, w.x0 + dx, w.x1 + dx, w.y + dy, w.size, w.bold, w.italic) for w in words]


# --------------------------------------------------------------------------- pictures of pages


def _picture_width_pt(width: int, height: int) -> float:
    """The width in points a picture of a page is given: an A4 page's, or a landscape A4
    page's for a picture wider than tall (its resolution is seldom told truly)."""
    return A4_WIDTH_PT * max(1.0, (width / max(1, height)) / (210 / 297))


def _upright(img: Any) -> tuple[int, int]:
    """The frame's size as it is shown: a photo's EXIF orientation may turn it a quarter."""
    try:
        turned = img.getexif().get(0x0112) in (5, 6, 7, 8)
    except Exception:  # a damaged EXIF block: shown as stored
        turned = False
    return (img.height, img.width) if turned else (img.width, img.height)


def read_image(data: bytes, options: OcrOptions) -> list[RawItem]:
    """The paragraphs and columns of a picture of a page (.jpg, .png, a .tif of many
    pages: each frame a page), by OCR. Sizes and page counts are checked from the file's
    header before any pixel is decoded. Raises ``FormatError``."""
    import warnings

    from PIL import Image, ImageOps

    if options.mode == "never":
        raise FormatError(N_("an image, not a text: OCR is needed (and --ocr never was given)"))
    reader = Tesseract(options, data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise FormatError(N_("an image of more than {limit} pixels: refused").format(limit=limits.MAX_IMAGE_PIXELS)) from exc
        except (OSError, ValueError, SyntaxError) as exc:
            raise FormatError(N_("a damaged image or one of a kind danvan cannot read ({exc})").format(exc=exc)) from exc
    try:
        try:
            img.seek(limits.MAX_OCR_PAGES)
        except EOFError:
            pass
        else:
            raise FormatError(N_("an image of more than {limit} pages: refused").format(limit=limits.MAX_OCR_PAGES))
        sizes: list[tuple[int, int]] = []
        for k in range(limits.MAX_OCR_PAGES):
            try:
                img.seek(k)
            except EOFError:
                break
            if img.width * img.height > limits.MAX_IMAGE_PIXELS:
                raise FormatError(N_("an image of {width}×{height} pixels (more than {limit}): refused").format(
                    width=img.width, height=img.height, limit=limits.MAX_IMAGE_PIXELS))
            sizes.append(_upright(img))

        def render(k: int) -> Callable[[], tuple[Any, float]]:
            def go() -> tuple[Any, float]:
                img.seek(k)
                frame = ImageOps.exif_transpose(img.convert("RGB") if img.mode not in ("L", "RGB") else img.copy())
                return frame, _picture_width_pt(frame.width, frame.height)
            return go

        try:
            found = reader.run(((k, render(k)) for k in range(len(sizes))), len(sizes), "a picture of a page")
        except (OSError, ValueError, SyntaxError, EOFError) as exc:  # Pillow decoding a damaged frame
            raise FormatError(N_("a damaged image ({exc})").format(exc=exc)) from exc
    finally:
        img.close()
    pages = []
    for k, (w, h) in enumerate(sizes):
        width_pt = _picture_width_pt(w, h)
        pages.append((found.get(k, []), width_pt * h / max(1, w)))
    items = layout_words(pages)
    if not items:
        raise FormatError(N_("a picture with no text found in it by OCR"))
    return items
