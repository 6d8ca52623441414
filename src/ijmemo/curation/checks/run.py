"""Every cross-record rule on the curated data, run in order; each problem found is kept."""

from __future__ import annotations

from ijmemo.core.problems import Problem
from ijmemo.curation.checks.checked import Checked
from ijmemo.curation.checks.claim_text import claim_text_results
from ijmemo.curation.checks.date_scope import check_date_scope
from ijmemo.curation.checks.records import (
    check_claim_reports,
    check_claims,
    check_events,
    check_initiatives,
    check_not_before,
    check_topics_and_actors,
    check_unique_subjects,
)
from ijmemo.curation.checks.speech import check_reporting
from ijmemo.curation.load import CuratedData
from ijmemo.curation.syndication import source_shingles, syndication_groups


def check_curated(data: CuratedData, kept: bool = True) -> tuple[Checked, list[Problem]]:
    """Every cross-record rule; returns derived offsets/dates and all problems.

    `kept=False`: every claim checked against its text afresh, no kept result read or
    written (the tests compare the two)."""
    checked, problems = Checked(), []
    if data.unparsed:
        waiting = ", ".join(data.unparsed)
        message = (
            f"cross-record checks (references, quotes, support, dates) skipped until {waiting} "
            "parse: records missing from them would make everything that refers to them look wrong"
        )
        return checked, [Problem("(all curated data)", message)]
    cache = data.paths.checks_cache if kept else None
    texts = claim_text_results(data, cache)  # each claim against its text
    check_unique_subjects(data, problems)
    check_claims(data, checked, problems, texts)
    check_initiatives(data, problems)
    check_events(data, checked, problems)
    check_not_before(data, checked, problems)
    check_claim_reports(data, checked, problems)
    check_date_scope(data, problems, data.paths.dates_cache if kept else None)
    check_topics_and_actors(data, checked, problems, texts)
    check_reporting(data, checked, problems, texts)
    digests = {sid: loc.record.sha256 for sid, loc in data.sources.items()}
    shingles = source_shingles(data.texts, digests, data.paths.shingles_cache if kept else None)
    checked.syndication = syndication_groups(shingles)
    return checked, problems
