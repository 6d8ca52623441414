"""The memo as one self-contained HTML page: the executed notebook through nbconvert, with
the project's template and the vendored plotly.js inlined once (nothing loads from the
network)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ijmemo.core.paths import TEMPLATES_DIR, VENDOR_DIR

# plotly.js for the memo: the official "cartesian" partial bundle (bar, scatter, heatmap: every
# trace type the memo draws) of the same version the plotly package embeds, 1.5 MB instead
# of 4.8 MB. Vendored from the npm package named here; `make vendor` re-fetches and checks it.
PLOTLY_BUNDLE = {
    "npm": "plotly.js-cartesian-dist-min@4.1.1",
    "file": VENDOR_DIR / "plotly-cartesian-4.1.1.min.js",
    "sha256": "79542150855a52c567260e3137095dbe2b744e6d702a5cabe67da246942fba7a",
}


def plotly_js() -> str:
    """The vendored plotly.js bundle, verified against its pinned hash."""
    path = PLOTLY_BUNDLE["file"]
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != PLOTLY_BUNDLE["sha256"]:
        raise RuntimeError(f"{path}: sha256 {digest} is not the pinned one; run make vendor")
    return data.decode("utf-8")


def notebook_to_html(notebook: Path, title: str) -> str:
    """The executed memo notebook as a self-contained page (plotly.js inlined once)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="memo", extra_template_basedirs=[str(TEMPLATES_DIR)])
    nb = nbformat.read(notebook, as_version=4)
    resources = {"memo_title": title, "plotly_js": plotly_js()}
    html, _ = exporter.from_notebook_node(nb, resources=resources)
    return html
