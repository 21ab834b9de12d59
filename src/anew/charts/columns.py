"""Columns over an ordered axis (months, hours): one colour per series, side by side."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from anew.charts.figure import (
    Figure,
    figure,
    framed,
    pct,
    series_class,
    series_fill,
    series_table,
    text,
)
from anew.charts.ticks import all_whole, month_label, month_ticks, nice_ticks, number

TOP, PLOT_PX, LINE_PX = 8, 150, 15


def _grid(ticks: list[float], top: float) -> tuple[str, list[tuple[float, str]]]:
    lines, labels = [], []
    for tick in ticks:
        y = TOP + PLOT_PX * (1 - tick / top)
        css = "chart-axis" if tick == 0 else "chart-grid"
        lines.append(
            f'<line x1="0" x2="100%" y1="{y:.1f}" y2="{y:.1f}" class="{css}" '
            'stroke="currentColor" stroke-opacity="0.25"/>'
        )
        labels.append((y, number(tick)))
    return "".join(lines), labels


def _columns(series: Mapping[str, Sequence[float]], names: Sequence[str], top: float) -> str:
    slot = 100 / max(len(names), 1)
    width = slot * 0.8 / max(len(series), 1)
    base, parts = TOP + PLOT_PX, []
    for number_, (who, values) in enumerate(series.items()):
        for index, value in enumerate(values):
            if value <= 0:
                continue
            height = max(PLOT_PX * value / top, 1.0)
            x = index * slot + slot * 0.1 + number_ * width
            parts.append(
                f'<rect x="{pct(x)}" y="{base - height:.1f}" width="{pct(width)}" '
                f'height="{height:.1f}" class="{series_class(number_)}" '
                f'fill="{series_fill(number_)}"><title>{escape(who)}, {escape(names[index])}: '
                f"{number(value)}</title></rect>"
            )
    return "".join(parts)


def _tick_labels(ticks: Mapping[int, Sequence[str]], count: int) -> str:
    slot, base, parts = 100 / max(count, 1), TOP + PLOT_PX, []
    for index, lines in ticks.items():
        x, anchor = (index + 0.5) * slot, "middle"
        if count > 8 and index == 0:
            x, anchor = index * slot, "start"
        elif count > 8 and index == count - 1:
            x, anchor = 100.0, "end"
        for row, line in enumerate(lines):
            parts.append(text(pct(x), base + LINE_PX * (row + 1), line, anchor=anchor))
    return "".join(parts)


def column_chart(
    series: Mapping[str, Sequence[float]],
    names: Sequence[str],
    ticks: Mapping[int, Sequence[str]],
    words: Figure,
) -> str:
    """Columns for each of `names` (the slots, in her words), labelled at `ticks` (a slot's
    index and its label's lines); a legend when there is more than one series."""
    every = [v for values in series.values() for v in values]
    ticks_y = nice_ticks(max(every, default=0), whole=all_whole(every))
    top = ticks_y[-1]
    lines, y_labels = _grid(ticks_y, top)
    rows = max((len(lines_) for lines_ in ticks.values()), default=1)
    height = TOP + PLOT_PX + LINE_PX * rows + 6
    body = lines + _columns(series, names, top) + _tick_labels(ticks, len(names))
    legend = [(series_class(n), who) for n, who in enumerate(series)] if len(series) > 1 else []
    return figure(
        framed(words.title, y_labels, height, body),
        Figure(words.title, words.table, words.y_title, words.x_title, legend),
    )


def month_chart(
    series: Mapping[str, Sequence[float]], months: list[str], title: str, y_title: str
) -> str:
    """Columns for "YYYY-MM" months, one colour per series, the months named in her words."""
    names = [month_label(month) for month in months]
    words = Figure(title, series_table("Month", series, names), y_title, "Month")
    return column_chart(series, names, month_ticks(months), words)
