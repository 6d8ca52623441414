"""The review notebook's panel: an added source's candidates as widgets, no YAML to edit.

    review_panel(source_id, data_dir)   one form per candidate: the quote marked in its
                                        passage, accept, subject, attribution, modality,
                                        status and statement (each proposal preselected, its
                                        reason beside it), the problems accept would find,
                                        kept up to date as you edit; new actors to keep; and
                                        Save, Accept into the evidence, Rebuild the memo

The package does the work: the review file is edited in place (`intake/review_edit`), the
problems are accept's own (`steps/accept.dry_run`), accepting is `accept_source`. The panel
only lays out widgets and calls them; the YAML stays the record.
"""

from __future__ import annotations

import html
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as w

from ijmemo.core.paths import PARAMS_DIR, PROJECT_ROOT, DataPaths
from ijmemo.core.problems import AcceptError, CurationError
from ijmemo.curation.load import load_curated
from ijmemo.intake.review_edit import ReviewEdit
from ijmemo.metadata.vocabularies import (
    ATTRIBUTION_HOW,
    FRAMINGS,
    MILESTONE_CHANGES,
    MODALITIES,
    STATUSES,
    UNNAMED_OFFICIALS,
)
from ijmemo.steps.accept import accept_source, dry_run
from ijmemo.text.speech import sentences_around

OUTLET = "outlet"  # the report's own voice
_WIDE = w.Layout(width="98%")


def review_sources(data_dir=None) -> list[str]:
    """The added sources that have a review file, in name order."""
    return sorted(p.stem for p in DataPaths.at(data_dir).review.glob("*.yaml"))


@dataclass
class CandidateForm:
    """The widgets for one candidate."""

    id: str
    accept: w.Checkbox
    subject: w.Dropdown
    by: w.Dropdown
    how: w.Dropdown
    modality: w.Dropdown
    status: w.Dropdown
    statement: w.Textarea
    problems: w.HTML
    box: w.VBox
    milestone_change: w.Dropdown
    milestone_id: w.Text
    milestone_what: w.Text
    framing: w.Dropdown
    alias: w.Text
    date: w.Text
    location: w.Text
    sectors: w.TagsInput
    countries: w.TagsInput
    actors: w.TagsInput
    note: w.Text
    words: str | None = None  # the attributing words as written, kept as proposed


@dataclass
class ReviewPanel:
    source_id: str
    edit: ReviewEdit
    data_dir: object = None
    forms: dict[str, CandidateForm] = field(default_factory=dict)
    actors: dict[str, w.Checkbox] = field(default_factory=dict)
    status: w.HTML = field(default_factory=lambda: w.HTML())
    save_button: w.Button = field(default_factory=lambda: w.Button(description="Save review file"))
    accept_button: w.Button = field(
        default_factory=lambda: w.Button(
            description="Accept into the evidence", button_style="primary"
        )
    )
    report_button: w.Button = field(
        default_factory=lambda: w.Button(description="Rebuild the memo")
    )
    params: w.Dropdown = field(default_factory=lambda: w.Dropdown(description="Memo"))
    as_of: w.Text = field(
        default_factory=lambda: w.Text(
            description="as of", placeholder="YYYY-MM-DD: the next edition (blank: the set's)"
        )
    )
    widget: w.VBox | None = None

    def changed(self, form: CandidateForm) -> None:
        """A widget changed: the review file (in memory) follows, then the problems."""
        by = form.by.value
        attribution = (
            OUTLET if by == OUTLET else {"by": by, "how": form.how.value, "words": form.words}
        )
        change = form.milestone_change.value
        milestone = (
            {"id": form.milestone_id.value.strip() or None, "change": change,
             "what": form.milestone_what.value.strip() or None}
            if change
            else None
        )  # fmt: skip
        self.edit.set(
            form.id,
            accept=form.accept.value,
            subject=form.subject.value,
            attribution=attribution,
            modality=form.modality.value,
            status=form.status.value,
            milestone=milestone,
            statement=form.statement.value,
            framing=form.framing.value,
            alias=form.alias.value,
            date=form.date.value,
            location=form.location.value,
            sectors=list(form.sectors.value),
            countries=list(form.countries.value),
            actors=list(form.actors.value),
            note=form.note.value,
        )
        self.check()

    def check(self) -> list[str]:
        """What accept would say now, shown beside each candidate and above them all."""
        found = dry_run(self.source_id, self.edit.text, data_dir=self.data_dir)
        general = list(found)
        for cid, form in self.forms.items():
            mine = [p for p in found if f"'{cid}'" in p]
            general = [p for p in general if p not in mine]
            form.problems.value = _problem_list(mine) if form.accept.value else ""
        unsaved = self.edit.text != self.edit.path.read_text(encoding="utf-8")
        state = "unsaved changes" if unsaved else "saved"
        accepted = sum(1 for f in self.forms.values() if f.accept.value)
        verdict = "accept would succeed" if not found else f"{len(found)} problem(s) before accept"
        self.status.value = (
            f"<b>{html.escape(self.source_id)}</b>: {accepted} candidate(s) accepted, {state}; "
            f"{verdict}.{_problem_list(general)}"
        )
        return found

    def save(self, _button=None) -> Path:
        path = self.edit.save()
        self.check()
        return path

    def accept(self, _button=None) -> None:
        self.edit.save()
        try:
            done = accept_source(self.source_id, data_dir=self.data_dir)
        except (AcceptError, CurationError) as exc:
            self.status.value = (
                f"<b>Not accepted</b>: nothing was changed.<pre>{html.escape(str(exc))}</pre>"
            )
            return
        claims = DataPaths.at(self.data_dir).claims / f"{self.source_id}.yaml"
        self.status.value = (
            f"<b>Accepted</b>: {len(done.claim_ids)} claim(s) in {html.escape(str(claims))} "
            f"({', '.join(done.claim_ids)}); new actors: {', '.join(done.actor_ids) or 'none'}."
        )

    def rebuild(self, _button=None) -> None:
        params = PARAMS_DIR / f"{self.params.value}.yaml"
        self.status.value = f"Rebuilding the memo for {html.escape(params.stem)} …"
        command = [sys.executable, "-m", "ijmemo", "report", str(params), "--if-changed"]
        if self.as_of.value.strip():  # a new edition: the report refuses a date it cannot read
            command += ["--as-of", self.as_of.value.strip()]
        if self.data_dir is not None:
            command += ["--data-dir", str(self.data_dir)]
        run = subprocess.run(
            command,
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            check=False,
        )
        said = (run.stdout + run.stderr).strip().splitlines()
        memo = PROJECT_ROOT / "report" / "build" / params.stem / "memo.html"
        link = f'<a href="{memo}" target="_blank">{memo}</a>' if run.returncode == 0 else ""
        self.status.value = f"<pre>{html.escape(chr(10).join(said[-6:]))}</pre>{link}"


def review_widget(source_id: str | None = None, data_dir=None) -> w.Widget:
    """What the review notebook shows: the panel's widgets, or what to do first."""
    panel = review_panel(source_id, data_dir)
    return panel.widget if isinstance(panel, ReviewPanel) else panel


def review_panel(source_id: str | None = None, data_dir=None) -> ReviewPanel | w.HTML:
    """The panel for one added source (the first with a review file if none is named)."""
    sources = review_sources(data_dir)
    if source_id is None and sources:
        source_id = sources[0]
    if source_id is None:
        return w.HTML(
            "No source to review: add an article first (<code>make add-source FILE=…</code>)."
        )
    edit = ReviewEdit.open(source_id, data_dir)
    panel = ReviewPanel(source_id, edit, data_dir)
    data, _ = load_curated(data_dir)
    text = (DataPaths.at(data_dir).sources / f"{source_id}.txt").read_text(encoding="utf-8")
    subjects = _subject_options(data, edit)
    choices = {  # what the tag boxes accept: the curated ids, and the actors proposed new
        "sectors": sorted(data.sectors),
        "countries": sorted(data.countries),
        "actors": sorted([*data.actors, *(a["id"] for a in edit.new_actors)]),
    }
    speakers = _speaker_options(data, edit)
    for c in edit.candidates:
        panel.forms[c["id"]] = _form(panel, c, text, subjects, speakers, choices)
    for a in edit.new_actors:
        box = w.Checkbox(value=bool(a.get("accept")), description=f"{a['name']} ({a['kind']})")
        box.observe(lambda change, aid=a["id"]: _actor(panel, aid, change["new"]), names="value")
        panel.actors[a["id"]] = box
    starting = [
        _new_subject(panel, x) for x in edit.new_subjects if (x.get("record") or {}).get("id")
    ]
    bases = [_basis(panel, b) for b in edit.bases if b.get("id")]
    panel.params.options = sorted(p.stem for p in PARAMS_DIR.glob("*.yaml"))
    panel.save_button.on_click(panel.save)
    panel.accept_button.on_click(panel.accept)
    panel.report_button.on_click(panel.rebuild)
    buttons = w.HBox(
        [panel.save_button, panel.accept_button, panel.params, panel.as_of, panel.report_button]
    )
    actors = [w.HTML("<h4>New actors: tick the ones to keep</h4>"), *panel.actors.values()]
    subjects_head = w.HTML(
        "<h4>New subjects: a candidate whose subject is one of these needs it kept and filled in</h4>"
    )
    forms = [f.box for f in panel.forms.values()]
    panel.widget = w.VBox(
        [
            panel.status,
            buttons,
            *forms,
            *(actors if panel.actors else []),
            *([subjects_head, *starting] if starting else []),
            *(
                [w.HTML("<h4>What the source rests on: keep what it says</h4>"), *bases]
                if bases
                else []
            ),
        ]
    )
    panel.check()
    return panel


def _basis(panel: ReviewPanel, basis: dict) -> w.HBox:
    """A basis the attributions suggest (a briefing, a statement, officials): keep it or not,
    and say what it is in your own words."""
    bid = basis["id"]
    keep = w.Checkbox(
        value=bool(basis.get("accept")), description=f"{basis.get('kind')}: “{basis.get('words')}”"
    )
    what = w.Text(value=basis.get("what") or "", description="what", layout=w.Layout(width="50%"))
    keep.observe(
        lambda change: (panel.edit.set_basis(bid, accept=change["new"]), panel.check()),
        names="value",
    )
    what.observe(
        lambda change: (panel.edit.set_basis(bid, what=change["new"]), panel.check()),
        names="value",
    )
    return w.HBox([keep, what])


def _new_subject(panel: ReviewPanel, entry: dict) -> w.VBox:
    """A proposed starting record: keep it or not, and its fields to fill in (lists as
    comma-separated values)."""
    record = entry["record"]
    rid = record["id"]
    keep = w.Checkbox(
        value=bool(entry.get("accept")), description=f"keep new {entry.get('kind')} {rid}"
    )
    keep.observe(
        lambda change: (panel.edit.set_subject(rid, accept=change["new"]), panel.check()),
        names="value",
    )
    fields = []
    for name, value in record.items():
        if name == "id":
            continue
        shown = (
            ", ".join(map(str, value))
            if isinstance(value, list)
            else ("" if value is None else str(value))
        )
        box = w.Text(value=shown, description=name, layout=w.Layout(width="60%"))
        listed = isinstance(value, list)
        box.observe(
            lambda change, n=name, listed=listed: _subject_field(
                panel, rid, n, change["new"], listed
            ),
            names="value",
        )
        fields.append(box)
    why = w.HTML(
        f"<span style='font-size:smaller'>{html.escape(str(entry.get('why') or ''))}</span>"
    )
    return w.VBox([keep, why, *fields])


def _subject_field(panel: ReviewPanel, rid: str, name: str, text: str, listed: bool) -> None:
    value = [v.strip() for v in text.split(",") if v.strip()] if listed else text
    panel.edit.set_subject(rid, **{name: value})
    panel.check()


def _actor(panel: ReviewPanel, actor_id: str, keep: bool) -> None:
    panel.edit.set_actor(actor_id, keep)
    panel.check()


def _form(panel: ReviewPanel, c: dict, text: str, subjects, speakers, choices) -> CandidateForm:
    attribution = c.get("attribution")
    by = attribution.get("by") if isinstance(attribution, dict) else OUTLET
    how = attribution.get("how") if isinstance(attribution, dict) else None
    options = speakers if by in dict(speakers).values() else [*speakers, (f"{by} (proposed)", by)]
    milestone = c.get("milestone") if isinstance(c.get("milestone"), dict) else {}
    form = CandidateForm(
        id=c["id"],
        accept=w.Checkbox(value=bool(c.get("accept")), description="accept"),
        subject=w.Dropdown(options=_with(subjects, c.get("subject")), value=c.get("subject")),
        by=w.Dropdown(options=options, value=by, description="said by"),
        how=w.Dropdown(options=[None, *ATTRIBUTION_HOW], value=how, description="how"),
        modality=w.Dropdown(
            options=[None, *MODALITIES], value=c.get("modality"), description="modality"
        ),
        status=w.Dropdown(options=[None, *STATUSES], value=c.get("status"), description="status"),
        statement=w.Textarea(
            value=c.get("statement") or "",
            placeholder="A short neutral sentence in your own words, keeping the speaker and the hedge",
            continuous_update=False,  # checked when you leave the box, not at each key
            layout=_WIDE,
        ),
        problems=w.HTML(),
        box=w.VBox(),
        milestone_change=w.Dropdown(
            options=[None, *MILESTONE_CHANGES],
            value=milestone.get("change"),
            description="milestone",
        ),
        milestone_id=w.Text(value=milestone.get("id") or "", placeholder="milestone id"),
        milestone_what=w.Text(value=milestone.get("what") or "", placeholder="what is due"),
        framing=w.Dropdown(
            options=[None, *FRAMINGS], value=c.get("framing"), description="framing"
        ),
        alias=w.Text(value=c.get("alias") or "", description="alias"),
        date=w.Text(value=c.get("date") or "", description="date"),
        location=w.Text(value=c.get("location") or "", description="place"),
        sectors=w.TagsInput(value=list(c.get("sectors") or []), allowed_tags=choices["sectors"]),
        countries=w.TagsInput(
            value=list(c.get("countries") or []), allowed_tags=choices["countries"]
        ),
        actors=w.TagsInput(value=list(c.get("actors") or []), allowed_tags=choices["actors"]),
        note=w.Text(value=c.get("note") or "", description="note", layout=_WIDE),
        words=attribution.get("words") if isinstance(attribution, dict) else None,
    )
    why = w.HTML(
        "<span style='font-size:smaller'>"
        f"subject: {html.escape(str(c.get('match') or ''))}<br>"
        f"speaker: {html.escape(str(c.get('speaker') or 'the report’s own voice'))}<br>"
        f"status: {html.escape(str(c.get('move') or 'no status words'))}</span>"
    )
    for widget in (form.accept, form.subject, form.by, form.how, form.modality, form.status):
        widget.observe(lambda _change, f=form: panel.changed(f), names="value")
    more = (form.framing, form.alias, form.date, form.location, form.sectors, form.countries)
    more += (form.actors, form.note, form.milestone_change, form.milestone_id, form.milestone_what)
    for widget in (form.statement, *more):
        widget.observe(lambda _change, f=form: panel.changed(f), names="value")
    form.box.children = [
        w.HTML(f"<h4>{html.escape(c['id'])}</h4>{_in_context(text, c.get('quote') or '')}"),
        w.HBox([form.accept, form.subject]),
        w.HBox([form.by, form.how, form.modality, form.status]),
        w.HBox([form.milestone_change, form.milestone_id, form.milestone_what]),
        w.HBox([form.framing, form.alias, form.date, form.location]),
        w.HBox([w.Label("sectors"), form.sectors, w.Label("countries"), form.countries]),
        w.HBox([w.Label("actors"), form.actors]),
        why,
        form.statement,
        form.note,
        form.problems,
    ]
    return form


def _in_context(text: str, quote: str) -> str:
    """The quote marked in the sentences around it, as the article has them."""
    at = text.find(quote)
    if at < 0:
        return f"<blockquote><mark>{html.escape(quote)}</mark></blockquote>"
    passage = sentences_around(text, at, at + len(quote))
    start = text.find(passage) if passage in text else at
    before, after = text[start:at], text[at + len(quote) : start + len(passage)]
    return (
        f"<blockquote>{html.escape(before)}<mark>{html.escape(quote)}</mark>"
        f"{html.escape(after)}</blockquote>"
    )


def _subject_options(data, edit: ReviewEdit) -> list[tuple[str, str | None]]:
    known = [(f"initiative: {loc.record.name}", i) for i, loc in data.initiatives.items()]
    known += [(f"event: {loc.record.title}", i) for i, loc in data.events.items()]
    known += [(f"topic: {loc.record.title}", i) for i, loc in data.topics.items()]
    stubs = [
        (
            f"new {s.get('kind')}: {(s.get('record') or {}).get('id')}",
            (s.get("record") or {}).get("id"),
        )
        for s in (edit.doc.get("new_subjects") or [])
        if isinstance(s, dict)
    ]
    return [("— possibly new: choose or add a record —", None), *stubs, *known]


def _speaker_options(data, edit: ReviewEdit) -> list[tuple[str, str]]:
    known = [(f"{loc.record.name}", aid) for aid, loc in data.actors.items()]
    new = [(f"new: {a['name']}", a["id"]) for a in edit.new_actors]
    return [
        ("the report's own voice", OUTLET),
        ("unnamed officials", UNNAMED_OFFICIALS),
        *new,
        *known,
    ]


def _with(options: list, value) -> list:
    return options if value in [v for _, v in options] else [*options, (f"{value}", value)]


def _problem_list(problems: list[str]) -> str:
    if not problems:
        return ""
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
    return f"<ul style='color:#a33'>{items}</ul>"
