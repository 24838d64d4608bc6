"""Screenshots of the graph's HTML drawing for docs/: the five samples' cascade of
33/CT-TTg and a real graph of about 100 documents (the neighbourhood of a much-cited law in
``../shared/real``: every document within two citations of it, either way).

    .venv/bin/python scripts/graph_screenshots.py [--real-root 64/2025/QH15] [--out docs/img]

Needs Debian's chromium. The real files are dev material kept outside the repository; the
screenshot shows their numbers, issuers and titles only.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def shoot(g: nx.DiGraph, png: Path, size: tuple[int, int], fit: bool) -> None:
    from danvan_cli.graph.export import export

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "graph.html"
        page.write_text(export(g, "html"), encoding="utf-8")
        url = page.as_uri() + ("#fit" if fit else "")
        subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp}/profile", "--virtual-time-budget=30000",
                        f"--window-size={size[0]},{size[1]}", f"--screenshot={png}", url],
                       capture_output=True, timeout=180, check=False)
    print(f"wrote {png}")


def neighbourhood(g: nx.DiGraph, number: str, radius: int) -> nx.DiGraph:
    """Every document within ``radius`` citations of the one numbered ``number``, either way;
    that document marked as the root."""
    from danvan_cli.graph import find_roots

    (root,) = find_roots(g, number)
    keep = nx.ego_graph(g.to_undirected(as_view=True), root, radius=radius)
    sub = g.subgraph(keep).copy()
    sub.nodes[root]["root"] = True
    sub.graph["root"] = root
    return sub


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    ap.add_argument("--real-root", default="64/2025/QH15")
    ap.add_argument("--radius", type=int, default=2)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from danvan_cli.corpus.scan import parse_paths
    from danvan_cli.graph import build_graph, find_roots, traverse

    args.out.mkdir(parents=True, exist_ok=True)
    g = build_graph(parse_paths([str(ROOT / "samples")]).documents)
    shoot(traverse(g, find_roots(g, "33/CT-TTg")[0]), args.out / "graph-samples.png", (1280, 640), fit=False)
    if not REAL.is_dir():
        print(f"{REAL} is absent: no real graph", file=sys.stderr)
        return 0
    folders = [str(p) for p in (REAL / "tvpl", REAL / "offices" / "files", REAL / "word-html") if p.is_dir()]
    real = build_graph(parse_paths(folders).documents)
    sub = neighbourhood(real, args.real_root, args.radius)
    print(f"real graph: {sub.number_of_nodes()} documents, {sub.number_of_edges()} citations")
    shoot(sub, args.out / "graph-real-100.png", (1600, 2200), fit=True)
    shoot(sub, args.out / "graph-real-100-detail.png", (1280, 800), fit=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
