"""Clauses of quotes as reporting writes them."""

from __future__ import annotations

from ijmemo.text.clauses import clause_spans


def texts(text, spans):
    return [s.of(text) for s in spans]


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
