"""How independently a thing is reported, and how far a source and a claim can be trusted.

Sources count once per evidence basis: syndicated copies (shared wording) and
sources that say they rest on the same briefing or readout (`rests_on` ids) are
merged. A source that does not say what it rests on cannot be shown independent of
anything, so it never adds to the count of independent reports.

Grades follow the Admiralty (NATO) system, computed from recorded facts only:

    reliability of a source     A-E need a track record this project does not keep;
                                F "cannot be judged" whenever the outlet is unknown,
                                C "fairly reliable" for a known outlet, B for an
                                official text (statement, press release, transcript)
                                from a known issuer
    credibility of a claim      what a claim reports is matched only by another
                                source's firm claim giving the same status, milestone,
                                framing or date; the grades are CREDIBILITY_RULE below,
                                printed in the memo's method as the code applies them.
                                5 "improbable" is an analyst's call, never assigned.
"""

from __future__ import annotations

import pandas as pd

from ijmemo.metadata.cells import is_missing, join_cell, split_cell
from ijmemo.metadata.vocabularies import FACTUAL, FIRM, OUTLET, UNNAMED_OFFICIALS

OFFICIAL_KINDS = {"press release", "official statement", "transcript"}


def basis_groups(sources: pd.DataFrame) -> dict[str, str]:
    """Source id -> the first source id of its evidence basis (union of shared bases)."""
    parent = {s: s for s in sources.source_id}

    def root(s: str) -> str:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first_of: dict[str, str] = {}
    for sid, group, bases in zip(
        sources.source_id, sources.syndication_group, sources.basis_ids, strict=True
    ):
        for key in [f"copy:{group}", *(f"basis:{b}" for b in split_cell(bases))]:
            if key in first_of:
                join(first_of[key], sid)
            else:
                first_of[key] = sid
    return {s: root(s) for s in parent}


def independent_count(source_ids, groups: dict[str, str], stated: set[str]) -> int:
    """Reports shown independent: distinct basis groups that state their basis (min 1).

    A source naming no basis may rest on the same briefing as any other, so it is
    never counted separately; one report is still one report.
    """
    ids = set(source_ids)
    if not ids:
        return 0
    shown = {groups.get(s, s) for s in ids if s in stated}
    return max(1, len(shown))


def support(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per subject: claims, sources, sources reporting it firmly, and those shown independent."""
    columns = ["subject_id", "n_claims", "n_sources", "n_firm", "n_independent", "source_ids"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    groups = basis_groups(sources)
    stated = set(sources[sources.basis_ids.notna()].source_id)
    by_subject = claims.groupby("subject_id", sort=False)
    firm = claims[claims.modality.isin(FIRM)]
    # Independent reports: distinct evidence bases among firm sources that state theirs
    # (at least 1 when any firm report exists; see independent_count).
    shown = firm[firm.source_id.isin(stated)].assign(basis=lambda f: f.source_id.map(groups))
    out = pd.DataFrame(
        {
            "n_claims": by_subject.size(),
            "n_sources": by_subject.source_id.nunique(),
            "n_firm": firm.groupby("subject_id", sort=False).source_id.nunique(),
            "n_shown": shown.groupby("subject_id", sort=False).basis.nunique(),
            "source_ids": by_subject.source_id.agg(lambda s: join_cell(sorted(set(s)))),
        }
    )
    out["n_firm"] = out.n_firm.fillna(0).astype(int)
    shown_n = out.n_shown.fillna(0).astype(int)
    out["n_independent"] = shown_n.where(shown_n > 0, (out.n_firm > 0).astype(int))
    out = out.loc[claims.subject_id.drop_duplicates()]  # subjects in order of first claim
    return out.rename_axis("subject_id").reset_index()[columns]


def reliability(sources: pd.DataFrame) -> pd.DataFrame:
    """Each source's Admiralty reliability grade (A-F) and the facts it rests on."""
    grades, notes = [], []
    for s in sources.itertuples():
        if is_missing(s.outlet) and not is_missing(s.outlet_identified):
            grade, note = (
                "C",
                (
                    f"fairly reliable: a known outlet ({s.outlet_identified}), not named by the "
                    f"source but identified by the analyst on {s.identified_on} ({s.identified_by}); "
                    "no track record kept"
                ),
            )
        elif is_missing(s.outlet):
            grade, note = "F", "cannot be judged: the outlet is unknown"
        elif s.kind in OFFICIAL_KINDS:
            grade, note = "B", f"usually reliable: an official text issued by {s.outlet}"
        else:
            grade, note = "C", f"fairly reliable: a known outlet ({s.outlet}), no track record kept"
        grades.append(grade)
        notes.append(note)
    return sources.assign(reliability=grades, reliability_note=notes)


_FACT_FIELDS = ("framing", "status", "milestone_id")


def _facts(row: dict) -> list[tuple]:
    """Every fact a firm claim reports that another claim may be matched on."""
    facts = [(name, row[name]) for name in _FACT_FIELDS if not is_missing(row[name])]
    if not is_missing(row["date_start"]):
        end = None if is_missing(row["date_end"]) else row["date_end"]
        facts.append(("date", row["date_start"], end))
    return facts


def _matched_on(facts: list[tuple]) -> tuple | None:
    """The fact another source's firm claim must report the same for a claim with these
    `_facts` to be matched: its framing, else its status, else its milestone, else its
    date window. A claim that reports none of these is not corroborated by rule: that two
    sources write about one subject does not make either one's detail true."""
    return facts[0] if facts else None


# The credibility rule, printed in the memo's method as the code applies it: one text each.
MATCHING = (
    "a claim is matched only by another source's firm claim giving the same status, "
    "milestone, framing or date: two sources writing about one subject do not make either "
    "one's detail true"
)
CONFIRMED = "1 confirmed: matched by a report shown independent"
MATCHED = "2 probably true: matched by a report not shown independent"
NAMED = "2 probably true: unmatched, its speaker named"
STATED = "3 possibly true: unmatched, basis stated, speaker unnamed"
DOUBTED = "4 doubtful: another source reports the fact differently (see conflicts)"
UNJUDGED = "6 cannot be judged: unmatched, naming neither basis nor speaker"
CREDIBILITY_RULE = [CONFIRMED, MATCHED, NAMED, STATED, DOUBTED, UNJUDGED]


def credibility(
    claims: pd.DataFrame, sources: pd.DataFrame, conflicts: pd.DataFrame
) -> pd.DataFrame:
    """Each claim's Admiralty credibility grade (1-6) and why."""
    groups = basis_groups(sources)
    stated = set(sources[sources.basis_ids.notna()].source_id)
    factual = conflicts[conflicts.field.isin(FACTUAL)]
    doubted = {c for cell in factual.claim_ids for c in split_cell(cell)}
    wanted = ["claim_id", "source_id", "subject_id", "modality", "framing", "status",
              "milestone_id", "date_start", "date_end", "said_by"]  # fmt: skip
    rows = [  # plain rows: DataFrame rows cost more than the rule at scale
        dict(zip(wanted, values, strict=True))
        for values in claims.reindex(columns=wanted).itertuples(index=False, name=None)
    ]
    # Each firm claim's facts, worked out once; (subject, fact) -> the sources whose firm
    # claims on the subject report that fact.
    facts = [_facts(o) if o["modality"] in FIRM else [] for o in rows]
    reporting: dict[tuple, set[str]] = {}
    for o, found in zip(rows, facts, strict=True):
        for fact in found:
            reporting.setdefault((o["subject_id"], fact), set()).add(o["source_id"])
    grades, notes = [], []
    for c, found in zip(rows, facts, strict=True):
        fact = _matched_on(found)  # (None: matched by nothing; not firm, no facts)
        source, said_by = c["source_id"], c["said_by"]
        # A copy or another report of the same briefing is the same evidence, not more.
        corroborating = {
            s for s in reporting.get((c["subject_id"], fact), ()) if groups[s] != groups[source]
        }
        independent = sorted(s for s in corroborating if s in stated and source in stated)
        if c["claim_id"] in doubted:
            case = DOUBTED
        elif independent:
            case = f"{CONFIRMED} ({', '.join(independent)})"
        elif corroborating:
            case = MATCHED
        elif said_by not in (OUTLET, UNNAMED_OFFICIALS):
            case = NAMED
        elif source in stated or said_by == UNNAMED_OFFICIALS:
            case = STATED
        else:
            case = UNJUDGED
        grade, note = int(case[0]), case[2:]
        grades.append(grade)
        notes.append(note)
    return claims.assign(credibility=grades, credibility_note=notes)
