"""The curate step: the shipped data passes every check."""

from __future__ import annotations

from ijmemo.steps.curate import review


def test_shipped_data_has_no_problems():
    assert review().problems == []
