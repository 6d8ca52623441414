"""Starting records proposed for what the curated data does not know yet."""

from __future__ import annotations

from datetime import date

from ijmemo.intake.date_roles import dates_with_roles
from ijmemo.intake.new_subjects import propose_subject

REF = date(2026, 3, 6)


def stub(sentence, names=(), actors=(), countries=("IN", "JP"), sectors=(), taken=None):
    held = [d for d in dates_with_roles(sentence, REF) if d.role == "happened"]
    return propose_subject(
        "c009-01", sentence, held, list(names), list(actors), list(countries), list(sectors),
        set() if taken is None else taken,
    )  # fmt: skip


def test_a_meeting_held_on_a_day_gives_an_event_with_what_the_sentence_says():
    s = stub(
        "Foreign Secretary Vikram Misri met Kenji Harada, an adviser to Japan's prime "
        "minister, in New Delhi on Friday.",
        names=["Vikram Misri", "Kenji Harada"],
    )
    assert s.kind == "event" and s.candidate == "c009-01"
    assert s.record == {
        "id": "misri-harada-meeting",
        "title": "Misri–Harada meeting",
        "kind": "meeting",
        "date": "Friday",
        "date_claim": "c009-01",  # the candidate is the claim that dates it
        "location": "New Delhi",
        "participants": [],
        "countries": ["IN", "JP"],
    }


def test_a_summit_and_a_visit_are_their_kinds_and_ids_stay_unique():
    taken = {"india-japan-summit"}
    summit = stub("Modi and Takaichi held the annual summit in Tokyo on 1 March 2026.", taken=taken)
    assert (summit.record["kind"], summit.id) == ("summit", "india-japan-summit-2")
    visit = stub("Motegi visited New Delhi on 15 January 2026.", names=["Toshimitsu Motegi"])
    assert (visit.record["kind"], visit.record["title"]) == ("visit", "Motegi visit")


def test_an_initiative_launched_under_a_name_gives_an_initiative():
    s = stub(
        "The two countries signed a memorandum of cooperation on pharmaceutical supply chains.",
        sectors=["economic-security"],
    )
    assert s.kind == "initiative"
    assert s.record == {
        "id": "memorandum-of-cooperation-on-pharmaceutical-supply-chains",
        "name": "Memorandum of cooperation on pharmaceutical supply chains",
        "sectors": ["economic-security"],
        "parties": ["IN", "JP"],
        "lead_bodies": [],
    }


def test_too_little_to_start_a_record_gives_none():
    assert stub("The two sides discussed critical minerals, officials said.") is None
    assert stub("The officials met to discuss critical minerals.") is None  # no date: held when?
    assert stub("They launched a new dialogue on supply chains.") is None  # no sector known


def test_a_meeting_with_no_date_still_gives_a_starting_event_the_analyst_dates():
    s = stub(
        "Foreign Secretary Vikram Misri met Sadamasa Oue, an adviser to Japan's prime minister.",
        names=["Vikram Misri", "Sadamasa Oue"],
    )
    assert (s.record["title"], s.record["date"], s.record["date_claim"]) == (
        "Misri–Oue meeting",
        None,
        None,
    )
    assert "no date given" in s.why


def test_one_meeting_reported_twice_is_one_starting_event_and_its_reporter_is_no_participant():
    from ijmemo.curation.load import load_curated
    from ijmemo.curation.names import Dictionaries
    from ijmemo.intake.new_actors import stands_for
    from ijmemo.intake.proposer import propose

    data, _ = load_curated()
    text = (
        "Foreign Secretary Vikram Misri met Sadamasa Oue, Special Adviser to Japan's Prime "
        "Minister, in New Delhi on Friday.\n"
        "“Foreign Secretary Vikram Misri met Sadamasa Oue today,” External Affairs Ministry "
        "Spokesperson Randhir Jaiswal wrote on X.\n"
    )
    found = propose(text, "adviser", REF, Dictionaries(data, stands_for()))
    (event,) = found.subjects
    assert event.also == [found.candidates[1].id]
    assert "jaiswal" not in event.record["participants"]


def test_a_planned_visit_by_the_same_people_is_not_folded_into_their_meeting():
    from ijmemo.curation.load import load_curated
    from ijmemo.curation.names import Dictionaries
    from ijmemo.intake.new_actors import stands_for
    from ijmemo.intake.proposer import propose

    data, _ = load_curated()
    text = (
        "Foreign Secretary Vikram Misri met Ambassador Keiichi Ono in New Delhi on Wednesday.\n"
        "Foreign Secretary Vikram Misri visits Osaka in March, where Ambassador Keiichi Ono "
        "will show him a shipyard.\n"
    )
    found = propose(text, "ono", REF, Dictionaries(data, stands_for()))
    assert all(not s.also for s in found.subjects)


def test_a_launched_name_stops_before_a_date_or_an_agent():
    s = stub(
        "The two countries launched a working group on semiconductor supply chains by March.",
        sectors=["ai-digital"],
    )
    assert s.record["name"] == "Working group on semiconductor supply chains"


def test_the_body_a_spokesperson_speaks_for_is_no_participant_of_the_meeting():
    from ijmemo.curation.load import load_curated
    from ijmemo.curation.names import Dictionaries
    from ijmemo.intake.new_actors import stands_for
    from ijmemo.intake.proposer import propose

    data, _ = load_curated()
    text = (
        "Japan's foreign ministry spokesperson Toshihiro Kitamura said Foreign Secretary Vikram "
        "Misri met Ambassador Keiichi Ono in Tokyo on Wednesday.\n"
    )
    (event,) = propose(text, "brief", REF, Dictionaries(data, stands_for())).subjects
    assert "jp-foreign-ministry" not in event.record["participants"]
    assert "kitamura" not in event.record["participants"]
