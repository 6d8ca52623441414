"""Memo sections computed from the data, checked without running notebooks."""

from __future__ import annotations

import re
from html import unescape

from ijmemo.memo.assessment import Assessment
from ijmemo.memo.params import read_assessment
from ijmemo.memo.sections import Memo

from conftest import params_for


def plain(html: str) -> str:
    """The text a reader sees: tags and citation marks removed, spaces collapsed."""
    text = re.sub(r"<sup.*?</sup>", "", html)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<br>", " ", re.sub(r"<(?!br)[^>]+>", "", text))))


def memo_of(processed_tables, name="default", **overrides) -> Memo:
    params = params_for(processed_tables, name, **overrides)
    return Memo(processed_tables, params, read_assessment(params))


def analysis(memo: Memo) -> list[str]:
    """The memo's sections in the notebook's order, before the annex, as HTML."""
    parts = [memo.brief(), memo.changes(), memo.tracker_section(), memo.developments()]
    parts += [memo.meetings(), memo.context(), memo.assessment_section()]
    return [str(p.html) for p in parts]


def default_memo(processed_tables) -> tuple[Memo, str]:
    memo = memo_of(processed_tables)
    annex = [str(memo.sources_and_method().html), str(memo.endnotes().html)]
    return memo, plain("\n".join([*analysis(memo), *annex]))


def test_default_edition_has_both_windows_open(processed_tables):
    watch = memo_of(processed_tables).watchlist().set_index("initiative_id")
    assert watch.loc["jwg-critical-minerals", "state"] == "due now"
    assert watch.loc["jwg-critical-minerals", "state_label"] == "Window open until 30 April 2026"
    assert watch.loc["economic-security-dialogue", "state"] == "due now"


def test_a_closed_window_on_old_evidence_is_unchecked_not_overdue(processed_tables):
    """July 2026 on January's two articles: a gap in collection, not a finding."""
    memo = memo_of(processed_tables, as_of="2026-07-15")
    watch = memo.watchlist().set_index("initiative_id")
    assert watch.loc["jwg-critical-minerals", "state"] == "unchecked"
    assert watch.loc["economic-security-dialogue", "state"] == "unchecked"
    assert watch.loc["private-sector-dialogue", "state"] == "no date reported"
    assert (
        watch.loc["jwg-critical-minerals", "state_label"]
        == "Window closed 30 April 2026; no source collected since 16 January 2026"
    )
    page_1 = plain(str(memo.brief().html))
    assert "overdue" not in page_1.lower()
    assert "the newest known from 16 January 2026 (180 days before this edition)" in page_1
    assert "nothing later has been collected" in page_1


def test_a_closed_window_with_later_evidence_is_overdue(processed_tables):
    sources = processed_tables["sources"].copy()
    last = sources.source_id.iloc[-1]
    dates = ["published", "published_start", "published_end", "known_from"]
    sources.loc[sources.source_id == last, dates] = "2026-07-01"
    claims = processed_tables["claims"].copy()
    claims.loc[claims.source_id == last, "known_from"] = "2026-07-01"
    params = params_for(processed_tables, "default", as_of="2026-07-15")
    memo = Memo({**processed_tables, "sources": sources, "claims": claims}, params)
    watch = memo.watchlist().set_index("initiative_id")
    assert watch.loc["jwg-critical-minerals", "state"] == "overdue"
    assert watch.loc["jwg-critical-minerals", "state_label"] == (
        "Window closed 30 April 2026; no source since reports it held"
    )


def test_page_1_says_what_happened_the_judgement_and_what_to_watch(processed_tables):
    memo = memo_of(processed_tables)
    html = str(memo.brief().html)
    text = plain(html)
    # what happened: who, when, where, in date order, the visit before the meetings in it
    visit = text.index("Foreign Minister Motegi's visit to India, 15–17 January 2026")
    modi = text.index("Motegi's meeting with Prime Minister Modi, 15–16 January 2026")
    dialogue = text.index(
        "India–Japan Strategic Dialogue (Jaishankar–Motegi), 16 January 2026, New Delhi"
    )
    assert visit < modi < dialogue
    # the judgement is the analyst's, dated, and never stated as fact
    assert "The analyst's assessment, written 20 January 2026; not a reported fact." in text
    assert "The test is delivery" in text
    # what to watch: each open window in its own dates
    assert (
        "Meeting of the Joint Working Group on critical minerals: window open until 30 April 2026"
        in text
    )
    assert "due now" not in text.lower()
    assert "2 sources, the newest known from 16 January 2026 (4 days before this edition)" in text
    assert "First edition of this series on record." in text
    assert "For policy analysts" in text
    assert all(f'href="#note-{n}"' in html for n in (1, 2))
    assert len(text.split()) <= 300  # about 250 words: one page


def test_an_edition_shows_the_judgement_written_by_its_date(processed_tables):
    april = plain(str(memo_of(processed_tables, as_of="2026-04-15").brief().html))
    assert "written 15 April 2026" in april and "written 20 January 2026" not in april
    march = plain(str(memo_of(processed_tables, as_of="2026-03-01").brief().html))
    assert "written 20 January 2026" in march  # the latest written on or before 1 March
    early = memo_of(processed_tables, as_of="2026-01-10")
    none = plain(str(early.brief().html))
    assert "None written for this edition." in none
    assert "No assessment has been written on or before this edition's date." in none


def test_the_next_edition_of_the_series_says_what_changed_and_how_current(processed_tables):
    from ijmemo.memo import history

    january = memo_of(processed_tables).record()
    params = params_for(processed_tables, "default", as_of="2026-04-15")
    april = Memo(processed_tables, params, read_assessment(params), previous=january)
    assert (params.start.isoformat(), params.end.isoformat()) == ("2026-01-16", "2026-04-15")
    text = plain(str(april.brief().html))
    assert "Nothing new has been reported since the edition of 20 January 2026." in text
    assert "Outcomes reported" not in text  # January's outcomes were January's news
    assert "covering 16 January 2026 – 15 April 2026" in text
    assert history.summary(january, april.record()) == "nothing new"
    assert "What changed since the edition of 20 January 2026" in str(april.changes().html)


def test_focus_sectors_come_first(processed_tables):
    memo = Memo(processed_tables, params_for(processed_tables, "critical-minerals"))
    html = str(memo.developments().html)
    first = html.index("<h3>")
    assert html[first:].startswith("<h3>Critical minerals and rare earths")
    assert html.index("Economic security and supply chains") < html.index(
        "AI and digital technology"
    )


def test_third_country_initiatives_are_context_not_bilateral_developments(processed_tables):
    memo = Memo(processed_tables, params_for(processed_tables, "default"))
    assert "Japan–Italy" not in str(memo.developments().html)
    assert "Japan–Italy" in str(memo.context().html)


def test_every_citation_resolves_to_a_note_with_its_verbatim_quote(processed_tables):
    memo = memo_of(processed_tables)
    body = "".join(analysis(memo))
    notes = memo.citations.notes()
    cited = {int(n) for n in re.findall(r'href="#note-(\d+)"', body)}
    assert cited == {n.number for n in notes}
    claims = processed_tables["claims"].set_index("claim_id")
    for note in notes:
        for cid in note.claim_ids:
            assert claims.loc[cid, "quote"] == note.quote


def test_statement_markup_is_escaped(processed_tables):
    claims = processed_tables["claims"].copy()
    claims.loc[claims.claim_id == "c003-05", "statement"] = "<script>alert(1)</script> & more"
    memo = Memo({**processed_tables, "claims": claims}, params_for(processed_tables, "default"))
    html = str(memo.developments().html)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_assessment_is_labelled_and_its_html_escaped(processed_tables):
    assessment = Assessment(
        written=None,
        judgement="Slow progress.",
        rest="**Likely** slow. <img src=x onerror=alert(1)>",
    )
    memo = Memo(processed_tables, params_for(processed_tables, "default"), assessment)
    html = str(memo.assessment_section().html)
    assert "not a reported fact" in html
    assert "<strong>Likely</strong>" in html and "<img" not in html
    without = Memo(processed_tables, params_for(processed_tables, "default"))
    assert str(without.assessment_section().html).strip() == ""


def test_statuses_resting_on_a_speaker_say_whose_words_they_are(processed_tables):
    _, text = default_memo(processed_tables)
    developments = plain(str(memo_of(processed_tables).developments().html))
    # The status is our word for what they said, not theirs: Kitamura never said "agreed".
    assert "India–Japan economic security dialogue (scheduled†)" in developments
    assert "Unicorn antenna technology transfer to the Indian Navy (agreed†)" in developments
    assert (
        "† The status is our reading of what officials and Kitamura said, not their word for it."
        in developments
    )
    assert "agreed, according to" not in text
    # the spokesperson's words stay his, hedge included
    assert "Kitamura said both sides “agreed to accelerate” the high-speed railway project" in text
    assert "that could lead to further collaboration" in text


def test_every_attributed_statement_in_the_memo_names_its_speaker(processed_tables):
    memo, text = default_memo(processed_tables)
    shown = memo.claims[memo.claims.statement.map(lambda s: s in text)]
    attributed = shown[shown.said_by != "outlet"]
    assert len(attributed) >= 10
    for claim in attributed.itertuples():
        who = "official" if claim.said_by == "officials" else memo.short_names[claim.said_by]
        assert who.casefold() in claim.statement.casefold(), claim.claim_id


def test_no_count_claims_more_independence_than_is_shown(processed_tables):
    _, text = default_memo(processed_tables)
    assert "independent)" not in text and "2 independent" not in text
    # the default (reports not shown independent count once) is stated once, in the method
    memo = memo_of(processed_tables)
    items = plain(str(memo.developments().html) + str(memo.meetings().html))
    assert "not shown to be independent" not in items and "counted as 1" not in items
    assert "rests on one independent report" in text
    # a wish is shown in its own words, and the method says it never corroborates
    assert "The undated report says Japan has a strong desire to start a new round" in text
    assert "wished-for and hedged reports are shown but never corroborate" in text


def test_no_sentence_is_stated_twice_before_the_annex(processed_tables):
    memo = memo_of(processed_tables)
    text = plain("\n".join(analysis(memo)))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6]
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert not repeated
    assert text.count("both new initiatives") == 1


def test_sectors_counted_in_figure_1_are_never_said_to_have_no_initiative(processed_tables):
    memo, text = default_memo(processed_tables)
    quiet = re.search(r"No initiative reported in: ([^.]*)\.", text).group(1).split(", ")
    counted = {memo.sector_labels[s] for cell in memo.bilateral.sectors for s in cell.split(";")}
    assert quiet and not set(quiet) & counted
    assert "Energy, Maritime security: no initiative of their own" in text


def test_details_from_one_source_say_so(processed_tables):
    _, text = default_memo(processed_tables)
    assert "16 January 2026 (S2 only) · New Delhi (S2 only)" in text
    assert "15–17 January 2026 (days from S1, year from S2's date)" in text
    assert (
        "15–16 January 2026 (days from S1, year from S2's date; ends by the India–Japan "
        "Strategic Dialogue (Jaishankar–Motegi) (S2))" in text
    )
    assert "18th India" not in text  # "18th" is S1's alone: it stays in S1's cited statement


def test_context_keeps_the_source_framing(processed_tables):
    _, text = default_memo(processed_tables)
    assert (
        "Without directly referring to the fallout of US tariff policies, Jaishankar said" in text
    )
    assert "In reaction to this" in text
    # "this is part of Japan's wider strategy": what "this" was is kept
    assert "presents the Japan–Italy economic security cooperation as part of Japan's wider" in text
    assert "the article says" not in text.lower()


def test_endnotes_carry_speaker_firmness_and_grades(processed_tables):
    _, text = default_memo(processed_tables)
    assert (
        "Attributed to officials (said or told the reporter: “officials said”, in the sentence "
        "next to the quote); planned or expected. Credibility 3, possibly true: unmatched, basis "
        "stated, speaker unnamed" in text
    )
    assert "Source reliability F." in text
    assert "In the report's own voice; wished for or proposed by one side. Credibility 6" in text
    # the method prints the rule the grades were computed by, case for case
    from ijmemo.evidence.corroboration import CREDIBILITY_RULE

    assert all(case in text for case in CREDIBILITY_RULE)


def test_a_meeting_dated_or_placed_by_a_plan_says_so(processed_tables):
    """ "will meet in Tokyo on 15 January" must not read as a meeting held there then."""
    from ijmemo.memo.charts import timeline_chart
    from ijmemo.memo.wording import FIRMNESS

    default = Memo(processed_tables, params_for(processed_tables, "default"))
    events = default.events.set_index("event_id")
    event = events.loc["strategic-dialogue-18"]  # dated and placed by one claim
    head = re.compile(r'<p class="event"><strong>India–Japan Strategic Dialogue[^\n]*', re.S)
    shown = head.search(str(default.meetings().html)).group(0)
    assert "(planned)" not in shown and "(possible)" not in shown  # reported as held

    for modality, word in [("planned", "planned"), ("hedged", "possible"), ("wished", "proposed")]:
        claims = processed_tables["claims"].copy()
        about = claims.subject_id == "strategic-dialogue-18"
        claims.loc[about, "modality"] = modality
        memo = Memo({**processed_tables, "claims": claims}, params_for(processed_tables, "default"))
        shown = head.search(str(memo.meetings().html)).group(0)
        assert f"({word})" in shown and FIRMNESS[modality] == word
        assert f"{event.location} ({word})" in shown  # the place, too
        labels = [y for trace in timeline_chart(memo).figure.data for y in trace.y]
        assert any(y.replace("<br>", " ").endswith(f"({word})") for y in labels)  # and Figure 2

    # the claim cited for the date is a plan, but another report gives the same day as held
    claims = processed_tables["claims"].copy()
    claims.loc[claims.claim_id == event.date_claim, "modality"] = "planned"
    memo = Memo({**processed_tables, "claims": claims}, params_for(processed_tables, "default"))
    assert "(planned)" not in head.search(str(memo.meetings().html)).group(0)


def test_no_quote_in_the_ledger_is_part_of_another(processed_tables):
    memo, _ = default_memo(processed_tables)
    quotes = [n.quote for n in memo.citations.notes()]
    assert not [(a, b) for a in quotes for b in quotes if a != b and a in b]


def test_the_method_says_how_old_an_undated_source_is_shown_to_be(processed_tables):
    _, text = default_memo(processed_tables)
    assert (
        "This edition uses only what was known on 20 January 2026: sources published by then, and"
        " S1, undated, which its own reporting shows was written no earlier than 16 January 2026"
        " (when it was published stays unknown)." in text
    )
