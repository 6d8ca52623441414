"""The shared words for a new thing made: one list each, built into regexes."""

from __future__ import annotations

import re

from ijmemo.intake.making_words import INSTRUMENTS, MAKING, STANDING, any_of


def test_an_alternation_matches_each_word_whole_and_its_plural_when_asked():
    instruments = re.compile(rf"\b{any_of(INSTRUMENTS, plural=True)}\b", re.IGNORECASE)
    assert instruments.fullmatch("MoUs") and instruments.fullmatch("agreement")
    assert not instruments.fullmatch("agreeable")
    making = re.compile(rf"\b{any_of(MAKING)}\b")
    assert making.search("the two sides set up a group").group(0) == "set up"


def test_the_recognisers_share_the_lists():
    from ijmemo.intake.new_subjects import MADE, NEW_THING

    for noun in ("accord", "working group"):
        assert noun in INSTRUMENTS + STANDING
        assert MADE.search(f"The two sides signed a new {noun} on chips.")
        assert NEW_THING.search(f"They launched a new {noun} on chips.")
