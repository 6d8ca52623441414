"""Who cannot be at an initiative's table in its lead body's place."""

from __future__ import annotations

from ijmemo.curation.lead_bodies import lead_body_clash
from ijmemo.curation.load import load_curated


def test_a_person_of_a_lead_country_without_its_lead_body_clashes():
    data, _ = load_curated()
    esd = "economic-security-dialogue"  # led by India's foreign secretary, a Japanese vice minister
    assert lead_body_clash(data, esd, ["in-foreign-secretary", "jp-vice-minister"]) is None
    assert lead_body_clash(data, esd, ["in-foreign-secretary", "motegi"]) == "Toshimitsu Motegi"
    # a body named in passing (a country's private sector) is not at the table
    assert lead_body_clash(data, esd, ["in-foreign-secretary", "jp-private-sector"]) is None
    # no lead bodies curated: nothing to clash with; unknown ids are other checks' business
    assert lead_body_clash(data, "jwg-critical-minerals", ["motegi"]) is None
    assert lead_body_clash(data, esd, ["nobody-known"]) is None
