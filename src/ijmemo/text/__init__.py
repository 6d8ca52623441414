"""Reading reported text: date phrases, verbatim quotes, clauses, reported speech, words."""
