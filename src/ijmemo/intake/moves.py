"""Proposed status moves and milestone changes, read from the words of a sentence.

"held the first meeting" proposes status convened and milestone met; "postponed …
to September" a postponed milestone; "will meet again in the second half of 2026"
a new milestone due then (status scheduled, since a window is reported); "agreed
to set up" status agreed; "called off" a cancelled milestone; "stalled" status
stalled. A proposal never goes past what the sentence's modality allows (a wish
proposes at most `proposed`, a plan never `met`): the analyst confirms each one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ijmemo.intake.date_roles import MOVES, RoledDate
from ijmemo.intake.making_words import MAKING, any_of
from ijmemo.metadata.vocabularies import CHANGES_BY_MODALITY, STATUSES_BY_MODALITY
from ijmemo.text.dates import DateWindow

_NOT_PAST = r"(?<!be )(?<!been )(?<!to )(?<!will )(?<!would )"
_CUES: list[tuple[str, str | None, str | None, re.Pattern]] = [
    (
        "cancelled",
        None,
        "cancelled",
        re.compile(rf"{_NOT_PAST}\b(cancell?ed|called off|scrapped|shelved|abandoned)\b", re.I),
    ),
    (
        "stalled",
        "stalled",
        None,
        re.compile(
            r"\b(stalled|on hold|stuck|suspended|no (new )?date has been|indefinitely)\b", re.I
        ),
    ),
    ("postponed", None, "postponed", MOVES),
    # "The signing of the memorandum took place at the embassy": an agreement, no meeting
    (
        "agreed",
        "agreed",
        None,
        re.compile(r"\bsigning\b[^.;]{0,60}?\b(?:took place|was held)\b", re.I),
    ),
    (
        "met",
        "convened",
        "met",
        re.compile(
            rf"{_NOT_PAST}\b(held|met|convened|took place|hosted|wrapped up|"
            r"concluded(?!\s+(?:an?|the|their|its|such|this|that|these|those|two|three|\d+)\b)|"
            # "conducted the first round of the Dialogue on Economic Security"
            r"conducted(?=\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?(?:round|meeting|session|"
            r"dialogue|talks)\b)|"
            r"launched the (?:first|second|third|inaugural|\d+(?:st|nd|rd|th)) (?:round|meeting|session))\b"
            r"(?![^.]*\b(?:again|next)\b[^.]*\b(?:will|to)\b)",
            re.I,
        ),
    ),
    (
        "completed",
        "completed",
        "met",
        re.compile(rf"{_NOT_PAST}\b(completed|delivered|handed over|commissioned)\b", re.I),
    ),
    (
        "due",
        "scheduled",
        "new",
        re.compile(
            # "will next week sign", "will also formally launch"
            r"\b((?:will|would|should) (?:\w+ ){0,2}?(?:meet|convene|hold|be held|take place|be launched|"
            r"be signed|be concluded|"
            r"arrange|organi[sz]e|set up|establish|launch|be followed by|follow|draw up|sign)|"
            r"expected to (?:be )?(?:finali[sz]ed|signed|launched)|"
            r"plans? to (?:hold|meet|convene|launch)|"
            r"to (?:meet|convene|be held|take place|hold)|scheduled|slated|set to|is to|are to|"
            r"expected to (?:meet|be held|convene|take place))\b",
            re.I,
        ),
    ),
    (
        # a delivery is a step only with its window ("will arrive in early 2026"), not
        # "the journey will be completed in about two hours"
        "delivered by",
        "scheduled",
        "new",
        re.compile(
            r"\b(?:will|would|should|is expected to|are expected to) (?:\w+ )?(?:arrive|deliver|"
            r"be delivered|be introduced|be completed|be commissioned|be operational|"
            r"be finali[sz]ed|become operational|debut|be opened|"
            r"open to (?:the )?(?:public|passengers))\b",
            re.I,
        ),
    ),
    (
        "under way",
        "being-implemented",
        None,
        re.compile(
            # not the order of a meeting ("began the meeting by thanking …")
            r"\b((?:began|started)(?!\s+(?:the|his|her|their)\s+(?:meeting|talks|session|visit|day|"
            r"discussions?|remarks|speech|address)\b)|begun|under way|underway|being implemented|commenced|"
            r"construction|trial runs?|rolled out|in progress|progress(ed|ing)? on|progress in|"
            r"under implementation|(?:is|are) (?:being )?implemented by|"
            r"(?:is|are) (?:\w+ly )?(?:funded|financed) (?:by|through)|"
            r"ongoing (?:joint )?(?:initiatives?|projects?|works?|construction)|(?:has|have) been involved in|"
            r"(?:is|are|was|were|has been|have been) (?:also |now |still |already )?(?:co-)?"
            r"(?:financing|funding|supporting|supplying|building|constructing|implementing|developing|"
            r"executing|laying|progressing|working on|working with|working together|expanding|"
            r"collaborating on|cooperating on|providing (?:\w+ )?(?:funding|financing|loans?))|"
            r"took forward|taken forward|"
            r"being (?:funded|financed|built|implemented|developed|executed|equipped|installed|"
            r"laid|constructed|upgraded|deployed|manufactured|tested|renovated|fine-tuned)|"
            r"progressing steadily|already (?:cooperate|co-operate|work together))\b",
            re.I,
        ),
    ),
    (
        "agreed",
        "agreed",
        None,
        re.compile(
            # not views exchanged, nor a view shared ("agreed that ties are vital",
            # "agreed on the importance of …", but "agreed that it would be installed"),
            # nor what may be agreed later ("mutually agreed")
            r"\b(?!exchanged\s+(?:views|ideas|notes|greetings|perspectives|opinions|thoughts)\b)"
            # ("the deal was to be signed at the summit" is a plan that was)
            rf"((?<!to be ){any_of(MAKING)}|(?<!mutually )agreed(?!\s+that\b(?![^.;]*\b(?:would|will|should|shall)\b)|"
            r"\s+on\s+the\s+(?:importance|need|significance)\b)|launching|finali[sz]ed|concurred|"
            r"greenlit|green-lit|approved|endorsed|ratified|"
            r"reached (?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:deal|agreement|accord|understanding)|"
            r"committed(?=\s+(?:funds|money|loans?|investments?|financing|[$¥₹]|yen|rs\b|\d))|"
            r"set (?:an?|the|a new)\s+(?:[\w-]+\s+){0,3}(?:target|goal)|"
            r"announced (?:an?|the|a new)\s+(?:[\w-]+\s+){0,3}(?:target|goal)|"
            # not a history ("the 70th anniversary of the establishment of ties"), nor what
            # is only looked at ("will evaluate the establishment of a company")
            r"(?<!anniversary of )(?<!evaluate )(?<!consider )(?<!explore )(?<!study )"
            r"(?<!discuss )the (?:signing|launch|establishment) of|"
            r"(?:was|were|been) initiated|"
            # "decided to ramp up maritime cooperation", "have decided to go for …"; what
            # they decided to put off reads as a postponement first
            r"decided to (?:further\s+)?\w+)\b",
            re.I,
        ),
    ),
    (
        "proposed",
        "proposed",
        None,
        # "are working to agree on a new framework": in negotiation, not yet agreed
        re.compile(
            r"\b(proposed|suggested|called for|working (?:to|towards) (?:agree|finali[sz]e|conclude|sign))\b",
            re.I,
        ),
    ),
]


# What an agreement with a window schedules: a meeting or a launch ("agreed to meet in
# early 2026"), not a goal ("agreed to boost exchanges in 2027": agreed, nothing due).
_A_STEP = re.compile(
    r"\b(?:meet|hold|convene|organi[sz]e|arrange|launch|set up|establish|sign|be held|"
    r"take place|start|begin|resume)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Move:
    status: str | None
    change: str | None
    why: str
    cue: str | None = None  # the name of the cue that proposed it ("agreed", "due", …)


# Temporal clauses give background ("launched the dialogue when they met in January"):
# the main clause says what the sentence reports.
# So does a participle set off by commas ("The group, set up in January, met …").
# So is its history set off by commas ("The ESD, originally slated for May and later put
# off to September, reviewed …"), and what happened where ("…, where he met …").
_BACKGROUND = re.compile(
    r"\b(when|after|before|while|as soon as|since)\b[^,.;]*"
    r"|^\s*following\b[^,.;]*"
    r"|,\s+(?:first\s+)?(?:set up|launched|established|created|agreed|formed)\s+"
    r"(?:in|on|at|when|during|last|after|under)\b[^,.;]*"
    r"|,\s+(?:originally|initially|previously|earlier)\s+[^,.;]*,"
    r"|,\s+where\b[^.;]*"  # "… during the visit, where he met …": the visit's colour
    # "…, which began in Japan in 2012": the thing's history, not what the sentence reports
    r"|,\s+which\s+(?:first\s+)?(?:began|started|was launched|was set up|was established)\b[^,.;]*"
    r"|\s?[—–]\s?[^—–.;]{3,120}\s?[—–]",  # "trial runs of the E3—slated to operate on …—had begun"
    re.IGNORECASE,
)


# What a "due" cue finds that is no step to come: a cost ("slated to cost Rs 1 lakh
# crore"), an aim ("The objective of the project is to develop …"), a window given up ("was
# scheduled to be completed by 2022-end, but has been plagued by delays").
_NO_STEP_AFTER = re.compile(r"\s+to\s+(?:cost|be funded|be financed)\b", re.IGNORECASE)
_AIM_BEFORE = re.compile(
    r"\b(?:objective|aim|goal|purpose|idea|mission|vision)\b(?:\s+of\s+[^,.;]{1,40})?\s+$",
    re.IGNORECASE,
)
_WAS_DUE = re.compile(r"\b(?:was|were|had been)\s+(?:originally\s+|initially\s+)?$", re.IGNORECASE)


def _no_step(main: str, found: re.Match) -> bool:
    before, after = main[: found.start()], main[found.end() :]
    return bool(
        _NO_STEP_AFTER.match(after) or _AIM_BEFORE.search(before) or _WAS_DUE.search(before)
    )


def propose_move(sentence: str, dated: list[RoledDate], modality: str) -> Move:
    """The status and milestone change a sentence reports, as far as its modality allows."""
    due = any(d.role in ("due-in", "due-by") for d in dated)
    main = _BACKGROUND.sub("", sentence)
    for name, status, change, cue in _CUES:
        found = cue.search(main)
        if not found:
            continue
        if name == "delivered by" and not due:
            continue
        if name == "due" and _no_step(main, found):
            continue
        if name == "due" and not due:
            status = "agreed"  # a meeting to come with no window: agreed, not yet scheduled
        if name == "agreed" and due and _A_STEP.search(main):
            status, change = "scheduled", "new"  # "agreed to meet in early 2026"
        if name == "postponed" and any(d.role == "moved-to" for d in dated):
            status = "scheduled"  # "put off to September": due again, in a new window
        status = status if status in STATUSES_BY_MODALITY[modality] else None
        change = change if change in CHANGES_BY_MODALITY[modality] else None
        if status or change:
            return Move(status, change, f"'{found.group(0)}' ({name})", name)
    return Move(None, None, "no status or milestone words")


def firm_modality(sentence: str, modality: str) -> str:
    """A sentence that reports something as done ("have postponed", "held") is `done`."""
    if modality in ("wished", "hedged"):
        return modality
    for name, _, _, cue in _CUES:
        if name in ("cancelled", "postponed", "met", "completed") and cue.search(sentence):
            moved = MOVES.search(sentence)
            if (
                name == "postponed"
                and moved
                and re.search(
                    rf"\b(will|would|to|may|could)\s+(be\s+)?{re.escape(moved.group(0))}",
                    sentence,
                    re.I,
                )
            ):
                continue
            return "done"
    if _UNDER_WAY.search(sentence):
        return "done"
    return modality


_UNDER_WAY = re.compile(
    r"\b(began|started|commenced|got under way|(is|are) under way|"
    # "are already working on co-developing the antenna, which will serve …": done now
    r"(?:is|are|has been|have been) already (?:working on|building|developing|implementing)|"
    # "The project, planned after talks in 2015, is being built with a Japanese loan"
    r"(?:is|are) (?:now |still )?being (?:built|implemented|constructed|developed|executed|"
    r"funded|financed)|"
    r"already (?:cooperate|co-operate|work together))\b",
    re.I,
)


def milestone_id(
    subject: str,
    change: str,
    open_steps: list[tuple[str, DateWindow | None]],
    taken: set[str],
    window: DateWindow | None = None,
) -> str:
    """Reuse the subject's open milestone for met/postponed/cancelled, and for a re-report
    of a due step (its window meets the open one's, or either is unreported); a new step
    due in another window gets a new id."""
    if open_steps and change != "new":
        return open_steps[-1][0]
    for mid, due in reversed(open_steps):
        if change == "new" and _same_window(due, window):
            return mid
    base = f"{subject}-{'next-meeting' if open_steps else 'meeting'}"
    mid, n = base, 2
    while mid in taken:
        mid, n = f"{base}-{n}", n + 1
    return mid


def _same_window(a: DateWindow | None, b: DateWindow | None) -> bool:
    """Two reports of one due step: windows that overlap, or one not reported."""
    if a is None or b is None or not a.known or not b.known:
        return True
    return a.start <= b.end and b.start <= a.end
