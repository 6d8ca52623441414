"""How well add-source proposes: precision and recall per field over a gold set.

A gold set is a folder of invented articles (`<name>.txt`), each with its answer
key (`<name>.yaml`: title, published, boilerplate, facts, actors; see
tests/gold/README.md). Each article is added to a scratch copy of the data, as an
analyst would add it, and every proposal is compared with its key. This is a
benchmark, not a test: it reports, it never fails the build.

For a field, a proposal that equals the key is right; TP is a right non-empty
proposal, FP a non-empty proposal that is wrong, FN a non-empty key that was
missed. Dates are compared as sets of (window) and (role, window) per sentence.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ijmemo.core.paths import DataPaths
from ijmemo.core.yamlio import load_yaml
from ijmemo.intake.article import BULLET
from ijmemo.steps.add_source import add_source
from ijmemo.text.dates import parse_date_or_unknown
from ijmemo.text.quotes import normalise

FIELDS = (
    "facts proposed",
    "boilerplate left out",
    "subject",
    "alias",
    "date window",
    "date window and role",
    "status move",
    "milestone change",
    "speaker",
    "own voice kept",
    "held with a date",
    "new actors",
)
# Scored where either side says one: a sentence that reports a status (or milestone), or
# one where a status was proposed; agreeing on "nothing" is not a right answer here.
REPORTED_ONLY = {
    "status move": "status reported or proposed",
    "milestone change": "milestone reported or proposed",
}


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, proposed, key, where: str) -> None:
        """One comparison of a single-valued field (None: nothing proposed / expected)."""
        self.total += 1
        if _same(proposed, key):
            self.right += 1
            self.tp += key is not None
            return
        self.fp += proposed is not None
        self.fn += key is not None
        self.misses.append(f"{where}: proposed {proposed!r}, key {key!r}")

    def add_bool(self, ok: bool, where: str, what: str) -> None:
        """One item that should have happened (a fact proposed, a credit left out)."""
        self.total += 1
        self.right += ok
        self.tp += ok
        self.fn += not ok
        if not ok:
            self.misses.append(f"{where}: {what}")

    def add_sets(self, proposed: set, key: set, where: str) -> None:
        self.total += 1
        self.right += proposed == key
        self.tp += len(proposed & key)
        self.fp += len(proposed - key)
        self.fn += len(key - proposed)
        if proposed != key:
            extra, missed = sorted(proposed - key), sorted(key - proposed)
            self.misses.append(f"{where}: proposed also {extra}, missed {missed}")

    @staticmethod
    def ratio(a: int, b: int) -> str:
        return f"{100 * a / b:.0f} %" if b else "–"

    def row(self, name: str) -> str:
        p, r = self.ratio(self.tp, self.tp + self.fp), self.ratio(self.tp, self.tp + self.fn)
        right = self.ratio(self.right, self.total)
        return f"| {name} | {self.right} / {self.total} | {right} | {p} | {r} |"

    def reported_row(self, name: str) -> str:
        """Right among comparisons where the key or the proposal is not empty."""
        said = self.tp + len(self.misses)  # every miss has a side that says something
        return f"| {name} | {self.tp} / {said} | {self.ratio(self.tp, said)} | | |"


def _same(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return normalise(a).casefold() == normalise(b).casefold()
    return a == b


def _contains(text: str, snippet: str) -> bool:
    """Is the key's snippet in the candidate's quote? A bullet opening the snippet ("- India
    and Japan sign …") is layout: candidates leave it out."""
    return normalise(BULLET.sub("", snippet, count=1)) in normalise(text)


def _window(d) -> tuple[str | None, str | None]:
    return (str(d["start"]) if d.get("start") else None, str(d["end"]) if d.get("end") else None)


def evaluate_article(article: Path, key: dict, data_root: Path, tallies: dict) -> None:
    """Add one article to a scratch copy of the data and score its proposals."""
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        for folder in ("curated", "sources"):
            shutil.copytree(DataPaths.at(data_root).root / folder, data / folder)
        published = str(key["published"]) if key.get("published") else None
        added = add_source(article, title=key.get("title"), date=published, data_dir=data)
    proposal, name = added.proposal, article.stem
    candidates = proposal.candidates
    for snippet in key.get("boilerplate") or []:
        proposed = [c.id for c in candidates if _contains(c.quote, snippet)]
        tallies["boilerplate left out"].add_bool(not proposed, f"{name}: '{snippet}'", "proposed")
    facts = key.get("facts") or []
    for text, why in proposal.left_out:  # a fact left out is a false "boilerplate"
        if any(_contains(text, f["sentence"]) for f in facts):
            tallies["boilerplate left out"].fp += 1
            tallies["boilerplate left out"].misses.append(f"{name}: fact left out ({why}): {text}")
    for fact in facts:
        where = f"{name}: '{fact['sentence']}'"
        holding = [c for c in candidates if _contains(c.quote, fact["sentence"])]
        same = [c for c in holding if c.match.subject == fact.get("subject")]
        found = (same or holding or [None])[0]  # one candidate per subject it names
        tallies["facts proposed"].add_bool(found is not None, where, "not proposed")
        if found is not None:
            _score_fact(found, fact, where, tallies)
    for c in candidates:  # a meeting proposed held says when
        if (c.milestone or {}).get("change") == "met" or c.move.status == "convened":
            dated = any(d.role == "happened" for d in c.dated)
            tallies["held with a date"].add_bool(dated, f"{name}: {c.quote[:60]}", "no date")
    keyed = [f["sentence"] for f in facts] + list(key.get("colour") or [])
    for c in candidates:  # proposals the key knows nothing about
        if not any(_contains(c.quote, s) for s in keyed):
            tallies["facts proposed"].fp += 1
            tallies["facts proposed"].misses.append(f"{name}: unkeyed candidate: {c.quote}")
    proposed_actors = {a.name.casefold() for a in proposal.actors}
    # a key may name an actor by an alias the proposal gives it ("ISRO" for the Indian
    # Space Research Organisation (ISRO)): the same actor
    named = {n.casefold(): a.name.casefold() for a in proposal.actors for n in (a.name, *a.aliases)}
    key_actors = {
        named.get(a["name"].casefold(), a["name"].casefold()) for a in key.get("actors") or []
    }
    tallies["new actors"].add_sets(proposed_actors, key_actors, f"{name}: new actors")


def _score_fact(c, fact: dict, where: str, tallies: dict) -> None:
    tallies["subject"].add(c.match.subject, fact.get("subject"), where)
    tallies["alias"].add(c.alias, fact.get("alias"), where)
    windows = {(str(d.window.start), str(d.window.end)) for d in c.dated}
    roles = {(d.role, str(d.window.start), str(d.window.end)) for d in c.dated}
    key_dates = fact.get("dates") or []
    key_windows = {tuple(str(x) for x in _window(d)) for d in key_dates}
    key_roles = {(d["role"], *(str(x) for x in _window(d))) for d in key_dates}
    tallies["date window"].add_sets(windows, key_windows, where)
    tallies["date window and role"].add_sets(roles, key_roles, where)
    tallies["status move"].add(c.move.status, fact.get("status"), where)
    change = c.milestone["change"] if c.milestone else None
    tallies["milestone change"].add(change, fact.get("milestone"), where)
    if fact.get("speaker") not in (None, "outlet"):  # reported speech: who says it
        proposed, key = _speaker(c), fact["speaker"]
        tallies["speaker"].add(key if _same_speaker(proposed, key) else proposed, key, where)
    elif fact.get("speaker") == "outlet":  # the report's own voice: no speaker put on it
        tallies["own voice kept"].add(_speaker(c), "outlet", where)


def _speaker(c) -> str | None:
    """Who a candidate is proposed to be said by: 'outlet', 'officials', or a name."""
    if c.attribution == "outlet":
        return "outlet"
    return c.attribution.get("by")


def _same_speaker(proposed: str | None, key: str) -> bool:
    """A proposed actor matches the key's name by surname ("jaiswal" for Randhir Jaiswal)."""
    if proposed is None:
        return False
    a, b = normalise(proposed).casefold(), normalise(key).casefold()
    return a == b or a.replace("-", " ").split()[-1] == b.split()[-1]


def evaluate(gold: Path, data_root: Path | None = None) -> dict[str, Tally]:
    """Score every article with a key in `gold` (not its subfolders)."""
    tallies = {name: Tally() for name in FIELDS}
    root = DataPaths.at(data_root).root
    for key_path in sorted(gold.glob("*.yaml")):
        article = key_path.with_suffix(".txt")
        if article.is_file():
            evaluate_article(article, load_yaml(key_path), root, tallies)
    return tallies


def report(name: str, gold: Path, tallies: dict[str, Tally]) -> str:
    n = len([p for p in gold.glob("*.yaml") if p.with_suffix(".txt").is_file()])
    lines = [
        f"## {name}: {n} articles",
        "",
        "| field | right | % right | precision | recall |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [tallies[f].row(f) for f in FIELDS]
    lines += [tallies[f].reported_row(label) for f, label in REPORTED_ONLY.items()]
    misses = [(f, m) for f in FIELDS for m in tallies[f].misses]
    lines += ["", f"Misses ({len(misses)}):" if misses else "No misses."]
    lines += [f"- {f}: {m}" for f, m in misses]
    return "\n".join(lines) + "\n"


# ---- the shipped sources, with their curated claims as the key

CURATED_FIELDS = ("subject", "alias", "date", "status move", "milestone change")


def evaluate_curated(data_root: Path | None = None) -> dict[str, Tally]:
    """Re-add each shipped source as if new, its own claims removed, and compare with them.

    Real reporting the rules were not written on: the curated claims are the key (a
    sentence curated as two claims on two subjects can get at most one right).
    """
    root = DataPaths.at(data_root).root
    tallies = {name: Tally() for name in CURATED_FIELDS}
    for meta_path in sorted((root / "sources").glob("*.yaml")):
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        claims_path = root / "curated" / "claims" / f"{meta['id']}.yaml"
        own = (
            yaml.safe_load(claims_path.read_text(encoding="utf-8"))
            if claims_path.is_file()
            else None
        )
        if own:
            _score_source(root, meta, own, tallies)
    return tallies


def _score_source(root: Path, meta: dict, own: list, tallies: dict) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        shutil.copytree(root / "curated", data / "curated")
        shutil.copytree(root / "sources", data / "sources")
        (data / "curated" / "claims" / f"{meta['id']}.yaml").unlink()  # its claims: the key
        text = data / "sources" / meta["file"]
        article = Path(scratch) / f"again-{meta['file']}"
        shutil.copy(text, article)
        text.unlink()
        (data / "sources" / f"{meta['id']}.yaml").unlink()
        published = meta.get("published")
        added = add_source(article, title=meta.get("title"), date=published, data_dir=data)
    proposal = added.proposal
    for claim in own:
        quote = normalise(claim["quote"])
        holding = [
            c
            for c in proposal.candidates
            if quote in normalise(c.quote) or normalise(c.quote) in quote
        ]
        same = [c for c in holding if c.match.subject == claim["subject"]]
        found = (same or holding or [None])[0]
        where = f"{meta['id']}: {claim['id']}"
        if found is None:
            tallies["subject"].add(None, claim["subject"], f"{where} (no candidate)")
            continue
        tallies["subject"].add(found.match.subject, claim["subject"], where)
        tallies["alias"].add(found.alias, claim.get("alias"), where)
        reference = proposal.reference
        window = _claim_window(claim.get("date"), reference)
        tallies["date"].add(
            _claim_window(found.date.phrase, reference) if found.date else None, window, where
        )
        tallies["status move"].add(found.move.status, claim.get("status"), where)
        change = found.milestone["change"] if found.milestone else None
        key = (claim.get("milestone") or {}).get("change")
        tallies["milestone change"].add(change, key, where)


def _claim_window(phrase: str | None, reference) -> str | None:
    """A date phrase as its window ("first half of 2026" and "the first half of 2026" agree)."""
    if not phrase:
        return None
    window, _ = parse_date_or_unknown(phrase, reference)
    return f"{window.start}..{window.end}" if window.known else phrase


def report_curated(tallies: dict[str, Tally]) -> str:
    lines = [
        "## shipped sources, each re-added with its own claims removed (key: its curated claims)",
        "",
        "| field | right | % right | precision | recall |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [tallies[f].row(f) for f in CURATED_FIELDS]
    misses = [(f, m) for f in CURATED_FIELDS for m in tallies[f].misses]
    lines += ["", f"Misses ({len(misses)}):" if misses else "No misses."]
    lines += [f"- {f}: {m}" for f, m in misses]
    return "\n".join(lines) + "\n"
