"""Memo content computed from the data, checked without running notebooks."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape
from types import SimpleNamespace

import pytest

from ijmemo.core.paths import DATA_DIR, NOTEBOOKS_DIR, PARAMS_DIR, DataPaths
from ijmemo.evidence.changelogs import milestone_state
from ijmemo.evidence.manifest import input_hashes
from ijmemo.evidence.store import load_processed, write_processed
from ijmemo.memo.params import MemoParams, ParameterError, check_params, load_params
from ijmemo.memo.sections import Memo
from ijmemo.steps.curate import curate


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    """The processed tables as the memo reads them, built fresh from the shipped data."""
    data = tmp_path_factory.mktemp("data")
    paths = DataPaths.at(DATA_DIR)
    write_processed(curate().tables, data / "processed", input_hashes(paths))
    return load_processed(data)


def params_for(tables, name: str) -> MemoParams:
    return load_params(
        PARAMS_DIR / f"{name}.yaml",
        tables["sectors"].sector_id.tolist(),
        tables["countries"].code.tolist(),
    )


@pytest.mark.parametrize(
    ("change", "start", "end", "as_of", "state"),
    [
        ("new", "2026-01-01", "2026-04-30", date(2025, 12, 31), "upcoming"),
        ("new", "2026-01-01", "2026-04-30", date(2026, 1, 1), "due now"),
        ("postponed", "2026-01-01", "2026-04-30", date(2026, 4, 30), "due now"),
        ("new", "2026-01-01", "2026-04-30", date(2026, 5, 1), "overdue"),
        ("met", "2026-01-01", "2026-04-30", date(2026, 5, 1), "met"),
        ("cancelled", "2026-01-01", "2026-04-30", date(2026, 5, 1), "cancelled"),
        ("new", None, None, date(2026, 5, 1), "no date reported"),
    ],
)
def test_milestone_state_against_the_edition_date(change, start, end, as_of, state):
    row = SimpleNamespace(
        change=change, due_start=start, due_end=end, met_start=None, met_text=None
    )
    assert milestone_state(row, as_of) == state


def test_default_edition_has_both_windows_due_now(tables):
    watch = Memo(tables, params_for(tables, "default")).watchlist().set_index("initiative_id")
    assert watch.loc["jwg-critical-minerals", "state"] == "due now"
    assert watch.loc["economic-security-dialogue", "state"] == "due now"


def test_after_mid_2026_the_unheld_meetings_are_overdue(tables):
    memo = Memo(tables, params_for(tables, "mid-2026"))
    watch = memo.watchlist().set_index("initiative_id")
    assert watch.loc["jwg-critical-minerals", "state"] == "overdue"
    assert watch.loc["economic-security-dialogue", "state"] == "overdue"
    assert watch.loc["private-sector-dialogue", "state"] == "no date reported"
    bullets = " ".join(memo.bluf_bullets())
    assert "Overdue as of 15 July 2026" in bullets


def test_bottom_line_has_three_to_five_cited_bullets(tables):
    for name in ("default", "critical-minerals", "mid-2026"):
        bullets = Memo(tables, params_for(tables, name)).bluf_bullets()
        assert 3 <= len(bullets) <= 5, name
        assert all('href="#note-' in b for b in bullets), name


def test_focus_sectors_come_first(tables):
    memo = Memo(tables, params_for(tables, "critical-minerals"))
    html = str(memo.developments().html)
    first = html.index("<h3>")
    assert html[first:].startswith("<h3>Critical minerals and rare earths")
    assert html.index("Economic security and supply chains") < html.index(
        "AI and digital technology"
    )


def test_third_country_initiatives_are_context_not_bilateral_developments(tables):
    memo = Memo(tables, params_for(tables, "default"))
    assert "Japan–Italy" not in str(memo.developments().html)
    assert "Japan–Italy" in str(memo.context().html)


def test_every_citation_resolves_to_a_note_with_its_verbatim_quote(tables):
    memo = Memo(tables, params_for(tables, "default"))
    body = "".join(
        str(s.html)
        for s in (
            memo.title_block(),
            memo.bottom_line(),
            memo.developments(),
            memo.meetings(),
            memo.watchlist_section(),
            memo.context(),
        )
    )
    notes = memo.citations.notes()
    cited = {int(n) for n in re.findall(r'href="#note-(\d+)"', body)}
    assert cited == {n.number for n in notes}
    claims = tables["claims"].set_index("claim_id")
    for note in notes:
        for cid in note.claim_ids:
            assert claims.loc[cid, "quote"] == note.quote


def test_statement_markup_is_escaped(tables):
    claims = tables["claims"].copy()
    claims.loc[claims.claim_id == "c003-05", "statement"] = "<script>alert(1)</script> & more"
    memo = Memo({**tables, "claims": claims}, params_for(tables, "default"))
    html = str(memo.developments().html)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_assessment_is_labelled_and_its_html_escaped(tables):
    memo = Memo(
        tables,
        params_for(tables, "default"),
        assessment="**Likely** slow. <img src=x onerror=alert(1)>",
    )
    html = str(memo.assessment_section().html)
    assert "not a reported fact" in html
    assert "<strong>Likely</strong>" in html and "<img" not in html
    assert str(Memo(tables, params_for(tables, "mid-2026")).assessment_section().html).strip() == ""


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"sectors": ["space"]}, "'sectors': unknown sector 'space'; allowed: critical-minerals"),
        ({"countries": ["XX"]}, "'countries': unknown country 'XX'; allowed: CN, IN, IT, JP"),
        ({"as_of": "20 January"}, "'as_of': '20 January' is not a date; use YYYY-MM-DD"),
        ({"as_of": "2026-02-30"}, "'as_of'"),
        (
            {"start": "2026-02-01", "end": "2026-01-01"},
            "'end': 2026-01-01 is before start (2026-02-01)",
        ),
        ({"sectors": "critical-minerals"}, "'sectors': input should be a valid list"),
        ({"title": ""}, "'title'"),
        ({"focus": ["energy"]}, "'focus' is not a parameter; parameters are: as_of, sectors"),
    ],
)
def test_bad_parameters_are_refused_naming_the_parameter(tables, change, named):
    raw = params_for(tables, "default").model_dump(mode="json") | change
    with pytest.raises(ParameterError) as caught:
        check_params(raw, tables["sectors"].sector_id.tolist(), tables["countries"].code.tolist())
    assert named in str(caught.value)


def test_notebook_defaults_are_the_default_parameter_set(tables):
    nb = json.loads((NOTEBOOKS_DIR / "02_memo.ipynb").read_text())
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    scope: dict = {}
    exec("".join(cell["source"]), scope)  # the cell is plain assignments
    default = params_for(tables, "default").model_dump(mode="json")
    assert {k: scope[k] for k in default} == default


# ---- who said it, how firmly, how independently (the fact-check of the default memo)


def default_memo(tables) -> tuple[Memo, str]:
    memo = Memo(tables, params_for(tables, "default"))
    parts = [memo.bottom_line(), memo.developments(), memo.meetings(), memo.watchlist_section()]
    parts += [memo.context(), memo.sources_and_method(), memo.endnotes()]
    html = "\n".join(str(p.html) for p in parts)
    text = re.sub(r"<sup.*?</sup>", "", html)
    return memo, unescape(
        re.sub(r"\s+", " ", re.sub(r"<br>", " ", re.sub(r"<(?!br)[^>]+>", "", text)))
    )


def test_statuses_resting_on_a_speaker_say_whose_words_they_are(tables):
    _, text = default_memo(tables)
    # The status is our word for what they said, not theirs: Kitamura never said "agreed".
    assert (
        "India–Japan economic security dialogue (scheduled, our reading of what officials said)"
        in text
    )
    assert (
        "Unicorn antenna technology transfer to the Indian Navy "
        "(agreed, our reading of what Kitamura said)" in text
    )
    assert "agreed, according to" not in text
    assert "first half of 2026 according to officials" in text  # the watchlist's due column
    # the spokesperson's words stay his, hedge included
    assert "Kitamura said both sides “agreed to accelerate” the high-speed railway project" in text
    assert "that could lead to further collaboration" in text


def test_every_attributed_statement_in_the_memo_names_its_speaker(tables):
    memo, text = default_memo(tables)
    shown = memo.claims[memo.claims.statement.map(lambda s: s in text)]
    attributed = shown[shown.said_by != "outlet"]
    assert len(attributed) >= 10
    for claim in attributed.itertuples():
        who = "official" if claim.said_by == "officials" else memo.short_names[claim.said_by]
        assert who.casefold() in claim.statement.casefold(), claim.claim_id


def test_no_count_claims_more_independence_than_is_shown(tables):
    _, text = default_memo(tables)
    assert "independent)" not in text and "2 independent" not in text
    assert "2 reports (S1, S2), not shown to be independent (S1 names no basis" in text
    # a wish is shown, and said not to corroborate
    assert "S1 reports it only as wished for by one side, which does not corroborate it" in text


def test_sectors_counted_in_figure_1_are_never_said_to_have_no_initiative(tables):
    memo, text = default_memo(tables)
    quiet = re.search(r"No initiative reported in: ([^.]*)\.", text).group(1).split(", ")
    counted = {memo.sector_labels[s] for cell in memo.bilateral.sectors for s in cell.split(";")}
    assert quiet and not set(quiet) & counted
    assert "Energy, Maritime security: no initiative of their own" in text


def test_details_from_one_source_say_so(tables):
    _, text = default_memo(tables)
    assert "16 January 2026 (S2 only) · New Delhi (S2 only)" in text
    assert "15 January 2026 – 17 January 2026 (days from S1, year from S2's date)" in text
    assert "18th India" not in text  # "18th" is S1's alone: it stays in S1's cited statement


def test_context_keeps_the_source_framing(tables):
    _, text = default_memo(tables)
    assert (
        "Without directly referring to the fallout of US tariff policies, Jaishankar said" in text
    )
    assert "In reaction to this" in text
    reliance = text[text.find("Japan's strategy to cut its reliance on China") :]
    assert "Jaishankar" not in reliance[: reliance.find("Working together")]


def test_endnotes_carry_speaker_firmness_and_grades(tables):
    _, text = default_memo(tables)
    assert (
        "Attributed to officials (said or told the reporter: “officials said”, in the sentence "
        "next to the quote); planned or expected. Credibility 3" in text
    )
    assert "Source reliability F." in text
    assert "In the report's own voice; wished for or proposed by one side. Credibility 6" in text


def test_a_deadline_reads_as_by_its_last_day():
    from ijmemo.memo.wording import window_text

    assert window_text("2026-02-10", "2026-03-31", "deadline") == "by 31 March 2026"
    assert window_text("2026-03-01", "2026-03-31", "month") == "March 2026"


def test_a_speaker_is_never_named_by_an_alias_other_actors_share(tables):
    from ijmemo.memo.provenance import short_names

    names = short_names(tables["actors"])
    # both ministries carry the alias "foreign ministries"; Kitamura's alias is his own
    assert names["in-foreign-ministry"] == "India's foreign ministry"
    assert names["jp-foreign-ministry"] == "Japanese foreign ministry"
    assert names["kitamura"] == "Kitamura"


def test_corroboration_lists_sources_in_number_order():
    import pandas as pd

    from ijmemo.memo.provenance import corroboration_text

    about = pd.DataFrame(
        {"source_id": ["a", "b", "c"], "modality": ["done", "done", "done"], "claim_id": [1, 2, 3]}
    )
    keys = {"a": "S10", "b": "S2", "c": "S9"}
    text = corroboration_text(about, keys, {"a": "x", "b": "y", "c": "z"}, 3)
    assert text == "3 reports (S2, S9, S10), shown independent."


def refused(tmp_path, text: str, sectors=("defence",)) -> list[str]:
    """The problems listed for a parameter file with `text` (it must be refused)."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: t\naudience: a\n" + text, encoding="utf-8")
    with pytest.raises(ParameterError) as caught:
        load_params(bad, list(sectors), ["IN", "JP"])
    return caught.value.problems


def test_every_problem_in_a_parameter_file_is_listed_at_once(tmp_path):
    problems = refused(
        tmp_path,
        "as_of: 2026-13-45\nstart: 2025-11-01\nend: 2026-01-31\n"
        "sectors: [nope]\ncountries: [IN, JP]\nassessment_file: missing.md\n",
    )
    fields = [p.split(":")[0] for p in problems]
    # a missing assessment file no longer hides the bad date and the unknown sector
    assert fields == ["'assessment_file'", "'as_of'", "'sectors'"]


def test_a_period_ending_before_it_starts_is_reported_beside_other_problems(tmp_path):
    problems = refused(
        tmp_path,
        "as_of: next Friday\nstart: 2026-03-01\nend: 2026-01-31\nsectors: critical-minerals\n",
        sectors=["critical-minerals"],
    )
    assert problems == [
        "'as_of': 'next Friday' is not a date; use YYYY-MM-DD",
        "'sectors': input should be a valid list (got 'critical-minerals')",
        "'end': 2026-01-31 is before start (2026-03-01)",
    ]


def test_a_meeting_dated_or_placed_by_a_plan_says_so(tables):
    """ "will meet in Tokyo on 15 January" must not read as a meeting held there then."""
    from ijmemo.memo.charts import timeline_chart
    from ijmemo.memo.wording import FIRMNESS

    default = Memo(tables, params_for(tables, "default"))
    events = default.events.set_index("event_id")
    event = events.loc["strategic-dialogue-18"]  # dated and placed by one claim
    head = re.compile(r'<p class="event-head"><strong>India–Japan Strategic Dialogue.*?</p>', re.S)
    shown = head.search(str(default.meetings().html)).group(0)
    assert "(planned)" not in shown and "(possible)" not in shown  # reported as held

    for modality, word in [("planned", "planned"), ("hedged", "possible"), ("wished", "proposed")]:
        claims = tables["claims"].copy()
        about = claims.subject_id == "strategic-dialogue-18"
        claims.loc[about, "modality"] = modality
        memo = Memo({**tables, "claims": claims}, params_for(tables, "default"))
        shown = head.search(str(memo.meetings().html)).group(0)
        assert f"({word})" in shown and FIRMNESS[modality] == word
        assert f"{event.location} ({word})" in shown  # the place, too
        labels = [y for trace in timeline_chart(memo).figure.data for y in trace.y]
        assert any(y.replace("<br>", " ").endswith(f"({word})") for y in labels)  # and Figure 2

    # the claim cited for the date is a plan, but another report gives the same day as held
    claims = tables["claims"].copy()
    claims.loc[claims.claim_id == event.date_claim, "modality"] = "planned"
    memo = Memo({**tables, "claims": claims}, params_for(tables, "default"))
    assert "(planned)" not in head.search(str(memo.meetings().html)).group(0)


def test_an_assessment_file_that_is_a_folder_is_named_as_one(tmp_path):
    problems = refused(
        tmp_path, "as_of: 2026-01-20\nstart: 2025-11-01\nend: 2026-01-31\nassessment_file: .\n"
    )
    assert problems == [f"'assessment_file': {tmp_path} is a folder, not a Markdown file"]
