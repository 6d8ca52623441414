"""How a passage is reported: who speaks in it, how firmly, and who leads what it names.

Reporting writes attribution into the sentence ("…, he said", "officials said",
"told a media briefing", "according to a statement") or into the sentence just
before or after a direct quotation. These cues let the checks refuse a claim that
drops its speaker or reads a wish as an agreement; they are deliberately short
word lists, so a miss is a curator's call, never a silent pass of a firm reading.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from ijmemo.text.quotes import normalise
from ijmemo.text.sentences import sentence_spans

# The verbs whose subject is the speaker ("Motegi emphasised", "the ministry said", "Modi
# wrote on X"): one list for the proposer's attribution, its speech cue and the statement
# check. "states" is left out: "northeastern states"; "announced"/"confirmed" only with
# what was said ("announced that …"): bare, they are acts ("Motegi announced X, officials
# said" is the officials speaking); "wrote" and "posted" only where they publish ("wrote on
# X", "posted a message on X", "in a post"), not "wrote to Takaichi"; "read" only after what
# is read ("the statement read", "the post reads").
SPEAKER_VERBS = (
    # "Officials say", not "declined to say"
    r"said|says|(?<!to )(?<!would )(?<!could )say|told|tells|added|adds|noted|notes|stated|"
    r"described|describes|remarked|"
    r"stressed|explained|insisted|emphasi[sz]ed|highlighted|underlined|reiterated|asserted|"
    r"denied|expressed|announced(?=\s+(?:\S+\s+){0,3}?that\b)|revealed(?=\s+(?:\S+\s+){0,3}?that\b)|"
    r"affirmed|recalled|points? out|referred to(?=[^.;]{1,80}?\bas\b)|tweeted|tweets|"
    r"recogni[sz]es|"
    r"pointed out|talked about|spoke (?:about|of)|shared (?:on|that)|called (?=this|it\b)|"
    r"detailed(?=\s*[.;:]?\s*$|\s*:|\s+how\b)|(?<=report )detailed|underscored|"
    r"confirmed(?=\s+(?:\S+\s+){0,3}?that\b)|indicate[sd]?(?=\s+that\b)|"
    r"(?<!was )(?<!were )(?<!been )(?<!is )reported|reports(?=\s*(?:,\s*citing\b|[.;]?\s*$))|"
    r"(?:wrote|writes|posted|posts)(?=\s*:|\s+(?:that\b|an?\s+(?:message|post)\b|(?:on|in|to)\s+"
    r"(?:X|Twitter|social media|Facebook|LinkedIn|an?|his|her|its|the)\b))|"
    r"(?:(?<=statement )|(?<=readout )|(?<=post ))reads?"
)
# "it was also announced that …": said, by someone the report does not name
# and "the two sides were learnt to have discussed …", "is understood to have agreed"
# ("is believed to contain" is a hedge, not a source)
UNNAMED_PASSIVE = re.compile(
    r"\b(?:is|are|was|were) (?:also )?(?:learnt|learned|understood) to\b", re.IGNORECASE
)
IMPERSONAL = re.compile(
    r"it (?:was|has been|is) (?:also )?(?:announced|stated|said|noted|reported|revealed|"
    rf"confirmed|learnt|learned)(?=\s+that\b)|{UNNAMED_PASSIVE.pattern}",
    re.IGNORECASE,
)
# Words that put a passage in someone's mouth: the verbs, and what cites a speaker
# ("according to", "as per", "in a post"); "called off" cancels, it reports no one.
REPORTING = re.compile(
    rf"\b({SPEAKER_VERBS}|say|according to|as per|briefed|quoted|called(?!\s+off\b)|"
    rf"in a (?:social media )?post|{IMPERSONAL.pattern})\b",
    re.IGNORECASE,
)
# Verbs a statement uses to keep the speaker ("the spokesperson said", "Modi wrote on X").
STATEMENT_VERBS = re.compile(
    rf"\b({SPEAKER_VERBS}|according to|as per|called|previewed|wrote|posted)\b", re.IGNORECASE
)
_VERB = STATEMENT_VERBS.pattern.replace("according to|as per|", "")
# A modality must be visible in the quote's own words.
MODALITY_CUES: dict[str, re.Pattern] = {
    # Courtesies are no wish for an initiative: "my best wishes", "I wish him success".
    "wished": re.compile(
        r"\b(desire|desires|(?<!best )(?<!good )(?<!warm )(?<!warmest )(?<!greetings and )"
        r"(?:wish|wishes)(?!\s+(?:(?:him|her|you|them|the \w+|all)\s+)?(?:well|success|luck|"
        r"the very best|a (?:happy|speedy|successful)|every success)\b)|want|wants|wanted|"
        r"hope|hopes|keen|seeks?|propos\w*|aspir\w*|would like|['’]d like)\b",
        re.IGNORECASE,
    ),
    # "may" in lower case only: "May" is also the month ("the meeting planned for May").
    "hedged": re.compile(r"(?i:\b(could|might|possibly|perhaps|likely|would)\b)|\bmay\b"),
}
# "said the round would be held in May": reported speech's future, a plan, not a hedge.
# So is "agreed that the round would be held", and "the round would be held …, the
# ministry said" (the attribution after it).
_REPORTED_WOULD = re.compile(
    r"\b(said|told|announced|added|confirmed|stated|agreed|decided)\b[^.;]*?\bwould\b"
    r"(?! (?:like|love|prefer))",
    re.IGNORECASE,
)
# (only for an event: "the talks would help, he said" stays a hedge)
_WOULD_THEN_SAID = re.compile(
    r"\bwould\b(?=\s+(?:be\s+)?(?:held|hold|meet|convene|take place|launch|sign|visit|"
    r"start|begin|resume)\b)(?=[^.;]*,\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:said|told|added|stated|announced)\b)",
    re.IGNORECASE,
)


def reported_future(quote: str) -> str:
    """The quote with a reported-speech "would" read as "will", for reading its modality."""
    quote = _REPORTED_WOULD.sub(lambda m: m.group(0)[: -len("would")] + "will", quote)
    return _WOULD_THEN_SAID.sub("will", quote)


# The names reporting gives bodies the actors file may know by a plain description: "the
# MEA said" is India's foreign ministry speaking (the proposals and the checks read both).
OFFICIAL_NAMES: dict[str, list[str]] = {
    "India's foreign ministry": ["Ministry of External Affairs", "MEA"],
    "Japan's foreign ministry": ["Ministry of Foreign Affairs", "MOFA", "Gaimusho"],
    "India's defence ministry": ["Ministry of Defence"],
    "Japan's defence ministry": ["Ministry of Defense", "Japan's Ministry of Defense"],
}
# "could lead to further collaboration" is not leading anything.
LEADS = re.compile(
    r"\b(led by|leads?(?!\s+to\b)|chaired|co-chaired|headed|run by)\b", re.IGNORECASE
)


def says_it_leads(quote: str) -> bool:
    """Does the quote say someone leads ("led by", "chaired", "headed")?"""
    return LEADS.search(quote) is not None


def named_as_leading(reports: Iterable[tuple[str, Iterable[str]]]) -> set[str]:
    """The lead-body rule: the actors named by a report whose quote says it leads; taking
    part is not leading. `reports`: (quote, actor ids) pairs."""
    return {actor for quote, actors in reports if says_it_leads(quote) for actor in actors}


FRAMING_CUES: dict[str, re.Pattern] = {
    "new": re.compile(r"\b(new|first|newly|inaugural|maiden)\b", re.IGNORECASE),
    "earlier": re.compile(
        r"\b(earlier|previously|already|agreed (to )?during|last year|since)\b", re.IGNORECASE
    ),
}


# Both governments as one subject ("both leaders", "India and Japan", "the two Defence
# Ministers"): their acts in a report's account are the outlet's, their plain words both
# governments' (`speakers.py` reads the same words as the subject of a reporting verb).
JOINT_SUBJECT = (
    r"(?:india and japan|japan and india|the governments of (?:india and japan|japan and "
    r"india)|(?:the two|both)\s+(?:governments|sides|countries|nations|leaders|prime ministers)|"
    r"the\s+(?:two\s+)?leaders|(?:the|both|the two)\s+(?:[a-z]+\s+)?ministers)"
)
# the subject, not the agent of a document ("the joint statement issued by both leaders
# highlighted"); a place or occasion may stand between ("Both leaders at the press briefing")
_JOINT_BEFORE = re.compile(
    rf"(?<!by )\b{JOINT_SUBJECT}(?:\s+(?:at|in|during)\s+[^,.;]{{1,40}}?)?\s+(?:also\s+)?$",
    re.IGNORECASE,
)
# An occasion or a plan is no speaker: "The dialogue highlighted priority sectors", "The
# encounter emphasized …", "This vision emphasised …" are the report's account. (A document
# may speak: "the statement said", "the agreement states".)
_OCCASIONS = (
    r"(?:the|this|that|their|its)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|dialogue|dialog|"
    r"encounter|visit|summit|vision|discussions?|exercise|partnership|initiative|mission|"
    r"project|programme|program|deal|call|conversation|trip)"
)
IS_OCCASION = re.compile(rf"^{_OCCASIONS}$", re.IGNORECASE)
# the subject, not a preposition's object ("people familiar with the discussions said")
_OCCASION_BEFORE = re.compile(
    rf"(?<!with )(?<!of )(?<!in )(?<!on )(?<!about )(?<!from )(?<!after )(?<!during )"
    rf"(?<!at )\b{_OCCASIONS}\s+(?:also\s+)?$",
    re.IGNORECASE,
)
PLAIN_SAYING = {"said", "say", "says", "told", "tells", "described", "describes", "stated", "noted"}
PLAIN_SAYING |= {"notes", "added"}


def reports_speech(quote: str) -> str | None:
    """The reporting words in a quote ("said", "according to"), or a direct quotation mark.
    Both governments' acts in a report's own account ("both leaders underscored the
    importance") are not speech: only their plain words are ("the two sides said")."""
    text = normalise(quote)
    for found in REPORTING.finditer(text):
        before = text[: found.start()]
        if _OCCASION_BEFORE.search(before):
            continue
        said = found.group(0)  # "the two sides were learnt to have …": someone told the paper
        if said.casefold() in PLAIN_SAYING or UNNAMED_PASSIVE.match(said):
            return said
        if not _JOINT_BEFORE.search(before):
            return found.group(0)
    # a sentence quoted whole, in double or single marks ("‘India gives utmost priority …’")
    if text.startswith('"') or re.match(r"^[‘'][^’']{20,}[’']", quote.strip()):
        return "a direct quotation"
    return None


def sentences_around(text: str, start: int, end: int) -> str:
    """The passage from the sentence before `start` to the sentence after `end`, widened
    to the whole quotation the passage is in.

    Attribution sits there when it is not in the quote itself: "…energy. This will be
    followed by …, officials said." or a quotation after "Jaishankar said.", or at the
    end of a quotation of three sentences ("“… . … . …,” Kitamura said").
    """
    for q_start, q_end in quotation_spans(text):
        if q_start <= start and end <= q_end:
            start, end = q_start, q_end
            break
    bounds = _sentence_bounds(text)
    first = bisect.bisect_right(bounds, start) - 1  # last bound <= start
    last = bisect.bisect_left(bounds, end)  # first bound >= end
    return text[bounds[max(first - 1, 0)] : bounds[min(last + 1, len(bounds) - 1)]]


_QUOTE_MARKS = '“”"'


@functools.lru_cache(maxsize=1024)
def quotation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The quoted passages of an article, paragraph by paragraph, marks included. Marks
    pair up in order: real copy opens a quotation with ” as often as with “. A quotation
    that goes on into the next paragraph is left open at the end of this one."""
    spans, at = [], 0
    for paragraph in text.split("\n"):
        marks = [i for i, ch in enumerate(paragraph) if ch in _QUOTE_MARKS]
        last = marks[-1] if marks else 0
        opens = paragraph[last : last + 1] == "\u201c" or paragraph[last + 1 : last + 2].isalpha()
        if len(marks) % 2 and opens:  # a stray inch mark ('12" pipes') opens nothing
            marks.append(len(paragraph.rstrip()) - 1)
        spans += [(at + a, at + b + 1) for a, b in zip(marks[0::2], marks[1::2], strict=False)]
        at += len(paragraph) + 1
    return tuple(spans)


@functools.lru_cache(maxsize=8192)
def _sentence_bounds(text: str) -> list[int]:
    """Where each sentence of an article starts (computed once per article)."""
    return [0, *(span.start for span in sentence_spans(text)[1:]), len(text)]


# Where a sentence attributes itself outside a quote cut from it: "…, officials said." or
# "…, according to officials." after the quote, "According to officials, …" or "Kitamura
# said on Friday (that) …" before it. Only verbs of saying: "a mechanism called the AI
# Dialogue" names a thing. The speaker is a short phrase with no word that starts a clause
# of its own ("days after Modi said"), and the verb is followed by adjuncts only ("on
# Friday", "in a statement"), never by another verb ("a move analysts said could …").
_SAYS = (
    r"said|says|told|added|noted|stated|remarked|reported|announced|stressed|confirmed|"
    r"explained|insisted|wrote|posted"
)
_OWN_CLAUSE = r"after|before|since|that|which|who|whom|what|when|where|as|while|because|if|than"
_AUX = (
    r"is|are|was|were|be|been|will|would|shall|should|can|could|may|might|must|has|have|had|"
    r"do|does|did"
)
_WORD = r"[\w.'’-]+"
_SPEAKER = rf"(?:(?!(?:{_OWN_CLAUSE})\b){_WORD}\s+){{0,10}}?"
_ADJUNCTS = rf"(?:\s+(?!(?:{_OWN_CLAUSE}|{_AUX})\b){_WORD}){{0,6}}"
_SAID_AFTER = re.compile(
    rf"^[\"”’'(]?\s*(?:according to\b[^,;]*|{_SPEAKER}(?:{_SAYS})\b{_ADJUNCTS})[)\s]*$",
    re.IGNORECASE,
)
_SAID_BEFORE = re.compile(
    rf"^\s*(?:according to\b[^,.;]{{1,60}},|{_SPEAKER}(?:{_SAYS})\b{_ADJUNCTS}(?:\s+that)?\s*,?)"
    rf"\s*[\"“‘']?$",
    re.IGNORECASE,
)
# A clause of its own after the quote ends the search; a relative clause ("who spoke on
# condition of anonymity") is only passed over.
_NEW_CLAUSE = re.compile(r"^\s*(?:and|but|while|whereas|as)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"^\s*(?:who|which|whom)\b", re.IGNORECASE)
_SEGMENT = re.compile(r",|\s-\s|\(")


def attribution_cut_off(text: str, start: int, end: int) -> str | None:
    """The attributing words of the quote's own sentence that the quote leaves out.

    "Both are new initiatives" cut from "Both are new initiatives, the officials said."
    drops its speaker: the claim would read as the outlet's own statement.
    """
    bounds = _sentence_bounds(text)
    first = bounds[bisect.bisect_right(bounds, start) - 1]
    last = bounds[bisect.bisect_left(bounds, end)]
    before = normalise(text[first:start])
    if _SAID_BEFORE.search(before):
        return before
    rest = normalise(text[end:last]).rstrip(".!?\"”’' ")
    for segment in _SEGMENT.split(rest)[1:]:
        if _NEW_CLAUSE.match(segment):
            break  # "…, and Modi said …": the verb reports another clause
        if _RELATIVE.match(segment):
            continue
        if _SAID_AFTER.match(segment):
            return segment.strip(" \"”’'()")
    return None


def names_speaker(text: str, names: list[str]) -> bool:
    """Does `text` say that one of `names` said it: the name with a reporting verb a few
    words after it in the same clause ("Kitamura, the spokesperson, told"), or "according
    to" just before it? A name elsewhere ("which Kitamura backed") is not attribution."""
    norm = normalise(text).casefold()
    for name in filter(None, names):
        written = normalise(name).casefold()
        at = norm.find(written)
        while at != -1:
            end = at + len(written)
            whole = (at == 0 or not norm[at - 1].isalnum()) and (
                end == len(norm) or not norm[end].isalnum()
            )
            if whole and (_said_after(norm[end:]) or _ACCORDING.search(norm[:at])):
                return True
            at = norm.find(written, at + 1)
    return False


# "according to the MEA", "According to an MEA statement", "according to a statement by …",
# "according to a statement issued by India's Ministry of External Affairs"
_ACCORDING = re.compile(
    r"(?:according to|as per|citing) (?:(?:the|an?) )?(?:(?:joint )?(?:statement|readout|post) "
    r"(?:(?:issued|released|published) )?(?:from|by|of) (?:the )?)?(?:(?:india|japan)'s )?$"
)
_VERB_AHEAD = re.compile(rf"^(?:[^.;:\w]*[\w'’-]+){{0,6}}?[^.;:\w]*{_VERB}")


def _said_after(rest: str) -> bool:
    """A reporting verb within six words, before the clause ends."""
    return bool(_VERB_AHEAD.match(re.split(r"[.;:]", rest, maxsplit=1)[0]))


def names_any(text: str, names: list[str]) -> bool:
    """Does `text` contain one of `names` as whole words (case-insensitive)?"""
    norm = normalise(text).casefold()
    return any(
        re.search(rf"(?<!\w){re.escape(normalise(n).casefold())}(?!\w)", norm) for n in names if n
    )
