"""How a sentence frames its initiative's origin: "new" when it calls it new, "earlier"
when it says it was agreed or set up before the round reported, with the date phrase."""

from __future__ import annotations

from datetime import date

from ijmemo.intake.date_roles import RoledDate
from ijmemo.intake.framing import propose_framing
from ijmemo.text.dates import DateWindow

REPORT = date(2026, 2, 20)  # the round reported


def happened(phrase: str, start: date, end: date) -> RoledDate:
    """A date phrase read as when something took place (as date_roles would give it)."""
    return RoledDate(phrase, "happened", DateWindow(phrase, start, end, "month"), "test")


AUGUST_2025 = happened("August 2025", date(2025, 8, 1), date(2025, 8, 31))


def framing(sentence: str, dated=(), kind: str | None = "initiative"):
    return propose_framing(sentence, kind, list(dated), REPORT)


def test_a_new_dialogue_is_new():
    found = framing("India and Japan will launch a new dialogue on artificial intelligence.")
    assert (found.value, found.date) == ("new", None)
    assert "'new dialogue'" in found.why


def test_the_inaugural_meeting_is_new():
    found = framing("The inaugural Economic Security Dialogue was held in Tokyo on Friday.")
    assert found.value == "new" and "inaugural" in found.why


def test_the_first_ever_dialogue_is_new():
    found = framing("The first-ever AI Dialogue between the two countries met in Tokyo.")
    assert found.value == "new"


def test_newly_set_up_is_new():
    assert framing("The newly set up task force on supply chains met in Delhi.").value == "new"


def test_agreed_in_august_2025_is_earlier_with_its_date():
    found = framing("The two sides agreed in August 2025 to set up the AI Dialogue.", [AUGUST_2025])
    assert (found.value, found.date) == ("earlier", "August 2025")


def test_a_stated_origin_wins_over_its_first_meeting():
    sentence = "The AI Dialogue, agreed in August 2025, held its first meeting on Thursday."
    found = framing(sentence, [AUGUST_2025])
    assert (found.value, found.date) == ("earlier", "August 2025")


def test_set_up_last_year_is_earlier():
    found = framing("The group, set up last year, held its first meeting on Thursday.")
    assert (found.value, found.date) == ("earlier", "last year")


def test_first_held_in_an_earlier_year_is_earlier():
    found = framing("The 2+2 dialogue, first held in 2019, met again in Tokyo.")
    assert (found.value, found.date) == ("earlier", "2019")


def test_launched_in_the_round_reported_is_not_earlier():
    thursday = RoledDate(
        "Thursday",
        "happened",
        DateWindow("Thursday", date(2026, 2, 19), date(2026, 2, 19), "day"),
        "test",
    )
    assert framing("The dialogue was launched on Thursday.", [thursday]).value is None


def test_agreed_to_meet_looks_ahead():
    assert framing("The two sides agreed to meet again in June.").value is None


def test_a_new_round_of_an_old_track_is_not_new():
    assert framing("The working group held a new round of talks in Tokyo.").value is None


def test_first_half_of_the_year_is_not_new():
    assert framing("The two sides will hold talks in the first half of 2026.").value is None


def test_new_delhi_is_no_new_initiative():
    assert framing("New Delhi will host the dialogue in June.").value is None


def test_only_an_initiative_has_an_origin_to_frame():
    assert framing("A new dialogue was held.", kind="event").value is None
