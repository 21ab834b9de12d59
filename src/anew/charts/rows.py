"""Bars across the width for named things (habits, outcomes, reply times): each name on its own
line above its bars, wrapped rather than cut, so a long name is read whole."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from html import escape

from anew.charts.figure import Figure, figure, pct, plot_svg, series_class, series_fill, text
from anew.charts.ticks import all_whole, nice_ticks, number

LINE_PX, BAR_PX, GAP_PX, WRAP_CHARS, MOST_LINES = 16, 12, 3, 36, 3


def label_lines(label: str) -> list[str]:
    """A name in lines that fit a phone; past MOST_LINES it ends in "…" (the table keeps it
    whole)."""
    lines = textwrap.wrap(label, WRAP_CHARS, break_long_words=True) or [""]
    if len(lines) > MOST_LINES:
        lines = [
            *lines[: MOST_LINES - 1],
            textwrap.shorten(" ".join(lines[MOST_LINES - 1 :]), WRAP_CHARS, placeholder=" …"),
        ]
    return lines


def _band(
    y: float, name: str, values: Sequence[tuple[str, float]], top: float, suffix: str
) -> tuple[str, float]:
    parts = []
    lines = label_lines(name)
    for line in lines:
        y += LINE_PX
        parts.append(text("0", y - 3, line, anchor="start"))
    y += 3
    for number_, (who, value) in enumerate(values):
        width = 100 * value / top if top else 0
        parts.append(
            f'<rect x="0" y="{y:g}" width="{pct(width)}" height="{BAR_PX}" '
            f'class="{series_class(number_)}" fill="{series_fill(number_)}">'
            f"<title>{escape(name)}, {escape(who)}: {number(value)}{suffix}</title></rect>"
        )
        y += BAR_PX + GAP_PX
    return "".join(parts), y + 8


def _x_axis(ticks: list[float], y: float, suffix: str) -> str:
    top, parts = ticks[-1], []
    for index, tick in enumerate(ticks):
        x = 100 * tick / top
        parts.append(
            f'<line x1="{pct(x)}" x2="{pct(x)}" y1="0" y2="{y:g}" class="chart-grid" '
            'stroke="currentColor" stroke-opacity="0.25"/>'
        )
        anchor = "start" if index == 0 else "end" if index == len(ticks) - 1 else "middle"
        parts.append(text(pct(x), y + LINE_PX, f"{number(tick)}{suffix}", anchor=anchor))
    return "".join(parts)


def row_chart(
    series: Mapping[str, Sequence[float]],
    names: Sequence[str],
    words: Figure,
    *,
    suffix: str = "",
    top: float | None = None,
) -> str:
    """A band per name: the name, then one bar per series; a legend when there are several."""
    every = [v for values in series.values() for v in values]
    ticks = nice_ticks(top if top is not None else max(every, default=0), whole=all_whole(every))
    y, bands = 0.0, []
    for index, name in enumerate(names):
        values = [(who, counts[index]) for who, counts in series.items()]
        band, y = _band(y, name, values, ticks[-1], suffix)
        bands.append(band)
    body = _x_axis(ticks, y, suffix) + "".join(bands)  # the grid under the names and bars
    legend = [(series_class(n), who) for n, who in enumerate(series)] if len(series) > 1 else []
    return figure(
        plot_svg(words.title, y + LINE_PX + 6, body),
        Figure(words.title, words.table, words.y_title, words.x_title, legend),
    )
