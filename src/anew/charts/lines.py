"""A line over time: each point at its date, so a gap of days shows as a gap."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from itertools import pairwise

from anew.charts.figure import Figure, figure, framed, pct, text
from anew.charts.ticks import long_date, short_date

TOP, PLOT_PX, LINE_PX = 10, 150, 15


def _x(day: date, first: date, span: int) -> float:
    return 50.0 if not span else 2 + 96 * (day - first).days / span


def _date_ticks(first: date, last: date, span: int) -> str:
    base, parts = TOP + PLOT_PX, []
    count = min(span, 3)
    for index in range(count + 1):
        day = date.fromordinal(first.toordinal() + round(span * index / max(count, 1)))
        anchor = "start" if index == 0 and span else "end" if index == count and span else "middle"
        x = 0.0 if anchor == "start" else 100.0 if anchor == "end" else _x(day, first, span)
        parts.append(text(pct(x), base + LINE_PX + 2, short_date(day), anchor=anchor))
    return "".join(parts)


def line_chart(points: Sequence[tuple[date, int]], levels: Sequence[int], words: Figure) -> str:
    """Points (a day and a level) joined in order, on a y axis labelled at `levels`."""
    low, high = levels[0], levels[-1]
    first, last = points[0][0], points[-1][0]
    span = (last - first).days

    def y(level: int) -> float:
        return TOP + PLOT_PX * (high - level) / (high - low)

    grid = "".join(
        f'<line x1="0" x2="100%" y1="{y(level):.1f}" y2="{y(level):.1f}" class="chart-grid" '
        'stroke="currentColor" stroke-opacity="0.25"/>'
        for level in levels
    )
    places = [(pct(_x(day, first, span)), y(level), day, level) for day, level in points]
    segments = "".join(
        f'<line x1="{a[0]}" y1="{a[1]:.1f}" x2="{b[0]}" y2="{b[1]:.1f}" class="chart-line" '
        'stroke="#8a3f6b" stroke-width="2.5"/>'
        for a, b in pairwise(places)
    )
    dots = "".join(
        f'<circle cx="{x}" cy="{cy:.1f}" r="4.5" class="chart-dot" fill="#8a3f6b">'
        f"<title>{escape(long_date(day))}: {level}</title></circle>"
        for x, cy, day, level in places
    )
    height = TOP + PLOT_PX + LINE_PX + 10
    labels = [(y(level), str(level)) for level in levels]
    body = grid + segments + dots + _date_ticks(first, last, span)
    return figure(framed(words.title, labels, height, body), words)
