"""An article as the proposer reads it: its sentences with their offsets, and the lines left
out as page furniture (headline, credits, captions), each with the reason.

Line by line, then sentence by sentence (`text/sentences.py`, with offsets, so every
sentence is the article's own text). The dateline is cut from its line and returned (it
dates the report, it is not a sentence)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ijmemo.intake.boilerplate import (
    LIST_MARK,
    boilerplate_reason,
    looks_like_headline,
    repeats_title,
)
from ijmemo.intake.datelines import find_dateline
from ijmemo.text.sentences import sentence_spans

DATELINE_LINES = 3  # a dateline opens one of the first body lines


BULLET = re.compile(rf"\s*{LIST_MARK}?")


@dataclass
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str, title: str | None = None):
    """Sentences with offsets, and the lines left out as furniture with the reason.

    Line by line (a line break always ends a sentence), then sentence by sentence.
    The first dateline found is cut from its line and returned.
    """
    sentences: list[Sentence] = []
    left_out: list[tuple[str, str]] = []
    dateline, offset, seen = None, 0, 0
    lines = text.splitlines(keepends=True)
    filled = [line for line in lines if line.strip()]
    for line in lines:
        start, body = offset, line
        offset += len(line)
        if not line.strip():
            continue
        seen += 1
        why = _line_reason(line, seen == 1, title, len(filled) - 1)
        if why:
            left_out.append((line.strip(), why))
            continue
        if dateline is None and seen <= DATELINE_LINES:
            dateline = find_dateline(line.lstrip())
            if dateline:
                cut = len(line) - len(line.lstrip()) + dateline.end
                start, body = start + cut, line[cut:]
        for span in sentence_spans(body, within_quotations=True):
            raw = body[span.start : span.end]
            marker = BULLET.match(raw)  # "• India and Japan …": the bullet is layout
            text_ = raw[marker.end() :].strip()
            if text_:
                at = start + span.start + marker.end()
                at += len(raw[marker.end() :]) - len(raw[marker.end() :].lstrip())
                sentences.append(Sentence(at, at + len(text_), text_))
    return sentences, left_out, dateline


def _line_reason(line: str, first: bool, title: str | None, following: int) -> str | None:
    if first and repeats_title(line, title):
        return "headline repeated as the first line"
    if first and not title and looks_like_headline(line, following):
        return "headline (first line, no sentence end)"
    reason = boilerplate_reason(line.strip())
    return reason
