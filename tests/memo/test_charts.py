"""The memo's charts read right: in greyscale, counted once, nothing said twice, no overlap."""

from __future__ import annotations

from itertools import combinations, pairwise

import plotly.graph_objects as go
import pytest

from ijmemo.memo import charts
from ijmemo.memo.charts import (
    MIN_LUMINANCE_STEP,
    STATUS_COLOURS,
    STATUS_PATTERNS,
    Chart,
    greyscale_problems,
    relative_luminance,
)
from ijmemo.memo.edition import Edition
from ijmemo.metadata.cells import split_cell

from conftest import params_for

CHARTS = ("sector_status_chart", "timeline_chart", "involvement_chart")


@pytest.fixture
def edition(processed_tables) -> Edition:
    return Edition(processed_tables, params_for(processed_tables, "default"))


def _bars(*colours, patterns=()) -> Chart:
    fig = go.Figure()
    for n, colour in enumerate(colours):
        shape = patterns[n] if n < len(patterns) else ""
        fig.add_bar(x=[1], y=["a"], name=f"s{n}", marker={"color": colour, "pattern_shape": shape})
    return Chart(fig, "fig-test", "caption", "alt")


# ---- greyscale


def test_relative_luminance_is_wcag():
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#000") == pytest.approx(0.0)
    assert relative_luminance("#E69F00") == pytest.approx(0.416, abs=0.001)
    assert relative_luminance("rgb(86, 180, 233)") == pytest.approx(0.405, abs=0.001)


def test_every_two_statuses_print_as_different_greys_or_patterns():
    for (a, ca), (b, cb) in combinations(STATUS_COLOURS.items(), 2):
        if STATUS_PATTERNS.get(a, "") == STATUS_PATTERNS.get(b, ""):
            gap = abs(relative_luminance(ca) - relative_luminance(cb))
            assert gap >= MIN_LUMINANCE_STEP, (a, b, gap)


def test_lifecycle_statuses_darken_as_an_initiative_moves_along():
    lifecycle = [s for s in STATUS_COLOURS if s not in STATUS_PATTERNS and s != "unreported"]
    assert lifecycle[0] == "proposed" and lifecycle[-1] == "completed"
    ramp = [relative_luminance(STATUS_COLOURS[s]) for s in ["unreported", *lifecycle]]
    assert ramp == sorted(ramp, reverse=True)  # no status reported lightest, completed darkest


@pytest.mark.parametrize("name", CHARTS)
def test_default_charts_have_no_greyscale_problems(edition, name):
    assert greyscale_problems(getattr(charts, name)(edition)) == []


def test_greyscale_check_flags_same_grey_unpatterned_bars():
    orange, sky = "#E69F00", "#56B4E9"  # luminance 0.42 and 0.41: one grey in print
    problems = greyscale_problems(_bars(orange, sky))
    assert len(problems) == 1 and orange in problems[0] and sky in problems[0]
    assert greyscale_problems(_bars(orange, sky, patterns=("", "/"))) == []  # hatched: apart
    assert greyscale_problems(_bars(orange, "#0072B2")) == []  # 0.42 and 0.15: apart


def test_greyscale_check_flags_same_grey_markers_and_lightening_heat_levels():
    fig = go.Figure()
    for colour in ("#E69F00", "#56B4E9"):
        fig.add_scatter(x=[1], y=[1], mode="markers", marker={"color": colour})
    assert len(greyscale_problems(Chart(fig, "fig-test", "", ""))) == 1
    fig.data[1].marker.symbol = "diamond"
    assert greyscale_problems(Chart(fig, "fig-test", "", "")) == []
    heat = go.Figure(go.Heatmap(z=[[0, 1]], colorscale=[[0, "#0072B2"], [1, "#ffffff"]]))
    assert len(greyscale_problems(Chart(heat, "fig-test", "", ""))) == 1  # more is lighter


def test_involvement_levels_darken_with_involvement(edition):
    heatmap = charts.involvement_chart(edition).figure.data[0]
    levels = list(dict.fromkeys(colour for _, colour in heatmap.colorscale))
    assert len(levels) == len(charts.LEVELS)  # none, named, party, leads
    luminance = [relative_luminance(c) for c in levels]
    assert all(a - b >= MIN_LUMINANCE_STEP for a, b in pairwise(luminance))


# ---- Figure 1: each initiative once


def test_figure_1_counts_each_initiative_once_in_its_primary_sector(edition):
    chart = charts.sector_status_chart(edition)
    assert sum(x for trace in chart.figure.data for x in trace.x) == len(edition.bilateral)
    primary = [edition.primary_sector(split_cell(s)) for s in edition.bilateral.sectors]
    expected = {edition.sector_labels[s]: primary.count(s) for s in set(primary)}
    drawn: dict[str, int] = {}
    for trace in chart.figure.data:
        for label, x in zip(trace.y, trace.x, strict=True):
            drawn[label] = drawn.get(label, 0) + x
    assert drawn == expected
    shared = sum(len(split_cell(s)) > 1 for s in edition.bilateral.sectors)
    assert shared > 0  # the default edition has initiatives in several sectors
    assert "each initiative counted once, in its primary sector" in chart.caption
    assert f"{shared} also concern other sectors" in chart.caption
    assert f"{len(edition.bilateral)} initiatives, each counted once" in chart.alt


def test_figure_1_keeps_stalled_and_cancelled_apart_in_greyscale(edition):
    statuses = ["proposed", "agreed", "scheduled", "convened", "being-implemented"]
    statuses += ["completed", "stalled", "cancelled", None]
    n = len(edition.bilateral)
    edition.bilateral = edition.bilateral.assign(status=(statuses * n)[:n])
    chart = charts.sector_status_chart(edition)
    assert greyscale_problems(chart) == []
    assert sum(x for trace in chart.figure.data for x in trace.x) == n


# ---- Figure 2: the edition label clear of the legend; a trip on one row


def test_figure_2_edition_label_and_legend_are_on_different_sides_of_the_plot_edge(edition):
    layout = charts.timeline_chart(edition).figure.layout
    (label,) = [a for a in layout.annotations if a.text.startswith("Edition ")]
    legend_above = layout.legend.y >= 1 and layout.legend.yanchor == "bottom"
    label_inside = label.yref == "paper" and label.y <= 1 and label.yanchor == "top"
    assert legend_above and label_inside
    assert label.bgcolor  # legible over whatever it crosses


def _visit(edition):
    events = edition.events.set_index("event_id")
    return events.loc["motegi-visit"], events.loc[["motegi-meets-modi", "strategic-dialogue-18"]]


def test_figure_2_draws_the_events_during_a_visit_on_the_visit_row(edition):
    chart = charts.timeline_chart(edition)
    rows = [y.replace("<br>", " ") for y in chart.figure.layout.yaxis.categoryarray]
    assert len(rows) <= 4  # the trip is one row, not three
    visit, during = _visit(edition)
    (row,) = [r for r in rows if r.startswith(visit.title)]
    assert row.endswith("and the 2 meetings during it (○ △)")
    assert not any(r.startswith(title) for title in during.title for r in rows)
    marks = [
        t for t in chart.figure.data if t.type == "scatter" and t.y[0].replace("<br>", " ") == row
    ]
    assert len({t.marker.symbol for t in marks}) == len(marks) == 2  # told apart in print
    hovers = " ".join(text for t in marks for text in t.customdata)
    assert all(title in hovers for title in during.title)
    for (_, glyph), title in zip(charts.WITHIN_SYMBOLS, during.title, strict=False):
        assert f"{glyph} {title}" in chart.caption  # the caption says which symbol is which
    assert f"On the row of {visit.title}: ○ " in chart.caption


def test_figure_2_gives_an_event_less_firm_than_its_visit_its_own_row(edition):
    visit, during = _visit(edition)
    claims = edition.claims.copy()
    claims.loc[claims.subject_id == "strategic-dialogue-18", "modality"] = "planned"
    edition.claims = claims
    rows = charts.timeline_chart(edition).figure.layout.yaxis.categoryarray
    rows = [y.replace("<br>", " ") for y in rows]
    assert f"{during.title.iloc[1]} (planned)" in rows  # a plan is not drawn as held
    assert any(r.startswith(visit.title) and r.endswith("the meeting during it (○)") for r in rows)


# ---- Figure 3: nothing constant, no empty row, no speaker as "named"


def test_figure_3_has_no_column_the_same_in_every_row(edition):
    chart = charts.involvement_chart(edition)
    z = chart.figure.data[0].z
    assert len(z) > 1
    for column in zip(*z, strict=True):
        assert len(set(column)) > 1, column
    assert "India" not in chart.figure.data[0].x and "Japan" not in chart.figure.data[0].x
    assert chart.caption.count("India and Japan are parties to every initiative shown") == 1


def test_figure_3_names_no_actor_only_for_speaking(edition):
    chart = charts.involvement_chart(edition)
    heatmap = chart.figure.data[0]
    actor_ids = {name: actor for actor, name in edition.actor_names.items()}
    ids = dict(zip(edition.bilateral.name, edition.bilateral.initiative_id, strict=True))
    by_row = {row: ids[row.replace("<br>", " ")] for row in heatmap.y}
    named = 0
    for row, cells in zip(heatmap.y, heatmap.text, strict=True):
        claims = edition.claims_about(by_row[row])
        for column, cell in zip(heatmap.x, cells, strict=True):
            if cell != "named":
                continue
            named += 1
            actor = actor_ids[column]
            assert any(
                actor in split_cell(c.actors) and actor != c.said_by for c in claims.itertuples()
            ), (row, column)
    assert named > 0
    assert "Toshihiro Kitamura" not in heatmap.x  # the spokesperson only briefed


def test_figure_3_has_no_empty_row_and_names_the_initiatives_left_out(edition):
    chart = charts.involvement_chart(edition)
    heatmap = chart.figure.data[0]
    assert all(any(row) for row in heatmap.z)
    drawn = {y.replace("<br>", " ") for y in heatmap.y}
    left_out = [n for n in edition.bilateral.name if n not in drawn]
    assert left_out  # the default edition has initiatives with no one beyond India and Japan
    listed = "No actor beyond India and Japan is reported for: " + "; ".join(left_out) + "."
    assert listed in chart.caption
    assert "most reported" not in chart.caption and "most involved" not in chart.caption


def test_figure_3_caption_says_only_what_was_trimmed(edition, monkeypatch):
    columns = len(charts.involvement_chart(edition).figure.data[0].x)
    assert columns > 3
    monkeypatch.setattr(charts, "MATRIX_COLUMNS", 3)
    caption = charts.involvement_chart(edition).caption
    assert f"Shown: the 3 most involved of {columns} countries and actors." in caption
    assert "most reported" not in caption  # every initiative is considered: none trimmed
    drawn = {y.replace("<br>", " ") for y in charts.involvement_chart(edition).figure.data[0].y}
    hidden = caption.split("Not drawn, involving only countries and actors not shown: ")[1]
    assert all(name in caption for name in edition.bilateral.name if name not in drawn)
    assert hidden and not any(name in hidden for name in drawn)
    monkeypatch.setattr(charts, "MATRIX_ROWS", 2)
    caption = charts.involvement_chart(edition).caption
    assert f"Shown: the 2 most reported of {len(edition.bilateral)} initiatives" in caption


# ---- byte-stable


@pytest.mark.parametrize("name", CHARTS)
def test_charts_are_the_same_bytes_each_time(edition, name):
    assert getattr(charts, name)(edition).html() == getattr(charts, name)(edition).html()


# ---- compact: the analysis must fit in about five A4 pages


@pytest.mark.parametrize("name", CHARTS)
def test_default_charts_take_under_a_third_of_a_page(edition, name):
    # the A4 text block is 174 x 259 mm; a chart WIDTH px wide is 174 mm
    page = charts.WIDTH * 259 / 174
    assert getattr(charts, name)(edition).figure.layout.height < page / 3


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_draws_an_edition_dated_before_any_evidence(processed_tables, name):
    # `make report AS_OF=2025-12-01`: nothing was known yet; the chart says so, no error
    early = Edition(processed_tables, params_for(processed_tables, "default", as_of="2025-12-01"))
    assert len(early.claims) == 0
    chart = getattr(charts, name)(early)
    assert chart.caption and chart.alt
    assert not any(len(trace.x or ()) for trace in chart.figure.data if trace.type != "heatmap")
