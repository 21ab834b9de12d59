"""The chat report's charts: who started and ended conversations, reply times, and when messages
were sent; drawn by anew.charts, so they show in pages, in reports, and with JavaScript off."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from anew.charts.columns import column_chart, month_chart
from anew.charts.figure import Figure, Table, series_table
from anew.charts.grids import heat_grid
from anew.charts.rows import row_chart
from anew.charts.ticks import number

HOURS = [f"{hour:02d}:00" for hour in range(24)]
HOUR_TICKS = {0: ("midnight",), 6: ("6 am",), 12: ("noon",), 18: ("6 pm",)}
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_WORDS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def hours_chart(report: dict[str, object]) -> str:
    """Messages by hour of day, per participant."""
    by_hour: dict[str, list[float]] = report["by_hour"]  # type: ignore[assignment]
    title = "Messages by hour of day"
    words = Figure(title, series_table("Hour", by_hour, HOURS), "Messages", "Hour of the day")
    return column_chart(by_hour, HOURS, HOUR_TICKS, words)


def _monthly_chart(report: dict[str, object], key: str, title: str) -> str:
    months: list[dict[str, Any]] = report["by_month"]  # type: ignore[assignment]
    names: list[str] = report["participants"]  # type: ignore[assignment]
    by_label = {str(month["month"]): month[key] for month in months}
    labels = chart_months(by_label)
    series = {
        name: [float(by_label.get(label, {}).get(name, 0)) for label in labels] for name in names
    }
    return month_chart(series, labels, title, "Conversations")


def initiations_chart(report: dict[str, object]) -> str:
    """Who started conversations, month by month."""
    return _monthly_chart(report, "initiated", "Conversations started, by month")


def endings_chart(report: dict[str, object]) -> str:
    """Who ended conversations, month by month."""
    return _monthly_chart(report, "ended", "Conversations ended, by month")


def replies_chart(report: dict[str, object]) -> str:
    """How fast each participant replied: counts per reply-time range."""
    series: dict[str, list[float]] = report["reply_distribution"]  # type: ignore[assignment]
    labels: list[str] = report["reply_buckets"]  # type: ignore[assignment]
    title = "Replies by how long they took"
    words = Figure(title, series_table("Reply time", series, labels), "Reply time", "Replies")
    return row_chart(series, labels, words)


def heatmap(report: dict[str, object]) -> str:
    """Messages by weekday and hour, darker where there were more."""
    grid: list[list[int]] = report["by_weekday_hour"]  # type: ignore[assignment]
    title = "Messages by weekday and hour"
    rows = [(WEEKDAY_WORDS[day], [number(n) for n in row]) for day, row in enumerate(grid)]
    words = Figure(title, Table("Day", HOURS, rows), "Day of the week", "Hour of the day")
    ticks = {hour: words_[0] for hour, words_ in HOUR_TICKS.items()}
    return heat_grid(grid, WEEKDAY_NAMES[: len(grid)], HOURS, ticks, words)


MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
MAX_MONTHS = 1200  # a hundred years: no chat or log of a person's is longer


def _month_number(label: str) -> int:
    found = MONTH.match(label)
    if found is None:
        raise ValueError(f"{label[:20]!r} is not a month (YYYY-MM)")
    return int(found.group(1)) * 12 + int(found.group(2)) - 1


def month_range(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from first to last, so quiet months show as gaps rather than vanish; of a
    longer span only the last MAX_MONTHS. ValueError for a label that is not a month."""
    end = _month_number(last)
    start = max(_month_number(first), end - MAX_MONTHS + 1)
    return [f"{number // 12:04d}-{number % 12 + 1:02d}" for number in range(start, end + 1)]


def chart_months(labels: Iterable[str]) -> list[str]:
    """The months a monthly chart shows: from the first to the last real month among `labels`
    (a stored report's labels are data, and data may hold anything)."""
    months = [label for label in labels if isinstance(label, str) and MONTH.match(label)]
    return month_range(min(months), max(months)) if months else []
