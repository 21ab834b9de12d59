"""What every chart carries around its drawing: a title, axis titles, a legend and its numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from anew.charts.ticks import CHAR_PX, FONT_PX, number

# Fallback fills for a page without Anew's stylesheet (the standalone report); the page's own
# classes (chart-s0 …) win wherever anew.css is loaded, in light and dark alike.
PALETTE = ("#8a3f6b", "#2f6b8a", "#b0651a", "#4f7a3a", "#6b5a9e", "#9e5a5a")


def series_class(number: int) -> str:
    """The CSS class that colours the `number`th series."""
    return f"chart-s{number % len(PALETTE)}"


def series_fill(number: int) -> str:
    return PALETTE[number % len(PALETTE)]


@dataclass(frozen=True)
class Table:
    """A chart's numbers: one row per label, one column per heading."""

    corner: str
    headings: Sequence[str]
    rows: Sequence[tuple[str, Sequence[str]]]


@dataclass(frozen=True)
class Figure:
    """The words around a drawing; `legend` pairs a CSS class with what its colour means."""

    title: str
    table: Table
    y_title: str = ""
    x_title: str = ""
    legend: Sequence[tuple[str, str]] = field(default_factory=tuple)


def series_table(
    corner: str, series: Mapping[str, Sequence[float]], names: Sequence[str], suffix: str = ""
) -> Table:
    """A table with a row per name and a column per series."""
    rows = [
        (name, [number(values[index]) + suffix for values in series.values()])
        for index, name in enumerate(names)
    ]
    return Table(corner, list(series), rows)


def numbers_table(title: str, table: Table) -> str:
    """The chart's numbers as a table folded under it, for screen readers and exact values."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in (table.corner, *table.headings))
    body = "".join(
        f'<tr><th scope="row">{escape(label)}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
        + "</tr>"
        for label, cells in table.rows
    )
    return (
        '<details class="chart-numbers"><summary>The numbers</summary><div class="table-wrap">'
        f"<table><caption>{escape(title)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div></details>"
    )


def legend(entries: Sequence[tuple[str, str]]) -> str:
    """Colour swatches with their meaning, as HTML so long names wrap instead of being cut."""
    items = "".join(
        f'<li><span class="chart-swatch {css}" aria-hidden="true"></span>{escape(name)}</li>'
        for css, name in entries
    )
    return f'<ul class="chart-legend">{items}</ul>' if items else ""


def figure(drawing: str, words: Figure) -> str:
    """The whole chart: title, y axis title, the drawing, x axis title, legend, numbers."""
    y_title = f'<p class="chart-axis-title">{escape(words.y_title)}</p>' if words.y_title else ""
    x_title = (
        f'<p class="chart-axis-title chart-x-title">{escape(words.x_title)}</p>'
        if words.x_title
        else ""
    )
    return (
        f'<figure class="chart-figure"><figcaption class="chart-title">{escape(words.title)}'
        f"</figcaption>{y_title}{drawing}{x_title}{legend(words.legend)}"
        f"{numbers_table(words.title, words.table)}</figure>"
    )


def text(x: str, y: float, words: str, *, anchor: str = "middle", css: str = "") -> str:
    """One SVG text at the chart font size, inked with the page's text colour."""
    extra = f' class="{css}"' if css else ""
    return (
        f'<text x="{x}" y="{y:g}" text-anchor="{anchor}" font-size="{FONT_PX}" '
        f'fill="currentColor"{extra}>{escape(words)}</text>'
    )


def plot_svg(title: str, height: float, body: str) -> str:
    """The drawing: as wide as its box, a fixed height in pixels, horizontal places in percent,
    so nothing in it is scaled and its text stays FONT_PX on every screen."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-plot" width="100%" '
        f'height="{height:g}" role="img" aria-label="{escape(title)}" overflow="visible">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def y_axis_svg(labels: Sequence[tuple[float, str]], height: float) -> str:
    """The y axis's tick labels in their own narrow drawing beside the plot, so the plot can
    take the rest of the width in percent."""
    width = max((len(label) for _, label in labels), default=1) * CHAR_PX + 12
    parts = "".join(text(f"{width - 5:g}", y + 4, label, anchor="end") for y, label in labels)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-yaxis" width="{width:g}" '
        f'height="{height:g}" aria-hidden="true">{parts}</svg>'
    )


def framed(title: str, y_labels: Sequence[tuple[float, str]], height: float, body: str) -> str:
    """A y axis and its plot side by side."""
    return (
        f'<div class="chart-frame">{y_axis_svg(y_labels, height)}'
        f"{plot_svg(title, height, body)}</div>"
    )


def pct(value: float) -> str:
    """A horizontal place in percent of the plot's width."""
    return f"{value:.2f}%"
