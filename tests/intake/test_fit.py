"""A meeting is its initiative's only when it fits: named, dated, and its lead bodies."""

from __future__ import annotations

from datetime import date

import pytest

from ijmemo.curation.load import load_curated
from ijmemo.curation.names import Dictionaries
from ijmemo.intake.fit import another_of_its_kind
from ijmemo.intake.new_actors import stands_for
from ijmemo.intake.proposer import propose


@pytest.fixture(scope="module")
def dictionaries() -> Dictionaries:
    data, _ = load_curated()
    return Dictionaries(data, stands_for())


def first(dictionaries, text: str, published=date(2026, 3, 6)):
    return propose(text, "fit_test", published, dictionaries).candidates[0]


def test_a_meeting_near_an_initiative_in_words_only_is_possibly_new(dictionaries):
    c = first(
        dictionaries,
        "Foreign Secretary Vikram Misri on Friday met an adviser to Japan's prime minister, and "
        "the two discussed economic security and supply chains for critical minerals.",
    )
    assert c.match.subject is None and c.match.runner_up == "economic-security-dialogue"
    assert "possibly new: a meeting that does not name" in c.match.via
    assert (c.move.status, c.move.change, c.milestone) == (None, None, None)


def test_a_named_meeting_with_its_date_is_held(dictionaries):
    c = first(
        dictionaries,
        "India and Japan held the first meeting of the joint working group on critical "
        "minerals in Tokyo on Thursday, officials said.",
    )
    assert c.match.subject == "jwg-critical-minerals"
    assert (c.move.status, c.move.change) == ("convened", "met")
    assert c.milestone["id"] == "jwg-meeting"  # the open step, not a new one


def test_a_named_meeting_without_a_date_moves_nothing_and_says_why(dictionaries):
    c = first(
        dictionaries,
        "India and Japan have held a meeting of the joint working group on critical minerals, "
        "officials said.",
    )
    assert c.match.subject == "jwg-critical-minerals"
    assert (c.move.status, c.move.change) == (None, None)
    assert "no date in the sentence for when it was held" in c.move.why


def test_a_re_reported_due_step_keeps_its_id(dictionaries):
    c = first(
        dictionaries,
        "The economic security dialogue led by the foreign secretary and a Japanese vice "
        "minister is due to be held in the first half of 2026, officials said.",
    )
    assert c.match.subject == "economic-security-dialogue"
    assert c.milestone == {
        "id": "economic-security-dialogue-first",  # the step already curated, reported again
        "change": "new",
        "what": None,  # its first report said what is due
    }


def test_a_call_between_a_meetings_people_is_not_that_meeting(dictionaries):
    c = first(
        dictionaries,
        "Prime Minister Narendra Modi held a telephone conversation with Prime Minister Sanae "
        "Takaichi, the leaders' first talks since their meeting at the G20 Leaders' Summit.",
    )
    assert c.match.subject is None and "a call" in c.match.via
    assert c.match.runner_up == "g20-modi-takaichi"  # the near miss, shown


def test_an_event_near_in_words_on_another_date_is_possibly_new(dictionaries):
    c = first(
        dictionaries,
        "Motegi met Prime Minister Modi in Tokyo on 3 March 2026 to discuss rare earths.",
    )
    assert c.match.subject is None and "took place" in c.match.via


@pytest.mark.parametrize(
    ("sentence", "other"),
    [
        ("The '2+2' dialogue with Japan was set up to deepen security ties.", "The '2+2' dialogue"),
        (
            "The FS-Vice Ministerial Dialogue reviewed security and economic ties.",
            "FS-Vice Ministerial Dialogue",
        ),
        # the sentence names the initiative too, or only says which round: no other one
        ("Japan wants talks on economic security and a business-to-business dialogue.", None),
        ("The first India-Japan economic security dialogue met in Tokyo.", None),
    ],
)
def test_another_dialogue_than_the_initiative_is_named_by_its_own_qualifier(sentence, other):
    assert another_of_its_kind(sentence, "India–Japan economic security dialogue") == other


def test_a_report_about_another_dialogue_is_possibly_new_not_the_curated_one(dictionaries):
    text = "The '2+2' dialogue with Japan was initiated in 2019 to deepen security cooperation.\n"
    (c,) = propose(text, "s", date(2024, 8, 16), dictionaries).candidates
    assert c.match.subject is None
    assert "another one" in c.match.via and "economic-security-dialogue" in c.match.via
