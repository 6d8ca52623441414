"""Page furniture stays out of the candidates, each with the rule that caught it."""

from __future__ import annotations

import pytest

from ijmemo.intake.article import split_sentences
from ijmemo.intake.boilerplate import boilerplate_reason, looks_like_headline, repeats_title


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Also Read: Five things to know about rare earths", "teaser"),
        ("READ MORE | Japan's rare earth push", "teaser"),
        ("Photo: Ministry of Foreign Affairs of Japan", "photo credit"),
        ("Jaishankar and Motegi in New Delhi. (Photo: PTI)", "photo credit"),
        ("![](https://example.invalid/photo.jpg)", "image markup"),
        ("<img src='a.jpg'>", "image markup"),
        ("By Staff Reporter", "byline"),
        ("Updated: March 20, 2026 10:15 IST", "byline"),
        ("(With inputs from agencies)", "with inputs"),
        ("— PTI", "agency slug"),
        ("(@DrSJaishankar)", "social handle"),
        ("Follow us on X for more", "teaser"),
        ("(Reporting by Devika Rao in New Delhi; Editing by Martin Pryce)", "credits"),
        ("Updated - March 13, 2026 09:41 pm IST", "timestamp"),
        ("July 22, 2026 7:14 AM GMT+5:30 Updated 3 hours ago", "timestamp"),
        ("Rohit Kaul / TNN / Updated: Aug 17, 2026, 04:12 IST", "timestamp"),
        ("India / Japan / mining and quarrying / diplomacy", "tag list"),
    ],
)
def test_furniture_is_recognised(line, reason):
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "By March, the working group will have met twice, officials said.",
        "India and Japan have postponed the economic security dialogue to September.",
        "The photo exhibition on rail cooperation opened in Ahmedabad on Monday.",
        "The talks began at 10:30 am IST on Friday and ran past midnight.",
        "Reporting by Indian media said the dialogue would resume in May.",
        # a listed key point, with no full stop, is no subhead
        "- Both leaders reaffirmed commitment to a free and open Indo-Pacific",
    ],
)
def test_reporting_is_not_furniture(sentence):
    assert boilerplate_reason(sentence) is None


def test_headline_repeated_as_first_line_is_left_out():
    assert repeats_title("Japan, India hold talks\n", "Japan, India hold talks")
    assert looks_like_headline("India, Japan put off economic security dialogue to September", 3)
    assert not looks_like_headline("India and Japan met on Friday.", 3)
    text = "India, Japan hold talks\nNew Delhi, June 20 (PTI) India and Japan met on Friday.\n"
    sentences, left_out, dateline = split_sentences(text, "India, Japan hold talks")
    assert [s.text for s in sentences] == ["India and Japan met on Friday."]
    assert left_out == [("India, Japan hold talks", "headline repeated as the first line")]
    assert dateline.text == "New Delhi, June 20 (PTI)"
    assert text[sentences[0].start : sentences[0].end] == sentences[0].text  # offsets verbatim


def test_bullets_are_layout_not_quote():
    text = "Brief: India and Japan\n• India and Japan agreed to hold the JWG meeting by March.\n"
    sentences, _, _ = split_sentences(text)
    assert [s.text for s in sentences] == [
        "India and Japan agreed to hold the JWG meeting by March."
    ]
    assert text[sentences[0].start : sentences[0].end] == sentences[0].text


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("By Jane Doe on September 08, 2025", "byline"),
        ("Source: Ministry of Economy, Trade and Industry, Japan.", "agency slug"),
    ],
)
def test_a_dated_byline_and_a_source_line_are_furniture(line, rule):
    assert boilerplate_reason(line) == rule


def test_a_sentence_that_names_its_source_is_not_furniture():
    assert boilerplate_reason("Sources said the talks would resume in May.") is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Focus on economic security and emerging technologies", "subhead"),
        ("Next round of the dialogue in 2026", "subhead"),
        (
            "Foreign Secretary Vikram Misri addresses a press briefing, in New Delhi on Tuesday.",
            "caption",
        ),
        ("Motegi and Jaishankar shake hands in New Delhi on Friday.", "caption"),
    ],
)
def test_subheads_and_photo_captions_are_furniture(line, rule):
    assert boilerplate_reason(line) == rule


def test_a_short_sentence_that_closes_is_not_a_subhead():
    assert boilerplate_reason("The two sides met in Tokyo on Friday.") is None
    assert boilerplate_reason("Misri addressed the talks in New Delhi on Tuesday.") is None


def test_a_deck_that_makes_a_claim_in_sentence_case_is_not_a_subhead():
    assert (
        boilerplate_reason("Tokyo steps up efforts to cut reliance on Chinese rare earths") is None
    )


def test_a_paragraph_of_sentences_is_no_caption():
    from ijmemo.intake.boilerplate import boilerplate_reason

    assert (
        boilerplate_reason("Misri addresses a press briefing, in New Delhi on Tuesday.")
        == "caption"
    )
    paragraph = (
        "The Japanese PM arrives in India on Monday morning. He will hold talks with Prime"
        " Minister Narendra Modi at Hyderabad House."
    )
    assert boilerplate_reason(paragraph) is None
