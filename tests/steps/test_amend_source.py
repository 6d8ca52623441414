"""The amend-source step: a wrong date or a missing outlet corrected without deleting the
source; validated with all the data, or nothing kept."""

from __future__ import annotations

import pytest

from ijmemo.core.problems import CurationError, SourceError
from ijmemo.core.yamlio import load_yaml
from ijmemo.steps.accept import accept_source
from ijmemo.steps.add_source import add_source
from ijmemo.steps.amend_source import amend_source

from conftest import ACCEPT, ARTICLE, MEETING, S003, SID, TITLE, review_as_analyst, snapshot


def _record(data_copy, sid=SID) -> dict:
    return load_yaml(data_copy / "sources" / f"{sid}.yaml")


def test_a_wrong_date_is_fixed_and_the_review_is_proposed_again_against_it(data_copy):
    add_source(ARTICLE, date="2026-01-27", data_dir=data_copy)  # a month off, no title
    text_before = (data_copy / "sources" / f"{SID}.txt").read_bytes()
    done = amend_source(SID, date="2026-02-27", title=TITLE, data_dir=data_copy)
    assert done.changed == {
        "title": (None, TITLE),
        "published": ("2026-01-27", "2026-02-27"),
    }
    record = _record(data_copy)
    assert (record["published"], record["description"]) == ("2026-02-27", TITLE)
    assert record["origin"] == {"title": "given", "published": "given", "dateline": "text"}
    assert (data_copy / "sources" / f"{SID}.txt").read_bytes() == text_before  # never touched
    # nothing accepted yet: the review is proposed again, its dates read against the new day
    assert done.review_path == data_copy / "review" / f"{SID}.yaml"
    assert load_yaml(done.review_path)["dates_resolve_against"] == "2026-02-27"


def test_after_accepting_only_the_record_changes(data_copy):
    add_source(ARTICLE, title=TITLE, date="2026-02-27", data_dir=data_copy)
    review_as_analyst(data_copy, {MEETING: ACCEPT[MEETING]})
    accept_source(SID, data_dir=data_copy)
    review_before = (data_copy / "review" / f"{SID}.yaml").read_bytes()
    claims_before = (data_copy / "curated" / "claims" / f"{SID}.yaml").read_bytes()
    done = amend_source(
        SID, outlet="Kyodo News", url="https://example.invalid/jwg", data_dir=data_copy
    )
    record = _record(data_copy)
    assert (record["outlet"], record["url"]) == ("Kyodo News", "https://example.invalid/jwg")
    assert record["origin"] == {
        **dict.fromkeys(("title", "published", "outlet", "url"), "given"),
        "dateline": "text",  # "Tokyo:" opens the article
    }
    assert done.review_path is None  # accepted: the analyst's review is left as it is
    assert (data_copy / "review" / f"{SID}.yaml").read_bytes() == review_before
    assert (data_copy / "curated" / "claims" / f"{SID}.yaml").read_bytes() == claims_before


def test_a_change_the_data_cannot_take_is_refused_and_every_file_is_put_back(data_copy):
    before = snapshot(data_copy)
    with pytest.raises(CurationError) as caught:
        amend_source(S003, date="2025-01-01", data_dir=data_copy)  # before what it reports
    assert len(caught.value.problems) >= 1
    assert snapshot(data_copy) == before


@pytest.mark.parametrize(
    ("source", "values", "message"),
    [
        ("no_such_source", {"date": "2026-02-27"}, "no source 'no_such_source'.*sources: 000_"),
        (S003, {}, "say what to change"),
        (S003, {"date": "last Friday"}, "DATE:"),
    ],
)
def test_bad_amendments_are_refused_with_nothing_written(data_copy, source, values, message):
    before = snapshot(data_copy)
    with pytest.raises(SourceError, match=message):
        amend_source(source, data_dir=data_copy, **values)
    assert snapshot(data_copy) == before


def test_an_outlet_the_analyst_established_is_recorded_apart_with_how_and_when(data_copy):
    add_source(ARTICLE, title=TITLE, date="2026-02-27", data_dir=data_copy)
    text_before = (data_copy / "sources" / f"{SID}.yaml").read_text()
    amend_source(
        SID,
        outlet="Kyodo News",
        url="https://example.invalid/jwg",
        identified_by="its text is word for word the page at this address",
        on="2026-03-02",
        data_dir=data_copy,
    )
    text = (data_copy / "sources" / f"{SID}.yaml").read_text()
    assert text.startswith(text_before.rstrip("\n"))  # the record as written, then the block
    record = _record(data_copy)
    assert record["outlet"] is None and record["url"] is None  # not what the source states
    assert record["identified"] == {
        "outlet": "Kyodo News",
        "url": "https://example.invalid/jwg",
        "how": "its text is word for word the page at this address",
        "date": "2026-03-02",
    }


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"identified_by": "matched to the page"}, "give OUTLET= or URL= with it"),
        (
            {"identified_by": "matched", "outlet": "Kyodo", "on": "March"},
            "ON: 'March' is not a day",
        ),
    ],
)
def test_an_identification_without_what_or_when_is_refused(data_copy, values, message):
    before = snapshot(data_copy)
    with pytest.raises(SourceError, match=message):
        amend_source(S003, data_dir=data_copy, **values)
    assert snapshot(data_copy) == before


def test_an_amendment_keeps_the_records_comments(data_copy):
    meta = data_copy / "sources" / f"{S003}.yaml"
    before = meta.read_text()
    amend_source(S003, url="https://example.invalid/003", data_dir=data_copy)
    after = meta.read_text()
    assert "# what the report says it rests on (its own words)" in after
    assert after.count("\n") >= before.count("\n")
    assert "url: https://example.invalid/003" in after
