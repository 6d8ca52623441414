"""The memo's words for who said it and how independently it is reported."""

from __future__ import annotations


def test_a_speaker_is_never_named_by_an_alias_other_actors_share(processed_tables):
    from ijmemo.memo.provenance import short_names

    names = short_names(processed_tables["actors"])
    # both ministries carry the alias "foreign ministries"; Kitamura's alias is his own
    assert names["in-foreign-ministry"] == "India's foreign ministry"
    assert names["jp-foreign-ministry"] == "Japanese foreign ministry"
    assert names["kitamura"] == "Kitamura"


def test_corroboration_lists_sources_in_number_order():
    import pandas as pd

    from ijmemo.memo.provenance import corroboration_text

    about = pd.DataFrame(
        {"source_id": ["a", "b", "c"], "modality": ["done", "done", "done"], "claim_id": [1, 2, 3]}
    )
    keys = {"a": "S10", "b": "S2", "c": "S9"}
    text = corroboration_text(about, keys, {"a": "x", "b": "y", "c": "z"}, 3)
    assert text == "3 reports (S2, S9, S10), shown independent."
