"""Which curated subject a sentence of real reporting is about, and why."""

from __future__ import annotations

from datetime import date

import pytest

from ijmemo.core.paths import DATA_DIR
from ijmemo.curation.load import load_curated
from ijmemo.curation.names import Dictionaries
from ijmemo.intake.new_actors import stands_for
from ijmemo.intake.proposer import propose


@pytest.fixture(scope="module")
def dictionaries() -> Dictionaries:
    data, _ = load_curated(DATA_DIR)
    return Dictionaries(data, stands_for())


@pytest.mark.parametrize(
    ("sentence", "subject", "via"),
    [
        # an initialism of a curated name
        (
            "Officials said the JWG on critical minerals would meet in Tokyo.",
            "jwg-critical-minerals",
            "initialism",
        ),
        # a name in the other country's order, across an en dash, with a word more
        (
            "The Japan–India AI Strategic Dialogue met for the first time.",
            "ai-dialogue",
            "core name",
        ),
        # the core of a name beats a later, longer one
        (
            "Both sides will convene the private sector dialogue before the economic security dialogue.",
            "private-sector-dialogue",
            "core name",
        ),
        # "the AI initiative" is the AI Dialogue, not the Modi meeting it mentions
        (
            "The AI initiative, agreed to during Prime Minister Narendra Modi's visit to Japan in August 2025, met on Monday.",
            "ai-dialogue",
            "'ai' with 'initiative'",
        ),
        # a business federation stands for its country's private sector
        (
            "The Keidanren-CII dialogue will be held in Mumbai in May.",
            "private-sector-dialogue",
            "attending body",
        ),
    ],
)
def test_subject_from_real_reporting(dictionaries, sentence, subject, via):
    match = dictionaries.match(sentence)
    assert match.subject == subject, match
    assert via in match.via


def test_a_defined_initialism_is_used_later(dictionaries):
    match = dictionaries.match("The ABCD will report next year.", {"ABCD": "ai-dialogue"})
    assert (match.subject, match.score) == ("ai-dialogue", 1.0)
    assert "defined earlier" in match.via


def test_unrelated_sentence_is_possibly_new(dictionaries):
    match = dictionaries.match("A new semiconductor fund will invest in start-ups in Bengaluru.")
    assert match.subject is None and "best was" in match.via


def test_a_follow_up_inherits_the_previous_subject_and_says_so(dictionaries):
    text = (
        "Tokyo, March 20, 2026: India and Japan launched the Joint Working Group on critical minerals on Wednesday.\n"
        "The first meeting is scheduled to be held by June, officials said.\n"
        "The dialogue, to be led by the foreign secretaries, was announced after the strategic dialogue in January.\n"
    )
    proposal = propose(text, "t", date(2026, 3, 21), dictionaries)
    first, follow, after = proposal.candidates
    assert first.match.subject == follow.match.subject == "jwg-critical-minerals"
    assert (
        follow.match.refers_back == first.id
        and "refers back ('The first meeting')" in follow.match.via
    )
    # a name after "after" relates; the sentence's own subject is "The dialogue"
    assert after.match.refers_back == follow.id


def test_a_sentence_naming_three_subjects_gives_three_candidates(dictionaries):
    text = (
        "China has been stopping tourism and trade to Japan, placing a ban on the import of "
        "seafood from Japan, and limiting the export of items that have dual-use to Japan.\n"
    )
    proposal = propose(text, "t", date(2026, 1, 16), dictionaries)
    subjects = [c.match.subject for c in proposal.candidates]
    assert sorted(subjects) == ["china-dual-use-limits", "china-seafood-ban", "china-tourism-trade"]
    assert len({c.quote for c in proposal.candidates}) == 1  # the same words, one claim each
    assert all("further subject" in c.match.via for c in proposal.candidates[1:])


@pytest.mark.parametrize(
    "sentence",
    [
        # a proper name of another kind: the umbrella initiative is not the dialogue
        "Both nations had announced the India-Japan Economic Security Initiative in 2025.",
        "The ministers adopted the Japan-India Semiconductor Supply Partnership on Friday.",
        # the same kind, other words: a defence dialogue led by a vice minister is not the
        # economic security dialogue a vice minister co-leads
        "Both sides will hold the 7th Defence Vice Minister/ Secretary-level Defence Policy"
        " Dialogue in 2019.",
    ],
)
def test_a_proper_name_of_another_kind_is_possibly_new_with_the_near_miss(dictionaries, sentence):
    match = dictionaries.match(sentence)
    assert match.subject is None, match
    assert "possibly new" in match.via or "best was" in match.via


def test_the_same_words_in_lower_case_still_name_the_initiative(dictionaries):
    match = dictionaries.match("Officials said the economic security initiative would meet in May.")
    assert match.subject == "economic-security-dialogue", match


def test_the_next_round_refers_to_a_dialogue_not_to_a_rail_project(dictionaries):
    assert dictionaries.can_refer("the next round", "ai-dialogue")
    assert not dictionaries.can_refer("the next round", "mumbai-ahmedabad-hsr")


def test_a_name_in_the_outcomes_of_a_visit_is_not_what_the_sentence_is_about(dictionaries):
    text = (
        "Japan and India held the first India-Japan AI Dialogue in Tokyo on Thursday.\n\n"
        "It was among the outcomes of Foreign Minister Toshimitsu Motegi's visit to New Delhi "
        "in January.\n"
    )
    found = propose(text, "story", date(2025, 4, 25), dictionaries)
    assert [c.match.subject for c in found.candidates] == ["ai-dialogue", "ai-dialogue"]


def test_a_spokesperson_who_briefed_on_a_project_is_not_one_of_its_bodies(dictionaries):
    # Kitamura briefed on the rail project once; naming him does not make a sentence about it.
    match = dictionaries.match(
        "At a press conference, spokesman Toshihiro Kitamura said the dialogue would help."
    )
    assert match.subject != "mumbai-ahmedabad-hsr", match


def test_a_topic_is_found_by_its_keywords_all_of_whose_words_are_there(dictionaries):
    match = dictionaries.match("The Japanese government aims to reduce its reliance on China.")
    assert (match.subject, match.kind) == ("japan-china-reliance", "topic"), match
    assert "reliance on China" in match.via
    # one keyword word alone is not enough, nor most of a keyword's words
    assert dictionaries.match("The ministry relies on its staff.").subject != "japan-china-reliance"
    partial = "India and Japan will diversify their mineral supply chains together."
    assert dictionaries.match(partial).subject != "japan-china-reliance"


def test_an_initiative_is_found_by_how_reports_call_it_unnamed(dictionaries):
    match = dictionaries.match("The bullet train project was announced years before work began.")
    assert match.subject == "mumbai-ahmedabad-hsr", match
    assert "bullet train" in match.via


@pytest.mark.parametrize(
    "follow_up",
    [
        "Both leaders committed to enhancing trade relations.",
        "The two ministers also exchanged views on the Indo-Pacific.",
        "Discussions covered innovation, defence and mobility.",
        "The encounter emphasised expanding bilateral cooperation.",
    ],
)
def test_the_people_and_the_talks_of_a_meeting_point_back_to_it(dictionaries, follow_up):
    text = (
        "Modi met Takaichi on the sidelines of the G20 Leaders' Summit in November 2025.\n\n"
        f"{follow_up}\n"
    )
    found = propose(text, "story", date(2025, 11, 23), dictionaries)
    assert [c.match.subject for c in found.candidates] == ["g20-modi-takaichi"] * 2


def test_a_sentence_naming_one_of_a_meetings_two_people_is_not_that_meeting(dictionaries):
    match = dictionaries.match("PM Modi will be on a three-day visit to Japan starting August 29.")
    assert match.subject != "motegi-meets-modi", match


def test_a_forums_words_without_a_word_for_a_meeting_are_its_theme(dictionaries):
    theme = dictionaries.match("Economic security today is paramount for both countries.")
    assert theme.subject is None and "economic-security-dialogue" in theme.via
    named = "The private-sector dialogue on critical minerals will meet in Mumbai."
    assert dictionaries.match(named).subject == "private-sector-dialogue"


def test_a_visit_is_not_a_sentence_that_leaves_out_its_visitor(dictionaries):
    match = dictionaries.match("Modi's two-day visit to Japan produced several agreements.")
    assert match.subject != "motegi-visit", match
    named = dictionaries.match("Foreign Minister Motegi's visit to India began on Thursday.")
    assert named.subject == "motegi-visit", named


def test_a_scheme_of_another_pair_is_named_only_in_full(dictionaries):
    # near in words, "Japan–Italy cooperation on critical-mineral supply chains" is no
    # India–Japan sentence's subject; named in full it is
    sentence = "India and Japan agreed on cooperation on critical-mineral supply chains."
    assert dictionaries.match(sentence, among={"IN", "JP"}).subject != "japan-italy-minerals"
    assert dictionaries.match(sentence).subject == "japan-italy-minerals"  # no pair known
    full = "Japan–Italy cooperation on critical-mineral supply chains was reviewed."
    assert dictionaries.match(full, among={"IN", "JP"}).subject == "japan-italy-minerals"
