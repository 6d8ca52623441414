"""Who leads an initiative, and who cannot be at its table in its lead body's place.

An initiative's lead bodies are curated (`initiatives.yaml`); a meeting that names a
person or office of a lead body's country, and not that lead body, is another meeting:
the foreign secretary meeting a prime minister's adviser is not the foreign
secretary–vice minister dialogue. Intake uses this to propose, the checks to refuse.
"""

from __future__ import annotations

from ijmemo.curation.load import CuratedData


def lead_body_clash(data: CuratedData, initiative: str, actors: list[str]) -> str | None:
    """The actors named who stand where the initiative's lead body for their country should
    ("Japan's prime minister's adviser" where a Japanese vice minister leads), or None."""
    record = data.initiatives.get(initiative)
    if record is None or not record.record.lead_bodies:
        return None
    leads = set(record.record.lead_bodies)
    lead_countries = {_country(data, b) for b in leads} - {None}
    clashing = [
        a
        for a in actors
        if a in data.actors
        and a not in leads
        and _country(data, a) in lead_countries
        and not leads & {b for b in actors if _country(data, b) == _country(data, a)}
        and _is_person_or_office(data, a)
    ]
    return ", ".join(data.actors[a].record.name for a in clashing) or None


def _country(data: CuratedData, actor: str) -> str | None:
    loc = data.actors.get(actor)
    return loc.record.country if loc else None


def _is_person_or_office(data: CuratedData, actor: str) -> bool:
    """People and offices meet; a country's private sector or a ministry as a whole is
    named in passing as often as at the table."""
    return data.actors[actor].record.kind in ("person", "office")
