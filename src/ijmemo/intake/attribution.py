"""How a candidate is reported, as proposed for the analyst: who says it, how, and how firmly.

The proposals read the quote's own words: the reporting form ("told a media briefing",
"said in a statement", "posted on X", "according to an MEA statement") and the words
before its verb that name the speaker ("Kitamura said", "officials told", "he added",
"the ministry said"; `speakers.py` says who they are, carrying the article's last
speaker), and the cues of a plan, an agreement, a wish or a hedge (`text/speech.py` holds
the cues the checks use). The analyst confirms or corrects each one in the review file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace

from ijmemo.intake.speakers import (
    Found,
    Speaker,
    Speakers,
    is_country,
    is_joint,
    is_outlet,
    names_outlet,
)
from ijmemo.metadata.vocabularies import UNNAMED_OFFICIALS
from ijmemo.text.date_words import MONTH, WEEKDAY
from ijmemo.text.quotes import normalise
from ijmemo.text.speech import (
    IMPERSONAL,
    IS_OCCASION,
    MODALITY_CUES,
    PLAIN_SAYING,
    SPEAKER_VERBS,
    UNNAMED_PASSIVE,
    reported_future,
    reports_speech,
)

# "I look forward to welcoming …" anticipates what is planned; it wishes for nothing.
_PLANNED = re.compile(
    r"\b(will|shall|(is|are) to|to be|plans?|planned|expected|scheduled|set to|intends?"
    r"|preparing to|working to(?! \w+ (?:with|on)\b)"
    r"|looks? forward to|looking forward to"
    r"|to (launch|hold|start|begin|set up|establish|sign|open|create))\b",  # headline "to launch"
    re.IGNORECASE,
)
# "are working to agree on a framework" aims at an agreement: not one made
_AGREED = re.compile(r"\b(agreed|(?<!to )agree|confirmed|decided|signed)\b", re.IGNORECASE)
# A pact named is agreed unless the sentence plans it ("are expected to agree on the pact").
_PACT = re.compile(r"\bpact\b", re.IGNORECASE)
# A plan in a clause that describes something ("inspected the turnout, where trains will be
# able to turn") is not what a sentence that reports something done reports.
_DESCRIBING = re.compile(r",\s+(?:where|which|who|whose)\b[^,;]*", re.IGNORECASE)


def propose_modality(quote: str) -> str:
    """The firmness the quote's own words suggest; hedges and wishes win over plans."""
    quote = reported_future(quote)  # "said it would be held": a plan (the check reads it so too)
    for modality in ("hedged", "wished"):
        if MODALITY_CUES[modality].search(quote):
            return modality
    if _AGREED.search(quote):
        return "agreed"
    main = _DESCRIBING.sub("", quote)
    if _PLANNED.search(main):
        return "planned"
    if _PACT.search(quote):
        return "agreed"
    # the describing clause's plan stands when the main clause reports nothing done
    described = _PLANNED.search(quote) and not re.search(r"\b[a-z]{3,}ed\b", main)
    return "planned" if described else "done"


@dataclass(frozen=True)
class Reported:
    """Who a sentence says is speaking, and how, as proposed for the review file."""

    attribution: str | dict  # `outlet`, or {by, how, words}
    why: str | None = None  # how `by` was found, for the analyst
    form: str | None = None  # briefing, readout, statement, post, remarks, interview, said
    form_words: str | None = None  # the sentence's words that show the form, verbatim
    speaker: Speaker | None = None
    carried: bool = False  # the speaker of the quotation just before, not named here


# The reporting forms, most specific first; each gives `how` (ATTRIBUTION_HOW: a readout
# and a post are published statements) and the words that show it.
_FORMS: list[tuple[str, str, re.Pattern]] = [
    (form, how, re.compile(pattern, re.IGNORECASE))
    for form, how, pattern in [
        (
            "briefing",
            "briefing",
            r"(?:\b(?:told|at|addressing|during)\s+(?:a|the|an|its|his|her)\s+)?(?:\w+\s+){0,2}"
            r"(?:media|press|news)\s+(?:briefing|conference)\b|\bbriefing\b",
        ),
        ("readout", "statement", r"\b(?:in\s+(?:a|its|the)\s+)?readout\b"),
        (
            "statement",
            "statement",
            # "according to Keidanren's statement": an owner stands for the article
            r"\b(?:according to\s+(?:(?:a|an|the|its)\s+)?|in\s+(?:a|an|the|its)\s+)"
            r"(?:[\w'’-]+\s+){0,3}?(?:statement|factsheet|fact sheet|release|communiqu[eé])\b"
            r"|\bstatement\s+(?:read|reads|said)\b|\b(?:joint\s+)?statement\b",
        ),
        (
            "post",
            "statement",
            r"\b(?:posted|wrote|writes|posts|said|shared)\s+(?:(?:in\s+)?an?\s+(?:post|message)\s+)?on\s+"
            r"(?:X|Twitter|social media|Facebook|LinkedIn)\b"
            r"|\bin a (?:social media )?post(?:\s+on\s+(?:X|Twitter|Facebook|LinkedIn)\b)?"
            r"|\bpost\s+reads?\b",
        ),
        (
            "remarks",
            "remarks",
            r"\b(?:(?:televised|opening|closing|public|keynote)\s+)*(?:remarks|speech)\b"
            r"|\bspeaking at\b|\baddress(?:ed|ing)\s+(?:a|an|the)\s+(?:event|gathering|forum|"
            r"summit|seminar|conference|session)\b",
        ),
        (
            "interview",
            "interview",
            r"\bin an interview\b|\btold (?:Reuters|Kyodo|PTI|ANI|AFP|Bloomberg|Nikkei)\b",
        ),
        ("told-reporters", "said", r"\btold\s+(?:reporters|journalists|the media)\b"),
    ]
]


def reporting_form(text: str) -> tuple[str, str, str | None]:
    """(form, how, the words that show it); plain "said" when no form is named."""
    for form, how, pattern in _FORMS:
        if found := pattern.search(text):
            return form, how, found.group(0)
    return "said", "said", None


# Verbs whose subject is the speaker (`speech.SPEAKER_VERBS`).
_VERB = re.compile(rf"\b(?:also\s+)?(?:{SPEAKER_VERBS})\b", re.IGNORECASE)
# "…, the agency correspondent reports, citing Kyodo News": the one cited speaks.
_ACCORDING = re.compile(
    r"\b(?P<how>according to|as per|citing|as (?:reported|cited|quoted) by)\s+"
    # "According to sources Noda has been …": no comma ends the sources
    r"(?P<np>(?:[a-z]+\s+)?(?:sources|officials)(?=\s+(?-i:[A-Z]))|"
    r"[^,.;:\"()]{1,80}?(?=\s*(?:[,.;:\"()]|$)))",
    re.I,
)
# Where the words naming a verb's subject begin: a clause mark or a clause-opening word.
_BOUNDARY = re.compile(
    r"[,;:\"“”()\[\]]|\b(?:that|which|who|whom|and|but|while|after|before|as|when|where|"
    r"because|if|than|since|saying|said|says)\b",
    re.IGNORECASE,
)
_NAME_RUN = r"[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|for|and|the))*(?:\s*\([^)]*\))?"
# "Vikram Misri, India's foreign secretary, said": the name before an apposition.
_APPOSED = re.compile(
    rf"(?:^|[,;:\"]\s*|\band\s+)(?P<np>{_NAME_RUN}),\s+"
    r"(?:[a-z]|India['’]s|Japan['’]s|Indian|Japanese)[^;]*?,\s*$"
)
# The same apposition when reporting leaves out its closing comma.
_OPEN_APPOSED = re.compile(rf"(?:^|[\"“”]\s*|[,;:]\s+)(?P<np>{_NAME_RUN}),\s*$")
_RELATIVE = re.compile(r",\s+(?:who|which)\s+[^,;]{1,80},\s*$")
_AND_IN_NAME = re.compile(
    r"(\b(?:Ministry|Agency|Department|Institute|Council|Commission|Chamber|Federation|"
    r"Association|Organi[sz]ation|Corporation)\s+(?:of|for)\s+(?:[A-Z][\w-]*,?\s+){1,4})and"
    r"(?=\s+[A-Z])"
)
_OFFICIAL_HEAD = re.compile(r"^(?:an?|the)\s+(?:\w+\s+){0,2}officials?\b", re.IGNORECASE)
_PAIR_NAMED = re.compile(r"\b(?:India and Japan|Japan and India)\b")
_DATED = re.compile(
    rf"\b(?:on\s+)?{WEEKDAY},\s+(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,\s*\d{{4}})?,?"
)
# A description in place of a name: "the spokesperson …", "Chairman of the Railway Board …"
_ROLE_NP = re.compile(
    r"^(?:(?:the|a|an)\s+[a-z]|(?:Chairman|Chairperson|Chair|President|Secretary|Minister|"
    r"Director|Spokesperson|Spokesman|Ambassador|Chief|Head|Governor|Commissioner|"
    r"Managing Director|CEO)\b)",
    re.IGNORECASE,
)
_DOCUMENT_NP = re.compile(
    r"^(?:the|a|an)\s+(?:[\w-]+\s+)?(?:report|statement|readout|release|article|document|"
    r"factsheet|communiqu[eé]|post)\b",
    re.IGNORECASE,
)
_INITIALISM = re.compile(r"\([A-Z][\w&.-]{1,11}\)")
# "… was described as … by Japan's foreign ministry in January": the agent speaks.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\s*$", re.IGNORECASE)
_AGENT = re.compile(
    r"[^.;]*?\bby\s+(?P<np>(?:the\s+)?[^,.;:\"]{1,60}?)(?=\s+(?:in|on|at|last|during|this|"
    r"earlier)\b|\s*[,.;:\"]|$)"
)
# "…, said Kitamura." / "…, said a statement from the ministry."
# "…, said Ayumi Yoshimatsu, a spokesperson for the agency.": the name before its role.
# "…,” stated Jaishankar during the talks.": the name before an adjunct.
_AFTER = re.compile(
    r"^\s+(?P<np>(?:the\s+|a\s+|an\s+)?[\w.'’ -]{1,60}?)\s*(?:[.;]?\s*$|,\s+(?:an?|the)\s"
    r"|\s(?:during|at|on|in|after|before|while|when|from|to)\s[^,;]*[.;]?\s*$)"
)


@dataclass(frozen=True)
class _Clause:
    np: str  # the words naming the speaker
    start: int  # where those words start in the text
    end: int  # where the attributing words end (the verb, or "according to …")
    lead: int  # where the attributing words start
    trim: bool = True  # the words may start at the name inside `np` ("Toshihiro Kitamura told")
    cited: bool = False  # named as what a report cites ("…, Kazinform reports, citing Kyodo")


def _subject(text: str, verb: re.Match) -> _Clause | None:
    """The words before a reporting verb that name its speaker."""
    before = text[: verb.start()]
    # "Keiichi Ono, who took part in the meeting, emphasized": the name before the clause
    if relative := _RELATIVE.search(before):
        before = before[: relative.start()] + " " * (len(before) - relative.start())
    # "the Ministry of External Affairs (MEA) said": an initialism in brackets is no boundary
    masked = _INITIALISM.sub(lambda m: " " * len(m.group(0)), before)
    # "the Agency for Marine-Earth Science and Technology said": "and" inside a name
    # (and its commas: "the Ministry of Ports, Shipping and Waterways said" is one name)
    masked = _AND_IN_NAME.sub(lambda m: m.group(1).replace(",", " ") + "   ", masked)
    # "India and Japan said": the pair speaks, "and" joins two names, no clauses
    masked = _PAIR_NAMED.sub(lambda m: m.group(0).replace("and", "   "), masked)
    # "Modi on Friday, August 29, announced": a date's commas are no boundary
    masked = _DATED.sub(lambda m: m.group(0).replace(",", " "), masked)
    marks = list(_BOUNDARY.finditer(masked))
    start = marks[-1].end() if marks else 0
    np = before[start:]
    if _PASSIVE.search(np) and (agent := _AGENT.match(text, verb.end())):
        # "was described as a flagship project by Japan's foreign ministry"
        return _Clause(agent["np"], agent.start("np"), agent.end("np"), verb.start(), trim=False)
    # (not "… with Germany, Indonesia and Russia, the report said": a document names no one)
    apposable = _ROLE_NP.match(np.strip()) and not _DOCUMENT_NP.match(np.strip())
    named = _OPEN_APPOSED.search(before[:start]) if apposable else None
    if named:  # "Toshihiro Kitamura, the spokesperson in the ministry said": the name speaks
        return _Clause(named["np"], named.start("np"), verb.end(), named.start("np"))
    if np.strip():
        at = start + len(np) - len(np.lstrip())
        # more than ten words is a clause of its own ("the talks … were useful, said"),
        # unless it opens with the officials who speak ("a senior official of an Indian
        # unit of Japanese electronics maker NEC Corp. said")
        short = len(masked[start:].split()) <= 10 or _OFFICIAL_HEAD.match(np.strip())
        return _Clause(np.strip(), at, verb.end(), at) if short else None
    mark = marks[-1].group(0).casefold() if marks else ""
    if mark in ("and", "but"):  # "FICCI welcomed the partnership and said …"
        first = marks[-2].end() if len(marks) > 1 else 0
        clause = before[first : marks[-1].start()].strip()
        return _Clause(clause, first, verb.end(), verb.start(), trim=False)
    if mark == "," and (apposed := _APPOSED.search(before)):
        at = apposed.start("np")
        return _Clause(apposed["np"], at, verb.end(), at)
    if mark in (",", '"', "”") and (after := _AFTER.match(text[verb.end() :])):
        at = verb.end() + after.start("np")
        return _Clause(after["np"], at, verb.end() + after.end("np"), verb.start(), trim=False)
    return None


def _clauses(text: str) -> list[_Clause]:
    """Every attributing clause of a sentence, in reading order."""
    found = [
        _Clause(
            m["np"],
            m.start("np"),
            m.end("np"),
            m.start(),
            trim=False,
            cited=m["how"].casefold() == "citing",
        )
        for m in _ACCORDING.finditer(text)
    ]
    found += [c for verb in _VERB.finditer(text) if (c := _subject(text, verb))]
    return sorted(found, key=lambda c: c.lead)


def _closes(text: str, clause: _Clause) -> bool:
    """Does the clause close the sentence after a comma ("…, the official added." or
    "…, officials said on Friday.")? News style attributes the whole sentence there, over
    a verb inside it ("Japan's defence ministry has insisted that …, the official added")."""
    opens = re.search(r"[,\"]\s*$", text[: clause.lead])
    return bool(opens) and not re.search(r"[,;]", text[clause.end :].rstrip(".!?\"' "))


def _joint_act(text: str, clause: _Clause) -> bool:
    words = text[: clause.end].split()
    one_or_both = is_joint(clause.np) or is_country(clause.np)
    joint = one_or_both and bool(words) and words[-1].casefold() not in PLAIN_SAYING
    return joint or bool(IS_OCCASION.match(clause.np.strip()))


def _speaker(text: str, speakers: Speakers) -> tuple[Found, str] | None:
    """The first clause whose words name a speaker, with its attributing words ("Toshihiro
    Kitamura told", "according to an MEA statement"); failing that, the first clause, its
    speaker left for the analyst."""
    first, relayed, document = None, None, None
    clauses = _clauses(text)
    for clause in clauses:  # "…, Kyodo reported, citing diplomatic sources": the sources
        if clause.cited or not names_outlet(clause.np):  # speak, and "The report said"
            continue  # later is Kyodo's
        paper = speakers.resolve(clause.np)
        if paper.by and is_outlet(paper.speaker):
            speakers.note_report(paper, clause.np)
    for clause in sorted(clauses, key=lambda c: not _closes(text, c)):
        if _joint_act(text, clause):
            continue  # "both leaders underscored the importance": the report's account of acts
        found = speakers.resolve(clause.np)
        lead = clause.start + found.at if clause.trim else clause.lead
        words = text[lead : clause.end].strip(" ,")
        if found.by and is_outlet(found.speaker) and not clause.cited:
            # "Singh said, “…,” ANI reported": Singh speaks; "…, Kyodo reported, citing a
            # government source, according to ANI": the source, past both outlets
            relayed = relayed or (found, words)
            continue
        if found.by and not _is_person(found) and _person_after(clause, clauses, speakers):
            # "According to a readout from Japan's foreign ministry, Takaichi told Modi …",
            # "The ministry said Aramane emphasised that …": the body relays a person's
            # words; the person speaks
            document = document or (found, words)
            continue
        if found.by:
            return found, words
        first = first or (found, words)
    return document or relayed or first


def _is_person(found: Found) -> bool:
    return found.speaker is not None and found.speaker.person


def _person_after(clause: _Clause, clauses: list[_Clause], speakers: Speakers) -> bool:
    """Does a named person speak in a clause after this one (a document cited, or a body
    saying what the person said)?"""
    return any(
        c.lead > clause.lead and _is_person(speakers.named(c.np) or Found(None, ""))
        for c in clauses
    )


def attribute(text: str, speakers: Speakers, start: int | None = None) -> Reported:
    """`outlet`, or who says the sentence and how; the speaker is remembered for the
    pronouns and role nouns of later sentences. `start`: where the sentence starts in the
    article (a bare quotation continues the speaker of the sentence just before it)."""
    if start is not None and start in speakers.seen:
        return speakers.seen[start]  # a sentence with two subjects is read once
    # where the sentence ends in the article: normalising shrinks runs of spaces, and the
    # next sentence's bare quotation is matched against this end
    end = None if start is None else start + len(text.strip())
    text = normalise(text)
    cue = reports_speech(text)
    if cue is None:
        return Reported("outlet")
    clauses = _clauses(text)
    if clauses and all(_joint_act(text, c) for c in clauses) and not UNNAMED_PASSIVE.search(text):
        return Reported("outlet")  # the two leaders' acts, in the report's own account
    shown = reporting_form(text)
    speakers.reading = start
    found = _speaker(text, speakers)
    if (found is None or not found[0].by) and (impersonal := IMPERSONAL.search(text)):
        why = f"'{impersonal.group(0)}': said by someone the report does not name; check"
        found = (Found(UNNAMED_OFFICIALS, why), impersonal.group(0))
    carried = False
    if found is None and cue == "a direct quotation" and (goes_on := speakers.continued(start)):
        found, shown = goes_on[:2], goes_on[2]  # the same speaker, briefing or post
        carried = True
    if found is None:
        found = (Found(None, f"no speaker found for '{cue}': say who"), cue)
    who, words = found
    form, how, form_words = shown
    speakers.remember(who, words, shown, end)
    reported = Reported(
        {"by": who.by, "how": how, "words": words}, who.why, form, form_words, who.speaker,
        carried,
    )  # fmt: skip
    if start is not None:
        speakers.seen[start] = reported
    return reported


def propose_attribution(quote: str, actor_names: dict[str, list[str]]) -> str | dict:
    """`outlet`, or {by, how, words} for one quote read on its own (no article around it):
    `by` is an actor whose name is in the attributing words, `officials`, or None."""
    actors = [
        SimpleNamespace(id=aid, name=names[0], aliases=names[1:], role="", kind=_kind(names[0]))
        for aid, names in actor_names.items()
    ]
    return attribute(quote, Speakers(actors)).attribution


def _kind(name: str) -> str:
    """A guess for a bare name: "Toshihiro Kitamura" is a person, "Japan's foreign ministry" not."""
    return "person" if all(w[:1].isupper() and "'" not in w for w in name.split()) else "office"
