"""The one sentence splitter, on text as news reports and scraped pages write it.

The examples are written for these tests in the styles of agency copy and web pages
(datelines, quotations, handles and credits glued to a sentence); none is copied.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from ijmemo.text.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [s.of(text) for s in sentence_spans(text)]


def test_sentences_end_at_a_stop_before_a_capital_not_after_an_abbreviation():
    text = (
        "Foreign Minister S. Jaishankar met Mr. Motegi on Jan. 16 in New Delhi. "
        "The U.S. was not part of the talks. “It was a good meeting,” he said."
    )
    assert sentences(text) == [
        "Foreign Minister S. Jaishankar met Mr. Motegi on Jan. 16 in New Delhi.",
        "The U.S. was not part of the talks.",
        "“It was a good meeting,” he said.",
    ]


def test_a_closing_quote_mark_ends_the_sentence_with_it():
    text = "“We will work together.” The ministers met on Friday."
    assert sentences(text) == [
        "“We will work together.”",
        "The ministers met on Friday.",
    ]


def test_a_line_break_ends_a_sentence_even_without_a_stop():
    text = "Japan and India agree on a minerals group\nThe group will meet in Tokyo."
    assert sentences(text) == [
        "Japan and India agree on a minerals group",
        "The group will meet in Tokyo.",
    ]


def test_a_quotation_of_two_sentences_stays_with_the_words_that_attribute_it():
    text = (
        "“Supply chains matter more than ever. We will keep working on them,” the minister "
        "said. The talks ended at noon."
    )
    assert sentences(text) == [
        "“Supply chains matter more than ever. We will keep working on them,” the minister said.",
        "The talks ended at noon.",
    ]


def test_within_quotations_each_sentence_of_a_quotation_is_its_own():
    text = (
        "“Supply chains matter more than ever. We will keep working on them,” the minister "
        "said. The talks ended at noon."
    )
    split = [s.of(text) for s in sentence_spans(text, within_quotations=True)]
    assert split == [
        "“Supply chains matter more than ever.",
        "We will keep working on them,” the minister said.",
        "The talks ended at noon.",
    ]


def test_a_quotation_that_does_not_close_on_its_line_is_split_as_usual():
    text = "“The visit went well. Both sides want more,” he said\n“Next year we meet again. Soon."
    assert sentences(text)[-2:] == ["“Next year we meet again.", "Soon."]


def test_a_lower_case_word_or_a_comma_after_a_stop_continues_the_sentence():
    text = "The plan, e.g. a pilot, starts in May. approx. ten firms, i.e. most, join."
    assert sentences(text) == [
        "The plan, e.g. a pilot, starts in May. approx. ten firms, i.e. most, join."
    ]


def test_handles_credits_and_stray_marks_glued_to_a_stop_are_split_off():
    assert sentences("The ministers met on Friday. (@ForeignOffice)")[-1] == "(@ForeignOffice)"
    assert sentences("The group met in Delhi.(Photo: handout)")[-1] == "(Photo: handout)"
    assert sentences("Read the statement here.… pic.example/abc")[-1] == "… pic.example/abc"
    assert sentences("??To take this forward, both sides set up a group.")[0] == "??"


def test_a_number_can_open_a_sentence():
    assert sentences("The dialogue met twice. 2026 will see a third round.") == [
        "The dialogue met twice.",
        "2026 will see a third round.",
    ]


def test_offsets_index_the_text_and_sentences_are_numbered_in_order():
    text = "  NEW DELHI: The JWG met.   It agreed to meet again.\n\nOfficials said so.  "
    spans = sentence_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "  NEW DELHI: The JWG met.",
        "It agreed to meet again.",
        "Officials said so.  ",
    ]
    assert [s.sentence for s in spans] == [0, 1, 2]


_WORDS = st.sampled_from(
    ["India", "Japan", "met", "in", "Tokyo", "on", "Jan.", "16", "Mr.", "Motegi", "said",
     "“We", "agree.”", "the", "U.S.", "talks", "(PTI)", "—", "ended.", "Both", "sides", "?", "\n"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_sentences_are_in_order_never_overlap_and_miss_no_word(text):
    spans = sentence_spans(text)
    assert all(a.end <= b.start for a, b in pairwise(spans))
    covered = " ".join(text[s.start : s.end] for s in spans)
    assert covered.split() == text.split()  # every word in exactly one sentence, in order
