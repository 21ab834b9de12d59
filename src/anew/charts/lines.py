"""A line over time: each point at its date, so a gap of days shows as a gap."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from itertools import pairwise

from anew.charts.figure import Figure, figure, framed, pct, series_class, series_fill, text
from anew.charts.ticks import long_date, short_date

TOP, PLOT_PX, LINE_PX = 10, 150, 15
MARK_PX = 12  # one row under the plot per kind of mark


def _x(day: date, first: date, span: int) -> float:
    return 50.0 if not span else 2 + 96 * (day - first).days / span


def _date_ticks(first: date, last: date, span: int, under: int = 0) -> str:
    base, parts = TOP + PLOT_PX + under, []
    count = min(span, 3)
    for index in range(count + 1):
        day = date.fromordinal(first.toordinal() + round(span * index / max(count, 1)))
        anchor = "start" if index == 0 and span else "end" if index == count and span else "middle"
        x = 0.0 if anchor == "start" else 100.0 if anchor == "end" else _x(day, first, span)
        parts.append(text(pct(x), base + LINE_PX + 2, short_date(day), anchor=anchor))
    return "".join(parts)


def _marks(marks: Sequence[tuple[date, int, str]], first: date, span: int) -> str:
    """Small squares under the plot, a row per kind (the second item), each naming its day."""
    base = TOP + PLOT_PX + 6
    return "".join(
        f'<rect x="{pct(_x(day, first, span))}" y="{base + kind * MARK_PX}" width="8" '
        f'height="{MARK_PX - 3}" transform="translate(-4 0)" '
        f'class="chart-mark {series_class(kind + 1)}" fill="{series_fill(kind + 1)}">'
        f"<title>{escape(long_date(day))}: {escape(label)}</title></rect>"
        for day, kind, label in marks
    )


def line_chart(
    points: Sequence[tuple[date, int]],
    levels: Sequence[int],
    words: Figure,
    marks: Sequence[tuple[date, int, str]] = (),
) -> str:
    """Points (a day and a level) joined in order, on a y axis labelled at `levels`; `marks`
    (a day, a kind from 0 and words) show as rows of small squares under the line."""
    low, high = levels[0], levels[-1]
    first = min([points[0][0], *(day for day, _, _ in marks)])
    last = max([points[-1][0], *(day for day, _, _ in marks)])
    span = (last - first).days
    rows = max((kind + 1 for _, kind, _ in marks), default=0)
    under = rows * MARK_PX + (6 if rows else 0)

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
    height = TOP + PLOT_PX + under + LINE_PX + 10
    labels = [(y(level), str(level)) for level in levels]
    body = (
        grid + segments + dots + _marks(marks, first, span) + _date_ticks(first, last, span, under)
    )
    return figure(framed(words.title, labels, height, body), words)
