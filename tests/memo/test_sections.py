"""Memo sections computed from the data, checked without running notebooks."""

from __future__ import annotations

import re
from html import unescape

from ijmemo.memo.sections import Memo

from conftest import params_for


def default_memo(processed_tables) -> tuple[Memo, str]:
    memo = Memo(processed_tables, params_for(processed_tables, "default"))
    parts = [memo.bottom_line(), memo.developments(), memo.meetings(), memo.watchlist_section()]
    parts += [memo.context(), memo.sources_and_method(), memo.endnotes()]
    html = "\n".join(str(p.html) for p in parts)
    text = re.sub(r"<sup.*?</sup>", "", html)
    return memo, unescape(
        re.sub(r"\s+", " ", re.sub(r"<br>", " ", re.sub(r"<(?!br)[^>]+>", "", text)))
    )


def test_default_edition_has_both_windows_due_now(processed_tables):
    watch = (
        Memo(processed_tables, params_for(processed_tables, "default"))
        .watchlist()
        .set_index("initiative_id")
    )
    assert watch.loc["jwg-critical-minerals", "state"] == "due now"
    assert watch.loc["economic-security-dialogue", "state"] == "due now"


def test_after_mid_2026_the_unheld_meetings_are_overdue(processed_tables):
    memo = Memo(processed_tables, params_for(processed_tables, "mid-2026"))
    watch = memo.watchlist().set_index("initiative_id")
    assert watch.loc["jwg-critical-minerals", "state"] == "overdue"
    assert watch.loc["economic-security-dialogue", "state"] == "overdue"
    assert watch.loc["private-sector-dialogue", "state"] == "no date reported"
    bullets = " ".join(memo.bluf_bullets())
    assert "Overdue as of 15 July 2026" in bullets


def test_bottom_line_has_three_to_five_cited_bullets(processed_tables):
    for name in ("default", "critical-minerals", "mid-2026"):
        bullets = Memo(processed_tables, params_for(processed_tables, name)).bluf_bullets()
        assert 3 <= len(bullets) <= 5, name
        assert all('href="#note-' in b for b in bullets), name


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
    memo = Memo(processed_tables, params_for(processed_tables, "default"))
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
    memo = Memo(
        processed_tables,
        params_for(processed_tables, "default"),
        assessment="**Likely** slow. <img src=x onerror=alert(1)>",
    )
    html = str(memo.assessment_section().html)
    assert "not a reported fact" in html
    assert "<strong>Likely</strong>" in html and "<img" not in html
    assert (
        str(
            Memo(processed_tables, params_for(processed_tables, "mid-2026"))
            .assessment_section()
            .html
        ).strip()
        == ""
    )


def test_statuses_resting_on_a_speaker_say_whose_words_they_are(processed_tables):
    _, text = default_memo(processed_tables)
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
    assert "2 reports (S1, S2), not shown to be independent (S1 names no basis" in text
    # a wish is shown, and said not to corroborate
    assert "S1 reports it only as wished for by one side, which does not corroborate it" in text


def test_sectors_counted_in_figure_1_are_never_said_to_have_no_initiative(processed_tables):
    memo, text = default_memo(processed_tables)
    quiet = re.search(r"No initiative reported in: ([^.]*)\.", text).group(1).split(", ")
    counted = {memo.sector_labels[s] for cell in memo.bilateral.sectors for s in cell.split(";")}
    assert quiet and not set(quiet) & counted
    assert "Energy, Maritime security: no initiative of their own" in text


def test_details_from_one_source_say_so(processed_tables):
    _, text = default_memo(processed_tables)
    assert "16 January 2026 (S2 only) · New Delhi (S2 only)" in text
    assert "15 January 2026 – 17 January 2026 (days from S1, year from S2's date)" in text
    assert "18th India" not in text  # "18th" is S1's alone: it stays in S1's cited statement


def test_context_keeps_the_source_framing(processed_tables):
    _, text = default_memo(processed_tables)
    assert (
        "Without directly referring to the fallout of US tariff policies, Jaishankar said" in text
    )
    assert "In reaction to this" in text
    reliance = text[text.find("Japan's strategy to cut its reliance on China") :]
    assert "Jaishankar" not in reliance[: reliance.find("Working together")]


def test_endnotes_carry_speaker_firmness_and_grades(processed_tables):
    _, text = default_memo(processed_tables)
    assert (
        "Attributed to officials (said or told the reporter: “officials said”, in the sentence "
        "next to the quote); planned or expected. Credibility 3" in text
    )
    assert "Source reliability F." in text
    assert "In the report's own voice; wished for or proposed by one side. Credibility 6" in text


def test_a_meeting_dated_or_placed_by_a_plan_says_so(processed_tables):
    """ "will meet in Tokyo on 15 January" must not read as a meeting held there then."""
    from ijmemo.memo.charts import timeline_chart
    from ijmemo.memo.wording import FIRMNESS

    default = Memo(processed_tables, params_for(processed_tables, "default"))
    events = default.events.set_index("event_id")
    event = events.loc["strategic-dialogue-18"]  # dated and placed by one claim
    head = re.compile(r'<p class="event-head"><strong>India–Japan Strategic Dialogue.*?</p>', re.S)
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
