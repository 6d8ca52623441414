"""Words as the name matching reads them: tokens, light stems, folded names, initialisms.

A name in reporting varies in case, dashes, plurals and the order of the two
countries ("Japan-India", "India–Japan"); these functions fold those differences
away, so that a curated name is found however a report writes it."""

from __future__ import annotations

import re

from ijmemo.text.quotes import mentions, normalise

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


def stem(w: str) -> str:
    """Plural 's' and '-ing' dropped ("stopping" → stop, "limits" → limit)."""
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
        return w[:-1] if w[-1] == w[-2] and w[-1] not in "ls" else w
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


# A word; "north-eastern", "North Eastern", "northeastern" and "Northeast" are one word.
_TOKEN = re.compile(r"\b(?:north|south)[\s-]?(?:east|west)(?:ern)?\b|[a-z0-9]+", re.IGNORECASE)


def _token(written: str) -> str:
    if re.match(r"(?:north|south)[\s-]?(?:east|west)", written):
        return re.sub(r"[\s-]|ern$", "", written)  # "north-eastern" → northeast
    return stem(written)


def tokens(text: str) -> list[str]:
    """All words, lower-cased and lightly stemmed, in order (hyphens and dashes split)."""
    return [_token(m.group(0)) for m in _TOKEN.finditer(normalise(text).casefold())]


def token_starts(text: str) -> list[int]:
    """Where each of `tokens(text)` starts in `text` (normalising never splits a word)."""
    return [m.start() for m in _TOKEN.finditer(text)]


def words(text: str) -> list[str]:
    """Content words, lower-cased and lightly stemmed (plural 's' dropped)."""
    return [w for w in tokens(text) if w not in STOPWORDS and len(w) > 1]


def plain_words(text: str) -> list[str]:
    """Lower-case words as written (no stemming): what a name's words must match."""
    return re.findall(r"[a-z0-9]+", text.casefold())


def find_whole(text: str, key: str) -> tuple[int, int] | None:
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


def fold(text: str) -> str:
    """Case, dashes and spacing folded; the two countries in one order."""
    s = re.sub(r"\s*-\s*", "-", normalise(text).casefold())
    s = re.sub(r"\bjapan(-| and )india\b", r"india\1japan", s)
    return " ".join(s.split())


def core_words(name: str) -> list[str]:
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


def names_actor(sentence: str, term: str) -> bool:
    """Whole words, as the actor check reads a quote; "US" must not be "us"."""
    if len(term) <= 4 and term.isupper():
        return re.search(rf"\b{re.escape(term)}\b", normalise(sentence)) is not None
    return mentions(sentence, term)


def has_term(sentence: str, term: str) -> bool:
    """Whole-word match; short all-caps terms (AI, US, G4) must match case too."""
    flags = 0 if (len(term) <= 4 and term.isupper()) else re.IGNORECASE
    stem = re.escape(normalise(term))
    # Keywords ending in a partial word ("resilien", "stockpil") match as prefixes.
    tail = r"\w*" if term.islower() and not term.endswith((" ", "s")) and len(term) > 6 else r"\b"
    return re.search(rf"\b{stem}{tail}", normalise(sentence), flags) is not None
