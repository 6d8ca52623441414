"""Memo charts: plotly figures sized for A4, colour-blind-safe, each with caption and alt text.

A `Chart` displays as a bundle: the plotly JSON (interactive in JupyterLab) and
an HTML `div` with a fixed id (what nbconvert puts in the memo, drawn by the
plotly.js embedded once in the page). Fixed ids and sizes keep outputs
byte-stable between runs and complete on a printed page.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup

from ijmemo.memo.edition import Edition
from ijmemo.memo.wording import NO_STATUS, value
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
STATUS_COLOURS = {
    "proposed": OKABE_ITO["purple"],
    "agreed": OKABE_ITO["sky"],
    "scheduled": OKABE_ITO["blue"],
    "convened": OKABE_ITO["green"],
    "being-implemented": OKABE_ITO["orange"],
    "completed": OKABE_ITO["black"],
    "stalled": OKABE_ITO["vermillion"],
    "cancelled": OKABE_ITO["grey"],
}
PLOTLY_CONFIG = {"displaylogo": False, "responsive": False}
TIMELINE_ROWS = 30  # charts stay legible at any corpus size
MATRIX_ROWS = 12
MATRIX_COLUMNS = 14


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


def _wrap(text: str, width: int = 34) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def sector_status_chart(edition: Edition) -> Chart:
    """Initiatives by sector (each sector an initiative concerns) and lifecycle status."""
    inis = edition.bilateral
    pairs = inis.assign(
        sector=inis.sectors.map(split_cell), status=inis.status.fillna("unreported")
    ).explode("sector")
    counts = pd.crosstab(pairs.sector, pairs.status)  # sector x status, vectorised
    sectors = [s for s in edition.sector_order() if s in counts.index]
    labels = [edition.sector_labels[s] for s in sectors]
    fig = go.Figure()
    labels_by_status = {**STATUS_LABELS, "unreported": NO_STATUS}
    for status, colour in {**STATUS_COLOURS, "unreported": "#dddddd"}.items():
        if status not in counts.columns:
            continue
        fig.add_bar(
            y=labels,
            x=[int(counts.at[s, status]) for s in sectors],
            name=labels_by_status[status],
            orientation="h",
            marker={"color": colour, "line": {"color": "#fff", "width": 1}},
            hovertemplate="%{y}: %{x} " + labels_by_status[status].lower() + "<extra></extra>",
        )
    height = 120 + 34 * len(sectors)
    _layout(fig, height, barmode="stack")
    fig.update_yaxes(autorange="reversed", title=None, ticks="")
    fig.update_xaxes(title="initiatives", dtick=1 if len(inis) <= 20 else None)
    by_sector = {edition.sector_labels[s]: int(counts.loc[s].sum()) for s in sectors}
    top = max(by_sector, key=by_sector.get) if by_sector else "none"
    alt = (
        f"Horizontal stacked bar chart of {len(inis)} initiatives across {len(sectors)} sectors, "
        f"coloured by lifecycle status; the sector with most initiatives is {top} ({by_sector.get(top, 0)})."
    )
    caption = (
        f"Figure 1. Initiatives by sector and lifecycle status ({len(inis)} initiatives). "
        "An initiative concerning several sectors is counted in each."
    )
    return Chart(fig, "fig-sectors", caption, alt)


def _timeline_rows(edition: Edition) -> tuple[list[tuple], int, list[str]]:
    """(kind, label, start, end, text) per dated item, how many there were, undated titles."""
    rows = []
    for e in edition.events.itertuples():
        if value(e.date_start):
            firmness = edition.date_firmness(e)  # a planned meeting is not drawn as one held
            title = f"{e.title} ({firmness})" if firmness else e.title
            rows.append(("event", title, e.date_start, e.date_end, e.date_text))
    undated = [e.title for e in edition.events.itertuples() if not value(e.date_start)]
    watch = edition.watchlist()
    for w in watch.itertuples():
        if w.state in OPEN_STATES and w.due_start:
            rows.append(("due", f"Due: {w.milestone}", w.due_start, w.due_end, w.due_text))
        elif w.state == "met" and w.met_start:
            rows.append(("event", f"Held: {w.milestone}", w.met_start, w.met_end, w.met_text))
    total = len(rows)
    if total > TIMELINE_ROWS:  # keep what is nearest the edition date; the rest is in the export
        as_of_day = edition.params.as_of
        rows.sort(key=lambda r: abs((date.fromisoformat(r[2]) - as_of_day).days))
        rows = rows[:TIMELINE_ROWS]
    rows.sort(key=lambda r: (r[2], r[1]))
    return rows, total, undated


def _draw_items(fig: go.Figure, rows: list[tuple]) -> None:
    """Windows as bars, single days as diamonds; events blue, due windows hatched orange."""
    day = timedelta(days=1)
    for kind, colour, name in (
        ("event", OKABE_ITO["blue"], "Event"),
        ("due", OKABE_ITO["orange"], "Milestone due window"),
    ):
        windows = [r for r in rows if r[0] == kind and r[2] != r[3]]
        if windows:
            starts = [date.fromisoformat(r[2]) for r in windows]
            ends = [
                date.fromisoformat(r[3]) + day for r in windows
            ]  # windows include their last day
            fig.add_bar(
                y=[_wrap(r[1]) for r in windows],
                base=[s.isoformat() for s in starts],
                x=[(e - s).days * 86_400_000 for s, e in zip(starts, ends, strict=True)],
                orientation="h",
                name=f"{name} (window)",
                marker={"color": colour, "pattern": {"shape": "/" if kind == "due" else ""}},
                customdata=[r[4] for r in windows],
                hovertemplate="%{y}<br>%{customdata}<extra></extra>",
            )
        points = [r for r in rows if r[0] == kind and r[2] == r[3]]
        if points:
            fig.add_scatter(
                y=[_wrap(r[1]) for r in points],
                x=[r[2] for r in points],
                mode="markers",
                name=f"{name} (day)",
                marker={"color": colour, "size": 11, "symbol": "diamond"},
                customdata=[r[4] for r in points],
                hovertemplate="%{y}<br>%{x|%d %b %Y} (%{customdata})<extra></extra>",
            )


def _edition_line(fig: go.Figure, as_of: str) -> None:
    """A dashed, labelled line at the edition date."""
    fig.add_shape(
        type="line",
        x0=as_of,
        x1=as_of,
        y0=0,
        y1=1,
        yref="paper",
        line={"color": OKABE_ITO["vermillion"], "dash": "dash", "width": 2},
    )
    fig.add_annotation(
        x=as_of,
        y=1,
        yref="paper",
        text=f"Edition {as_of}",
        showarrow=False,
        xanchor="left",
        yanchor="bottom",
        font={"color": OKABE_ITO["vermillion"]},
    )


def timeline_chart(edition: Edition) -> Chart:
    """Events as points or windows, milestones as due windows, and a line at the edition date."""
    rows, total, undated = _timeline_rows(edition)
    fig = go.Figure()
    _draw_items(fig, rows)
    as_of = edition.params.as_of.isoformat()
    _edition_line(fig, as_of)
    order = list(dict.fromkeys(_wrap(r[1]) for r in rows))
    height = 150 + 44 * len(order)
    _layout(fig, height, barmode="overlay")
    fig.update_yaxes(categoryorder="array", categoryarray=order, autorange="reversed", ticks="")
    fig.update_xaxes(type="date", tickformat="%b %Y", showgrid=True)
    alt = (
        f"Timeline of {sum(r[0] == 'event' for r in rows)} dated events and {sum(r[0] == 'due' for r in rows)} "
        f"milestone due windows, with a dashed line at the edition date {as_of}."
    )
    caption = (
        "Figure 2. Timeline. Diamonds are events reported to the day; bars are reported windows "
    )
    caption += "(a milestone due “early 2026” spans January–April 2026), not guessed days. The dashed line is the edition date."
    if total > len(rows):
        caption += f" Shown: the {len(rows)} of {total} dated items nearest the edition date."
    if undated:
        shown = "; ".join(undated[:5]) + (
            f"; and {len(undated) - 5} more" if len(undated) > 5 else ""
        )
        caption += f" Not shown, no date reported: {shown}."
    return Chart(fig, "fig-timeline", caption, alt)


def _involvement(edition: Edition, inis) -> tuple[dict, dict[str, int]]:
    """(initiative, "c:<code>" or "a:<actor>") -> leads, party or named; and per column key,
    how many initiatives it is involved in."""
    cells: dict[tuple[str, str], str] = {}
    for ini in inis.itertuples():
        for code in split_cell(ini.parties):
            cells[(ini.initiative_id, f"c:{code}")] = "party"
        for actor in split_cell(ini.lead_bodies):
            cells[(ini.initiative_id, f"a:{actor}")] = "leads"
        for claim in edition.claims_about(ini.initiative_id).itertuples():
            for actor in split_cell(claim.actors):
                cells.setdefault((ini.initiative_id, f"a:{actor}"), "named")
    counts: dict[str, int] = {}
    for _, key in cells:
        counts[key] = counts.get(key, 0) + 1
    return cells, counts


def _matrix(z, x, y, text) -> go.Figure:
    """A heatmap with one flat band of colour per level (0 none .. 3 leads)."""
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


def involvement_chart(edition: Edition) -> Chart:
    """Countries and actors against initiatives: who leads, who is a party, who is named."""
    inis = edition.bilateral
    n_all = len(inis)
    if n_all > MATRIX_ROWS:  # the most reported initiatives
        inis = inis.sort_values(["n_claims", "initiative_id"], ascending=[False, True]).head(
            MATRIX_ROWS
        )
    cells, counts = _involvement(edition, inis)
    keep = sorted(counts, key=lambda k: (k[0] != "c", -counts[k], k))[:MATRIX_COLUMNS]
    columns: list[tuple[str, str]] = []  # (key, label)
    for key in sorted(keep, key=lambda k: (k[0] != "c", k)):
        label = (
            edition.country_names[key[2:]] if key.startswith("c:") else edition.actor_names[key[2:]]
        )
        columns.append((key, label))
    levels = {"": 0, "named": 1, "party": 2, "leads": 3}
    z = [[levels[cells.get((i, k), "")] for k, _ in columns] for i in inis.initiative_id]
    text = [[cells.get((i, k), "") for k, _ in columns] for i in inis.initiative_id]
    y = [_wrap(n, 30) for n in inis.name]
    fig = _matrix(z, [label for _, label in columns], y, text)
    height = 190 + 40 * len(inis)
    _layout(fig, height)
    fig.update_xaxes(side="top", tickangle=-50, ticks="", showline=False)
    fig.update_yaxes(autorange="reversed", ticks="", showline=False)
    alt = (
        f"Matrix of {len(inis)} initiatives against {len(columns)} countries and actors, marking which lead, "
        "which are parties, and which are named in reports about each."
    )
    caption = (
        "Figure 3. Who is involved. “leads”: named as leading it; “party”: a country taking part; "
        "“named”: named in a source's report about it."
    )
    if n_all > len(inis) or len(counts) > len(columns):
        caption += (
            f" Shown: the {len(inis)} most reported of {n_all} initiatives and the {len(columns)}"
            f" most involved of {len(counts)} countries and actors."
        )
    return Chart(fig, "fig-involvement", caption, alt)
