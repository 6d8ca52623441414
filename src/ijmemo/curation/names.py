"""Which curated subject a sentence reports on, and why; and the sectors, countries and
actors it names.

Each initiative, event and topic has a profile (`profiles.py`). A sentence is matched in
tiers, each with its reason for the analyst:
1. a name or initialism, as written (score 1.0);
2. its core name (0.9), or all but one word of its full name (0.85), close together;
3. the core's qualifier with another generic noun ("the AI initiative") or an
   attending body with the subject's kind of noun ("the Keidanren-CII dialogue") (0.8);
4. otherwise a weighted overlap of words, below which a sentence is "possibly new".
Among tiers 1 and 2, and within tier 3, the name that comes first in the sentence
wins: reporting names its subject before what that subject follows or precedes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ijmemo.curation.load import CuratedData
from ijmemo.curation.profiles import subject_profiles, word_weights
from ijmemo.text.references import RELATING, can_refer_to
from ijmemo.text.words import (
    COUNTRY_WORDS,
    GENERIC_HEADS,
    core_words,
    find_whole,
    fold,
    has_term,
    names_actor,
    plain_words,
    stem,
    token_starts,
    tokens,
    words,
)

MATCH_THRESHOLD = 0.40  # below this a sentence is "possibly new"
ONE_OF_THEM = 0.5  # an event's score when the sentence does not name all its people
THEME_ONLY = 0.6  # a forum's score on its name's words with no word for a meeting
# A proper name of a forum or scheme: capitalised words ending in a capitalised generic
# head ("the India-Japan Economic Security Initiative"). Named so, it is that thing: a
# curated subject of another kind ("… dialogue") that shares its other words is not it.
_PROPER = re.compile(r"(?:\b[A-Z][\w'’-]*\s+){1,6}(?P<head>[A-Z][a-z]+)\b")


_ROUNDS = {"round", "session", "meeting", "talks"}
_MEETS = {"dialogue", "talks", "group", "forum", "mechanism", "council", "committee", "panel"}
_MEETS |= {"consultations", "meeting", "grouping", "summit"}
_MEETING_VERBS = {"met", "meet", "meets", "convened", "convene", "held", "hold"}


def proper_names(
    sentence: str, heads: frozenset[str] | set[str] = GENERIC_HEADS
) -> list[tuple[str, str]]:
    """The proper names of forums or schemes in a sentence: (name, its generic head), the
    head one of `heads`."""
    return [
        (m.group(0), m.group("head").casefold())
        for m in _PROPER.finditer(sentence)
        if m.group("head").casefold() in heads
    ]


NAME_WEIGHT, CONTEXT_WEIGHT = 0.7, 0.3


def _rarest_word_index(entries, rarest: int = 1) -> dict[str, set[str]]:
    """word → subjects, each entry (subject, words it needs) filed under its `rarest`
    rarest words: 1 when it needs all its words, 2 when it may miss one."""
    entries = list(entries)
    counts: dict[str, int] = defaultdict(int)
    for _, ws in entries:
        for w in set(ws):
            counts[w] += 1
    index: dict[str, set[str]] = defaultdict(set)
    for sid, ws in entries:  # no word at all ("—"): filed under "", always tried
        for w in sorted(set(ws), key=lambda w: (counts[w], w))[:rarest] or [""]:
            index[w].add(sid)
    return dict(index)


def _filed_under(index: dict[str, set[str]], ws) -> set[str]:
    """The subjects filed under any of `ws` (and those with no word)."""
    return {sid for w in {*ws, ""} for sid in index.get(w, ())}


@dataclass
class Match:
    subject: str | None
    kind: str | None
    score: float
    via: str
    runner_up: str | None = None
    refers_back: str | None = None  # the candidate whose subject this sentence inherits
    at: int = 0  # where the name that matched starts in the sentence


def _span(sent: list[str], needed: list[str], missing_ok: int = 0) -> tuple[int, int] | None:
    """Where `needed` words occur close together in `sent` (first and last token), or None."""
    need = set(needed)
    width = len(need) + 3
    for i in range(len(sent)):
        window = set(sent[i : i + width])
        if sent[i] in need and len(need - window) <= missing_ok:
            last = max(k for k in range(i, min(i + width, len(sent))) if sent[k] in need)
            return i, last
    return None


class Dictionaries:
    """What the curated data knows: subjects, sectors, countries and actors by name."""

    def __init__(
        self,
        data: CuratedData,
        extra_bodies: dict[str, list[str]] | None = None,
        vocabulary: bool = True,
    ):
        """`vocabulary=False`: without the curated quotes' words (tier 4 then rests on
        names alone; the validation's date check needs names only, at any scale)."""
        self.data = data
        self.profiles = subject_profiles(data, extra_bodies, vocabulary)
        self.idf = word_weights(self.profiles)
        self._index()

    def _index(self) -> None:
        """Which subjects a word can bring into play, so a sentence is tried against those
        only (8,500 subjects at 100,000 claims). A name can match only where its rarest
        word is, so the answers are the same as trying every subject."""
        self._order = {sid: n for n, sid in enumerate(self.profiles)}
        self._keys = {
            sid: [(name, fold(name)) for name in p.names] for sid, p in self.profiles.items()
        }
        self._by_name_word = _rarest_word_index(
            (sid, plain_words(key)) for sid, keys in self._keys.items() for _, key in keys
        )
        self._by_acronym = {a: sid for sid, p in self.profiles.items() for a in p.acronyms}
        cores = []
        for sid, profile in self.profiles.items():
            if profile.kind == "topic":
                continue
            cores += [(sid, core) for core in profile.cores]
        self._by_core_word = _rarest_word_index(cores)
        self._heavy: dict[float, dict] = {}  # names_above's index, per bar
        data = self.data
        self._people = {  # an event's people, by the surname reports use
            eid: [
                words(data.actors[a].record.name)[-1]
                for a in loc.record.participants
                if a in data.actors and data.actors[a].record.kind == "person"
            ]
            for eid, loc in data.events.items()
        }
        self._name_words = {}  # sid → (name, weight, its words, their weight): words once
        self._full_names = {}  # sid → (name, its words but the countries', its head word)
        for sid, profile in self.profiles.items():
            # a topic's keyword counts only whole: "supply chains" is not "diversification of
            # its supply chains", Japan's own strategy
            whole = profile.kind == "topic"
            weighed = [(n, 1.0, False) for n in profile.names]
            weighed += [(n, 1.0, whole) for n in profile.cues]
            weighed += [(n, 0.5, False) for n in profile.related]
            self._name_words[sid] = [
                (n, weight, nw, self._weight(nw), only_whole)
                for n, weight, only_whole in weighed
                if (nw := set(words(n)))
            ]
            self._full_names[sid] = [
                (n, [w for w in words(n) if w not in COUNTRY_WORDS], core_words(n)[-1:])
                for n in profile.names
            ]
        # "All but one word" of a long name (4 distinct words or more): one of its two
        # rarest words is always there.
        long_names = [
            (sid, full)
            for sid, names in self._full_names.items()
            if self.profiles[sid].kind != "topic"
            for _, full, head in names
            if len(set(full)) >= 4 and head
        ]
        self._by_long_name_word = _rarest_word_index(long_names, rarest=2)

    def _in_order(self, sids) -> list[str]:
        return sorted(sids, key=self._order.__getitem__)

    def _weight(self, ws) -> float:
        return sum(self.idf[w] for w in ws)

    # ---- tiers
    def _named(self, sentence: str, defined: dict[str, str]):
        """Tier 1: a name, alias or initialism as written; (position, sid, via) each."""
        folded, found = fold(sentence), []
        caps = {m.group(0): m.start() for m in re.finditer(r"\b[A-Z][A-Z0-9&]{1,8}\b", sentence)}
        maybe = _filed_under(self._by_name_word, plain_words(folded))
        maybe |= {self._by_acronym[a] for a in caps if a in self._by_acronym}
        for sid in self._in_order(maybe):
            profile = self.profiles[sid]
            for name, key in self._keys[sid]:
                hit = find_whole(folded, key) if len(name) > 3 else None
                if hit:
                    found.append((*hit, sid, f"name '{name}'"))
                    break
            else:
                for acronym in sorted(profile.acronyms & caps.keys()):
                    at = caps[acronym]
                    found.append(
                        (at, at + len(acronym), sid, f"initialism '{acronym}' of its name")
                    )
        for acronym, sid in defined.items():
            if acronym in caps:
                at = caps[acronym]
                found.append(
                    (at, at + len(acronym), sid, f"initialism '{acronym}' defined earlier")
                )
        return found

    def _core_named(self, sent: list[str]):
        """Tier 2: core name, or all but one word of a long full name, close together."""
        found = []
        maybe = _filed_under(self._by_core_word, sent) | _filed_under(self._by_long_name_word, sent)
        for sid in self._in_order(maybe):
            profile = self.profiles[sid]
            people = self._people.get(sid, [])
            for core in profile.cores:
                if set(core) & set(people) and not all(p in sent for p in people):
                    continue  # "after meeting Motegi" is not Motegi's meeting with Modi
                pos = _span(sent, core)
                if pos is not None:
                    found.append((*pos, sid, f"core name '{' '.join(core)}'"))
                    break
            else:
                for name, full, head in self._full_names[sid]:
                    # the word missing may not be its noun: its head word must be there;
                    # nor one of its people ("meet with Prime Minister Modi" is not
                    # Motegi's meeting with Prime Minister Modi)
                    named = [p for p in people if p in full]
                    if not all(p in sent for p in named):
                        continue
                    long_enough = len(set(full)) >= 4 and head and head[0] in sent
                    pos = _span(sent, full, missing_ok=1) if long_enough else None
                    if pos is not None:
                        found.append((*pos, sid, f"all but one word of '{name}'"))
                        break
        return found

    def _kind_named(self, sentence: str, sent: list[str]):
        """Tier 3: "the AI initiative" (qualifier + generic noun) or an attending body + noun."""
        found = []
        heads = [i for i, w in enumerate(sent) if w in GENERIC_HEADS or stem(w) in GENERIC_HEADS]
        raw = re.findall(r"[A-Za-z0-9]+", sentence)
        proper = {h for h in heads if len(raw) == len(sent) and raw[h][:1].isupper()}
        for sid, profile in self.profiles.items():
            if profile.kind != "initiative":
                continue
            for core in profile.cores:
                qualifiers = [w for w in core if w not in GENERIC_HEADS]
                for h in heads:
                    if h in proper and sent[h] not in core:  # "… Security Initiative"
                        continue
                    if qualifiers and sent[max(0, h - len(qualifiers)) : h] == qualifiers:
                        found.append((h, h, sid, f"'{' '.join(qualifiers)}' with '{sent[h]}'"))
            own_heads = {w for c in profile.cores for w in c if w in GENERIC_HEADS}
            for body in profile.related:
                if not has_term(sentence, body):
                    continue
                if any(sent[h] in own_heads for h in heads):
                    pos = min(h for h in heads if sent[h] in own_heads)
                    found.append((pos, pos, sid, f"attending body '{body}' with its noun"))
                    break
        return found

    def _name_cover(self, sid: str, sent: set[str]) -> tuple[float, str | None]:
        """How much of its best-covered name (or, at half weight, related body) `sent` has."""
        best, best_name = 0.0, None
        for name, weight, nw, total, only_whole in self._name_words[sid]:
            if only_whole and not nw <= sent:
                continue
            cover = weight * self._weight(nw & sent) / total
            if cover > best:
                best, best_name = cover, name
        return best, best_name

    def names_above(self, text: str, bar: float) -> dict[str, float]:
        """The subjects whose own names `text` covers to `bar` or more, with their cover.

        A name can reach `bar` only if `text` has one of its heaviest words (those
        without which more than 1 - bar of its weight is missing): only those are looked up,
        so "initiative", in every initiative's name, brings in none of them."""
        index = self._heavy.get(bar)
        if index is None:
            index = self._heavy[bar] = self._heavy_words(bar)
        sent = set(words(text))
        out: dict[str, float] = {}
        for sid, i in {key for w in sent for key in index.get(w, ())}:
            _, weight, nw, total, only_whole = self._name_words[sid][i]
            if only_whole and not nw <= sent:
                continue
            cover = weight * self._weight(nw & sent) / total
            if cover >= bar:
                out[sid] = max(out.get(sid, 0.0), cover)
        return out

    def _heavy_words(self, bar: float) -> dict[str, list[tuple[str, int]]]:
        index: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for sid, entries in self._name_words.items():
            for i, (_, weight, nw, total, _whole) in enumerate(entries):
                if weight < 1.0:
                    continue  # own names only: a related body counts half
                missing_allowed, heaviest = (1 - bar / weight) * total, 0.0
                for w in sorted(nw, key=lambda w: (-self.idf[w], w)):
                    index[w].append((sid, i))
                    heaviest += self.idf[w]
                    if heaviest > missing_allowed + 1e-9:  # rounding errs towards looking
                        break
        return index

    def name_cover(self, sid: str, text: str) -> float:
        """One subject's name cover for `text` (0-1)."""
        return self._name_cover(sid, set(words(text)))[0] if sid in self.profiles else 0.0

    def _overlap(self, sentence: str):
        """Tier 4: weighted overlap of name words and curated vocabulary. An event is not a
        sentence that leaves out one of its people ("Modi will visit Japan" is
        not Motegi's meeting with Modi, nor Motegi's visit): it scores less."""
        sent = set(words(sentence))
        scored = []
        for sid, profile in self.profiles.items():
            best, best_name = self._name_cover(sid, sent)
            context = self._weight(sent & profile.context) / self._weight(sent) if sent else 0.0
            score = NAME_WEIGHT * best + CONTEXT_WEIGHT * context
            people = self._people.get(sid, [])
            if people and not all(p in sent for p in people):
                score *= ONE_OF_THEM
            if best_name and not self._forum_word(sent, profile):
                score *= THEME_ONLY
            scored.append((score, sid, f"words of '{best_name}'" if best_name else "vocabulary"))
        scored.sort(key=lambda t: (-t[0], t[1]))
        return scored

    @staticmethod
    def _forum_word(sent: set[str], profile) -> bool:
        """A dialogue's or group's own noun, when its name has one ("private-sector
        investment" has the words of the private-sector dialogue, not the dialogue)."""
        heads = {w for core in profile.cores for w in core if w in _MEETS}
        return not heads or bool(sent & (heads | _MEETS | _MEETING_VERBS))

    def overlap_with(self, sentence: str, sid: str) -> float:
        """Tier 4's score of one subject for this sentence (how much it is about it)."""
        sent = set(words(sentence))
        profile = self.profiles[sid]
        best, _ = self._name_cover(sid, sent)
        context = self._weight(sent & profile.context) / self._weight(sent) if sent else 0.0
        return NAME_WEIGHT * best + CONTEXT_WEIGHT * context

    def _tiers(self, sentence: str, defined: dict[str, str], kinds: bool = True):
        """Tiers 1+2 (names) and tier 3 (kinds), each as (position, score, subject, via)."""
        sent, starts = tokens(sentence), token_starts(sentence)

        ends = [m.end() for m in re.finditer(r"[A-Za-z0-9]+", sentence)]

        def chars(found):  # token positions → character offsets
            return [(starts[i], ends[j], sid, via) for i, j, sid, via in found]

        named = [(p, e, 1.0, s, v) for p, e, s, v in self._named(sentence, defined)]
        # all but one word of a name is a little weaker than its core: "their talks" may
        # still point back past it
        named += [
            (p, e, 0.85 if v.startswith("all but one") else 0.9, s, v)
            for p, e, s, v in chars(self._core_named(sent))
        ]
        kinds = (
            [(p, e, 0.8, s, v) for p, e, s, v in chars(self._kind_named(sentence, sent))]
            if kinds
            else []
        )
        # Names compete by position: the first named is the subject.
        return [sorted(t, key=lambda t: (t[0], -t[2], t[3])) for t in (named, kinds)]

    def also_named(
        self, sentence: str, subject: str | None, defined=None, among: set[str] | None = None
    ) -> list[Match]:
        """Other subjects the sentence names outright, not just relates to: one claim each."""
        out: dict[str, Match] = {}
        named = self._tiers(sentence, defined or {})[0]
        if among is not None:
            named = [t for t in named if t[2] >= 1.0 or self._among(t[3], among)]
        taken = [(p, e) for p, e, _, sid, _ in named if sid == subject]
        for pos, end, score, sid, via in named:
            inside = any(pos < e and p < end for p, e in taken)  # "AI Strategic Dialogue"
            if sid == subject or sid in out or inside or RELATING.search(sentence[:pos]):
                continue
            taken.append((pos, end))
            note = f"{via}; a further subject named in the sentence"
            out[sid] = Match(sid, self.profiles[sid].kind, score, note, subject, at=pos)
        return list(out.values())

    def named_at(self, text: str) -> list[tuple[int, str]]:
        """Where subjects are named outright (name, alias, initialism, core name): (offset, id)."""
        return [(pos, sid) for pos, _, _, sid, _ in self._tiers(text, {}, kinds=False)[0]]

    def match(
        self, sentence: str, defined: dict[str, str] | None = None, among: set[str] | None = None
    ) -> Match:
        """The subject this sentence most likely reports on, or none above the threshold.
        Unless named in full, a subject is one of `among`'s countries' (the article's pair
        and the sentence's own): a Japan–Italy scheme is no India–Japan sentence's."""
        for tier in self._tiers(sentence, defined or {}):
            if among is not None:  # its name in full names its parties; in part it may not
                tier = [t for t in tier if t[2] >= 1.0 or self._among(t[3], among)]
            if tier:
                pos, _, score, sid, via = tier[0]
                others = [s for _, _, _, s, _ in tier if s != sid]
                kind = self.profiles[sid].kind
                return Match(sid, kind, score, via, others[0] if others else None, at=pos)
        scored = self._overlap(sentence)
        if among is not None:
            scored = [t for t in scored if self._among(t[1], among)]
        if not scored:
            return Match(None, None, 0.0, "no curated subjects")
        score, sid, via = scored[0]
        runner = scored[1][1] if len(scored) > 1 else None
        if score < MATCH_THRESHOLD:
            return Match(None, None, round(score, 2), f"best was '{sid}' ({via})", runner)
        other = self._other_proper_name(sentence, sid)
        if other:
            why = f"possibly new: names '{other}', not a name of '{sid}' (near in words only)"
            return Match(None, None, round(score, 2), why, sid)
        return Match(sid, self.profiles[sid].kind, round(score, 2), via, runner)

    def _among(self, sid: str, countries: set[str]) -> bool:
        return set(self.subject_countries(sid)) <= countries

    def _other_proper_name(self, sentence: str, sid: str) -> str | None:
        """A proper name in the sentence of another kind than the initiative's own names
        ("… Initiative" against a "… dialogue"): the sentence is about that one."""
        profile = self.profiles[sid]
        if profile.kind != "initiative":
            return None
        own = {w for core in profile.cores for w in core if w in GENERIC_HEADS}
        qualifiers = {stem(w) for core in profile.cores for w in core if w not in GENERIC_HEADS}
        for name, head in proper_names(sentence):
            if head not in own:
                return name
            # the same head, other words: "the Defence Policy Dialogue" is no economic
            # security dialogue
            named = {stem(w) for w in tokens(name)} - {stem(head)}
            if len(named) >= 2 and not named & qualifiers:
                return name
        return None

    def can_refer(self, words: str, subject_id: str) -> bool:
        """Can "It", "The talks" … point back to this subject ("the talks" is no measure)?"""
        profile = self.profiles.get(subject_id)
        event = self.data.events.get(subject_id)
        kind = event.record.kind if event else None
        if profile is None or not can_refer_to(words, profile.kind, kind):
            return False
        if words.casefold().split()[-1] in _ROUNDS and profile.kind == "initiative":
            # "the next round" is a meeting of a dialogue or group, not of a rail project
            return any(w in _MEETS for core in profile.cores for w in core)
        return True

    # ---- other dictionaries
    def name(self, subject_id: str) -> str:
        """A subject's curated name (an initiative's name, an event's or topic's title)."""
        return self.profiles[subject_id].names[0]

    def known_actor_names(self) -> set[str]:
        return {
            n for loc in self.data.actors.values() for n in [loc.record.name, *loc.record.aliases]
        }

    def actor_countries(self, actor_ids: list[str]) -> list[str]:
        codes = [self.data.actors[a].record.country for a in actor_ids if a in self.data.actors]
        return list(dict.fromkeys(c for c in codes if c))

    def subject_countries(self, subject_id: str) -> list[str]:
        """The countries of a known subject: an initiative's parties, an event's countries."""
        if subject_id in self.data.initiatives:
            return list(self.data.initiatives[subject_id].record.parties)
        if subject_id in self.data.events:
            return list(self.data.events[subject_id].record.countries)
        return []

    def sectors(self, sentence: str) -> list[str]:
        found = []
        for sid, loc in self.data.sectors.items():
            terms = [loc.record.label, *loc.record.keywords]
            if any(has_term(sentence, t) for t in terms):
                found.append(sid)
        return found

    def countries(self, sentence: str) -> list[str]:
        return [
            code
            for code, loc in self.data.countries.items()
            if any(has_term(sentence, t) for t in [loc.record.name, *loc.record.aliases])
        ]

    def actors(self, sentence: str) -> list[str]:
        """Actors the sentence names, as whole words (a short all-caps name, "US", by its case)."""
        return [
            aid
            for aid, loc in self.data.actors.items()
            if any(names_actor(sentence, t) for t in [loc.record.name, *loc.record.aliases])
        ]


def named_in_relation(sentence: str, match: Match) -> bool:
    """ "was announced after the strategic dialogue": the name relates, it is not the subject."""
    return bool(RELATING.search(sentence[: match.at]))
