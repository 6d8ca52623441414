"""Memo charts: plotly figures sized for A4, colour-blind-safe and legible in greyscale,
each with caption and alt text.

A `Chart` displays as a bundle: the plotly JSON (interactive in JupyterLab) and
an HTML `div` with a fixed id (what nbconvert puts in the memo, drawn by the
plotly.js embedded once in the page). Fixed ids and sizes keep outputs
byte-stable between runs and complete on a printed page.

A memo is often printed in black and white: any two colours a reader must tell
apart in one chart differ in luminance by at least MIN_LUMINANCE_STEP, or carry
different patterns or marker symbols (`greyscale_problems` checks a chart).
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import combinations, pairwise
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup

from ijmemo.memo.edition import Edition
from ijmemo.memo.wording import NO_STATUS, value, window_text
from ijmemo.metadata.cells import split_cell
from ijmemo.metadata.vocabularies import OPEN_STATES, STATUS_LABELS

WIDTH = 640  # px: fits the A4 text block (174 mm) with a little room
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}
# WCAG relative luminance two colours must differ by to print as different greys.
MIN_LUMINANCE_STEP = 0.08
# Lifecycle statuses on one sequential ramp (ColorBrewer Blues: safe with every colour-vision
# deficiency, since only lightness varies): the further along, the darker; luminance
# 0.69, 0.55, 0.38, 0.26, 0.16, 0.03. Stalled and cancelled leave the ramp: their own hue
# and a pattern (STATUS_PATTERNS), so they stand apart in colour and in greyscale.
STATUS_COLOURS = {
    "proposed": "#c6dbef",
    "agreed": "#9ecae1",
    "scheduled": "#6baed6",
    "convened": "#4292c6",
    "being-implemented": "#2171b5",
    "completed": "#08306b",
    "stalled": OKABE_ITO["vermillion"],
    "cancelled": OKABE_ITO["grey"],
    "unreported": "#ebebeb",  # no status reported: lighter than any status (luminance 0.83)
}
STATUS_PATTERNS = {"stalled": "x", "cancelled": "/"}
PLOTLY_CONFIG = {"displaylogo": False, "responsive": False}
TIMELINE_ROWS = 25  # charts stay legible at any corpus size
TIMELINE_WRAP = 47  # characters per line of a timeline row's label
ROW_HEIGHT = 30  # px per row of a chart whose labels are two lines or fewer
LINE_HEIGHT = 16  # px per line of a longer label
# On a visit's row, the symbol (plotly's, and the character naming it in the text) of
# each event during the visit, in date order; a visit with more keeps the rest on their rows.
WITHIN_SYMBOLS = (("circle", "○"), ("triangle-up", "△"), ("square", "□"))
MATRIX_ROWS = 12
MATRIX_COLUMNS = 14
LEVEL_COLUMNS = 7  # as many columns as have room for level labels


@dataclass
class Chart:
    """A figure with its stable id, caption and alt text."""

    figure: go.Figure
    div_id: str
    caption: str
    alt: str

    def __post_init__(self) -> None:
        # plotly.js would give each trace a random uid, which reaches the exported SVG's
        # ids and classes: named after the chart instead, the same chart is the same bytes.
        for n, trace in enumerate(self.figure.data):
            trace.uid = f"{self.div_id}-{n}"

    def html(self) -> str:
        div = self.figure.to_html(
            full_html=False,
            include_plotlyjs=False,
            div_id=self.div_id,
            config=PLOTLY_CONFIG,
            default_width=f"{self.figure.layout.width}px",
            default_height=f"{self.figure.layout.height}px",
        )
        return str(
            Markup(
                '<figure class="chart" id="{}-figure" role="img" aria-label="{}">{}<figcaption>{}</figcaption></figure>'
            ).format(self.div_id, self.alt, Markup(div), self.caption)
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "application/vnd.plotly.v1+json": json.loads(self.figure.to_json()),
            "text/html": self.html(),
            "text/plain": f"[chart] {self.caption}",
        }


# ---- greyscale: what a black-and-white print keeps apart


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance (0 black .. 1 white) of "#rrggbb", "#rgb" or "rgb(r, g, b)"."""
    colour = colour.strip()
    if colour.startswith("#"):
        digits = colour[1:] if len(colour) == 7 else "".join(c * 2 for c in colour[1:4])
        channels = [int(digits[i : i + 2], 16) for i in (0, 2, 4)]
    else:
        channels = [float(n) for n in re.findall(r"[\d.]+", colour)[:3]]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        for c in (n / 255 for n in channels)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _marks(trace) -> list[tuple[str, str, str]]:
    """(name, colour, mark) per colour a bar or scatter trace draws; mark: what else sets
    it apart in print (a bar's pattern shape, a marker's symbol)."""
    colours = trace.marker.color
    if colours is None:
        return []
    if trace.type == "bar":
        mark = trace.marker.pattern.shape or ""
    else:
        mark = trace.marker.symbol or "circle"
    unique = [colours] if isinstance(colours, str) else list(dict.fromkeys(colours))
    # numbers would be mapped through a colour scale: not a colour to compare here
    return [(trace.name or trace.type, c, str(mark)) for c in unique if isinstance(c, str)]


def _scale_problems(trace) -> list[str]:
    """A heatmap's colour levels, lowest z first, must each print darker than the last."""
    levels = list(dict.fromkeys(colour for _, colour in trace.colorscale or ()))
    problems = []
    for low, high in pairwise(levels):
        step = relative_luminance(low) - relative_luminance(high)
        if step < MIN_LUMINANCE_STEP:
            problems.append(
                f"heatmap levels {low} and {high}: the higher is not darker by "
                f"{MIN_LUMINANCE_STEP} in luminance ({step:+.2f})"
            )
    return problems


def greyscale_problems(chart: Chart) -> list[str]:
    """The pairs of colours a greyscale print of the chart would confuse: bars (or
    markers) of different traces whose colours differ in luminance by less than
    MIN_LUMINANCE_STEP and which share a pattern (or symbol); heatmap levels that do
    not darken step by step."""
    problems = []
    for kind in ("bar", "scatter"):
        marks = [m for t in chart.figure.data if t.type == kind for m in _marks(t)]
        for (name_a, a, mark_a), (name_b, b, mark_b) in combinations(marks, 2):
            gap = abs(relative_luminance(a) - relative_luminance(b))
            if mark_a == mark_b and gap < MIN_LUMINANCE_STEP:
                problems.append(
                    f"{kind} {name_a!r} {a} and {name_b!r} {b}: luminance "
                    f"{relative_luminance(a):.2f} and {relative_luminance(b):.2f}, "
                    f"same pattern {mark_a!r}"
                )
    for trace in chart.figure.data:
        if trace.type == "heatmap":
            problems += _scale_problems(trace)
    return problems


# ---- layout shared by the charts


def _layout(fig: go.Figure, height: int, **extra) -> go.Figure:
    fig.update_layout(
        template="simple_white",
        width=WIDTH,
        height=height,
        font={"family": FONT, "size": 12, "color": "#222"},
        margin={"l": 10, "r": 20, "t": 30, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": None},
        **extra,
    )
    return fig


def warm_up() -> None:
    """Load plotly's figure class and the validators of what the charts draw (about
    0.8 s the first time in a process), so a kernel started ahead of its notebook has
    done it before the first chart. Draws nothing."""
    fig = _layout(go.Figure(), 100)
    fig.add_bar(x=[1], y=["a"], orientation="h")
    fig.add_scatter(x=[1], y=["a"], mode="markers")
    fig.add_heatmap(z=[[1]])
    fig.add_shape(type="line", x0=0, x1=1, y0=0, y1=1)
    fig.add_annotation(x=0, y=0, text="a")
    fig.update_xaxes(title="a", type="date", side="top", tickangle=0)
    fig.update_yaxes(autorange="reversed", ticks="", categoryorder="array")


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


def _listing(names: list[str], limit: int = 5) -> str:
    """ "A; B; C", the first `limit` names and how many more."""
    more = len(names) - limit
    return "; ".join(names[:limit]) + (f"; and {more} more" if more > 0 else "")


def _row_height(labels: list[str]) -> int:
    """Px per row: ROW_HEIGHT while every label is two lines or fewer, more for longer ones
    (the rows are all one height, and a label must not run into the next)."""
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
    return ROW_HEIGHT if lines <= 2 else LINE_HEIGHT * lines


def _names(labels: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return " and ".join([", ".join(labels[:-1]), labels[-1]] if len(labels) > 1 else labels)


# ---- Figure 1: initiatives by sector and status


def _sector_counts(edition: Edition) -> tuple[pd.DataFrame, int]:
    """Primary sector x status counts (each initiative once, in the sector the text
    lists it under), and how many initiatives also concern other sectors."""
    inis = edition.bilateral
    sectors = inis.sectors.map(split_cell)
    primary = sectors.map(edition.primary_sector).rename("sector")
    counts = pd.crosstab(primary, inis.status.fillna("unreported").rename("status"))
    return counts, int((sectors.map(len) > 1).sum())


def _status_bars(fig: go.Figure, counts: pd.DataFrame, sectors: list[str], labels: list[str]):
    """One bar trace per status reported, in lifecycle order."""
    labels_by_status = {**STATUS_LABELS, "unreported": NO_STATUS}
    for status, colour in STATUS_COLOURS.items():
        if status not in counts.columns:
            continue
        fig.add_bar(
            y=labels,
            x=[int(counts.at[s, status]) for s in sectors],
            name=labels_by_status[status],
            orientation="h",
            marker={
                "color": colour,
                "line": {"color": "#fff", "width": 1},
                "pattern": {"shape": STATUS_PATTERNS.get(status, "")},
            },
            hovertemplate="%{y}: %{x} " + labels_by_status[status].lower() + "<extra></extra>",
        )


def sector_status_chart(edition: Edition) -> Chart:
    """Initiatives by primary sector and lifecycle status: each initiative one bar segment."""
    n = len(edition.bilateral)
    counts, shared = _sector_counts(edition)
    sectors = [s for s in edition.sector_order() if s in counts.index]
    labels = [edition.sector_labels[s] for s in sectors]
    fig = go.Figure()
    _status_bars(fig, counts, sectors, labels)
    _layout(fig, 100 + 28 * len(sectors), barmode="stack")
    fig.update_layout(legend_traceorder="normal")  # lifecycle order, as the bars stack
    fig.update_yaxes(autorange="reversed", title=None, ticks="")
    fig.update_xaxes(title="initiatives", title_standoff=4, dtick=1 if n <= 20 else None)
    by_sector = {edition.sector_labels[s]: int(counts.loc[s].sum()) for s in sectors}
    top = max(by_sector, key=by_sector.get) if by_sector else "none"
    alt = (
        f"Horizontal stacked bar chart of {n} initiatives, each counted once in its primary sector, "
        f"across {len(sectors)} sectors, coloured by lifecycle status; the sector with most "
        f"initiatives is {top} ({by_sector.get(top, 0)})."
    )
    caption = (
        f"Figure 1. Initiatives by sector and lifecycle status ({n} initiatives, "
        "each initiative counted once, in its primary sector"
    )
    if shared:
        caption += f"; {shared} also {'concerns' if shared == 1 else 'concern'} other sectors"
    caption += "). The darker the bar, the further along the initiative."
    if any(s in counts.columns for s in STATUS_PATTERNS):
        caption += " Hatched: stalled or cancelled."
    return Chart(fig, "fig-sectors", caption, alt)


# ---- Figure 2: timeline


class _Item(NamedTuple):
    """A row of the timeline: an event or a milestone's due window (kind "event" or "due")."""

    kind: str
    label: str
    start: str
    end: str
    text: str
    # on a visit's row, the events during it (kind: the event's kind, e.g. "meeting")
    within: tuple = ()


def _during(event, visit) -> bool:
    """Whether an event falls within a visit's window and shares a participant with it."""
    return (
        event.kind != "visit"
        and visit.date_start <= event.date_start
        and event.date_end <= visit.date_end
        and bool(set(split_cell(event.participants)) & set(split_cell(visit.participants)))
    )


def _event_items(edition: Edition) -> list[_Item]:
    """One row per dated event; the events during a visit, reported as firmly as the visit,
    on the visit's row (a planned meeting on a visit held keeps its own row, "(planned)")."""
    dated = [e for e in edition.events.itertuples() if value(e.date_start)]
    firmness = {e.event_id: edition.date_firmness(e) for e in dated}
    within: dict[str, list] = {}
    taken: set[str] = set()
    for visit in (e for e in dated if e.kind == "visit"):
        during = [
            e
            for e in dated
            if e.event_id not in taken
            and _during(e, visit)
            and firmness[e.event_id] == firmness[visit.event_id]
        ]
        during = sorted(during, key=lambda e: (e.date_start, e.title))[: len(WITHIN_SYMBOLS)]
        within[visit.event_id] = during
        taken |= {e.event_id for e in during}
    items = []
    for e in dated:
        if e.event_id not in taken:
            title = f"{e.title} ({firmness[e.event_id]})" if firmness[e.event_id] else e.title
            inner = tuple(
                _Item(i.kind, i.title, i.date_start, i.date_end,
                      window_text(i.date_start, i.date_end, i.date_precision))
                for i in within.get(e.event_id, [])
            )  # fmt: skip
            items.append(_Item("event", title, e.date_start, e.date_end, e.date_text, inner))
    return items


def _timeline_rows(edition: Edition) -> tuple[list[_Item], int, list[str]]:
    """The rows to draw, how many dated rows there were, and the undated events' titles."""
    rows = _event_items(edition)
    undated = [e.title for e in edition.events.itertuples() if not value(e.date_start)]
    for w in edition.watchlist().itertuples():
        if w.state in OPEN_STATES and w.due_start:
            rows.append(_Item("due", f"Due: {w.milestone}", w.due_start, w.due_end, w.due_text))
        elif w.state == "met" and w.met_start:
            rows.append(_Item("event", f"Held: {w.milestone}", w.met_start, w.met_end, w.met_text))
    total = len(rows)
    if total > TIMELINE_ROWS:  # keep what is nearest the edition date; the rest is in the export
        as_of_day = edition.params.as_of
        rows.sort(key=lambda r: abs((date.fromisoformat(r.start) - as_of_day).days))
        rows = rows[:TIMELINE_ROWS]
    rows.sort(key=lambda r: (r.start, r.label))
    return rows, total, undated


def _row_label(item: _Item) -> str:
    """The y label, wrapped; a visit's names how many events its row also marks, and how."""
    label = item.label
    if item.within:
        kinds = {i.kind for i in item.within}
        noun = kinds.pop() if len(kinds) == 1 else "event"
        n = len(item.within)
        glyphs = " ".join(glyph for _, glyph in WITHIN_SYMBOLS[:n])
        label += f" and the {f'{n} {noun}s' if n > 1 else noun} during it ({glyphs})"
    return _wrap(label, TIMELINE_WRAP)


def _draw_items(fig: go.Figure, rows: list[_Item]) -> None:
    """Windows as bars, single days as diamonds; events blue, due windows hatched orange."""
    day = timedelta(days=1)
    for kind, colour, name in (
        ("event", OKABE_ITO["blue"], "Event"),
        ("due", OKABE_ITO["orange"], "Milestone due"),
    ):
        windows = [r for r in rows if r.kind == kind and r.start != r.end]
        if windows:
            starts = [date.fromisoformat(r.start) for r in windows]
            ends = [date.fromisoformat(r.end) + day for r in windows]  # with their last day
            fig.add_bar(
                y=[_row_label(r) for r in windows],
                base=[s.isoformat() for s in starts],
                x=[(e - s).days * 86_400_000 for s, e in zip(starts, ends, strict=True)],
                orientation="h",
                name=f"{name} (window)",
                marker={"color": colour, "pattern": {"shape": "/" if kind == "due" else ""}},
                customdata=[r.text for r in windows],
                hovertemplate="%{y}<br>%{customdata}<extra></extra>",
            )
        points = [r for r in rows if r.kind == kind and r.start == r.end]
        if points:
            fig.add_scatter(
                y=[_row_label(r) for r in points],
                x=[r.start for r in points],
                mode="markers",
                name=f"{name} (day)",
                marker={"color": colour, "size": 11, "symbol": "diamond"},
                customdata=[r.text for r in points],
                hovertemplate="%{y}<br>%{x|%d %b %Y} (%{customdata})<extra></extra>",
            )


def _middle(start: str, end: str) -> str:
    """The middle of a reported window (first day's start to last day's end)."""
    s, e = date.fromisoformat(start), date.fromisoformat(end) + timedelta(days=1)
    return (datetime.combine(s, time()) + (e - s) / 2).isoformat(sep=" ", timespec="minutes")


def _draw_within(fig: go.Figure, rows: list[_Item]) -> None:
    """On a visit's row, one white symbol per event during it: the first largest, so that
    events on the same days show one inside the other."""
    for n, (symbol, glyph) in enumerate(WITHIN_SYMBOLS):
        marks = [(r, r.within[n]) for r in rows if len(r.within) > n]
        if marks:
            fig.add_scatter(
                y=[_row_label(r) for r, _ in marks],
                x=[_middle(i.start, i.end) for _, i in marks],
                mode="markers",
                name=f"Event during a visit ({glyph})",
                showlegend=False,  # the row label and the caption say which is which
                marker={
                    "color": "#ffffff",
                    "size": 14 - 4 * n,
                    "symbol": symbol,
                    "line": {"color": OKABE_ITO["black"], "width": 1.5},
                },
                customdata=[f"{glyph} {i.label}, {i.text}" for _, i in marks],
                hovertemplate="%{customdata}<extra></extra>",
            )


def _edition_line(fig: go.Figure, as_of: str, rows: list[_Item]) -> None:
    """A dashed line at the edition date, labelled inside the plot at its top: the legend
    is above the plot, so the two cannot meet. The top rows are the earliest items, so the
    label goes to the right of the line, unless the line is in the right half of the dates."""
    fig.add_shape(
        type="line",
        x0=as_of,
        x1=as_of,
        y0=0,
        y1=1,
        yref="paper",
        line={"color": OKABE_ITO["vermillion"], "dash": "dash", "width": 2},
        opacity=1,  # the template's shapes are 0.3: a line that pale is lost in print
    )
    days = [date.fromisoformat(d) for r in rows for d in (r.start, r.end)]
    days.append(date.fromisoformat(as_of))
    late = date.fromisoformat(as_of) - min(days) > max(days) - date.fromisoformat(as_of)
    fig.add_annotation(
        x=as_of,
        y=1,
        yref="paper",
        text=f"Edition {as_of}",
        showarrow=False,
        xanchor="right" if late else "left",
        yanchor="top",
        xshift=-3 if late else 3,
        bgcolor="rgba(255,255,255,0.85)",
        font={"color": OKABE_ITO["vermillion"]},
    )


def _timeline_caption(rows: list[_Item], total: int, undated: list[str]) -> str:
    """What the marks mean, which event each symbol on a visit's row is, what is left out."""
    caption = "Figure 2. Timeline. Blue: events; hatched orange: milestones due. "
    if any(r.start == r.end for r in rows):
        caption += "Diamonds are items reported to the day; bars "
    else:
        caption += "Bars "
    caption += (
        "are reported windows (a milestone due “early 2026” spans January–April 2026), "
        "not guessed days. The dashed line is the edition date."
    )
    for r in rows:
        if r.within:
            marks = "; ".join(
                f"{glyph} {i.label}, {i.text}"
                for (_, glyph), i in zip(WITHIN_SYMBOLS, r.within, strict=False)
            )
            caption += f" On the row of {r.label}: {marks}."
    if total > len(rows):
        caption += f" Shown: the {len(rows)} of {total} dated items nearest the edition date."
    if undated:
        caption += f" Not shown, no date reported: {_listing(undated)}."
    return caption


def timeline_chart(edition: Edition) -> Chart:
    """Events as points or windows (the events during a visit marked on the visit's row),
    milestones as due windows, and a line at the edition date."""
    rows, total, undated = _timeline_rows(edition)
    fig = go.Figure()
    _draw_items(fig, rows)
    _draw_within(fig, rows)
    as_of = edition.params.as_of.isoformat()
    _edition_line(fig, as_of, rows)
    order = list(dict.fromkeys(_row_label(r) for r in rows))
    _layout(fig, 110 + _row_height(order) * len(order), barmode="overlay")
    fig.update_yaxes(categoryorder="array", categoryarray=order, autorange="reversed", ticks="")
    fig.update_xaxes(type="date", tickformat="%b %Y", showgrid=True)
    events = sum(1 + len(r.within) for r in rows if r.kind == "event")
    alt = (
        f"Timeline of {events} dated events and {sum(r.kind == 'due' for r in rows)} "
        f"milestone due windows, with a dashed line at the edition date {as_of}."
    )
    return Chart(fig, "fig-timeline", _timeline_caption(rows, total, undated), alt)


# ---- Figure 3: who is involved

LEVELS = {"": 0, "named": 1, "party": 2, "leads": 3}
# Same in every initiative shown: said once in the caption instead of drawn as a column.
EVERY = {
    "party": ("is a party", "are parties"),
    "leads": ("leads", "lead"),
    "named": ("is named in reports about", "are named in reports about"),
}
MEANINGS = {
    "leads": "“leads”: named as leading it",
    "party": "“party”: a country taking part",
    "named": "“named”: named in a source's report about it, other than as its speaker",
}


def _involvement(edition: Edition, inis) -> tuple[dict, dict[str, int]]:
    """(initiative, "c:<code>" or "a:<actor>") -> leads, party or named; and per column key,
    how many initiatives it is involved in. An actor is named only by a claim that names it
    other than as the claim's speaker: a spokesperson who briefed on an initiative is the
    source of the report, not involved in the initiative."""
    cells: dict[tuple[str, str], str] = {}
    for ini in inis.itertuples():
        for code in split_cell(ini.parties):
            cells[(ini.initiative_id, f"c:{code}")] = "party"
        for actor in split_cell(ini.lead_bodies):
            cells[(ini.initiative_id, f"a:{actor}")] = "leads"
        for claim in edition.claims_about(ini.initiative_id).itertuples():
            for actor in split_cell(claim.actors):
                if actor != claim.said_by:
                    cells.setdefault((ini.initiative_id, f"a:{actor}"), "named")
    counts: dict[str, int] = {}
    for _, key in cells:
        counts[key] = counts.get(key, 0) + 1
    return cells, counts


def _constant_columns(cells: dict, counts: dict[str, int], rows: list[str]) -> dict[str, str]:
    """Column key -> its level, for columns with the same level in every row (none when
    there is a single row: then every column would be)."""
    if len(rows) < 2:
        return {}
    return {
        key: cells[(rows[0], key)]
        for key in counts
        if counts[key] == len(rows) and len({cells[(i, key)] for i in rows}) == 1
    }


def _column_label(edition: Edition, key: str) -> str:
    return edition.country_names[key[2:]] if key.startswith("c:") else edition.actor_names[key[2:]]


def _every_row_note(edition: Edition, constant: dict[str, str]) -> str:
    """ "India and Japan are parties to every initiative shown." and the like."""
    notes = []
    for level, (one, many) in EVERY.items():
        keys = sorted(
            (k for k, v in constant.items() if v == level), key=lambda k: (k[0] != "c", k)
        )
        if keys:
            verb = one if len(keys) == 1 else many
            to = " to" if level == "party" else ""
            labels = [_column_label(edition, k) for k in keys]
            notes.append(f"{_names(labels)} {verb}{to} every initiative shown.")
    return " ".join(notes)


def _matrix(z, x, y, text) -> go.Figure:
    """A heatmap with one flat band of colour per level (0 none .. 3 leads), each level
    darker than the one below it (luminance 1.00, 0.82, 0.41, 0.15)."""
    # z in 0..3 maps to 0, 1/3, 2/3, 1: one flat band of colour per level.
    scale = [
        [0.0, "#ffffff"], [1 / 6, "#ffffff"],
        [1 / 6, "#d9ecf7"], [0.5, "#d9ecf7"],
        [0.5, OKABE_ITO["sky"]], [5 / 6, OKABE_ITO["sky"]],
        [5 / 6, OKABE_ITO["blue"]], [1.0, OKABE_ITO["blue"]],
    ]  # fmt: skip
    return go.Figure(
        go.Heatmap(
            z=z,
            x=x,
            y=y,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 10},
            colorscale=scale,
            zmin=0,
            zmax=3,
            showscale=False,
            xgap=2,
            ygap=2,
            hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
        )
    )


def _top_initiatives(edition: Edition) -> pd.DataFrame:
    """The bilateral initiatives, or the MATRIX_ROWS most reported of them."""
    inis = edition.bilateral
    if len(inis) > MATRIX_ROWS:
        inis = inis.sort_values(["n_claims", "initiative_id"], ascending=[False, True])
        inis = inis.head(MATRIX_ROWS)
    return inis


def _left_out_note(edition: Edition, left_out: pd.DataFrame, cells: dict, constant: dict) -> str:
    """The initiatives not drawn because no cell of theirs would be: those with no one
    involved beyond the columns said once in the caption, and those whose cells are all in
    columns trimmed away."""
    none, hidden = [], []
    for ini in left_out.itertuples():
        mine = [key for i, key in cells if i == ini.initiative_id and key not in constant]
        (hidden if mine else none).append(ini.name)
    note = ""
    if none:
        beyond = [
            _column_label(edition, k) for k in sorted(constant, key=lambda k: (k[0] != "c", k))
        ]
        who = f"No actor beyond {_names(beyond)}" if beyond else "No country or actor"
        note += f" {who} is reported for: {_listing(none)}."
    if hidden:
        note += f" Not drawn, involving only countries and actors not shown: {_listing(hidden)}."
    return note


def _trimmed_note(initiatives: tuple[int, int], columns: tuple[int, int]) -> str:
    """What was trimmed to the most reported or most involved: (shown, of) each."""
    parts = []
    if initiatives[0] < initiatives[1]:
        parts.append(f"the {initiatives[0]} most reported of {initiatives[1]} initiatives")
    if columns[0] < columns[1]:
        parts.append(f"the {columns[0]} most involved of {columns[1]} countries and actors")
    return f" Shown: {' and '.join(parts)}." if parts else ""


def _involvement_texts(
    shown: tuple[int, int], drawn: set, every: str, notes: str
) -> tuple[str, str]:
    """Caption and alt text: what each drawn level means, what every row shares, and
    what was left out (`notes`). `shown`: the initiatives and columns drawn."""
    caption = "Figure 3. Who is involved."
    meanings = [text for level, text in MEANINGS.items() if level in drawn]
    caption += f" {'; '.join(meanings)}." if meanings else ""
    caption += f" {every}" if every else ""
    caption += notes
    alt = (
        f"Matrix of {shown[0]} initiatives against {shown[1]} countries and actors, marking "
        "which lead, which are parties, and which are named in reports about each."
    )
    alt += f" Not drawn, the same in every row: {every}" if every else ""
    return caption, alt


def _column_ticks(labels: list[str]) -> tuple[list[str], int, int]:
    """Tick texts, their angle and about the px they take above the matrix: a few columns
    are labelled level, wrapped to their width; more, slanted."""
    if not labels:
        return [], 0, 0
    if len(labels) <= LEVEL_COLUMNS:
        texts = [_wrap(label, 10) for label in labels]
        return texts, 0, 14 * max(t.count("<br>") + 1 for t in texts)
    return labels, -45, 5 * max(map(len, labels))


def _matrix_layout(fig: go.Figure, columns: list[str], rows: list[str]) -> None:
    """Column labels above the matrix, rows as tall as their labels need; no axes when
    there is nothing to draw (the caption then says why)."""
    ticks, angle, header = _column_ticks(columns)
    _layout(fig, 40 + header + _row_height(rows) * len(rows))
    fig.update_xaxes(side="top", tickangle=angle, tickvals=columns, ticktext=ticks)
    fig.update_xaxes(
        tickfont_size=11, ticks="", showline=False, visible=bool(rows), automargin=True
    )
    fig.update_yaxes(autorange="reversed", ticks="", showline=False, visible=bool(rows))


def involvement_chart(edition: Edition) -> Chart:
    """Countries and actors against initiatives: who leads, who is a party, who is named.
    A column that is the same in every row is said once in the caption, not drawn; so is
    an initiative with no cell left to draw."""
    inis = _top_initiatives(edition)
    cells, counts = _involvement(edition, inis)
    constant = _constant_columns(cells, counts, list(inis.initiative_id))
    varying = [k for k in counts if k not in constant]
    keep = sorted(varying, key=lambda k: (k[0] != "c", -counts[k], k))[:MATRIX_COLUMNS]
    keys = sorted(keep, key=lambda k: (k[0] != "c", k))
    drawn = [any((i, k) in cells for k in keys) for i in inis.initiative_id]
    rows = inis[pd.Series(drawn, index=inis.index, dtype=bool)]  # ([] would pick columns)
    text = [[cells.get((i, k), "") for k in keys] for i in rows.initiative_id]
    labels = [_column_label(edition, k) for k in keys]
    names = [_wrap(n, 30) for n in rows.name]
    fig = _matrix([[LEVELS[t] for t in row] for row in text], labels, names, text)
    _matrix_layout(fig, labels, names)
    notes = _trimmed_note((len(inis), len(edition.bilateral)), (len(keys), len(varying)))
    notes += _left_out_note(
        edition, inis[~inis.initiative_id.isin(rows.initiative_id)], cells, constant
    )
    caption, alt = _involvement_texts(
        (len(rows), len(keys)),
        {t for row in text for t in row},
        _every_row_note(edition, constant),
        notes,
    )
    return Chart(fig, "fig-involvement", caption, alt)
