"""The processed tables: written with exactly the listed columns, read back with their types."""

from __future__ import annotations


def test_processed_tables_keep_the_column_contract(shipped_tables):
    contract = {
        "sources": "source_id file title outlet published url sha256",
        "claims": "claim_id source_id quote statement subject_id sectors countries date_text date_start date_end date_precision",
        "initiatives": "initiative_id name aliases sectors parties status status_since status_claims n_sources",
        "status_history": "initiative_id status known_from known_until claim_ids",
        "milestones": "milestone_id initiative_id what change known_from known_until due_text due_start due_end moved_from met_text claim_ids",
        "events": "event_id title kind date_start date_end date_precision location",
        "actors": "actor_id name kind role country",
    }
    for name, columns in contract.items():
        assert set(columns.split()) <= set(shipped_tables[name].columns), name
