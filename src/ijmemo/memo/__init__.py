"""One edition of the memo: parameters, what it knows, its sections, charts and wording."""
