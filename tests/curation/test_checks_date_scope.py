"""A date belongs to the clause or sentence that names its subject (real reporting's shapes)."""

from __future__ import annotations

from functools import cache

import pytest

from ijmemo.core.paths import GOLD_DIR
from ijmemo.curation.checks.date_scope import SubjectNamer, misplaced_date, names_fingerprint
from ijmemo.curation.checks.run import check_curated
from ijmemo.curation.load import load_curated
from ijmemo.curation.profiles import subject_profiles

from conftest import S003, edit, edit_claims, only, problems_for


@pytest.fixture(scope="module")
def named():
    data, problems = load_curated()
    assert problems == []
    return SubjectNamer(data)


TWO_CLAUSES = (
    "NEW DELHI, Nov 24 (PTI) The India-Japan Joint Working Group on critical minerals held its "
    "first meeting here on Monday, while the AI Dialogue is expected to convene in Tokyo in "
    "June next year, officials said."
)


@pytest.mark.parametrize(
    ("subject", "date", "misplaced"),
    [
        ("jwg-critical-minerals", "Monday", False),
        ("ai-dialogue", "June next year", False),
        ("jwg-critical-minerals", "June next year", True),
        ("ai-dialogue", "Monday", True),
    ],
)
def test_a_date_in_the_clause_about_another_subject_is_misplaced(named, subject, date, misplaced):
    where = misplaced_date(TWO_CLAUSES, date, subject, named)
    assert (where is not None) == misplaced
    if misplaced:
        assert where.scope == "clause" and date in where.text
        assert subject not in where.names and where.names  # names the other subject
        assert date not in where.own  # and says where the claim's own subject is named


def test_a_date_in_the_next_sentence_about_another_subject_is_misplaced(named):
    quote = (
        "Tokyo, Jan 16 (Kyodo) -- Japan and India agreed on Friday to set up a private-sector "
        "dialogue on critical minerals and energy. The economic security dialogue, led by the "
        "foreign secretary and a vice minister, will follow in the first half of 2026."
    )
    where = misplaced_date(quote, "first half of 2026", "private-sector-dialogue", named)
    assert where.names == ["economic-security-dialogue"]
    assert where.text.startswith("The economic security dialogue")
    assert misplaced_date(quote, "first half of 2026", "economic-security-dialogue", named) is None
    assert misplaced_date(quote, "Friday", "private-sector-dialogue", named) is None


def test_a_date_in_a_clause_of_a_sentence_about_another_subject_is_misplaced(named):
    quote = (
        "The JWG met for the first time on Monday. The AI Dialogue was launched in Tokyo, "
        "and in June it will hold its first session."
    )
    where = misplaced_date(quote, "June", "jwg-critical-minerals", named)
    assert where.scope == "sentence" and where.names == ["ai-dialogue"]
    assert where.text.startswith("The AI Dialogue was launched")


@pytest.mark.parametrize(
    "quote",
    [
        # "the meeting" and "it" refer back: the date's sentence names no other subject
        "The JWG met for the first time on Monday. The meeting will resume in June.",
        "The JWG met for the first time on Monday. It will meet again in June, officials said.",
        # a verb-led clause shares the subject of the one before
        "The JWG met in New Delhi in March, and will meet AI Dialogue officials in June.",
        # another subject named only as a time reference ("after the AI Dialogue")
        "The JWG met in March; in June, after the AI Dialogue, it will meet again.",
        # a list is one clause, and the subject is named in it
        "Officials of the JWG, the AI Dialogue, and the economic security dialogue will meet "
        "in Tokyo in June.",
        # the date also appears in the subject's own clause
        "The JWG met in June, while the AI Dialogue met in June too.",
    ],
)
def test_a_date_that_may_belong_to_the_subject_is_accepted(named, quote):
    assert misplaced_date(quote, "June", "jwg-critical-minerals", named) is None


def test_a_quote_that_never_names_its_subject_is_left_to_the_curator(named):
    quote = "Officials will meet in June, while the AI Dialogue convenes in July."
    assert misplaced_date(quote, "June", "jwg-critical-minerals", named) is None
    assert misplaced_date(quote, "July", "jwg-critical-minerals", named) is None


def test_it_at_the_start_of_a_quote_may_be_its_subject(named):
    # "It" refers to what the quote leaves out: the claim's subject, as the curator read it
    quote = "It will meet in June, while the AI Dialogue convenes in July."
    assert misplaced_date(quote, "June", "jwg-critical-minerals", named) is None
    assert misplaced_date(quote, "July", "jwg-critical-minerals", named).names == ["ai-dialogue"]


def test_it_after_another_subject_refers_to_that_subject(named):
    quote = "The JWG met on Monday. The AI Dialogue was launched in Tokyo; it will meet in June."
    assert misplaced_date(quote, "June", "jwg-critical-minerals", named).names == ["ai-dialogue"]


def test_a_sentence_names_a_meeting_by_its_people_and_place(named):
    # agency copy names the G20 meeting by who met where, not by its curated title
    g20 = (
        "The talks came after the encounter between Indian PM Narendra Modi and Japanese PM "
        "Sanae Takaichi at the G20 Leaders' Summit in November 2025."
    )
    trip = (
        "The trip of Motegi to India from 15 to 17 January not only comprised a conference with "
        "Prime Minister Modi but also covered a wide range of topics."
    )
    where = misplaced_date(f"{g20} {trip}", "15 to 17 January", "g20-modi-takaichi", named)
    assert where.scope == "sentence" and "motegi-meets-modi" in where.names
    where = misplaced_date(f"{g20} {trip}", "November 2025", "motegi-visit", named)
    assert where.names == ["g20-modi-takaichi"]
    assert misplaced_date(f"{g20} {trip}", "November 2025", "g20-modi-takaichi", named) is None


def test_the_dialogue_in_a_sentence_about_a_meeting_may_be_the_claims_dialogue(named):
    # the sentence shares the strategic dialogue's people, place and month, and says
    # "the dialogue": the AI Dialogue, launched at that meeting, may be dated by it
    quote = (
        "Japan and India will hold the first AI Dialogue in Tokyo. Foreign Minister Toshimitsu "
        "Motegi and External Affairs Minister S. Jaishankar launched the dialogue when they met "
        "in New Delhi in January."
    )
    assert misplaced_date(quote, "January", "ai-dialogue", named) is None


def test_initialisms_and_other_country_order_name_a_subject(named):
    quote = (
        "Work on the MAHSR began in 2017, and the Japan-India AI Dialogue is to hold its "
        "first session in March."
    )
    assert misplaced_date(quote, "2017", "ai-dialogue", named).names == ["mumbai-ahmedabad-hsr"]
    assert misplaced_date(quote, "March", "mumbai-ahmedabad-hsr", named).names == ["ai-dialogue"]


@cache
def gold_dates():
    """(article, quote, date phrase, keyed subject): each keyed date, quoted in context."""
    import yaml

    from ijmemo.intake.article import split_sentences
    from ijmemo.text.quotes import normalise

    out = []
    for key in sorted(GOLD_DIR.rglob("*.yaml")):
        sentences = [s.text for s in split_sentences(key.with_suffix(".txt").read_text())[0]]
        for fact in yaml.safe_load(key.read_text())["facts"]:
            at = next(
                i for i, s in enumerate(sentences) if normalise(fact["sentence"]) in normalise(s)
            )
            context = " ".join(sentences[max(0, at - 1) : at + 2])  # with its neighbours
            for d in fact["dates"] if fact["subject"] else []:
                out += [
                    (key.stem, q, d["phrase"], fact["subject"]) for q in (sentences[at], context)
                ]
    return out


def test_no_date_keyed_in_the_gold_articles_is_called_misplaced(named):
    # 16 articles in eight outlets' styles, keyed by hand (two of them by a second hand)
    cases = gold_dates()
    assert len(cases) > 100
    wrong = [c for c in cases if misplaced_date(c[1], c[2], c[3], named) is not None]
    assert wrong == []


@pytest.mark.parametrize(
    ("article", "date", "wrong_subject", "named_there"),
    [
        (
            "u01_hindu_jwg_first_meeting",
            "Thursday",
            "strategic-dialogue-18",
            "jwg-critical-minerals",
        ),
        ("u04_pti_esd_put_off", "June 18", "jwg-critical-minerals", "private-sector-dialogue"),
        ("u08_nikkei_jwg_second_round", "January", "ai-dialogue", "japan-italy-minerals"),
    ],
)
def test_a_gold_date_given_to_another_subject_in_its_context_is_misplaced(
    named, article, date, wrong_subject, named_there
):
    quote = max((q for a, q, d, _ in gold_dates() if a == article and d == date), key=len)
    where = misplaced_date(quote, date, wrong_subject, named)
    assert where is not None and where.names == [named_there]


@pytest.mark.parametrize(
    "quote",
    [
        "NEW DELHI, Jan 16 (PTI) The JWG met on Monday, and the AI Dialogue will convene in June.",
        "TOKYO, Jan. 16 (Kyodo) -- The JWG met on Monday, and the AI Dialogue will convene in June.",
        "On Friday, the JWG met, and the AI Dialogue will convene in June.",
        # "It" refers to the subject named just before it, which is not the claim's
        "The JWG met on Monday. The AI Dialogue met on Friday. It will meet again in June.",
    ],
)
def test_datelines_and_openers_do_not_hide_the_clause_a_date_belongs_to(named, quote):
    where = misplaced_date(quote, "June", "jwg-critical-minerals", named)
    assert where is not None and where.names == ["ai-dialogue"]


def test_an_after_phrase_ends_at_its_comma(named):
    quote = "The JWG, which was set up after the AI Dialogue in 2024, will meet in March."
    assert misplaced_date(quote, "March", "jwg-critical-minerals", named) is None
    assert misplaced_date(quote, "2024", "jwg-critical-minerals", named).scope == "phrase"
    quote = "The JWG, set up after the AI Dialogue was launched, will meet in March."
    assert misplaced_date(quote, "March", "jwg-critical-minerals", named) is None


def test_text_that_case_folds_longer_keeps_dates_in_their_clause(named):
    # ligatures from PDF copy: "ﬁ".casefold() is "fi", two characters for one
    quote = "The AI Dialogue's ﬁrst ﬁnance ﬁeld ﬂow ﬁle met; the JWG met in June."
    assert misplaced_date(quote, "June", "ai-dialogue", named).names == ["jwg-critical-minerals"]
    assert misplaced_date(quote, "June", "jwg-critical-minerals", named) is None


def test_the_talks_do_not_refer_back_to_a_measure(named):
    # source 000's own sentences: "The talks" are not China's measures named just before
    quote = (
        "In reaction to this, China has been taking some economic measures such as stopping "
        "tourism and trade to Japan, placing a ban on the import of seafood from Japan, and "
        "limiting the export of items that have dual-use to Japan. The talks came after the "
        "encounter between Indian PM Narendra Modi and Japanese PM Sanae Takaichi at the G20 "
        "Leaders' Summit in November 2025."
    )
    assert misplaced_date(quote, "November 2025", "g20-modi-takaichi", named) is None
    where = misplaced_date(quote, "November 2025", "china-seafood-ban", named)
    assert where is not None and where.names == ["g20-modi-takaichi"]


def test_a_date_from_the_clause_about_another_initiative_is_refused(data_copy):
    # the source's sentence: "The two sides agreed to organise a meeting of a joint working
    # group on critical minerals in early 2026 ..., and they also launched an AI Dialogue ..."
    edit_claims(
        data_copy,
        "  quote: >-\n    they also launched an AI Dialogue",
        "  quote: >-\n    The two sides agreed to organise a meeting of a joint working group on "
        "critical minerals in\n    early 2026 to take forward cooperation on rare earth elements, "
        "and they also launched an AI Dialogue",
    )
    edit_claims(
        data_copy,
        "  status: agreed\n  alias: AI Dialogue",
        "  status: agreed\n  date: early 2026\n  alias: AI Dialogue",
    )
    p = only(problems_for(data_copy), record="claim 'c003-06'", field="date")
    assert p.file.endswith(f"curated/claims/{S003}.yaml")
    assert "date 'early 2026' belongs to the clause" in p.message
    assert "'jwg-critical-minerals', not 'ai-dialogue'" in p.message
    assert '"they also launched an AI Dialogue' in p.message  # where its own subject is named


def test_a_due_date_from_the_next_sentence_about_another_dialogue_is_refused(data_copy):
    edit_claims(
        data_copy,
        "critical minerals and\n    energy.\n",
        "critical minerals and\n    energy. This will be followed by an economic security dialogue "
        "led by India’s foreign\n    secretary and a Japanese vice minister in the first half of "
        "2026\n",
    )
    edit_claims(
        data_copy,
        "  status: agreed\n  milestone:\n    id: private-sector-dialogue-first",
        "  status: agreed\n  date: first half of 2026\n  milestone:\n"
        "    id: private-sector-dialogue-first",
    )
    p = only(problems_for(data_copy), record="claim 'c003-03'", field="date")
    assert "due date 'first half of 2026' belongs to the clause" in p.message
    assert "'economic-security-dialogue', not 'private-sector-dialogue'" in p.message


def test_an_event_date_from_a_sentence_about_another_subject_is_refused(data_copy):
    edit_claims(
        data_copy,
        "    counterpart, Toshimitsu Motegi, took place on Friday.\n",
        "    counterpart, Toshimitsu Motegi, took place on Friday. (@DrSJaishankar) Under a "
        "bilateral\n    economic security initiative, the two sides will arrange a dialogue "
        "between the private\n    sectors of the two countries to identify challenges in "
        "critical minerals and energy.\n    This will be followed by an economic security "
        "dialogue led by India’s foreign secretary\n    and a Japanese vice minister in the "
        "first half of 2026\n",
    )
    edit(
        data_copy / "curated" / "events.yaml",
        "  date: Friday\n  date_claim: c003-02",
        "  date: first half of 2026\n  date_claim: c003-02",
    )
    p = only(problems_for(data_copy), record="event 'strategic-dialogue-18'", field="date")
    assert p.file.endswith("curated/events.yaml")
    assert "date 'first half of 2026' in claim 'c003-02' belongs to the clause" in p.message
    assert "'economic-security-dialogue', not 'strategic-dialogue-18'" in p.message


def _date_problems(data_dir, kept: bool) -> list[str]:
    data, _ = load_curated(data_dir)
    return [str(p) for p in check_curated(data, kept=kept)[1] if p.field == "date"]


def test_where_a_date_sits_is_read_again_when_a_subjects_name_changes(data_copy):
    """A kept placement of a date is used only with the names it was read with."""
    test_a_date_from_the_clause_about_another_initiative_is_refused(data_copy)  # kept now
    assert any("c003-06" in p for p in _date_problems(data_copy, kept=True))
    edit(
        data_copy / "curated" / "initiatives.yaml",
        "  name: Joint Working Group on critical minerals",
        "  name: Quad minerals panel",
    )
    renamed = _date_problems(data_copy, kept=False)
    assert not any("c003-06" in p for p in renamed)  # the clause names no other subject now
    assert _date_problems(data_copy, kept=True) == renamed


# A claim about the AI Dialogue like c000-01, appended to its file: what it lends the
# subject's names is in `lends`.
ANOTHER_CLAIM = """
- id: c000-99
  quote: India and Japan to launch AI dialogue and a Joint Working Group on critical minerals
  statement: India and Japan are to launch an AI dialogue.
  attribution: outlet
  modality: planned
  subject: ai-dialogue
  sectors: [ai-digital]
  countries: [IN, JP]
{lends}"""


def _names_after_adding(data_dir, lends: str = "") -> tuple[str, dict]:
    claims = sorted((data_dir / "curated" / "claims").glob("000_*.yaml"))[0]
    with claims.open("a", encoding="utf-8") as fh:
        fh.write(ANOTHER_CLAIM.format(lends=lends))
    data, problems = load_curated(data_dir)
    assert problems == []
    return names_fingerprint(data), subject_profiles(data, vocabulary=False)


@pytest.fixture
def names_before(data_copy) -> tuple[str, dict]:
    data, _ = load_curated(data_copy)
    return names_fingerprint(data), subject_profiles(data, vocabulary=False)


def test_a_claim_that_lends_its_subject_no_name_keeps_where_dates_sit(data_copy, names_before):
    """A new article's claims about known subjects, with no alias and no attending actor,
    leave the names as they were: every date's place stays kept (100,000 claims: 3 s)."""
    fingerprint, profiles = _names_after_adding(data_copy)
    assert profiles == names_before[1]  # (what the fingerprint stands for)
    assert fingerprint == names_before[0]


@pytest.mark.parametrize(
    "lends", ["  alias: the AI talks\n", "  actors: [motegi]\n"], ids=["alias", "attending"]
)
def test_a_claim_that_lends_its_subject_a_name_reads_dates_again(data_copy, names_before, lends):
    fingerprint, profiles = _names_after_adding(data_copy, lends)
    assert profiles != names_before[1]
    assert fingerprint != names_before[0]
