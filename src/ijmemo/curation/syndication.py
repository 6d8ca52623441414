"""Which sources carry the same wording (a reprinted wire story): they are not independent."""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from pathlib import Path

from ijmemo.core.kept import code_fingerprint, read_kept, update_kept
from ijmemo.text.quotes import SourceText, normalise

SHINGLE = 8  # words: a shared run this long is wording copied, not coincidence
SYNDICATED = 0.5  # share of the shorter text's shingles found in the other
COMMON_PASSAGE = 50  # a passage in more sources than this is boilerplate, not syndication


def _shingles(text: str) -> frozenset[int]:
    """The text's 8-word passages, sampled: those starting at a word whose CRC is 0 mod 4,
    each as a 64-bit digest of its words (small to keep; a collision is 1 in 2**64).

    The rule depends only on the words, so a copied passage is sampled in both copies
    and the overlap estimate holds, for a quarter of the work on a large corpus.
    """
    words = re.findall(r"[a-z0-9]+", normalise(text).casefold())
    keep = _SAMPLE_CACHE
    return frozenset(
        int.from_bytes(
            hashlib.blake2b(" ".join(words[i : i + SHINGLE]).encode(), digest_size=8).digest()
        )
        for i in range(len(words) - SHINGLE + 1)
        if keep.setdefault(words[i], zlib.crc32(words[i].encode()) % 4 == 0)
    )


_SAMPLE_CACHE: dict[str, bool] = {}


def source_shingles(
    texts: dict[str, SourceText], digests: dict[str, str], cache: Path | None = None
) -> dict[str, frozenset[int]]:
    """Each source's sampled passages; kept in `cache` by its text's sha256 (`digests`)."""
    kept = read_kept(cache, code_fingerprint())
    now = {}
    for sid, text in texts.items():
        key = digests[sid]  # (a short text's passages may be none: kept all the same)
        now[key] = kept[key] if key in kept else _shingles(text.text)
    update_kept(cache, kept, now)
    return {sid: now[digests[sid]] for sid in texts}


def syndication_groups(shingles: dict[str, frozenset[int]]) -> dict[str, str]:
    """Group sources that carry the same wording (a reprinted wire story), from their
    sampled passages (`source_shingles`).

    Counts shared shingles through an inverted index, so the cost grows with the
    text, not with the number of source pairs. Each group is named by its first
    source id; an unsyndicated source is its own group.
    """
    holders: dict[int, list[str]] = defaultdict(list)
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
