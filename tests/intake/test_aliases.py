"""The whole proper name a new article gives a known initiative, across hyphens and dashes."""

from __future__ import annotations

import pytest

from ijmemo.core.paths import DATA_DIR
from ijmemo.curation.load import load_curated
from ijmemo.curation.names import Dictionaries
from ijmemo.intake.aliases import name_runs, suggest_alias
from ijmemo.intake.new_actors import stands_for


@pytest.fixture(scope="module")
def dictionaries() -> Dictionaries:
    data, _ = load_curated(DATA_DIR)
    return Dictionaries(data, stands_for())


def alias(dictionaries, sentence):
    match = dictionaries.match(sentence)
    return suggest_alias(sentence, match, dictionaries.profiles.get(match.subject))


def test_name_runs_cross_dashes_and_drop_sentence_openers():
    assert "Japan–India AI Strategic Dialogue" in name_runs(
        "Under the Japan–India AI Strategic Dialogue, officials met."
    )
    assert not any(
        r.startswith("Under") for r in name_runs("Under the India-Japan pact, both met.")
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Japan–India AI Strategic Dialogue met for the first time in Tokyo.",
            "Japan–India AI Strategic Dialogue",
        ),
        (
            "The first Japan–India Private-Sector Dialogue on Economic Security was held in Tokyo.",
            "Japan–India Private-Sector Dialogue on Economic Security",
        ),
        ("The Keidanren-CII dialogue will be held in Mumbai in May.", "Keidanren-CII dialogue"),
        (
            "The Japan-India Critical Minerals Working Group met on Wednesday.",
            "Japan-India Critical Minerals Working Group",
        ),
    ],
)
def test_aliases_from_real_reporting(dictionaries, sentence, expected):
    assert alias(dictionaries, sentence) == expected


def test_a_name_already_known_is_not_offered_again(dictionaries):
    assert alias(dictionaries, "The economic security dialogue was postponed to September.") is None
