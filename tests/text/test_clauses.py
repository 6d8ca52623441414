"""Sentences and clauses of quotes as reporting writes them."""

from __future__ import annotations

from ijmemo.text.clauses import clause_spans, sentence_spans


def texts(text, spans):
    return [s.of(text) for s in spans]


def test_sentences_end_at_a_stop_before_a_capital_not_after_an_abbreviation():
    text = (
        "Foreign Minister S. Jaishankar met Mr. Motegi on Jan. 16 in New Delhi. "
        "The U.S. was not part of the talks. “It was a good meeting,” he said."
    )
    assert texts(text, sentence_spans(text)) == [
        "Foreign Minister S. Jaishankar met Mr. Motegi on Jan. 16 in New Delhi.",
        "The U.S. was not part of the talks.",
        "“It was a good meeting,” he said.",
    ]


def test_a_closing_quote_mark_ends_the_sentence_with_it():
    text = "“We will work together.” The ministers met on Friday."
    assert texts(text, sentence_spans(text)) == [
        "“We will work together.”",
        "The ministers met on Friday.",
    ]


def test_clauses_break_at_semicolons_and_at_a_comma_before_a_conjunction():
    text = (
        "The JWG met on Monday, while the AI Dialogue is due in June; "
        "officials gave no date for the rest, but said talks would go on. It ends here."
    )
    spans = clause_spans(text)
    assert texts(text, spans) == [
        "The JWG met on Monday",
        "the AI Dialogue is due in June",
        "officials gave no date for the rest",
        "said talks would go on.",
        "It ends here.",
    ]
    assert [s.sentence for s in spans] == [0, 0, 0, 0, 1]


def test_the_last_comma_of_a_list_is_not_a_clause_break():
    text = (
        "The talks covered trade, resilience of supply chains, defense, technology, and "
        "innovation, and the two sides agreed to meet again in June."
    )
    # the list's ", and" stays in the clause (and so, unavoidably, does a later one)
    assert texts(text, clause_spans(text)) == [text]
    two = "The JWG met, and the AI Dialogue will meet."
    assert texts(two, clause_spans(two)) == ["The JWG met", "the AI Dialogue will meet."]
