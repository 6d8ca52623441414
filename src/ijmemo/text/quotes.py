"""Verify that a quote occurs verbatim in its source text.

Only whitespace and typographic quotes/dashes are normalised; everything else
(case, punctuation, wording) must match exactly. The match is reported as
character offsets into the *original* text, so a reader can find it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

# The dashes reporting writes between a range's ends or a dateline's parts: hyphen, en, em.
DASHES = "-\u2013\u2014"
# Typographic characters a copy-paste may or may not preserve.
TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",  # left single quote
        "\u2019": "'",  # right single quote / apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',  # left double quote
        "\u201d": '"',  # right double quote
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",
        "\u2212": "-",  # minus sign
    }
)


def normalise(text: str) -> str:
    """Fold typographic quotes/dashes and collapse whitespace (no other change)."""
    return " ".join(text.translate(TYPOGRAPHIC).split())


_NON_SPACE = re.compile(r"\S+")


@dataclass(frozen=True)
class OffsetMap:
    """Maps positions in the normalised text back to the original text."""

    norm_starts: list[int]  # where each run of non-space characters starts, normalised
    orig_starts: list[int]  # ... and in the original
    orig_ends: list[int]

    def __getitem__(self, i: int) -> int:
        k = bisect_right(self.norm_starts, i) - 1
        offset = i - self.norm_starts[k]
        run = self.orig_ends[k] - self.orig_starts[k]
        # Past the end of a run is the single space that stands for the whitespace after it.
        return self.orig_starts[k] + offset if offset < run else self.orig_ends[k]


def slug(text: str) -> str:
    """An id made from text as written: "Misri–Harada meeting" → "misri-harada-meeting"."""
    return re.sub(r"[^a-z0-9]+", "-", normalise(text).casefold()).strip("-")


def normalise_with_offsets(text: str) -> tuple[str, OffsetMap]:
    """Like `normalise`, plus a map from each output position to its index in `text`.

    The typographic folding is one character for one, so only whitespace moves
    positions; working run by run keeps this linear and fast on long texts.
    """
    runs = [(m.start(), m.end()) for m in _NON_SPACE.finditer(text.translate(TYPOGRAPHIC))]
    folded = text.translate(TYPOGRAPHIC)
    norm_starts, position = [], 0
    for start, end in runs:
        norm_starts.append(position)
        position += end - start + 1
    normalised = " ".join(folded[s:e] for s, e in runs)
    return normalised, OffsetMap(norm_starts, [s for s, _ in runs], [e for _, e in runs])


@dataclass(frozen=True)
class QuoteMatch:
    start: int  # offset of the first character in the original text
    end: int  # offset one past the last character
    occurrences: int  # how many times the quote occurs (normalised)


@dataclass(frozen=True)
class ClosestPassage:
    passage: str
    score: float  # 0-100, rapidfuzz partial ratio


class SourceText:
    """A source's text, normalised once, searched by many quotes."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def _normalised(self) -> tuple[str, OffsetMap]:
        return normalise_with_offsets(self.text)

    def find(self, quote: str) -> QuoteMatch | None:
        norm, offsets = self._normalised
        needle = normalise(quote)
        if not needle:
            return None
        found = whole_word_matches(norm, needle)
        if not found:
            return None
        at = found[0]
        return QuoteMatch(offsets[at], offsets[at + len(needle) - 1] + 1, len(found))

    def cut_inside_a_word(self, quote: str) -> bool:
        """Does `quote` occur only by starting or ending inside a word ("… in this sec")?"""
        needle = normalise(quote)
        return bool(needle) and needle in self._normalised[0] and self.find(quote) is None

    def closest(self, quote: str) -> ClosestPassage:
        """The passage of the source most like `quote`, to help fix a typo."""
        norm, offsets = self._normalised
        needle = normalise(quote)
        if not needle or not norm:
            return ClosestPassage("", 0.0)
        align = fuzz.partial_ratio_alignment(needle, norm)
        start, end = (
            offsets[align.dest_start],
            offsets[max(align.dest_end - 1, align.dest_start)] + 1,
        )
        # Widen to whole words: a passage cut mid-word is hard to recognise.
        while start > 0 and not self.text[start - 1].isspace():
            start -= 1
        while end < len(self.text) and not self.text[end].isspace():
            end += 1
        return ClosestPassage(normalise(self.text[start:end]), round(align.score, 1))


def whole_word_matches(haystack: str, needle: str) -> list[int]:
    """Where `needle` occurs in `haystack` without starting or ending inside a word.

    "… engagement in this sec" is not a quote of "… in this sector": a passage may
    begin or end at punctuation, never in the middle of a word.
    """
    out, at = [], haystack.find(needle)
    while at >= 0 and needle:
        if _whole(haystack, at, at + len(needle)):
            out.append(at)
        at = haystack.find(needle, at + 1)
    return out


def phrase_positions(text: str, phrase: str) -> list[int]:
    """Where `phrase` (normalised) occurs in `text` as whole words, ignoring case.

    Offsets are into `text` itself: case-folding can change a string's length ("ﬁ" → "fi").
    """
    needle = normalise(phrase)
    found = re.finditer(re.escape(needle), text, re.IGNORECASE) if needle else ()
    return [m.start() for m in found if _whole(text, m.start(), m.end())]


def _whole(text: str, start: int, end: int) -> bool:
    """Does text[start:end] neither begin nor end inside a word of `text`?"""
    inside_at_start = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    inside_at_end = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
    return not (inside_at_start or inside_at_end)


@lru_cache(maxsize=1 << 17)
def _folded(text: str) -> str:
    """`text` normalised and case-folded, kept for the next ask: the checks ask whether a
    quote mentions this and that (a place, a date, each actor) many times at scale."""
    return normalise(text).casefold()


def mentions(text: str, phrase: str) -> bool:
    """Does `text` mention `phrase` as whole words (normalised, case-insensitive)?"""
    return bool(whole_word_matches(_folded(text), _folded(phrase)))
