"""Headless Chromium, driven by Playwright: find it, open the memo offline, print it.

Kept apart from the rest so that checking for a browser imports nothing heavy.
"""

from __future__ import annotations

import base64
import html
import json
import os
import queue
import re
import shutil
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from xml.etree import ElementTree

CHROMIUM_ENV = "IJMEMO_CHROMIUM"
# Chromium's headless shell first: it prints the same memo with about a quarter less CPU
# (a default memo build: 4.9 CPU-s and 3.06 s, against 6.7 and 3.88 with the full browser).
# The Word file and chart images are byte-identical; PDF pages differ in sub-pixel bar edges.
CHROMIUM_NAMES = (
    "chromium-headless-shell",
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
)
# A closed network: keep Chromium from phoning home (and failing) at start.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--no-first-run",
]
INSTALL_HINT = (
    "no Chromium found for printing the PDF. Install it, then rerun:\n"
    "  Debian:         sudo apt-get install chromium-headless-shell fonts-dejavu-core\n"
    "  Ubuntu:         sudo apt-get install chromium fonts-dejavu-core\n"
    "  Fedora:         sudo dnf install chromium\n"
    f"or point {CHROMIUM_ENV} at a Chrome/Chromium binary (e.g. {CHROMIUM_ENV}=/usr/bin/google-chrome)."
)
PAGE_MARGIN = {"top": "20mm", "bottom": "18mm", "left": "18mm", "right": "18mm"}
HEADER = (
    '<div style="font-family:DejaVu Sans,sans-serif;font-size:7.5px;color:#666;width:100%;'
    'padding:0 18mm;"><span class="title"></span></div>'
)
FOOTER = (
    '<div style="font-family:DejaVu Sans,sans-serif;font-size:7.5px;color:#666;width:100%;'
    'text-align:center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)


class BrowserNotFound(RuntimeError):
    pass


def find_chromium() -> str:
    """The browser to print with: $IJMEMO_CHROMIUM, else a system Chromium/Chrome."""
    override = os.environ.get(CHROMIUM_ENV)
    if override:
        if not Path(override).is_file():
            raise BrowserNotFound(f"{CHROMIUM_ENV}={override} does not exist")
        return override
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFound(INSTALL_HINT)


LOCAL_ONLY = ("file:", "data:", "about:")


@contextmanager
def chromium_page(allowed: tuple[str, ...] = LOCAL_ONLY) -> Iterator:
    """A page in headless Chromium that may load only URLs starting with `allowed`.

    By default that is local files: the memo must render offline, and any other
    request is refused (and shows up as a failed request).
    """
    from playwright.sync_api import sync_playwright

    args = [*CHROMIUM_ARGS, *(["--no-sandbox"] if os.geteuid() == 0 else [])]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=args, headless=True)
        try:
            page = browser.new_page()
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(allowed) else route.abort()
                ),
            )
            yield page
        finally:
            browser.close()


WAIT_FOR_CHARTS = """() => [...document.querySelectorAll('.plotly-graph-div')]
    .every(d => d.querySelector('.main-svg') !== null)"""


def _load(page, html_path: Path) -> None:
    """Open the memo and wait until plotly.js has drawn every chart."""
    page.goto(Path(html_path).resolve().as_uri(), wait_until="load")
    page.wait_for_function(WAIT_FOR_CHARTS, timeout=60_000)


def _print(page, html_path: Path, pdf_path: Path) -> None:
    _load(page, html_path)
    _print_loaded(page, pdf_path)


def _print_loaded(page, pdf_path: Path) -> None:
    page.emulate_media(media="print")
    page.pdf(
        path=str(pdf_path),
        format="A4",
        print_background=True,
        display_header_footer=True,
        header_template=HEADER,
        footer_template=FOOTER,
        margin=PAGE_MARGIN,
    )


# Each chart as a print-resolution PNG and as SVG, drawn by plotly.js in the page itself.
CHART_IMAGE = """async (fig, format) => {
    const plot = fig.querySelector('.plotly-graph-div');
    return await Plotly.toImage(plot, {format: format, scale: format === 'png' ? 3 : 1});
}"""
# plotly.js names each plot's clip paths and defs with a random id: made stable so the
# same chart gives the same SVG bytes.
_PLOT_UID = re.compile(r'id="defs-([0-9a-f]{6})"')


def _stable_svg(svg: str, name: str, caption: str, alt: str) -> str:
    uid = _PLOT_UID.search(svg)
    if uid:
        svg = re.sub(rf"(clip|defs-|legend|#p|\"p){uid[1]}", rf"\g<1>{name}", svg)
    described = f"<title>{html.escape(caption)}</title><desc>{html.escape(alt)}</desc>"
    svg = re.sub(r"(<svg[^>]*>)", rf"\1{described}", svg, count=1)
    # plotly sets some attributes in varying order: write every element's sorted.
    ElementTree.register_namespace("", "http://www.w3.org/2000/svg")
    ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ElementTree.fromstring(svg)
    for element in root.iter():
        element.attrib = dict(sorted(element.attrib.items()))
    return ElementTree.tostring(root, encoding="unicode")


def save_figures(page, folder: Path) -> dict[str, Path]:
    """Each chart of the loaded memo as figures/<figure id>.png (print resolution) and
    .svg, with its caption and alt text in <id>.json; return figure id → PNG path."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = {}
    for n, handle in enumerate(page.query_selector_all("figure.chart"), start=1):
        fig_id = handle.get_attribute("id")
        caption = handle.eval_on_selector("figcaption", "e => e.innerText")
        alt = handle.get_attribute("aria-label") or ""
        png = handle.evaluate(CHART_IMAGE, "png")
        (folder / f"{fig_id}.png").write_bytes(base64.b64decode(png.split(",", 1)[1]))
        svg = urllib.parse.unquote(handle.evaluate(CHART_IMAGE, "svg").split(",", 1)[1])
        (folder / f"{fig_id}.svg").write_text(
            _stable_svg(svg, f"fig{n}", caption, alt), encoding="utf-8"
        )
        sidecar = {"caption": caption, "alt": alt, "png": f"{fig_id}.png", "svg": f"{fig_id}.svg"}
        (folder / f"{fig_id}.json").write_text(
            json.dumps(sidecar, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        saved[fig_id] = folder / f"{fig_id}.png"
    return saved


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    """Print the memo to A4 PDF with a running title header and page numbers."""
    with chromium_page() as page:
        _print(page, html_path, pdf_path)


class PdfPrinter:
    """Chromium launched now, in a thread of its own, printing one page when asked.

    Launching takes about a second; a build starts it while the memo's kernel is still
    running, so the print waits only for the page itself. The charts' images are saved
    first (they are the same before and after printing) and handed over at once, so Word
    can be written while the PDF prints. Playwright's sync API stays in the one thread
    that started it.
    """

    def __init__(self) -> None:
        self._jobs: queue.Queue = queue.Queue()
        self._figures: queue.Queue = queue.Queue()
        self._printed: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="chromium", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with chromium_page() as page:
                job = self._jobs.get()
                while job is not None and job[0] == "preload":
                    with suppress(Exception):  # only ever faster: the print loads it anew
                        page.goto(Path(job[1]).resolve().as_uri(), wait_until="load")
                    job = self._jobs.get()
                if job is not None:
                    _, html_path, pdf_path, figures_dir = job
                    _load(page, html_path)
                    saved = save_figures(page, figures_dir) if figures_dir is not None else None
                    self._figures.put(saved)
                    if pdf_path is not None:
                        _print_loaded(page, pdf_path)
            self._printed.put(None)
        except BaseException as exc:  # handed to whoever waits next
            self._figures.put(exc)
            self._printed.put(exc)

    def preload(self, html_path: Path) -> None:
        """Open a page at the path the memo will have (`html.head_only_page`), so that
        plotly.js is compiled by the time the memo is printed. Returns at once."""
        self._jobs.put(("preload", html_path))

    @staticmethod
    def _answer(results: queue.Queue):
        result = results.get()
        if isinstance(result, BaseException):
            raise result
        return result

    def start(self, html_path: Path, pdf_path: Path | None, figures_dir: Path | None = None):
        """Open the page; save its charts in `figures_dir` (if given), then print it to
        `pdf_path` (unless None). Returns at once: `figures()` and `finish()` wait."""
        self._jobs.put(("print", html_path, pdf_path, figures_dir))

    def figures(self) -> dict[str, Path] | None:
        """Figure id -> PNG path once the charts are saved (None without `figures_dir`)."""
        return self._answer(self._figures)

    def finish(self) -> None:
        """Wait until the page is printed."""
        self._answer(self._printed)

    def print(self, html_path: Path, pdf_path: Path | None, figures_dir: Path | None = None):
        """`start`, then wait for both; return figure id -> PNG path (None without
        `figures_dir`)."""
        self.start(html_path, pdf_path, figures_dir)
        figures = self.figures()
        self.finish()
        return figures

    def close(self) -> None:
        """Close Chromium once its work is done (closed already: nothing to do)."""
        self._jobs.put(None)
        self._thread.join()
