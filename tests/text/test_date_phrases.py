"""Date phrases in running text: found as printed, in reading order, the longest where two
overlap, with offsets that index the text, and always readable as a date."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ijmemo.text.date_phrases import find_date_phrases, find_date_spans
from ijmemo.text.date_words import MONTH_WORDS, says_before
from ijmemo.text.dates import DateParseError, parse_date


def test_phrases_are_found_as_printed_in_reading_order():
    text = (
        "India and Japan met on 25 February 2026 and agreed to meet again in the second "
        "half of 2026, after the dialogue on Friday."
    )
    assert find_date_phrases(text) == ["25 February 2026", "the second half of 2026", "Friday"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The talks will be held from 15 to 17 January in Tokyo.", "15 to 17 January"),
        ("The talks run 15–17 January 2026.", "15–17 January 2026"),
        ("The talks run January 15-17, 2026, in Tokyo.", "January 15-17, 2026"),
        ("They met from 30 January to 2 February 2026.", "30 January to 2 February 2026"),
        ("The fair is held 20 March–2 April.", "20 March–2 April"),
        ("The pact was signed in mid-2026.", "mid-2026"),
        ("It is due by the end of June.", "the end of June"),
        ("It is due in the first quarter of 2027.", "the first quarter of 2027"),
        ("The meeting moved to Sept. 2026.", "Sept. 2026"),
        ("The trains may run in India by the early 2030s.", "the early 2030s"),
    ],
)
def test_the_longest_phrase_is_found_where_two_overlap(text, phrase):
    assert find_date_phrases(text) == [phrase]


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Officials may meet again soon.", []),  # the verb
        ("The ministers may meet in May.", ["May"]),  # the verb, then the month
        ("The dialogue may be held in May 2026.", ["May 2026"]),
        ("The meeting is due by May.", ["May"]),
        ("It was a may-or-may-not affair.", []),
    ],
)
def test_may_the_verb_is_not_may_the_month(text, phrases):
    assert find_date_phrases(text) == phrases


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The two sides met in January.", "January"),
        ("The two sides met on 15 January.", "15 January"),
        ("The two sides met on 15 January 2026.", "15 January 2026"),
        ("The two sides met on 15 Jan. The talks ended late.", "15 Jan."),  # the abbreviation's
        ("The dialogue was moved to Jan. Officials gave no reason.", "Jan."),
    ],
)
def test_a_sentences_full_stop_is_not_part_of_the_phrase_but_an_abbreviations_is(text, phrase):
    assert find_date_phrases(text) == [phrase]


def test_a_quantity_is_not_a_year():
    assert find_date_phrases("Japan will supply 3000 tonnes of rare earths by 2030.") == ["2030"]
    assert find_date_phrases("The 1500 km corridor costs 2500 crore.") == []


def test_spans_index_the_text_exactly():
    text = (
        "Tokyo, March 20, 2026: the JWG, which met on Wednesday, will meet again\n"
        "in the second half of 2026 or by the end of next year, officials said in Jan."
    )
    spans = find_date_spans(text)
    assert [phrase for _, _, phrase in spans] == [
        "March 20, 2026",
        "Wednesday",
        "the second half of 2026",
        "the end of next year",
        "Jan.",
    ]
    for start, end, phrase in spans:
        assert text[start:end] == phrase


def test_a_phrase_that_is_not_a_date_is_not_found():
    # "31 April" looks like a date but is none: it is not offered to the analyst
    assert find_date_phrases("The deadline of 31 April passed.") == []
    assert find_date_phrases("Officials said 30 February was never an option.") == []


# ---- any text: what is found indexes it and reads as a date

PIECES = st.one_of(
    st.sampled_from(
        [
            *MONTH_WORDS,
            "Jan.",
            "Sept.",
            "may",
            "May",
            *["in", "by", "from", "to", "until", "and", "the", "on", "since", "before"],
            *["first", "second", "half", "quarter", "of", "early", "mid", "late", "end"],
            *["this", "next", "last", "later", "earlier", "year", "month"],
            *["Q1", "Q4", "H1", "H2", "Friday", "Sunday", "met", "talks"],
            "–",
            "-",
            ",",
            ".",
        ]
    ),
    st.integers(0, 40).map(str),
    st.integers(1890, 2110).map(str),
    st.dates(date(1950, 1, 1), date(2099, 12, 31)).map(date.isoformat),
)
SEPARATORS = st.sampled_from([" ", "", ", ", ". ", "-", "–", "\n"])
TEXTS = st.lists(st.tuples(PIECES, SEPARATORS), max_size=12).map(
    lambda parts: "".join(piece + sep for piece, sep in parts)
)
REFERENCES = st.dates(date(1990, 1, 1), date(2060, 12, 31))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_spans_index_any_text_in_reading_order_without_overlapping(text):
    spans = find_date_spans(text)
    assert [phrase for _, _, phrase in spans] == find_date_phrases(text)
    for start, end, phrase in spans:
        assert phrase and text[start:end] == phrase
    assert all(end <= start for (_, end, _), (start, _, _) in pairwise(spans))


@settings(max_examples=300, deadline=None)
@given(TEXTS, REFERENCES)
def test_every_phrase_found_is_readable_as_a_date(text, reference):
    for _, _, phrase in find_date_spans(text):
        try:
            window = parse_date(phrase, reference)
        except DateParseError as exc:
            # a 29 February is found (it is a date in a leap year), and is impossible
            # only in a source of another year
            assert "impossible date" in str(exc) and "29" in phrase, (phrase, str(exc))
            continue
        assert window.known, (phrase, window)


def test_29_february_is_read_in_a_leap_year_and_refused_in_another():
    (phrase,) = find_date_phrases("The talks were held on 29 February.")
    assert parse_date(phrase, date(2028, 3, 1)).start == date(2028, 2, 29)
    with pytest.raises(DateParseError, match="impossible date"):
        parse_date(phrase, date(2026, 3, 1))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Motegi also met Prime Minister Narendra Modi ahead of his talks with Jaishankar.",
            "ahead of",
        ),
        ("Before the dialogue, the ministers met.", "Before"),
        ("They met in the week preceding the summit.", "preceding"),
        ("a call prior\nto the visit", "prior\nto"),
        ("They had agreed beforehand.", None),  # whole words only
        ("Japan is ahead in chips; the talks were held after the visit.", None),
    ],
)
def test_words_that_put_one_thing_before_another(text, word):
    assert says_before(text) == word


# ---- names that hold a month, and the phrases added for news about India and Japan


@pytest.mark.parametrize(
    "text",
    [
        "Researchers from Marine-Earth sailed with the survey ship.",
        "The Japan Agency for Marine-Earth Science and Technology led the expedition.",
        "Unions marched through the capital on May Day.",
        "Neuroscientist May-Britt Moser addressed the forum.",
        "The envoy later flew to Mar-a-Lago for talks.",
    ],
)
def test_a_name_that_holds_a_month_is_not_a_date(text):
    assert find_date_phrases(text) == []


def test_a_month_after_a_name_that_holds_one_is_still_found():
    text = "The Japan Agency for Marine-Earth Science and Technology will sail in March 2027."
    assert find_date_phrases(text) == ["March 2027"]


def test_a_month_end_written_with_a_hyphen_is_still_the_month():
    assert find_date_phrases("The rules are to be notified by March-end.") == ["March"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The minister will brief the press later in the day.", "later in the day"),
        ("Exports to Japan are projected to grow in FY27.", "FY27"),
        ("The budget for fiscal year 2026-27 was tabled.", "fiscal year 2026-27"),
        ("Orders doubled in 2026–27, the company said.", "2026–27"),
        ("Output rose in the current fiscal.", "the current fiscal"),
        ("The two sides plan to meet in mid-April.", "mid-April"),
        ("The two sides plan to meet in the middle of April.", "the middle of April"),
        ("The plant is due to open early next year.", "early next year"),
        ("The envoy will travel to Tokyo next week.", "next week"),
        ("The delegation landed in Delhi two days ago.", "two days ago"),
        ("The coast guards will exercise together this summer.", "this summer"),
        ("The line should open to passengers in spring 2027.", "spring 2027"),
        ("The agreement was signed on 16.01.2026 in New Delhi.", "16.01.2026"),
        ("The trade fair runs from Feb 3 to Feb 5 in Osaka.", "Feb 3 to Feb 5"),
        ("The ministers met on Tuesday, February 24 in Tokyo.", "Tuesday, February 24"),
        ("The ministers met on 24 February (Tuesday) in Tokyo.", "24 February (Tuesday)"),
    ],
)
def test_news_date_phrases_are_found_whole(text, phrase):
    assert find_date_phrases(text) == [phrase]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Next week, the envoy will travel to Tokyo.", "Next week"),
        ("Last month, the two navies held a drill.", "Last month"),
        ("Next year, the corridor opens to freight.", "Next year"),
        ("This summer, the coast guards will exercise together.", "This summer"),
        ("This fiscal, exports to Japan have grown.", "This fiscal"),
    ],
)
def test_a_relative_phrase_that_opens_a_sentence_is_found(text, phrase):
    assert find_date_phrases(text) == [phrase]


def test_the_next_week_as_a_stretch_of_days_is_not_a_calendar_week():
    assert find_date_phrases("Talks will continue over the next week.") == []


def test_a_fall_in_prices_is_no_season():
    assert find_date_phrases("Traders blamed the last fall in prices on the yen.") == []


def test_today_and_yesterday_are_dates_only_when_they_say_when():
    from ijmemo.text.date_phrases import find_date_phrases

    text = (
        "The closing ceremony was held yesterday. The leaders today released a statement. "
        "Economic security today is paramount, and today's world is uncertain."
    )
    assert find_date_phrases(text) == ["yesterday", "today"]
    assert find_date_phrases("They met in South Africa last November.") == ["last November"]
