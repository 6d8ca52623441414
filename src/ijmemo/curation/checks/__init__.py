"""Cross-record rules on the curated data; every problem found, none stops the rest."""
