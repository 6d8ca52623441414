"""Reading attribution and firmness from text as reporting writes it."""

from __future__ import annotations

import pytest

from ijmemo.core.paths import DATA_DIR
from ijmemo.text.quotes import SourceText
from ijmemo.text.speech import (
    attribution_cut_off,
    reports_speech,
    sentences_around,
)

from conftest import S003

TEXT = (DATA_DIR / "sources" / f"{S003}.txt").read_text(encoding="utf-8")


def around(quote: str) -> str:
    match = SourceText(TEXT).find(quote)
    assert match is not None
    return sentences_around(TEXT, match.start, match.end)


def test_attribution_in_the_next_sentence_is_found():
    # "officials said" closes the sentence after the private-sector dialogue's
    passage = around("the two sides will arrange a dialogue between the private sectors")
    assert "officials said" in passage


def test_speaker_of_a_quotation_in_the_paragraph_before_is_found():
    # the preview of the agenda is a bare quotation; Jaishankar is named just before it
    passage = around("So, we will be discussing resilient supply chains")
    assert "Jaishankar said both India and Japan" in passage


def test_window_stops_at_the_neighbouring_sentences():
    passage = around("Motegi also met Prime Minister Narendra Modi")
    assert "Kitamura also said" not in passage and "high-speed railway" in passage


@pytest.mark.parametrize(
    ("quote", "cue"),
    [
        ("Both sides “agreed to accelerate” the project, he said, noting that", "said"),
        ("the meeting was held, according to a statement from the ministry", "according to"),
        ("“We are leading democracies,” Jaishankar said.", "said"),
        ("“And in the current uncertain global situation, it’s even more important”", None),
        ("developing the country’s northeastern states and the railway", None),
        ("Japan has a strong desire to start a new round of talks", None),
    ],
)
def test_reported_speech_is_recognised(quote, cue):
    found = reports_speech(quote)
    if quote.startswith("“") and cue is None:
        assert found == "a direct quotation"
    else:
        assert found == cue


def test_lead_to_is_not_leading():
    from ijmemo.text.speech import LEADS

    assert not LEADS.search("The transfer could lead to further collaboration.")
    assert LEADS.search("a dialogue led by India's foreign secretary")
    assert LEADS.search("Japan will lead the working group.")


@pytest.mark.parametrize(
    ("statement", "names_him"),
    [
        ("Japan's foreign ministry spokesperson, Toshihiro Kitamura, told a briefing so.", True),
        ("Kitamura, Japan's foreign ministry spokesperson, said the talks went well.", True),
        ("According to Kitamura, the talks went well.", True),
        ("The project, which Kitamura has long backed, was agreed; officials said more.", False),
        ("Kitamuras said so.", False),
    ],
)
def test_a_statement_names_its_speaker_as_the_one_who_said_it(statement, names_him):
    from ijmemo.text.speech import names_speaker

    assert names_speaker(statement, ["Kitamura", "Toshihiro Kitamura"]) is names_him


@pytest.mark.parametrize(
    ("sentence", "quote", "cut"),
    [
        (
            "Both are new initiatives, the officials said.",
            "Both are new initiatives",
            "the officials said",
        ),
        (
            "The JWG met in Tokyo, a statement from the foreign ministry said on Friday.",
            "The JWG met in Tokyo",
            "a statement from the foreign ministry said on Friday",
        ),
        (
            "The JWG met in Tokyo, officials said, adding that the next round is due in June.",
            "The JWG met in Tokyo",
            "officials said",
        ),
        (
            "“We are leading democracies,” Jaishankar said.",
            "We are leading democracies",
            "Jaishankar said",
        ),
        (
            "According to officials, both are new initiatives.",
            "both are new initiatives",
            "According to officials,",
        ),
        (
            "Kitamura told reporters that Japan wants to help India.",
            "Japan wants to help India",
            "Kitamura told reporters that",
        ),
        (
            "The JWG will meet again in June, according to officials.",
            "The JWG will meet again in June",
            "according to officials",
        ),
        (
            "The JWG will meet in June, two officials with direct knowledge of the plan told Reuters.",
            "The JWG will meet in June",
            "two officials with direct knowledge of the plan told Reuters",
        ),
        (
            "The JWG will meet in June, U.S. officials said.",
            "The JWG will meet in June",
            "U.S. officials said",
        ),
        (
            "The JWG will meet in June, a senior official, who spoke on condition of "
            "anonymity, said.",
            "The JWG will meet in June",
            "said",
        ),
        (
            "The JWG will meet in June, Kyodo reported.",
            "The JWG will meet in June",
            "Kyodo reported",
        ),
        (
            "The JWG will meet in June (officials said).",
            "The JWG will meet in June",
            "officials said",
        ),
        (
            "Motegi said on Friday the JWG will meet in June.",
            "the JWG will meet in June",
            "Motegi said on Friday",
        ),
        # the reporting verb belongs to another clause, or is not attribution at all
        (
            "India and Japan launched the AI Dialogue, a move analysts said could reshape "
            "supply chains.",
            "India and Japan launched the AI Dialogue",
            None,
        ),
        (
            "The JWG met in Tokyo, something Modi said was vital for ties.",
            "The JWG met in Tokyo",
            None,
        ),
        (
            "The JWG will meet in March, the first time both sides have said publicly when it "
            "would meet.",
            "The JWG will meet in March",
            None,
        ),
        ("Days after Modi said that, the JWG met in Tokyo.", "the JWG met in Tokyo", None),
        (
            "The JWG met on Monday, days after Modi said the talks would resume.",
            "The JWG met on Monday",
            None,
        ),
        (
            "The JWG met on Monday, its first session since Motegi told parliament it would.",
            "The JWG met on Monday",
            None,
        ),
        ("The JWG met, a forum that Motegi described as vital.", "The JWG met", None),
        (
            "They launched a new mechanism called the AI Dialogue.",
            "the AI Dialogue",
            None,
        ),
        (
            "The two sides agreed to it, and Modi said it was historic.",
            "The two sides agreed to it",
            None,
        ),
        (
            "The JWG met in Tokyo, which officials described as useful.",
            "The JWG met in Tokyo",
            None,
        ),
        ("The ministry, which said nothing, met on Monday.", "met on Monday", None),
        (
            "Both are new initiatives, the officials said.",
            "Both are new initiatives, the officials said.",
            None,
        ),
    ],
)
def test_attribution_a_quote_leaves_out_of_its_sentence_is_found(sentence, quote, cut):
    text = (
        f"NEW DELHI, Jan 16 (PTI) The talks were held on Friday. {sentence} Nothing else was said."
    )
    at = text.index(quote)
    assert attribution_cut_off(text, at, at + len(quote)) == cut


@pytest.mark.parametrize(
    ("quote", "cue"),
    [
        ("Jaishankar wrote on X that the talks were useful.", "wrote"),
        ("Modi posted on X that the summit went well.", "posted"),
        ("Modi posted a message on X saying the summit went well.", "posted"),
        ("In a post on X, Modi said the summit went well.", "In a post"),
        ("The post read: both sides will meet in June.", "read"),
        ("The readout reads that both sides will meet in June.", "reads"),
        ("Jaishankar wrote to Takaichi about the summit.", None),  # a letter, no one quoted
        ("The ministry will read the draft in June.", None),
    ],
)
def test_published_words_are_reported_speech(quote, cue):
    assert reports_speech(quote) == cue


@pytest.mark.parametrize(
    ("statement", "names"),
    [
        ("Jaishankar wrote on X that the talks were useful.", ["S. Jaishankar", "Jaishankar"]),
        ("Modi posted on X that the summit went well.", ["Narendra Modi", "Modi"]),
        ("According to an MEA statement, the group will meet in June.", ["MEA"]),
        (
            "According to a statement issued by India's Ministry of External Affairs, the "
            "group will meet in June.",
            ["Ministry of External Affairs"],
        ),
        ("According to a joint statement by the MEA, the group will meet.", ["MEA"]),
        # every verb the proposer reads as saying keeps the speaker in a statement too
        ("Jaishankar affirmed that the partnership is strong.", ["Jaishankar"]),
        ("Motegi pointed out that supply chains must be diversified.", ["Motegi"]),
        ("Modi underscored that ties are vital for the region.", ["Modi"]),
        ("As per the MEA, the group will meet in June.", ["MEA"]),
        ("On Friday, Reddy revealed that a memorandum was signed.", ["Reddy"]),
        ('"I will present concrete ideas on the Indo-Pacific," Kishida tweeted.', ["Kishida"]),
        ('Modi, for his part, referred to the partnership as "strategic and smart".', ["Modi"]),
        ('Taking to X, PM Modi wrote: "Had an excellent meeting with the delegation."', ["Modi"]),
        ("The Steppe Wire reports, citing Kyodo News, that ministers agreed.", ["Kyodo News"]),
    ],
)
def test_published_words_keep_their_speaker(statement, names):
    from ijmemo.text.speech import names_speaker

    assert names_speaker(statement, names)


@pytest.mark.parametrize(
    ("quote", "read_as"),
    [
        (
            "Officials said the next round would be held in May.",
            "Officials said the next round will be held in May.",
        ),
        (  # a wish stays a wish
            "Kitamura said Japan would like to hold the talks in May.",
            "Kitamura said Japan would like to hold the talks in May.",
        ),
        (  # "would" before the reporting verb is the speaker's hedge
            "The talks would help both sides, he said.",
            "The talks would help both sides, he said.",
        ),
    ],
)
def test_reported_speechs_would_is_read_as_will(quote, read_as):
    from ijmemo.text.speech import reported_future

    assert reported_future(quote) == read_as


def test_the_words_around_a_quote_reach_the_end_of_its_quotation():
    from ijmemo.text.speech import sentences_around

    text = (
        "Officials met on Friday. The talks ran for two hours. “The first point matters. The second point matters too. "
        "The third point matters most,” Kitamura said. The weather was fine."
    )
    first = text.index("The first")
    around = sentences_around(text, first, first + len("The first point matters."))
    assert "Kitamura said" in around  # three sentences on: still the same quotation
    outside = text.index("Officials")
    assert "Kitamura" not in sentences_around(text, outside, outside + 10)


def test_a_quotation_going_on_into_the_next_paragraph_runs_to_its_paragraphs_end():
    from ijmemo.text.speech import quotation_spans

    text = "“Our first aim is steady supply. We will work on it together.\n“The second aim is trust,” he said."
    first, second = quotation_spans(text)
    assert text[first[0] : first[1]] == text.split("\n")[0]  # left open: its paragraph's end
    assert text[second[0] : second[1]] == "“The second aim is trust,”"


def test_a_stray_inch_mark_opens_no_quotation():
    from ijmemo.text.speech import quotation_spans

    assert quotation_spans('Japan will supply 12" steel pipes. The two sides agreed.') == ()


def test_both_leaders_acts_are_not_reported_speech_for_the_checks_either():
    assert reports_speech("Both leaders underscored the importance of the project.") is None
    assert reports_speech("The two sides said the talks went well.") == "said"


@pytest.mark.parametrize(
    "quote",
    [
        "The dialogue highlighted priority sectors including semiconductor supply chains.",
        "The encounter emphasized expanding bilateral cooperation.",
        "This vision emphasised openness, connectivity and shared prosperity.",
    ],
)
def test_an_occasion_or_a_plan_is_no_speaker(quote):
    from ijmemo.intake.attribution import propose_attribution

    assert reports_speech(quote) is None
    assert propose_attribution(quote, {}) == "outlet"


def test_people_familiar_with_the_discussions_still_speak():
    quote = "Japan is in talks, two people familiar with the discussions said."
    assert reports_speech(quote) == "said"


def test_the_ministers_acts_are_the_report_s_account_and_their_words_both_governments():
    from ijmemo.intake.attribution import propose_attribution

    acts = "The two Defence Ministers underlined the need to continue joint exercises."
    assert reports_speech(acts) is None
    assert propose_attribution(acts, {}) == "outlet"
    said = propose_attribution("The ministers said the exercises would continue.", {})
    assert said["by"] == "governments-of-india-and-japan"


def test_a_document_issued_by_both_leaders_speaks_and_both_leaders_at_a_briefing_act():
    from ijmemo.intake.attribution import propose_attribution

    found = propose_attribution(
        "The joint statement issued by both leaders highlighted plans to deepen security ties.",
        {},
    )
    assert found["by"] == "governments-of-india-and-japan"
    acts = "Both leaders at the press briefing stressed the deepening of defence ties."
    assert propose_attribution(acts, {}) == "outlet"
