"""Cases a second read of the proposer's rules found: each once went wrong."""

from __future__ import annotations

import time
from datetime import date

import pytest

from ijmemo.intake.attribution import propose_attribution, propose_modality
from ijmemo.intake.date_roles import dates_with_roles
from ijmemo.intake.moves import firm_modality, propose_move
from ijmemo.text.speech import quotation_spans, reports_speech


def _move(sentence: str):
    modality = firm_modality(sentence, propose_modality(sentence))
    found = propose_move(sentence, dates_with_roles(sentence, date(2026, 3, 20)), modality)
    return found.status, found.change


def test_a_long_run_of_auxiliaries_before_said_is_read_at_once():
    sentence = "A senior official" + " had also" * 24 + " said the pact would be signed."
    start = time.perf_counter()
    assert propose_attribution(sentence, {})["by"] == "officials"
    assert time.perf_counter() - start < 1.0  # was exponential: 4 s at 22 repetitions


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a readout issued, a dialogue discussed or considered: no status move
        ("Japan's foreign ministry issued a readout on the AI Dialogue on Friday.", (None, None)),
        ("The bullet train project is being considered by the cabinet.", (None, None)),
        ("The dialogue will resume without further delay, officials said.", (None, None)),
    ],
)
def test_no_move_where_nothing_moved(sentence, expected):
    assert _move(sentence)[1] is None
    assert _move(sentence)[0] in (None, "agreed", "scheduled")  # never under way or postponed


def test_a_stray_inch_mark_opens_no_quotation():
    assert quotation_spans('Japan will supply 12" steel pipes. The two sides agreed.') == ()


def test_both_leaders_acts_are_not_reported_speech_for_the_checks_either():
    assert reports_speech("Both leaders underscored the importance of the project.") is None
    assert reports_speech("The two sides said the talks went well.") == "said"


@pytest.mark.parametrize(
    "sentence", ["China said the curbs were lawful.", "Experts said the plan was sound."]
)
def test_a_place_or_a_plural_alone_is_no_new_person(sentence):
    assert propose_attribution(sentence, {})["by"] is None


def test_and_between_two_names_is_still_a_boundary():
    found = propose_attribution("Jaishankar hosted Modi and Motegi told reporters so.", {})
    assert found["words"] == "Motegi told"
