"""Words as name matching reads them: a curated name is found however reporting writes it,
and a short capitalised term ("US", "AI") is never found in an ordinary word."""

from __future__ import annotations

import pytest

from ijmemo.text.words import (
    core_words,
    find_whole,
    fold,
    has_term,
    initialisms,
    names_actor,
    stem,
    tokens,
    words,
)


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("stopping", "stop"),  # the doubled consonant goes with -ing
        ("limiting", "limit"),
        ("calling", "call"),  # ... except a doubled l or s
        ("passing", "pass"),
        ("limits", "limit"),
        ("talks", "talk"),
        ("process", "process"),  # -ss is not a plural
        ("bus", "bus"),  # too short to be a plural
        ("king", "king"),  # too short for -ing
    ],
)
def test_stem_drops_a_plural_s_and_ing(word, stemmed):
    assert stem(word) == stemmed


def test_tokens_split_on_dashes_and_hyphens_and_fold_case():
    assert tokens("Japan–India high-speed rail TALKS, 2026") == [
        "japan",
        "india",
        "high",
        "speed",
        "rail",
        "talk",
        "2026",
    ]


def test_words_keep_content_and_drop_the_countries_and_function_words():
    assert words("The two sides will hold talks on rare earths in Tokyo") == [
        "hold",
        "talk",
        "rare",
        "earth",
    ]
    assert words("India and Japan said it was a new era") == ["era"]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Japan–India AI Strategic Dialogue", "India-Japan AI strategic dialogue"),
        ("Japan - India economic security dialogue", "India–Japan Economic Security Dialogue"),
        ("the Japan and India talks", "the India and Japan talks"),
        (
            "India—Japan\n  Special  Strategic   Partnership",
            "Japan-India special strategic partnership",
        ),
    ],
)
def test_the_two_countries_in_either_order_and_any_dash_fold_to_one_key(one, other):
    assert fold(one) == fold(other)


def test_fold_keeps_what_is_not_the_two_countries():
    assert fold("Japan–India AI Strategic Dialogue") == "india-japan ai strategic dialogue"
    assert fold("Japan-Italy dialogue") == "japan-italy dialogue"
    assert fold("Japan–Indian Ocean talks") == "japan-indian ocean talks"  # "Indian" is not India


def test_core_words_stop_before_what_the_name_is_about_and_drop_the_countries():
    assert core_words("Japan–India Private-Sector Dialogue on Economic Security") == [
        "private",
        "sector",
        "dialogue",
    ]
    assert core_words("Joint Working Group (JWG)") == ["joint", "work", "group"]
    assert core_words("Dialogue between India and Japan") == ["dialogue"]


def test_initialisms_of_curated_names():
    assert "JWG" in initialisms("Joint Working Group on critical minerals")
    assert {"MAHSR", "HSR"} <= initialisms("Mumbai–Ahmedabad high-speed railway (Shinkansen)")
    assert "ESD" in initialisms("India–Japan economic security dialogue")


def test_a_name_too_short_for_an_initialism_has_none():
    assert initialisms("AI Dialogue") == set()  # two letters would match too much
    assert "WG" not in initialisms("Joint Working Group")


def test_find_whole_skips_a_key_inside_a_longer_word_or_a_hyphenated_one():
    text = "the pre-JWG session, the JWGs and then the JWG itself"
    start, end = find_whole(text, "JWG")
    assert (text[start:end], start) == ("JWG", text.index("JWG itself"))
    assert find_whole("JWG_2 files", "JWG") is None
    assert find_whole("the dialogue", "") is None
    assert find_whole("JWG", "JWG") == (0, 3)


@pytest.mark.parametrize(
    ("sentence", "term", "found"),
    [
        ("Japan and the US signed a pact.", "US", True),
        ("Officials told us the talks went well.", "US", False),  # "us" is not the US
        ("India's AI mission will fund start-ups.", "AI", True),
        ("A senior aide said the talks went well.", "AI", False),
        ("The talks covered supply chain resilience.", "resilien", True),  # a partial word
        ("Both sides discussed stockpiling rare earths.", "stockpil", True),
        ("Exports of Semiconductors rose.", "semiconductor", True),  # any case, its plural
        ("The ships met at sea.", "sea", True),
        ("A research vessel left Chennai.", "sea", False),  # a short keyword is a whole word
        ("The seabed survey began.", "sea", False),
        ("Items that have dual–use were limited.", "dual-use", True),  # any dash
    ],
)
def test_a_keyword_is_found_as_reporting_writes_it(sentence, term, found):
    assert has_term(sentence, term) is found


@pytest.mark.parametrize(
    ("sentence", "term", "found"),
    [
        ("The US said it welcomed the talks.", "US", True),
        ("He told us the talks went well.", "US", False),
        ("Prime Minister Modi said the visit was historic.", "Modi", True),
        ("The plan was modified in March.", "Modi", False),  # whole words only
        ("Narendra  Modi arrived in Tokyo.", "narendra modi", True),  # case and spacing
        ("Keidanren and CII will meet.", "CII", True),
    ],
)
def test_an_actor_is_named_by_whole_words_and_a_short_initialism_by_its_case(sentence, term, found):
    assert names_actor(sentence, term) is found


def test_compass_words_are_one_word_however_written():
    from ijmemo.text.words import token_starts, tokens

    for written in ("North Eastern Region", "north-east region", "Northeast region"):
        assert tokens(written) == ["northeast", "region"], written
    text = "Ministry of Development of North Eastern Region"
    assert len(token_starts(text)) == len(tokens(text))  # one start per word
    assert tokens("Northern Ireland") == ["northern", "ireland"]
