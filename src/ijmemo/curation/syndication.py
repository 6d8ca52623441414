"""Which sources carry the same wording (a reprinted wire story): they are not independent."""

from __future__ import annotations

import re
import zlib
from collections import defaultdict

from ijmemo.text.quotes import SourceText, normalise

SHINGLE = 8  # words: a shared run this long is wording copied, not coincidence
SYNDICATED = 0.5  # share of the shorter text's shingles found in the other
COMMON_PASSAGE = 50  # a passage in more sources than this is boilerplate, not syndication


def _shingles(text: str) -> set[tuple[str, ...]]:
    """The text's 8-word passages, sampled: those starting at a word whose CRC is 0 mod 4.

    The rule depends only on the words, so a copied passage is sampled in both copies
    and the overlap estimate holds, for a quarter of the work on a large corpus.
    """
    words = re.findall(r"[a-z0-9]+", normalise(text).casefold())
    keep = _SAMPLE_CACHE
    return {
        tuple(words[i : i + SHINGLE])
        for i in range(len(words) - SHINGLE + 1)
        if keep.setdefault(words[i], zlib.crc32(words[i].encode()) % 4 == 0)
    }


_SAMPLE_CACHE: dict[str, bool] = {}


def syndication_groups(texts: dict[str, SourceText]) -> dict[str, str]:
    """Group sources that carry the same wording (a reprinted wire story).

    Counts shared shingles through an inverted index, so the cost grows with the
    text, not with the number of source pairs. Each group is named by its first
    source id; an unsyndicated source is its own group.
    """
    shingles = {sid: _shingles(t.text) for sid, t in texts.items()}
    holders: dict[tuple, list[str]] = defaultdict(list)
    for sid in sorted(shingles):
        for sh in shingles[sid]:
            holders[sh].append(sid)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in holders.values():
        if len(ids) > COMMON_PASSAGE:
            continue  # a stock phrase in many sources says nothing about who copied whom
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                shared[(a, b)] += 1
    group = {sid: sid for sid in sorted(shingles)}

    def root(sid: str) -> str:
        while group[sid] != sid:
            sid = group[sid]
        return sid

    for (a, b), n in sorted(shared.items()):
        if n / max(1, min(len(shingles[a]), len(shingles[b]))) >= SYNDICATED:
            ra, rb = root(a), root(b)
            group[max(ra, rb)] = min(ra, rb)
    return {sid: root(sid) for sid in group}
