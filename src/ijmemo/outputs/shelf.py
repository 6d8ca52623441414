"""The shelf of editions: report/build/index.html, one row per edition on record.

Every parameter set's editions (report/editions/<set>/*.json, tracked in git) with their
date, focus and what changed since the edition before, and links to the HTML, PDF, Word
file and data export of the one built in report/build/<set>/. Self-contained and
offline like the memo: no script, no font or style from elsewhere.
"""

from __future__ import annotations

import html
from pathlib import Path

from ijmemo.core.atomic import atomic_write_text
from ijmemo.memo.history import read_build_record, read_record, record_paths, summary

FORMATS = (("memo.html", "HTML"), ("memo.pdf", "PDF"), ("memo.docx", "Word"), ("data", "data"))
STYLE = """
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 2rem auto;
       max-width: 60rem; color: #222; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.4rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } .muted { color: #666; }
"""


def _changes(previous: dict | None, current: dict) -> str:
    """What changed since the set's edition before, in a few words."""
    if previous is None:
        return "first edition of this series"
    return f"since {previous['as_of']}: {summary(previous, current)}"


def _focus(parameters: dict) -> str:
    sectors = parameters.get("sectors") or []
    return ", ".join(sectors) if sectors else "all sectors"


def _links(build: Path, record: dict, root: Path) -> str:
    """Links to the built files when this record is the edition built in `build`."""
    built = read_build_record(build)
    if built is None:
        return '<span class="muted">not built here</span>'
    if built.get("as_of") != record["as_of"]:
        return '<span class="muted">not built here (the build is another edition)</span>'
    links = [
        f'<a href="{html.escape((build / name).relative_to(root).as_posix())}">{label}</a>'
        for name, label in FORMATS
        if (build / name).exists()
    ]
    return " · ".join(links)


def shelf_rows(build_root: Path, editions_dir: Path) -> list[dict]:
    """One row per edition on record, by set, oldest first within a set."""
    rows = []
    for folder in sorted(p for p in Path(editions_dir).iterdir() if p.is_dir()):
        previous = None
        for path in record_paths(editions_dir, folder.name):
            record = read_record(path)
            if record is None:
                continue  # unreadable: shown by the build that compares with it, not here
            rows.append(
                {
                    "set": folder.name,
                    "as_of": record["as_of"],
                    "title": record.get("parameters", {}).get("title", ""),
                    "focus": _focus(record.get("parameters", {})),
                    "changed": _changes(previous, record),
                    "links": _links(Path(build_root) / folder.name, record, Path(build_root)),
                }
            )
            previous = record
    return rows


def write_shelf(build_root: Path, editions_dir: Path) -> Path:
    """Write build_root/index.html; return its path."""
    rows = shelf_rows(build_root, editions_dir)
    body = "\n".join(
        "<tr>"
        f"<td>{html.escape(r['set'])}</td><td>{html.escape(r['as_of'])}</td>"
        f'<td>{html.escape(r["title"])}<br><span class="muted">{html.escape(r["focus"])}</span></td>'
        f"<td>{html.escape(r['changed'])}</td><td>{r['links']}</td>"
        "</tr>"
        for r in rows
    )
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>India–Japan memo: editions</title>"
        f"<style>{STYLE}</style></head><body>\n"
        "<h1>India–Japan memo: editions</h1>\n"
        f"<p>{len(rows)} editions on record in report/editions/; links open the one built "
        "for each parameter set.</p>\n"
        "<table><thead><tr><th>Set</th><th>Edition</th><th>Title and focus</th>"
        "<th>What changed</th><th>Files</th></tr></thead><tbody>\n"
        f"{body}\n</tbody></table>\n</body></html>\n"
    )
    out = Path(build_root) / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out, page)
    return out
