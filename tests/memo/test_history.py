"""Edition records: what each edition used and said, and what changed since the last one."""

from __future__ import annotations

import json
import os

import pytest

from ijmemo.memo.history import (
    BUILD_RECORD,
    compare,
    previous_record,
    read_build_record,
    read_record,
    record,
    record_paths,
    write_build_record,
    write_record,
)

SET = "default"


def params(as_of: str) -> dict:
    return {"as_of": as_of, "sectors": ["critical-minerals"], "countries": ["IN", "JP"]}


def milestone(state: str, due: str | None = None, moved_from: str | None = None) -> dict:
    return {
        "initiative": "jwg-critical-minerals",
        "what": "Meeting of the working group",
        "due": due,
        "moved_from": moved_from,
        "met": None,
        "state": state,
    }


def edition(as_of: str, **parts) -> dict:
    """A record as an edition writes it; parts: sources, claims, statuses, milestones."""
    return record(
        params(as_of),
        parts.get("sources", {}),
        parts.get("claims", []),
        parts.get("statuses", {}),
        parts.get("milestones", {}),
    )


def save(editions, as_of: str, **parts):
    return write_record(editions, SET, edition(as_of, **parts), memo_sha256="ab" * 32)


# ---- the record


def test_the_same_content_in_any_order_gives_the_same_json():
    one = record(
        params("2026-03-01"),
        {"s2": "2026-02-27", "s1": "2026-01-16"},
        ["c2", "c10", "c1"],
        {"b-ini": "agreed", "a-ini": "convened"},
        {"m2": milestone("met"), "m1": milestone("upcoming", "June 2026")},
    )
    other = record(
        params("2026-03-01"),
        {"s1": "2026-01-16", "s2": "2026-02-27"},
        ["c1", "c10", "c2"],
        {"a-ini": "convened", "b-ini": "agreed"},
        {"m1": milestone("upcoming", "June 2026"), "m2": milestone("met")},
    )
    assert json.dumps(one) == json.dumps(other)
    assert list(one["sources"]) == ["s1", "s2"]
    assert one["claims"] == ["c1", "c10", "c2"]
    assert list(one["statuses"]) == ["a-ini", "b-ini"]
    assert list(one["milestones"]) == ["m1", "m2"]


def test_a_record_is_dated_by_its_parameters():
    current = edition("2026-03-01")
    assert current["as_of"] == "2026-03-01"
    assert current["parameters"]["countries"] == ["IN", "JP"]


def test_a_written_record_reads_back_with_its_memo_hash(tmp_path):
    path = save(tmp_path, "2026-03-01", claims=["c1"])
    assert path == tmp_path / SET / "2026-03-01.json"
    assert read_record(path) == {**edition("2026-03-01", claims=["c1"]), "memo_sha256": "ab" * 32}
    assert path.read_text(encoding="utf-8").endswith("}\n")


def test_an_unchanged_record_is_left_untouched(tmp_path):
    path = save(tmp_path, "2026-03-01", claims=["c1"])
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # an old time, whatever the clock
    save(tmp_path, "2026-03-01", claims=["c1"])
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_a_changed_record_is_rewritten(tmp_path):
    path = save(tmp_path, "2026-03-01", claims=["c1"])
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    save(tmp_path, "2026-03-01", claims=["c1", "c2"])
    assert path.stat().st_mtime_ns != 1_000_000_000
    assert read_record(path)["claims"] == ["c1", "c2"]
    assert [p.name for p in path.parent.iterdir()] == ["2026-03-01.json"]


# ---- finding the previous edition


@pytest.fixture
def editions(tmp_path):
    """Three editions of the set, and one of another set."""
    for as_of in ("2026-01-20", "2026-03-01", "2026-05-01"):
        save(tmp_path, as_of, claims=[f"claim-of-{as_of}"])
    write_record(tmp_path, "other", edition("2026-04-01"), "cd" * 32)
    return tmp_path


def names(paths) -> list[str]:
    return [p.stem for p in paths]


def test_record_paths_are_oldest_first_and_only_those_before_a_date(editions):
    assert names(record_paths(editions, SET)) == ["2026-01-20", "2026-03-01", "2026-05-01"]
    assert names(record_paths(editions, SET, before="2026-03-01")) == ["2026-01-20"]
    assert names(record_paths(editions, SET, before="2026-03-02")) == ["2026-01-20", "2026-03-01"]
    assert record_paths(editions, SET, before="2026-01-20") == []
    assert record_paths(editions, "no-such-set") == []


@pytest.mark.parametrize(
    ("as_of", "previous"),
    [
        ("2026-04-01", "2026-03-01"),
        ("2026-03-01", "2026-01-20"),  # an edition never compares with itself
        ("2026-12-31", "2026-05-01"),
        ("2026-01-20", None),  # the first edition of the set
    ],
)
def test_the_previous_record_is_the_latest_dated_before(editions, as_of, previous):
    found = previous_record(editions, SET, as_of)
    assert (found and found["as_of"]) == previous
    if found:
        assert found["claims"] == [f"claim-of-{previous}"]


@pytest.mark.parametrize("content", ["{ not json", "", '["a", "list"]'])
def test_an_unreadable_record_is_skipped_for_the_one_before(editions, content):
    (editions / SET / "2026-03-01.json").write_text(content, encoding="utf-8")
    assert previous_record(editions, SET, "2026-04-01")["as_of"] == "2026-01-20"


def test_no_previous_record_without_a_history_folder_or_set(tmp_path):
    assert previous_record(None, SET, "2026-04-01") is None
    assert previous_record(tmp_path, None, "2026-04-01") is None
    assert previous_record(tmp_path / "missing", SET, "2026-04-01") is None


# ---- the build record


def test_the_build_record_reads_back_with_what_the_build_came_from(tmp_path):
    current = edition("2026-03-01", sources={"s1": "2026-01-16"}, claims=["c1"])
    write_build_record(tmp_path, current, "ab" * 32, "2026-01-20", "cd" * 32)
    assert (tmp_path / BUILD_RECORD).is_file()
    assert read_build_record(tmp_path) == {
        **current,
        "memo_sha256": "ab" * 32,
        "previous_as_of": "2026-01-20",
        "inputs_sha256": "cd" * 32,
    }


def test_a_first_build_records_no_previous_edition(tmp_path):
    write_build_record(tmp_path, edition("2026-03-01"), "ab" * 32, None, None)
    built = read_build_record(tmp_path)
    assert built["previous_as_of"] is None and built["inputs_sha256"] is None


def test_nothing_built_reads_as_no_build_record(tmp_path):
    assert read_build_record(tmp_path / "missing") is None
    assert read_build_record(tmp_path) is None  # the folder exists, the record does not
    (tmp_path / BUILD_RECORD).write_text("[1, 2]\n", encoding="utf-8")
    assert read_build_record(tmp_path) is None


# ---- what changed since the previous edition

PREVIOUS = edition(
    "2026-01-20",
    sources={"s1": "2026-01-16"},
    claims=["c1", "c2"],
    statuses={"jwg": "agreed", "ai": "scheduled", "hsr": "being-implemented"},
    milestones={
        "moved": milestone("due now", due="early 2026"),
        "dated": milestone("no date reported"),
        "held": milestone("due now", due="early 2026"),
        "late": milestone("due now", due="January 2026"),
        "dropped": milestone("upcoming", due="June 2026"),
        "met-before": milestone("met", due="December 2025"),
    },
)
CURRENT = edition(
    "2026-03-01",
    sources={
        "s1": "2026-01-16",
        "s2": "2026-02-27",  # published after the previous edition: new
        "s3": "2026-01-10",  # published before it, added since: late
        "s4": "2026-01-20",  # known on the previous edition's own date: late
        "s5": "2026-01-21",  # the day after: new
    },
    claims=["c1", "c2", "c3", "c4"],
    statuses={"jwg": "convened", "ai": "scheduled", "hsr": "being-implemented", "rail": "agreed"},
    milestones={
        "moved": milestone("upcoming", due="second half of 2026", moved_from="early 2026"),
        "dated": milestone("upcoming", due="June 2026"),  # a first due date, not a move
        "held": milestone("met", due="early 2026"),
        "late": milestone("overdue", due="January 2026"),
        "dropped": milestone("cancelled", due="June 2026"),
        "met-before": milestone("met", due="December 2025"),
        "fresh": milestone("upcoming", due="2027"),
    },
)


@pytest.fixture(scope="module")
def diff():
    return compare(PREVIOUS, CURRENT)


def test_sources_published_since_the_previous_edition_are_new(diff):
    assert diff["new_sources"] == ["s2", "s5"]


def test_sources_published_before_the_previous_edition_but_added_since_are_late(diff):
    assert diff["late_sources"] == ["s3", "s4"]


def test_claims_not_in_the_previous_edition_are_new(diff):
    assert diff["new_claims"] == ["c3", "c4"]


def test_status_changes_give_the_old_and_new_status(diff):
    assert diff["status_changes"] == [("jwg", "agreed", "convened"), ("rail", None, "agreed")]


def test_milestones_first_reported_since_are_new(diff):
    assert diff["new_milestones"] == ["fresh"]


def test_a_milestone_is_postponed_only_when_its_due_date_moved(diff):
    assert diff["postponed"] == ["moved"]  # "dated" got a first due date: not a move


def test_milestones_that_became_met_overdue_or_cancelled(diff):
    assert diff["became_met"] == ["held"]  # met-before was already met
    assert diff["became_overdue"] == ["late"]
    assert diff["became_cancelled"] == ["dropped"]


def test_an_edition_compared_with_itself_reports_no_change():
    same = compare(CURRENT, CURRENT)
    assert all(found == [] for found in same.values()), same


def test_a_milestone_still_overdue_is_not_reported_again():
    earlier = edition("2026-03-01", milestones={"late": milestone("overdue", due="January 2026")})
    later = edition("2026-05-01", milestones={"late": milestone("overdue", due="January 2026")})
    assert compare(earlier, later)["became_overdue"] == []
