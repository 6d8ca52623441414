"""Reading reported text: sentences, clauses, date words and phrases, verbatim quotes,
reported speech, words and references back."""
