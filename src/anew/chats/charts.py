"""Small server-side SVG charts: they show in pages, in reports, and with JavaScript off."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from html import escape
from typing import Any

PALETTE = ("#8a3f6b", "#2f6b8a", "#c07a2c", "#4f7a3a", "#6b5a9e", "#9e5a5a")
WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 640, 220, 36, 28, 12


def _axis(labels: list[str], top: float, slot: float) -> list[str]:
    base = HEIGHT - PAD_BOTTOM
    parts = [
        f'<line x1="{PAD_LEFT}" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#bbb"/>',
        f'<text x="{PAD_LEFT - 4}" y="{PAD_TOP + 4}" text-anchor="end" font-size="10">'
        f"{top:g}</text>",
    ]
    widest = max((len(label) for label in labels), default=1) * 6.5  # px at font size 10
    every = max(1, math.ceil(widest / slot)) if slot else 1
    for index, label in enumerate(labels):
        if index % every == 0:
            x = PAD_LEFT + index * slot + slot / 2
            parts.append(
                f'<text x="{x:.1f}" y="{base + 14}" text-anchor="middle" font-size="10">'
                f"{escape(label)}</text>"
            )
    return parts


def _bars(series: dict[str, list[float]], labels: list[str], top: float, slot: float) -> list[str]:
    width = max(slot * 0.8 / max(len(series), 1), 1)
    plot, base = HEIGHT - PAD_BOTTOM - PAD_TOP, HEIGHT - PAD_BOTTOM
    parts = []
    for number, (name, counts) in enumerate(series.items()):
        colour = PALETTE[number % len(PALETTE)]
        for index, label in enumerate(labels):
            value = counts[index] if index < len(counts) else 0
            height = plot * value / top
            x = PAD_LEFT + index * slot + slot * 0.1 + number * width
            parts.append(
                f'<rect x="{x:.1f}" y="{base - height:.1f}" width="{width:.1f}" '
                f'height="{height:.1f}" fill="{colour}">'
                f"<title>{escape(name)}, {escape(label)}: {value:g}</title></rect>"
            )
    return parts


def _legend(names: list[str]) -> list[str]:
    parts = []
    for number, name in enumerate(names):
        x, colour = PAD_LEFT + number * 150, PALETTE[number % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{HEIGHT + 8}" width="10" height="10" fill="{colour}"/>')
        parts.append(
            f'<text x="{x + 14}" y="{HEIGHT + 17}" font-size="11">{escape(name[:22])}</text>'
        )
    return parts


def bar_chart(series: dict[str, list[float]], labels: list[str], title: str) -> str:
    """Grouped bars, one colour per participant, with a legend and a text alternative."""
    top = max((value for counts in series.values() for value in counts), default=0) or 1
    slot = (WIDTH - PAD_LEFT) / max(len(labels), 1)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + 24}" '
        f'role="img" aria-label="{escape(title)}" class="chart"><title>{escape(title)}</title>'
    )
    body = _axis(labels, top, slot) + _bars(series, labels, top, slot) + _legend(list(series))
    return head + "".join(body) + "</svg>"


def hours_chart(report: dict[str, object]) -> str:
    """Messages by hour of day, per participant."""
    by_hour: dict[str, list[float]] = report["by_hour"]  # type: ignore[assignment]
    return bar_chart(by_hour, [f"{hour:02d}" for hour in range(24)], "Messages by hour of day")


def _monthly_chart(report: dict[str, object], key: str, title: str) -> str:
    months: list[dict[str, Any]] = report["by_month"]  # type: ignore[assignment]
    names: list[str] = report["participants"]  # type: ignore[assignment]
    by_label = {str(month["month"]): month[key] for month in months}
    labels = chart_months(by_label)
    series = {name: [by_label.get(label, {}).get(name, 0) for label in labels] for name in names}
    return bar_chart(series, labels, title)


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
    return bar_chart(series, labels, "Replies by how long they took")


def heatmap(report: dict[str, object]) -> str:
    """Messages by weekday and hour, darker where there were more."""
    grid: list[list[int]] = report["by_weekday_hour"]  # type: ignore[assignment]
    top = max((n for row in grid for n in row), default=0) or 1
    cell, left, head = 24, 40, 18
    width, height = left + 24 * cell, head + 7 * cell
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="Messages by weekday and hour" class="chart">'
        "<title>Messages by weekday and hour</title>"
    ]
    for hour in range(0, 24, 3):
        parts.append(f'<text x="{left + hour * cell + 2}" y="12" font-size="10">{hour:02d}</text>')
    for day, row in enumerate(grid):
        y = head + day * cell
        parts.append(f'<text x="2" y="{y + 16}" font-size="11">{WEEKDAY_NAMES[day]}</text>')
        for hour, n in enumerate(row):
            shade = 0.08 + 0.92 * n / top if n else 0.03
            parts.append(
                f'<rect x="{left + hour * cell}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="#8a3f6b" fill-opacity="{shade:.2f}"><title>{WEEKDAY_NAMES[day]} '
                f"{hour:02d}:00: {n}</title></rect>"
            )
    return "".join(parts) + "</svg>"


WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


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
