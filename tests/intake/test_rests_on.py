"""What a new source says it rests on, proposed from how its sentences are attributed: the
briefing, statement or post each speaker's words came from, in the source's own words."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from ijmemo.intake.attribution import attribute
from ijmemo.intake.rests_on import basis_of, propose_rests_on
from ijmemo.intake.speakers import Speakers
from ijmemo.metadata.schema import Actor

ACTORS = [
    Actor(id="kitamura", name="Toshihiro Kitamura", aliases=["Kitamura"], kind="person"),
    Actor(id="jaishankar", name="S. Jaishankar", aliases=["Jaishankar"], kind="person"),
    Actor(id="in-foreign-ministry", name="India's foreign ministry", kind="ministry"),
]
DAY = date(2026, 2, 20)


def bases(*sentences: str, reference: date | None = DAY) -> list[dict]:
    """The rests_on proposed for an article of these sentences (one line each)."""
    speakers, at, candidates = Speakers(ACTORS), 0, []
    for n, sentence in enumerate(sentences, 1):
        speakers.meet(sentence)
        reported = attribute(sentence, speakers, at)
        candidates.append(SimpleNamespace(id=f"c-{n:02d}", basis=basis_of(reported)))
        at += len(sentence) + 1
    return propose_rests_on(candidates, reference)


def test_a_briefing_is_proposed_with_the_words_that_name_it():
    (basis,) = bases(
        "External affairs ministry spokesperson Randhir Jaiswal told a weekly media briefing "
        "on Thursday that the AI Dialogue would meet in March."
    )
    assert basis["accept"] is False  # the analyst confirms every basis
    assert (basis["kind"], basis["words"]) == ("briefing", "told a weekly media briefing")
    assert basis["id"] == "jaiswal-briefing-2026-02-20"
    assert "Randhir Jaiswal" in basis["what"] and "c-01" in basis["why"]


def test_a_statement_is_a_readout_by_its_issuer():
    (basis,) = bases("According to an MEA statement, the working group will meet in June.")
    assert (basis["kind"], basis["words"]) == ("readout", "According to an MEA statement")
    assert basis["id"] == "in-foreign-ministry-readout-2026-02-20"
    assert "India's foreign ministry" in basis["what"]


def test_a_readout_is_a_readout():
    (basis,) = bases("In a readout, the MEA said both sides would meet again in June.")
    assert (basis["kind"], basis["words"]) == ("readout", "In a readout")


def test_a_persons_post_is_their_own_words():
    (basis,) = bases("Jaishankar wrote on X that the strategic dialogue was useful.")
    assert (basis["kind"], basis["words"]) == ("named-official", "wrote on X")
    assert basis["id"] == "jaishankar-named-official-2026-02-20"


def test_a_bodys_post_is_its_statement():
    (basis,) = bases("The MEA posted on X that the working group would meet in June.")
    assert (basis["kind"], basis["words"]) == ("readout", "posted on X")


def test_unnamed_officials_rest_on_their_own_words():
    (basis,) = bases("The working group will meet in June, officials said.")
    assert (basis["kind"], basis["words"]) == ("officials", "officials said")


def test_a_named_speaker_who_only_said_it_is_no_basis():
    assert bases("Kitamura said the talks were useful.") == []


def test_one_basis_per_speaker_the_most_specific_seen():
    proposed = bases(
        "Kitamura said the talks were useful.",
        "Kitamura told a media briefing that the dialogue would meet in March.",
        "The first meeting will be held in Tokyo, he said.",
    )
    assert [(b["kind"], b["words"]) for b in proposed] == [("briefing", "told a media briefing")]


def test_two_speakers_two_bases_in_order_of_first_mention():
    proposed = bases(
        "Jaishankar wrote on X that the strategic dialogue was useful.",
        "Kitamura told a media briefing that the dialogue would meet in March.",
    )
    assert [b["kind"] for b in proposed] == ["named-official", "briefing"]


def test_an_undated_source_says_so_in_the_id():
    (basis,) = bases("Kitamura told a media briefing that the talks went well.", reference=None)
    assert basis["id"] == "kitamura-briefing-undated"
