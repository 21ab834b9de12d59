"""A grid of counts (weekday by hour), shaded darker where there were more."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

from anew.charts.figure import Figure, figure, framed, pct, text
from anew.charts.ticks import number

TOP, ROW_PX, LINE_PX = 4, 20, 15
OPACITY = (0.06, 0.3, 0.5, 0.75, 1.0)  # the fallback shades, for a page without anew.css


def shade_bounds(top: int, levels: int = len(OPACITY) - 1) -> list[int]:
    """The highest count of each shade above "none": even steps up to `top`."""
    return [math.ceil(top * (level + 1) / levels) for level in range(levels)]


def shade_of(count: int, bounds: Sequence[int]) -> int:
    """0 for none, else the first shade whose bound holds `count`."""
    return 0 if count <= 0 else next(i + 1 for i, bound in enumerate(bounds) if count <= bound)


def shade_legend(bounds: Sequence[int]) -> list[tuple[str, str]]:
    """What each shade means, in counts: "none", "1–3", "4–6"…"""
    entries, low = [("chart-heat-0", "none")], 1
    for level, bound in enumerate(bounds, start=1):
        if bound >= low:
            words = str(bound) if bound == low else f"{low}–{bound}"
            entries.append((f"chart-heat-{level}", words))
        low = bound + 1
    return entries


def heat_grid(
    grid: Sequence[Sequence[int]],
    rows: Sequence[str],
    columns: Sequence[str],
    ticks: Mapping[int, str],
    words: Figure,
) -> str:
    """One row per `rows` name, one cell per `columns` name; `ticks` labels some columns."""
    bounds = shade_bounds(max((n for row in grid for n in row), default=0) or 1)
    slot, parts = 100 / max(len(columns), 1), []
    for r, row in enumerate(grid):
        y = TOP + r * ROW_PX
        for c, count in enumerate(row):
            level = shade_of(count, bounds)
            parts.append(
                f'<rect x="{pct(c * slot)}" y="{y}" width="{pct(slot * 0.86)}" '
                f'height="{ROW_PX - 3}" rx="2" class="chart-heat-{level}" fill="#8a3f6b" '
                f'fill-opacity="{OPACITY[level]}"><title>{escape(rows[r])}, '
                f"{escape(columns[c])}: {number(count)}</title></rect>"
            )
    base = TOP + len(grid) * ROW_PX
    for column, label in ticks.items():
        anchor = "start" if column == 0 else "middle"
        x = column * slot if column == 0 else (column + 0.5) * slot
        parts.append(text(pct(x), base + LINE_PX, label, anchor=anchor))
    labels = [(TOP + r * ROW_PX + (ROW_PX - 3) / 2, name) for r, name in enumerate(rows)]
    drawing = framed(words.title, labels, base + LINE_PX + 6, "".join(parts))
    return figure(
        drawing,
        Figure(words.title, words.table, words.y_title, words.x_title, shade_legend(bounds)),
    )
