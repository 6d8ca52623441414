"""The memo as one self-contained HTML page: the executed notebook through nbconvert, with
the project's template and the vendored plotly.js inlined once (nothing loads from the
network)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ijmemo.core.paths import TEMPLATES_DIR, VENDOR_DIR

# plotly.js for the memo: plotly.js 4.1.1, the version the plotly package embeds, bundled with
# only the traces the memo draws (scatter, bar, heatmap), 1.26 MB. The official "cartesian"
# bundle (1.5 MB) took Chromium 2.3 CPU-seconds to load against 0.75, for the same pages and
# chart images, byte for byte. Built from report/vendor/plotly-memo/ (its npm lock pins
# every package); `make vendor` rebuilds it and checks the pinned hash.
PLOTLY_BUNDLE = {
    "recipe": VENDOR_DIR / "plotly-memo",
    "file": VENDOR_DIR / "plotly-memo-4.1.1.min.js",
    "sha256": "bf27efa7bc4c09953292afd423046127111df15276c35fa0cc12726e64dc08ac",
    "traces": ("scatter", "bar", "heatmap"),
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

    return _page(nbformat.read(notebook, as_version=4), title)


def head_only_page(title: str) -> str:
    """The memo's page with its head (title, style, plotly.js) and an empty body.

    Chromium loads it at memo.html's path while the kernel runs: V8 keeps plotly.js
    compiled for a script at the same URL and place, so the memo, written there next,
    loads in half the time. Converting it warms nbconvert too (its first conversion in a
    process takes 0.3 s more than the next)."""
    import nbformat.v4 as v4

    shown = v4.new_output("display_data", data={"text/html": "<p></p>", "text/plain": ""})
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("#"), v4.new_code_cell(outputs=[shown])])
    return _page(nb, title)


def _page(nb, title: str) -> str:
    """A notebook through the memo's template, with its title and plotly.js."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="memo", extra_template_basedirs=[str(TEMPLATES_DIR)])
    html, _ = exporter.from_notebook_node(
        nb, resources={"memo_title": title, "plotly_js": plotly_js()}
    )
    return html
