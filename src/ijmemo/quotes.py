"""Verify that a quote occurs verbatim in its source text.

Only whitespace and typographic quotes/dashes are normalised; everything else
(case, punctuation, wording) must match exactly. The match is reported as
character offsets into the *original* text, so a reader can find it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

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


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Like `normalise`, plus for each output character its index in `text`."""
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for i, ch in enumerate(text.translate(TYPOGRAPHIC)):
        if ch.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            offsets.append(i - 1)
            pending_space = False
        out.append(ch)
        offsets.append(i)
    return "".join(out), offsets


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
    def _normalised(self) -> tuple[str, list[int]]:
        return normalise_with_offsets(self.text)

    def find(self, quote: str) -> QuoteMatch | None:
        norm, offsets = self._normalised
        needle = normalise(quote)
        if not needle:
            return None
        at = norm.find(needle)
        if at < 0:
            return None
        return QuoteMatch(offsets[at], offsets[at + len(needle) - 1] + 1, norm.count(needle))

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


def mentions(text: str, phrase: str) -> bool:
    """Does `text` mention `phrase` (normalised, case-insensitive)?"""
    return normalise(phrase).casefold() in normalise(text).casefold()
