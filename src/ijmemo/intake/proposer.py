"""Propose candidate claims for a new article, for an analyst to review.

Deterministic and offline: sentences come from `article.py` (with their offsets, so
every candidate quote is the article's own text), subjects from the
curated data's names (`curation/names.py`), dates with their roles (`date_roles.py`),
status moves and milestone changes (`moves.py`), aliases (`aliases.py`), new
actors (`new_actors.py`) and starting records (`new_subjects.py`); speakers carried to the
sentences that do not name one (`carried_speakers.py`). Page furniture is left out and
listed with the reason (`boilerplate.py`); the dateline dates the report (`datelines.py`).
"""

from __future__ import annotations

import re
from datetime import date

from ijmemo.curation.load import CuratedData
from ijmemo.curation.names import Dictionaries, Match, named_in_relation, proper_names
from ijmemo.intake.aliases import suggest_alias
from ijmemo.intake.article import Sentence, split_sentences
from ijmemo.intake.attribution import attribute, propose_modality
from ijmemo.intake.boilerplate import boilerplate_reason
from ijmemo.intake.candidate import Candidate, Proposal
from ijmemo.intake.carried_speakers import carry_speakers
from ijmemo.intake.date_roles import RoledDate, claim_date, dates_with_roles
from ijmemo.intake.datelines import dateline_date
from ijmemo.intake.fit import HELD, NAMED, another_of_its_kind, event_fit, meeting_fit
from ijmemo.intake.framing import propose_framing
from ijmemo.intake.making_words import INSTRUMENTS, STANDING
from ijmemo.intake.moves import Move, firm_modality, milestone_id, propose_move
from ijmemo.intake.new_actors import APPOSED, TITLED, names_new_actor, propose_actors
from ijmemo.intake.new_subjects import (
    NEW_THING,
    NewSubject,
    propose_subject,
    starting_status,
    starts_something,
)
from ijmemo.intake.rests_on import basis_of
from ijmemo.intake.speakers import Speakers
from ijmemo.text.clauses import clause_around
from ijmemo.text.dates import DateWindow, parse_date_or_unknown
from ijmemo.text.references import (
    defined_initialisms,
    refers_back,
    refers_back_within,
)
from ijmemo.text.speech import quotation_spans, reports_speech

MIN_WORDS = 6  # shorter lines are headings, credits or fragments
NO_MOVE = Move(None, None, "")
_FOR = re.compile(r"(?:\s+of\s+\w+)?(?:\s*\([^)]*\))?\s+(?:for|under|on)\b", re.IGNORECASE)
# What an uncurated thing the sentence names no new instrument for can be reported as
# ("finalised 13 agreements", "India also proposed …", "are already working on …"):
# agreed, proposed or under way. A meeting held or a date due is an event's, not a status.
_UNNAMED_MOVES = ("agreed", "proposed", "under way")
# …and a standing body the data does not know is convened when held ("the Third
# India-Japan Space Dialogue held in March"); a meeting or a project held is no body
_STANDING_HEADS = {word.split()[-1] for word in STANDING}
# A sentence naming no subject continues the one before when this much of it is about
# that subject (tier-4 words): measured on the gold, unseen and real sets, 0.10 gained
# 8 subjects right for 1 lost; 0.15 gained 6, 0.20 gained 5.
CONTINUES = 0.10
UNDER_WAY = ("being-implemented", "completed")  # stages an agreement does not undo
_PAIR = re.compile(r"\b(?:both|the two)\s+(?:nations|countries|sides|governments|leaders)\b", re.I)


def _open_milestones(data: CuratedData) -> tuple[dict[str, list[tuple]], set[str]]:
    """Each subject's milestones still open (not met or cancelled), with the window each
    was last reported due in (None: none reported), and all milestone ids in use."""
    last: dict[str, dict[str, tuple[str, DateWindow | None]]] = {}
    for loc in data.claims.values():
        claim = loc.record
        if claim.milestone:
            steps = last.setdefault(claim.subject, {})
            due = _due_window(data, claim) or steps.get(claim.milestone.id, ("", None))[1]
            steps[claim.milestone.id] = (claim.milestone.change, due)
    open_steps = {
        s: [(m, due) for m, (change, due) in ms.items() if change not in ("met", "cancelled")]
        for s, ms in last.items()
    }
    return open_steps, {m for ms in last.values() for m in ms}


def _due_window(data: CuratedData, claim) -> DateWindow | None:
    """The window a milestone claim reports it due in, read against its source's date."""
    if not claim.date or claim.milestone.change not in ("new", "postponed"):
        return None
    published = data.published.get(claim.source)
    reference = published.start if published and published.precision == "day" else None
    window, _ = parse_date_or_unknown(claim.date, reference)
    return window if window.known else None


# Words for what happens at talks: a sentence with them and no subject of its own is the
# article's meeting's.
_TALK = re.compile(
    r"^[“”\"']?(?:(?:today['’]s|the|their|during the)\s+)?(?:discussions?|talks|deliberations|"
    r"parley)\b"
    r"|\b(?:exchange of (?:views|perspectives)|exchanged views|discussions? (?:covered|focused|"
    r"centred|centered|touched|reviewed|included|reflected)|(?:was|were) (?:discussed|underlined|"
    r"reaffirmed|reviewed)|figured (?:heavily|prominently))\b",
    re.IGNORECASE,
)
# A topic named in the sentence's frame, not in what it reports: "agreed to increase the
# scope of the exercises while emphasizing … a free, open … Indo-Pacific", "will meet on
# Tuesday to affirm the importance of …", "with both sharing a vision of …".
_FRAME = re.compile(
    r"\b(?:while|with both|as both|to [\"“]?(?:collectively )?(?:affirm|ensure|promote|uphold)|"
    r"in (?:the )?view of|whose focus|promoting|sharing a vision)\b",
    re.IGNORECASE,
)
REFER_BACK_REACH = 6  # "the dialogue" points back at most this many candidates
_PEOPLE_AND_PRONOUNS = {"it", "its", "they", "leaders", "ministers", "both"}
_SAME_THING = [{word.casefold() for word in INSTRUMENTS}]  # "the pact" after "an agreement"


class Proposer:
    """Reads one article's sentences in order, carrying what a reader carries."""

    def __init__(self, dictionaries: Dictionaries, prefix: str, reference: date | None):
        self.d = dictionaries
        self.prefix = prefix
        self.reference = reference
        self.defined: dict[str, str] = {}  # initialisms the article defines
        self.open_ids, self.taken = _open_milestones(dictionaries.data)
        self.out: list[Candidate] = []
        self.subjects: list[NewSubject] = []
        data = dictionaries.data
        self.subject_ids = {*data.initiatives, *data.events, *data.topics}
        self.last: Candidate | None = None  # the previous sentence's first candidate
        self.last_named: Candidate | None = None  # the latest candidate with a subject
        actors = dictionaries.data.actors
        self.actor_names = {a: [loc.record.name, *loc.record.aliases] for a, loc in actors.items()}
        self.speakers = Speakers([loc.record for loc in actors.values()])  # the last to speak
        self.met: set[int] = set()  # sentences the speakers' memory has read
        self._under_way: set[str] | None = None  # initiatives reported under way
        self.pair = ["IN", "JP"]  # the two countries the article is about (the latest named)
        self.story: Match | None = None  # the meeting the article is about, once named
        self.quotations: tuple[tuple[int, int], ...] = ()  # the article's quoted passages

    def subject(self, body: str, at: int = -1) -> Match:
        match = self.d.match(body, self.defined, {*self.pair, *self.d.countries(body)})
        frame = _FRAME.search(body) if match.kind == "topic" else None
        if (
            frame
            and frame.start() > 0
            and not self.d.match(body[: frame.start()], self.defined, {*self.pair}).subject
        ):
            why = f"possibly new: '{match.subject}' is the frame ('{frame.group(0)} …'), not the report"
            return Match(None, None, match.score, why, match.subject)
        back = refers_back(body) or (match.score < 0.8 and refers_back_within(body))
        # "The discussions" point back to the latest subject they can name, past sentences
        # without one or about another kind of thing ("the dialogue" past a topic)
        previous = self.referred(back) if back else None
        relates = match.subject and named_in_relation(body, match)
        # `back` is the referring words, or nothing (None/False): only words can refer back.
        if previous is not None and not previous.match.subject and match.score < NAMED:
            # "The dialogue was co-chaired by …" after "the seventh Defence Policy Dialogue":
            # the new one again, not a curated dialogue near in words
            via = f"possibly new: refers back ('{back}') to {previous.id}, a new one"
            return Match(None, None, match.score, via, match.subject, previous.id)
        if previous is not None and previous.match.subject and (match.score < 0.9 or relates):
            p = previous.match
            via = f"refers back ('{back}') to {previous.id}"
            runner = match.subject if match.subject != p.subject else None
            match = Match(p.subject, p.kind, p.score, via, runner, previous.id)
        if match.kind == "initiative" and match.score < NAMED and not match.refers_back:
            name = self.d.data.initiatives[match.subject].record.name
            if other := another_of_its_kind(body, name):
                why = f"possibly new: '{other}' is another one, near '{match.subject}' in words"
                return Match(None, None, match.score, why, match.subject)
        new = NEW_THING.search(body)
        near = match.kind in ("initiative", "topic") and match.score < 0.9
        # "signed an MoI for the co-development of UNICORN": a new instrument for a known
        # initiative, named by its words, is that initiative's
        made_for = (
            match.kind == "initiative"
            and match.score >= NAMED
            and new
            and _FOR.match(body, new.end())
        )
        if new and near and not match.refers_back and not made_for:
            why = f"possibly new: '{new.group(0)}' is a new one, near '{match.subject}' in words"
            return Match(None, None, match.score, why, match.subject)
        if match.subject is None and self.last and self.last.match.subject and not new:
            match = self.continued(body, match, self.last, at)
        if not new and (match.subject is None or (match.kind == "topic" and match.score < 0.9)):
            match = self.of_the_story(body, match)
        self.defined |= defined_initialisms(body, match.subject)
        return match

    def note_story(self, match: Match) -> None:
        """The first meeting the article names outright is what its talk is about."""
        named = self.story is None and match.kind == "event" and match.score >= 0.9
        if named and self.d.data.events[match.subject].record.kind in ("meeting", "summit"):
            self.story = match

    def of_the_story(self, body: str, match: Match) -> Match:
        """A sentence about talks ("Today's discussions on …", "also had a useful exchange
        of perspectives") in an article about one meeting is that meeting's, unless it
        names a subject of its own."""
        talk = _TALK.search(body)
        if self.story is None or not talk:
            return match
        s = self.story
        via = f"the talks of the article's meeting ('{talk.group(0)}'; {match.via})"
        return Match(s.subject, s.kind, s.score, via, match.subject)

    def referred(self, back: str) -> Candidate | None:
        """The latest sentence (of the last few) whose subject the words can point to: its
        first subject, not one it names in passing."""
        firsts = {c.start: c for c in reversed(self.out)}  # latest sentence first; each
        recent = list(firsts.values())[:REFER_BACK_REACH]  # sentence's first candidate
        fits = [c for c in recent if c.match.subject and self.d.can_refer(back, c.match.subject)]
        # "the dialogue" prefers the sentence that used the noun ("a new … dialogue"); "the
        # pact" after a new pact is that new one, no curated subject
        noun = back.split()[-1].casefold()
        if noun in _PEOPLE_AND_PRONOUNS:
            return next(iter(fits), None)
        nouns = next((kin for kin in _SAME_THING if noun in kin), {noun})
        used = re.compile(rf"\b(?:{'|'.join(map(re.escape, nouns))})\b", re.I)
        same = [c for c in recent if used.search(c.quote)]
        if same:
            return same[0] if any(c is same[0] for c in fits) or not same[0].match.subject else None
        return next(iter(fits), None)

    def continued(self, body: str, match: Match, previous: Candidate, at: int) -> Match:
        """A sentence that names no subject but is in good part about the one before it
        ("The vessel began recovery operations…" after the expedition) continues it; so
        does one that goes on in the same quotation (one speaker's account of one thing)."""
        p = previous.match
        score = self.d.overlap_with(body, p.subject)
        quoted = self.quotation_of(at)
        if quoted and quoted == self.quotation_of(previous.start):
            via = f"goes on in the quotation {previous.id} is in ({match.via})"
            return Match(p.subject, p.kind, round(score, 2), via, None, previous.id)
        # a quotation opening after it (not after a framing: no story to go on with)
        if quoted and quoted[0] == at and previous.end < at and p.kind != "topic":
            via = f"a quotation after {previous.id}, on its subject ({match.via})"
            return Match(p.subject, p.kind, round(score, 2), via, None, previous.id)
        if score < CONTINUES or p.kind == "topic":  # a framing is no story to go on with
            return match
        via = f"continues {previous.id}'s subject (its words score {score:.2f}; {match.via})"
        return Match(p.subject, p.kind, round(score, 2), via, None, previous.id)

    def candidates(self, sentence: Sentence) -> list[Candidate]:
        """The sentence's candidate, and one more for each further subject it names."""
        first = self.candidate(sentence)
        if first is None:
            return []
        found = [first]
        self.out.append(first)
        self.last = first
        if first.match.subject:
            self.last_named = first
        if first.match.subject is None:
            self.new_subject(first)
        among = {*self.pair, *self.d.countries(sentence.text)}
        for match in self.d.also_named(sentence.text, first.match.subject, self.defined, among):
            found.append(self.candidate(sentence, match))
            self.out.append(found[-1])
        for c in found:
            self.note_story(c.match)
        return found

    def new_subject(self, c: Candidate) -> None:
        """A starting record for a possibly-new candidate (`new_subjects.py`), if it gives
        enough; the candidate's review entry then names it."""
        speaker = c.attribution.get("by") if isinstance(c.attribution, dict) else None
        people = [m.group("name") for m in (*TITLED.finditer(c.quote), *APPOSED.finditer(c.quote))]
        people += [self.d.data.actors[a].record.name for a in c.actors if self._is_person(a)]
        people = [p for p in dict.fromkeys(people) if p.split()[-1].casefold() != speaker]
        held = [d for d in c.dated if d.role == "happened"]
        # who met: the people named, not who reports it nor the bodies they speak for
        actors = [a for a in c.actors if a != speaker and self._is_person(a)]
        stub = propose_subject(
            c.id, c.quote, held, people, actors, c.countries, c.sectors, self.subject_ids
        )
        if stub is None:
            return
        planned = c.modality == "planned" or any(d.role in ("due-in", "due-by") for d in c.dated)
        same = (
            None if planned else next((s for s in self.subjects if _same_meeting(s, c.quote)), None)
        )
        if same is not None and stub.kind == "event":  # the same meeting reported again
            same.also.append(c.id)
            self.subject_ids.discard(stub.id)
        else:
            self.subjects.append(stub)

    def _is_person(self, actor: str) -> bool:
        return self.d.data.actors[actor].record.kind == "person"

    def candidate(self, sentence: Sentence, match: Match | None = None) -> Candidate | None:
        body = sentence.text
        facts = self.facts(sentence)
        if facts is None:
            return None
        countries, actors, dated, sectors = facts
        match = match or self.subject(body, sentence.start)
        if not countries and match.subject:  # "the two sides": its parties
            countries = self.d.subject_countries(match.subject)
        modality = firm_modality(body, propose_modality(body))
        match, move, in_clause, initiative = self.move_of(body, match, dated, modality, actors)
        profile = self.d.profiles.get(match.subject) if match.subject else None
        when = claim_date([d for d in in_clause if d.role != "said-on"], move.change)
        return Candidate(
            id=f"{self.prefix}-{len(self.out) + 1:02d}",
            quote=body,
            start=sentence.start,
            end=sentence.end,
            match=match,
            sectors=sectors,
            countries=countries,
            actors=actors,
            dated=dated,
            modality=modality,
            move=move,
            date=when,
            milestone=(
                self.milestone(match.subject, move.change, when)
                if match.subject and initiative
                else None
            ),
            alias=suggest_alias(body, match, profile),
            **self.reporting(sentence, match.kind, dated),  # attribution, speaker, basis, framing
        )

    def facts(self, sentence: Sentence) -> tuple[list, list, list, list] | None:
        """The sentence's countries, actors, dates and sectors, or None when it carries no
        fact: a fact names who, or when, or what field; one place name alone is colour."""
        body = sentence.text
        countries, actors = self.d.countries(body), self.d.actors(body)
        named = list(countries)  # the countries the sentence itself names
        dated, sectors = dates_with_roles(body, self.reference), self.d.sectors(body)
        # "They have held …", "This mission will …": the story before goes on
        back = (refers_back(body) or refers_back_within(body)) and (self.last_named or self.last)
        # a new actor named earlier in the article ("Misri highlighted …") is a who too, and
        # so is anyone said to say it ("The foreign secretary also said …"), and the
        # speaker a quotation names, for the sentences inside it
        said = reports_speech(body)
        who = (
            actors
            or names_new_actor(body)
            or self.names_new_speaker(sentence)
            or (said and said != "a direct quotation")
            or self.quotation_of(sentence.start) is not None
        )
        # "Both nations", "the two sides": the pair the article is about
        if len(countries) < 2 and _PAIR.search(body):
            countries = list(dict.fromkeys([*countries, *self.pair]))
        if not (who or dated or sectors or len(countries) >= 2 or back or self.goes_on(body)):
            return None
        if len(named) == 2:
            self.pair = named
        for code in self.d.actor_countries(actors):  # Motegi named: Japan is involved
            if code not in countries:
                countries.append(code)
        return countries, actors, dated, sectors

    def goes_on(self, body: str) -> bool:
        """Is a sentence that names no one in good part about the story before it ("Of the
        total viaduct, 323 km has been completed" after the bullet train project)?"""
        p = self.last.match if self.last else None
        if p is None or p.subject is None or p.kind == "topic":
            return False
        return self.d.overlap_with(body, p.subject) >= CONTINUES

    def move_of(self, body: str, match: Match, dated: list[RoledDate], modality: str, actors):
        """The status move and milestone change the sentence reports for its subject, as
        far as the subject fits: (match, move, the dates of its clause, is an initiative)."""
        # A new framework or pact has a status too (the starting initiative's), not a step.
        initiative = match.kind == "initiative" or (
            match.subject is None and starts_something(body)
        )
        # Two subjects in one sentence: each takes the move and dates of its own clause.
        clause = clause_around(body, match.at) if match.subject else body
        # a clause with no date of its own borrows none when another subject's clause has it
        own = [d for d in dated if d.phrase in clause]
        in_clause = own if own or (match.subject and match.at > 0 and clause != body) else dated
        movable = initiative or match.subject is None
        move = propose_move(clause, in_clause, modality) if movable else NO_MOVE
        if match.subject is None:
            # a dialogue or forum the data does not know, held ("the Third India-Japan
            # Space Dialogue held in March"), convened like a known one, with the day it
            # was held: never `convened` without a date, nor for a new instrument
            dated_held = any(d.role == "happened" for d in in_clause)
            held = move.cue == "met" and dated_held and proper_names(clause, _STANDING_HEADS)
            kept = held if move.cue == "met" else initiative or move.cue in _UNNAMED_MOVES
            if not kept:
                move = NO_MOVE
            # a starting initiative's status; its steps come later
            move = starting_status(move, body, modality, in_clause)
        elif move.status in ("proposed", "agreed") and self.under_way(match.subject):
            why = f"{move.why}; already under way: an agreement about it does not move it back"
            move = Move(None, move.change, why)
        if match.kind == "event" and match.score < 1.0:
            match = self.event_fitted(match, body, in_clause)
        held = move.change in HELD or move.status in ("convened", "completed")
        if initiative and match.subject and held:
            match, move = self.held(match, move, actors, in_clause)
            initiative = match.kind == "initiative"
        return match, move, in_clause, initiative

    def reporting(self, sentence: Sentence, kind: str | None, dated: list[RoledDate]) -> dict:
        """Who says the sentence (a pronoun or "the ministry" taken as the article's last
        speaker), the basis it names, and how it frames its initiative's origin."""
        self.meet(sentence)  # new actors named here can be its speaker
        reported = attribute(sentence.text, self.speakers, sentence.start)
        framing = propose_framing(sentence.text, kind, dated, self.reference)
        return {
            "attribution": reported.attribution,
            "speaker": reported.why,
            "carried": "quotation" if reported.carried else None,
            "basis": basis_of(reported),
            "framing": framing.value,
            "framed": framing.why,
        }

    def quotation_of(self, at: int) -> tuple[int, int] | None:
        """The quoted passage a sentence starting at `at` opens or goes on in."""
        return next((q for q in self.quotations if q[0] <= at < q[1]), None)

    def meet(self, sentence: Sentence) -> None:
        """The speakers' memory reads each sentence once, in order."""
        if sentence.start not in self.met:
            self.met.add(sentence.start)
            self.speakers.meet(sentence.text)

    def under_way(self, subject: str) -> bool:
        """Has an initiative been reported under way or completed (its claims say so)?"""
        if self._under_way is None:  # read once per article, only when asked
            claims = self.d.data.claims.values()
            self._under_way = {c.record.subject for c in claims if c.record.status in UNDER_WAY}
        return subject in self._under_way

    def names_new_speaker(self, sentence: Sentence) -> bool:
        """Does the sentence name an actor this article introduced (not yet curated)?"""
        self.meet(sentence)
        found = self.speakers.named(sentence.text)
        return bool(found and found.speaker and found.speaker.new)

    def event_fitted(self, match: Match, body: str, dated: list[RoledDate]) -> Match:
        """An event near in words that the sentence's call or date rules out is possibly
        new, with the near miss shown (`fit.event_fit`)."""
        happened = [d.window for d in dated if d.role == "happened"]
        fit = event_fit(self.d.data, match, body, happened)
        if fit.ok:
            return match
        return Match(None, None, match.score, f"possibly new: {fit.why}", match.subject)

    def held(self, match: Match, move: Move, actors: list[str], dated) -> tuple[Match, Move]:
        """A meeting held is its initiative's only when it fits (`fit.py`); near in words
        only, it is possibly new (the near miss shown); named but unfit, it moves nothing."""
        on = any(d.role == "happened" for d in dated)
        fit = meeting_fit(self.d.data, match, actors, on)
        if fit.ok:
            return match, move
        if match.score < NAMED:
            why = f"possibly new: {fit.why}"
            return Match(None, None, match.score, why, match.subject, at=match.at), NO_MOVE
        return match, Move(None, None, f"not proposed as held: {fit.why}")

    def milestone(
        self, subject: str, change: str | None, due: RoledDate | None = None
    ) -> dict | None:
        if not change:
            return None
        steps = self.open_ids.setdefault(subject, [])
        window = due.window if due is not None and change == "new" else None
        mid = milestone_id(subject, change, steps, self.taken, window)
        if change == "new" and mid not in [m for m, _ in steps]:
            steps.append((mid, window))
        elif change in ("met", "cancelled"):  # closed: a later "meet again" is a new step
            steps[:] = [(m, w) for m, w in steps if m != mid]
        first = mid not in self.taken  # a milestone's first report says what is due
        what = f"Meeting of the {self.d.name(subject)}" if first else None
        self.taken.add(mid)
        return {"id": mid, "change": change, "what": what}


def propose(
    text: str,
    source_id: str,
    published: date | None,
    dictionaries: Dictionaries,
    title: str | None = None,
) -> Proposal:
    """A candidate per sentence that carries a fact (one per subject it names outright);
    furniture left out, with reasons."""
    head = source_id.split("_")[0]
    prefix = f"c{head}" if head.isdigit() else source_id  # c004-01, like c000-01
    sentences, left_out, dateline = split_sentences(text, title)
    reference = dateline_date(dateline, published) or published
    proposer = Proposer(dictionaries, prefix, reference)
    proposer.quotations = quotation_spans(text)
    kept = []
    for sentence in sentences:
        why = boilerplate_reason(sentence.text)
        if why is None and len(sentence.text.split()) < MIN_WORDS:
            why = "too short for a fact"
        if why:
            left_out.append((sentence.text, why))
            continue
        kept.append(sentence.text)
        if not proposer.candidates(sentence):
            left_out.append(
                (sentence.text, "no fact: names no actor, date, sector or two countries")
            )
    actors = propose_actors(kept, dictionaries.known_actor_names())
    titled = {a.id for a in actors}
    actors += [a for a in proposer.speakers.created if a.id not in titled]
    _name_new_actors(proposer.out, proposer.subjects, actors)
    carry_speakers(proposer.out, text)
    return Proposal(proposer.out, left_out, dateline, reference, actors, proposer.subjects)


def _same_meeting(stub: NewSubject, quote: str) -> bool:
    """Does a quote name everyone a proposed event is titled by ("Misri–Oue meeting")?"""
    if stub.kind != "event":
        return False
    who = stub.record["title"].rsplit(" ", 1)[0].split("–")
    return len(who) >= 2 and all(name in quote for name in who)


def _name_new_actors(candidates: list[Candidate], subjects: list[NewSubject], actors) -> None:
    """The proposed new actors a candidate's quote names join its actors (and its starting
    event's participants): accept refuses one left unaccepted, saying so."""
    for c in candidates:
        named = [a.id for a in actors if any(n in c.quote for n in (a.name, *a.aliases))]
        c.actors = list(dict.fromkeys([*c.actors, *named]))
    by_id = {c.id: c for c in candidates}
    for stub in subjects:
        if stub.kind == "event" and stub.candidate in by_id:
            c = by_id[stub.candidate]
            speaker = c.attribution.get("by") if isinstance(c.attribution, dict) else None
            people = [a.id for a in actors if a.kind == "person"]
            both = [
                *stub.record["participants"],
                *(a for a in c.actors if a != speaker and a in people),
            ]
            stub.record["participants"] = list(dict.fromkeys(both))
