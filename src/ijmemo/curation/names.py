"""Which curated subject a sentence reports on, and why: names, initialisms, references back.

Each initiative, event and topic gets a profile built from the curated data: its
names (its own, the aliases claims gave it, the same name in the other country's
order), initialisms of those names ("Joint Working Group" → JWG), its core name
(the words before "on …": "private-sector dialogue"), the bodies that attend it
(lead bodies, participants, actors of its claims; a business federation stands
for its country's private sector) and the vocabulary of its curated quotes.

A sentence is matched in tiers, each with its reason for the analyst:
1. a name or initialism, as written (score 1.0);
2. its core name, or all but one word of its full name, close together (0.9);
3. the core's qualifier with another generic noun ("the AI initiative") or an
   attending body with the subject's kind of noun ("the Keidanren-CII dialogue") (0.8);
4. otherwise a weighted overlap of words, below which a sentence is "possibly new".
Among tiers 1 and 2, and within tier 3, the name that comes first in the sentence
wins: reporting names its subject before what that subject follows or precedes.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ijmemo.curation.load import CuratedData
from ijmemo.text.quotes import mentions, normalise

MATCH_THRESHOLD = 0.40  # below this a sentence is "possibly new"
NAME_WEIGHT, CONTEXT_WEIGHT = 0.7, 0.3
STOPWORDS = set(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "its",
        "it",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "we",
        "our",
        "us",
        "said",
        "says",
        "say",
        "also",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "than",
        "then",
        "there",
        "here",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "between",
        "during",
        "both",
        "two",
        "sides",
        "side",
        "new",
        "more",
        "most",
        "such",
        "other",
        "another",
        "any",
        "all",
        "each",
        "per",
        "via",
        "amid",
        "among",
        "up",
        "out",
        "not",
        "no",
        "only",
        "just",
        "very",
        "further",
        "india",
        "japan",
        "indian",
        "japanese",
        "delhi",
        "tokyo",
    ]
)
COUNTRY_WORDS = {"india", "japan", "indian", "japanese", "italy", "italian"}
# Nouns that name a kind of initiative or meeting; interchangeable in reporting.
GENERIC_HEADS = {
    "dialogue", "talks", "initiative", "group", "mechanism", "forum", "partnership",
    "framework", "project", "programme", "program", "meeting", "panel", "council",
    "committee", "grouping", "consultation", "consultations", "session", "round",
}  # fmt: skip
# A sentence that names its subject only by reference to the one before.
REFERS_BACK = re.compile(
    r"^\W*(?:(?:at|during|in|after|before|following|since)\s+)?"
    r"(?:(?:the|this|that|its|their)\s+(?:(?:first|second|next|new|inaugural|latest|"
    r"upcoming|initial|two-day|one-day|day-long)\s+)?"
    r"(?:meeting|session|round|group|working group|dialogue|talks|forum|mechanism|panel|body|"
    r"initiative|project|programme|framework|partnership|grouping|gathering|consultations?)|"
    r"it|its|both(?=\s+(?:are|were|will|have)\b))\b",
    re.IGNORECASE,
)
_DEFINES = re.compile(r"\(([A-Z][A-Za-z&-]{1,9})\)")  # "the Joint Working Group (JWG)"


def stem(w: str) -> str:
    """Plural 's' and '-ing' dropped ("stopping" → stop, "limits" → limit)."""
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
        return w[:-1] if w[-1] == w[-2] and w[-1] not in "ls" else w
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def tokens(text: str) -> list[str]:
    """All words, lower-cased and lightly stemmed, in order (hyphens and dashes split)."""
    return [stem(w) for w in re.findall(r"[a-z0-9]+", normalise(text).casefold())]


def token_starts(text: str) -> list[int]:
    """Where each of `tokens(text)` starts in `text` (normalising never splits a word)."""
    return [m.start() for m in re.finditer(r"[A-Za-z0-9]+", text)]


def words(text: str) -> list[str]:
    """Content words, lower-cased and lightly stemmed (plural 's' dropped)."""
    return [w for w in tokens(text) if w not in STOPWORDS and len(w) > 1]


def _plain_words(text: str) -> list[str]:
    """Lower-case words as written (no stemming): what a name's words must match."""
    return re.findall(r"[a-z0-9]+", text.casefold())


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


def _find_whole(text: str, key: str) -> tuple[int, int] | None:
    """Where `key` first occurs in `text` touching no letter, digit, "_" or "-" on either
    side (a plain search: a regular expression per name would be compiled per call)."""
    at = text.find(key) if key else -1
    while at >= 0:
        end = at + len(key)
        if (at == 0 or not _joins(text[at - 1])) and (end == len(text) or not _joins(text[end])):
            return at, end
        at = text.find(key, at + 1)
    return None


def _joins(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _fold(text: str) -> str:
    """Case, dashes and spacing folded; the two countries in one order."""
    s = re.sub(r"\s*-\s*", "-", normalise(text).casefold())
    s = re.sub(r"\bjapan(-| and )india\b", r"india\1japan", s)
    return " ".join(s.split())


def _core(name: str) -> list[str]:
    """A name's core words: before "on/for/(" and without the countries."""
    head = re.split(r"\s+(?:on|for|to|with|between)\s+|\s*\(", name, maxsplit=1)[0]
    return [w for w in words(head) if w not in COUNTRY_WORDS]


def initialisms(name: str) -> set[str]:
    """ "Joint Working Group" → JWG; "Mumbai–Ahmedabad high-speed railway" → MAHSR, HSR."""
    head = re.split(r"\s+(?:on|for|to|with|between)\s+|\s*\(", name, maxsplit=1)[0]
    letters = [
        w[0].upper()
        for w in re.findall(r"[A-Za-z0-9]+", normalise(head))
        if w.casefold() not in STOPWORDS
    ]
    return {"".join(letters[i:]) for i in range(len(letters)) if len(letters) - i >= 3}


@dataclass
class Profile:
    kind: str  # initiative | event | topic
    names: list[str]  # its own name and aliases: an exact mention is a match
    related: list[str]  # attending bodies, place: evidence, at half weight
    context: set[str] = field(default_factory=set)  # words of quotes already curated for it
    acronyms: set[str] = field(default_factory=set)
    cores: list[list[str]] = field(init=False)  # core names of two words or more

    def __post_init__(self) -> None:
        self.cores = [c for c in map(_core, self.names) if len(c) >= 2]


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
        self.profiles: dict[str, Profile] = {}
        quotes: dict[str, set[str]] = defaultdict(set)
        aliases: dict[str, list[str]] = defaultdict(list)  # names claims give the subject
        attending: dict[str, set[str]] = defaultdict(set)  # actors its claims name
        for loc in data.claims.values():
            claim = loc.record
            if vocabulary:
                quotes[claim.subject] |= set(words(claim.quote))
            attending[claim.subject] |= set(claim.actors)
            if claim.alias and claim.alias not in aliases[claim.subject]:
                aliases[claim.subject].append(claim.alias)
        stands_for = extra_bodies or {}  # actor id → other bodies' names that stand for it

        def body_names(ids) -> list[str]:
            names = []
            for a in sorted(ids):
                if a in data.actors:
                    names += [data.actors[a].record.name, *stands_for.get(a, [])]
            return names

        for iid, loc in data.initiatives.items():
            ini = loc.record
            bodies = body_names(set(ini.lead_bodies) | attending[iid])
            self._add(iid, "initiative", [ini.name, *aliases[iid]], bodies, quotes[iid])
        for eid, loc in data.events.items():
            ev = loc.record
            related = body_names(ev.participants) + ([ev.location] if ev.location else [])
            self._add(eid, "event", [ev.title], related, quotes[eid])
        for tid, loc in data.topics.items():
            self._add(tid, "topic", [loc.record.title], [], quotes[tid])
        self._weigh_words()
        self._index()

    def _add(self, sid, kind, names, related, context) -> None:
        acronyms = set().union(*(initialisms(n) for n in names)) if kind != "topic" else set()
        self.profiles[sid] = Profile(kind, names, related, context, acronyms)

    def _weigh_words(self) -> None:
        """How distinctive is a word: rare across subjects' names and vocabulary → heavy."""
        df: dict[str, int] = defaultdict(int)
        for profile in self.profiles.values():
            named = {w for n in profile.names + profile.related for w in words(n)}
            for w in named | profile.context:
                df[w] += 1
        n = len(self.profiles) or 1
        self.idf = defaultdict(
            lambda: math.log(1 + n), {w: math.log(1 + n / c) for w, c in df.items()}
        )
        # An initialism that two subjects share names neither.
        counts: dict[str, int] = defaultdict(int)
        for profile in self.profiles.values():
            for a in profile.acronyms:
                counts[a] += 1
        for profile in self.profiles.values():
            profile.acronyms = {a for a in profile.acronyms if counts[a] == 1}

    def _index(self) -> None:
        """Which subjects a word can bring into play, so a sentence is tried against those
        only (8,500 subjects at 100,000 claims). A name can match only where its rarest
        word is, so the answers are the same as trying every subject."""
        self._order = {sid: n for n, sid in enumerate(self.profiles)}
        self._keys = {
            sid: [(name, _fold(name)) for name in p.names] for sid, p in self.profiles.items()
        }
        self._by_name_word = _rarest_word_index(
            (sid, _plain_words(key)) for sid, keys in self._keys.items() for _, key in keys
        )
        self._by_acronym = {a: sid for sid, p in self.profiles.items() for a in p.acronyms}
        cores = []
        for sid, profile in self.profiles.items():
            if profile.kind == "topic":
                continue
            cores += [(sid, core) for core in profile.cores]
        self._by_core_word = _rarest_word_index(cores)
        self._heavy: dict[float, dict] = {}  # names_above's index, per bar
        self._name_words = {}  # sid → (name, weight, its words, their weight): words once
        self._full_names = {}  # sid → (name, its words but the countries', its head word)
        for sid, profile in self.profiles.items():
            weighed = [(n, 1.0) for n in profile.names] + [(n, 0.5) for n in profile.related]
            self._name_words[sid] = [
                (n, weight, nw, self._weight(nw)) for n, weight in weighed if (nw := set(words(n)))
            ]
            self._full_names[sid] = [
                (n, [w for w in words(n) if w not in COUNTRY_WORDS], _core(n)[-1:])
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
        folded, found = _fold(sentence), []
        caps = {m.group(0): m.start() for m in re.finditer(r"\b[A-Z][A-Z0-9&]{1,8}\b", sentence)}
        maybe = _filed_under(self._by_name_word, _plain_words(folded))
        maybe |= {self._by_acronym[a] for a in caps if a in self._by_acronym}
        for sid in self._in_order(maybe):
            profile = self.profiles[sid]
            for name, key in self._keys[sid]:
                hit = _find_whole(folded, key) if len(name) > 3 else None
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
            for core in profile.cores:
                pos = _span(sent, core)
                if pos is not None:
                    found.append((*pos, sid, f"core name '{' '.join(core)}'"))
                    break
            else:
                for name, full, head in self._full_names[sid]:
                    # the word missing may not be its noun: its head word must be there
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
        for sid, profile in self.profiles.items():
            if profile.kind != "initiative":
                continue
            for core in profile.cores:
                qualifiers = [w for w in core if w not in GENERIC_HEADS]
                for h in heads:
                    if qualifiers and sent[max(0, h - len(qualifiers)) : h] == qualifiers:
                        found.append((h, h, sid, f"'{' '.join(qualifiers)}' with '{sent[h]}'"))
            own_heads = {w for c in profile.cores for w in c if w in GENERIC_HEADS}
            for body in profile.related:
                if not _has_term(sentence, body):
                    continue
                if any(sent[h] in own_heads for h in heads):
                    pos = min(h for h in heads if sent[h] in own_heads)
                    found.append((pos, pos, sid, f"attending body '{body}' with its noun"))
                    break
        return found

    def _name_cover(self, sid: str, sent: set[str]) -> tuple[float, str | None]:
        """How much of its best-covered name (or, at half weight, related body) `sent` has."""
        best, best_name = 0.0, None
        for name, weight, nw, total in self._name_words[sid]:
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
            _, weight, nw, total = self._name_words[sid][i]
            cover = weight * self._weight(nw & sent) / total
            if cover >= bar:
                out[sid] = max(out.get(sid, 0.0), cover)
        return out

    def _heavy_words(self, bar: float) -> dict[str, list[tuple[str, int]]]:
        index: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for sid, entries in self._name_words.items():
            for i, (_, weight, nw, total) in enumerate(entries):
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
        """Tier 4: weighted overlap of name words and curated vocabulary."""
        sent = set(words(sentence))
        scored = []
        for sid, profile in self.profiles.items():
            best, best_name = self._name_cover(sid, sent)
            context = self._weight(sent & profile.context) / self._weight(sent) if sent else 0.0
            score = NAME_WEIGHT * best + CONTEXT_WEIGHT * context
            scored.append((score, sid, f"words of '{best_name}'" if best_name else "vocabulary"))
        scored.sort(key=lambda t: (-t[0], t[1]))
        return scored

    def _tiers(self, sentence: str, defined: dict[str, str], kinds: bool = True):
        """Tiers 1+2 (names) and tier 3 (kinds), each as (position, score, subject, via)."""
        sent, starts = tokens(sentence), token_starts(sentence)

        ends = [m.end() for m in re.finditer(r"[A-Za-z0-9]+", sentence)]

        def chars(found):  # token positions → character offsets
            return [(starts[i], ends[j], sid, via) for i, j, sid, via in found]

        named = [(p, e, 1.0, s, v) for p, e, s, v in self._named(sentence, defined)]
        named += [(p, e, 0.9, s, v) for p, e, s, v in chars(self._core_named(sent))]
        kinds = (
            [(p, e, 0.8, s, v) for p, e, s, v in chars(self._kind_named(sentence, sent))]
            if kinds
            else []
        )
        # Names compete by position: the first named is the subject.
        return [sorted(t, key=lambda t: (t[0], -t[2], t[3])) for t in (named, kinds)]

    def also_named(self, sentence: str, subject: str | None, defined=None) -> list[Match]:
        """Other subjects the sentence names outright, not just relates to: one claim each."""
        out: dict[str, Match] = {}
        named = self._tiers(sentence, defined or {})[0]
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

    def match(self, sentence: str, defined: dict[str, str] | None = None) -> Match:
        """The subject this sentence most likely reports on, or none above the threshold."""
        for tier in self._tiers(sentence, defined or {}):
            if tier:
                pos, _, score, sid, via = tier[0]
                others = [s for _, _, _, s, _ in tier if s != sid]
                kind = self.profiles[sid].kind
                return Match(sid, kind, score, via, others[0] if others else None, at=pos)
        scored = self._overlap(sentence)
        if not scored:
            return Match(None, None, 0.0, "no curated subjects")
        score, sid, via = scored[0]
        runner = scored[1][1] if len(scored) > 1 else None
        if score < MATCH_THRESHOLD:
            return Match(None, None, round(score, 2), f"best was '{sid}' ({via})", runner)
        return Match(sid, self.profiles[sid].kind, round(score, 2), via, runner)

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
            if any(_has_term(sentence, t) for t in terms):
                found.append(sid)
        return found

    def countries(self, sentence: str) -> list[str]:
        return [
            code
            for code, loc in self.data.countries.items()
            if any(_has_term(sentence, t) for t in [loc.record.name, *loc.record.aliases])
        ]

    def actors(self, sentence: str) -> list[str]:
        """Actors the sentence names, matched as validation will check them (whole words)."""
        return [
            aid
            for aid, loc in self.data.actors.items()
            if any(_names_actor(sentence, t) for t in [loc.record.name, *loc.record.aliases])
        ]


# A name after these is what the sentence's subject relates to, not the subject itself.
RELATING = re.compile(
    r"\b(after|before|following|since|at|during|ahead of|on the sidelines of|than|"
    r"like|unlike|alongside|besides)\s+(the\s+|an?\s+|its\s+)?$",
    re.IGNORECASE,
)


def named_in_relation(sentence: str, match: Match) -> bool:
    """ "was announced after the strategic dialogue": the name relates, it is not the subject."""
    return bool(RELATING.search(sentence[: match.at]))


def can_refer_to(words: str, subject_kind: str | None, event_kind: str | None) -> bool:
    """ "The talks" can point back to a meeting or an initiative, not to a topic or a measure."""
    if subject_kind == "topic":
        return False
    if event_kind in ("measure", "expedition"):
        return words.casefold().split()[-1] in ("it", "its")
    return True


def refers_back(sentence: str) -> str | None:
    """The words by which a sentence refers to the subject before it ("The meeting"), or None."""
    m = REFERS_BACK.match(sentence)
    return m.group(0).strip() if m else None


# "launched the dialogue", "raise the issue": a definite noun that points back, when the
# sentence names no subject of its own.
_DEFINITE = re.compile(
    r"\b(?:the|this|that|its)\s+(?:(?:first|second|next|new|inaugural|latest)\s+)?"
    r"(meeting|session|group|working group|dialogue|talks|forum|mechanism|initiative|project|"
    r"programme|framework|partnership|issue|matter|deal|plan|transfer|site)\b(?!\s+(?:of|on|for)\b)",
    re.IGNORECASE,
)


def refers_back_within(sentence: str) -> str | None:
    """A definite noun inside the sentence that refers to the subject before ("the issue")."""
    m = _DEFINITE.search(sentence)
    return m.group(0) if m else None


def defined_initialisms(sentence: str, subject: str | None) -> dict[str, str]:
    """Initialisms a sentence defines for its subject: "the Joint Working Group (JWG)"."""
    if not subject:
        return {}
    return {m.group(1): subject for m in _DEFINES.finditer(sentence)}


def _names_actor(sentence: str, term: str) -> bool:
    """Whole words, as the actor check reads a quote; "US" must not be "us"."""
    if len(term) <= 4 and term.isupper():
        return re.search(rf"\b{re.escape(term)}\b", normalise(sentence)) is not None
    return mentions(sentence, term)


def _has_term(sentence: str, term: str) -> bool:
    """Whole-word match; short all-caps terms (AI, US, G4) must match case too."""
    flags = 0 if (len(term) <= 4 and term.isupper()) else re.IGNORECASE
    stem = re.escape(normalise(term))
    # Keywords ending in a partial word ("resilien", "stockpil") match as prefixes.
    tail = r"\w*" if term.islower() and not term.endswith((" ", "s")) and len(term) > 6 else r"\b"
    return re.search(rf"\b{stem}{tail}", normalise(sentence), flags) is not None
