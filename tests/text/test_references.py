"""How reporting points at a subject it does not name: "The talks …", "the issue", "(JWG)",
and a name that only relates to the sentence's subject ("after the strategic dialogue")."""

from __future__ import annotations

import pytest

from ijmemo.text.references import (
    RELATING,
    can_refer_to,
    defined_initialisms,
    refers_back,
    refers_back_within,
)


@pytest.mark.parametrize(
    ("sentence", "pointing"),
    [
        ("The meeting discussed rare earth processing.", "The meeting"),
        ("The first meeting is scheduled to be held by March.", "The first meeting"),
        ("It will meet again in the second half of the year.", "It"),
        ("At the session, officials reviewed stockpiling.", "At the session"),
        ("The talks were held in a cordial atmosphere, officials said.", "The talks"),
        ("Its next round is due in Tokyo by March.", "Its next round"),
        (
            "Following the inaugural meeting, both sides issued a joint statement.",
            "Following the inaugural meeting",
        ),
        ("The two-day meeting ended on Friday.", "The two-day meeting"),
        ("“The talks were useful,” Jaishankar said.", "“The talks"),
        ("Both were represented at the working level.", "Both"),
    ],
)
def test_sentences_that_refer_back(sentence, pointing):
    assert refers_back(sentence) == pointing


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides agreed to meet again.",
        "Both sides agreed to deepen cooperation.",
        "India and Japan met in Tokyo on Wednesday.",
        "Italy and India signed a separate pact.",  # "It" only as the start of a word
        "Items on the agenda included rare earths.",
        "Those talks ended without a statement.",
    ],
)
def test_sentences_that_name_their_own_subject_or_none_do_not_refer_back(sentence):
    assert refers_back(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "pointing"),
    [
        ("Officials raised the issue with their counterparts in Tokyo.", "the issue"),
        ("India launched the dialogue last year.", "the dialogue"),
        ("Both sides welcomed the first meeting, officials said.", "the first meeting"),
    ],
)
def test_a_definite_noun_inside_a_sentence_refers_back(sentence, pointing):
    assert refers_back_within(sentence) == pointing


@pytest.mark.parametrize(
    "sentence",
    [
        "They discussed the dialogue on economic security.",  # names which dialogue
        "Officials reviewed the framework for supply chains.",
        "Ministers met in Tokyo.",
    ],
)
def test_a_definite_noun_that_says_what_it_is_does_not_refer_back(sentence):
    assert refers_back_within(sentence) is None


def test_a_parenthesised_initialism_is_defined_for_the_sentences_subject():
    sentence = "India and Japan launched the Joint Working Group (JWG) on critical minerals."
    assert defined_initialisms(sentence, "jwg-critical-minerals") == {
        "JWG": "jwg-critical-minerals"
    }
    assert defined_initialisms(sentence, None) == {}  # nothing to define it for
    assert defined_initialisms("The working group met in Tokyo.", "jwg-critical-minerals") == {}


@pytest.mark.parametrize(
    ("words", "subject_kind", "event_kind", "can"),
    [
        ("The talks", "initiative", None, True),
        ("The meeting", "event", "meeting", True),
        ("The first meeting", "event", "summit", True),
        ("The measure", "event", "measure", False),  # a measure is not "the talks"
        ("The talks", "event", "measure", False),
        ("It", "event", "measure", True),
        ("Its", "event", "measure", True),
        ("The expedition", "event", "expedition", False),
        ("At its", "event", "expedition", True),
        ("The dialogue", "topic", None, False),  # a topic is never referred back to
        ("It", "topic", None, False),
    ],
)
def test_a_measure_or_expedition_is_referred_to_only_by_it(words, subject_kind, event_kind, can):
    assert can_refer_to(words, subject_kind, event_kind) is can


@pytest.mark.parametrize(
    ("sentence", "name", "relates"),
    [
        (
            "The dialogue was announced after the strategic dialogue in January.",
            "strategic dialogue",
            True,
        ),
        ("Ministers met on the sidelines of the Quad summit.", "Quad summit", True),
        (
            "Officials met ahead of the economic security dialogue.",
            "economic security dialogue",
            True,
        ),
        ("The group met more often than the AI Dialogue.", "AI Dialogue", True),
        ("Unlike the AI Dialogue, the working group met twice.", "AI Dialogue", True),
        ("The strategic dialogue was held in New Delhi.", "strategic dialogue", False),
        (
            "India and Japan held the economic security dialogue.",
            "economic security dialogue",
            False,
        ),
    ],
)
def test_a_name_after_relating_words_is_not_the_sentences_subject(sentence, name, relates):
    before = sentence[: sentence.index(name)]
    assert (RELATING.search(before) is not None) is relates


def test_the_leaders_or_the_visit_point_back_to_a_meeting_not_to_a_project():
    from ijmemo.text.references import can_refer_to

    assert can_refer_to("The leaders", "event", "summit")
    assert can_refer_to("The visit", "event", "visit")
    assert not can_refer_to("The leaders", "initiative", None)
    assert not can_refer_to("The visit", "initiative", None)
    assert can_refer_to("The project", "initiative", None)
