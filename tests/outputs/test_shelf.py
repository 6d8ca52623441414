"""report/build/index.html: every edition on record, with links to what was built."""

from __future__ import annotations

import json
import re

from ijmemo.outputs.shelf import write_shelf


def _record(as_of, claims, statuses, sectors=()):
    return {
        "as_of": as_of,
        "parameters": {"title": f"Memo {as_of}", "sectors": list(sectors)},
        "sources": {"s1": "2026-01-16"},
        "claims": claims,
        "statuses": statuses,
        "milestones": {},
    }


def test_every_edition_is_listed_with_what_changed_and_links_to_the_built_one(tmp_path):
    editions, build = tmp_path / "editions", tmp_path / "build"
    (editions / "spring").mkdir(parents=True)
    january = _record("2026-01-20", ["c1"], {"ai": "agreed"})
    april = _record("2026-04-15", ["c1", "c2", "c3"], {"ai": "convened"}, ["ai-digital"])
    for record in (january, april):
        path = editions / "spring" / f"{record['as_of']}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
    built = build / "spring"
    (built / "data").mkdir(parents=True)
    for name in ("memo.html", "memo.pdf", "memo.docx"):
        (built / name).write_text("x")
    (built / "edition.json").write_text(json.dumps(april), encoding="utf-8")

    page = write_shelf(build, editions).read_text(encoding="utf-8")
    rows = re.findall(r"<tr><td>(.*?)</tr>", page)
    assert len(rows) == 2
    assert "2026-01-20" in rows[0] and "first edition of this series" in rows[0]
    assert "not built here" in rows[0]  # the build is April's
    assert "since 2026-01-20: 2 new claims, 1 status change" in rows[1]
    assert "ai-digital" in rows[1]
    links = re.findall(r'href="([^"]+)"', rows[1])
    assert links == ["spring/memo.html", "spring/memo.pdf", "spring/memo.docx", "spring/data"]
    assert all((build / link).exists() for link in links)
    # self-contained and offline, like the memo
    assert "http" not in page.replace('lang="en"', "") and "<script" not in page
