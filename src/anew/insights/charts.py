"""The insights page's charts: her mood as a line with her urges, contacts and slips marked
under it, and her urges and slips as a weekday-by-hour heat map."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from anew.charts.calendars import EMPTY, day_calendar
from anew.charts.figure import Figure, Table, series_class
from anew.charts.grids import heat_grid
from anew.charts.lines import line_chart
from anew.charts.ticks import long_date, number
from anew.insights.rules import WEEKDAYS, counted
from anew.insights.service import DayMarks, MoodDay

MOOD_LEVELS = (1, 4, 7, 10)
KINDS = (("urges", "urge"), ("contacts", "contact"), ("slips", "slip"))
KIND_LEGEND = (
    "Urges you logged",
    "Contact (your count kept going)",
    "Contact that restarted your count",
)
MOOD_DAYS = {
    "low": "Mood 1 to 3",
    "middling": "Mood 4 to 6",
    "good": "Mood 7 to 10",
    EMPTY: "No check-in",
}
YEAR = 365
HOURS = [f"{hour:02d}:00" for hour in range(24)]
HOUR_TICKS = {0: "midnight", 6: "6 am", 12: "noon", 18: "6 pm"}


def mood_line(moods: Sequence[MoodDay], days: Sequence[DayMarks]) -> str:
    """Her check-ins as a line, her days with urges, contacts and slips marked under it; empty
    without a check-in."""
    if not moods:
        return ""
    points = [(m.day, m.mood) for m in moods]
    marks = [
        (d.day, kind, counted(getattr(d, field), word))
        for d in days
        for kind, (field, word) in enumerate(KINDS)
        if getattr(d, field)
    ]
    by_day = {m.day: str(m.mood) for m in moods}
    marked = {d.day: d for d in days}
    rows = [
        (
            long_date(day),
            [
                by_day.get(day, "–"),
                *(number(getattr(marked[day], f)) if day in marked else "0" for f, _ in KINDS),
            ],
        )
        for day in sorted(set(by_day) | set(marked))
    ]
    title = "Your check-ins, day by day"
    words = Figure(
        title,
        Table("Day", ["Mood, 1 to 10", "Urges", "Contacts", "Slips"], rows),
        "Mood, 1 (low) to 10 (good)",
        "Day",
        [(series_class(kind + 1), name) for kind, name in enumerate(KIND_LEGEND)],
    )
    return line_chart(points, MOOD_LEVELS, words, marks)


def _weekday_hour_map(grid: Sequence[Sequence[int]], title: str, clock: str) -> str:
    rows = [(WEEKDAYS[day], [number(n) for n in row]) for day, row in enumerate(grid)]
    words = Figure(title, Table("Day", HOURS, rows), "Day of the week", f"Hour of the day, {clock}")
    return heat_grid(grid, [name[:3] for name in WEEKDAYS], HOURS, HOUR_TICKS, words)


def hard_hours_map(grid: Sequence[Sequence[int]]) -> str:
    """Her urges and slips by weekday and hour; empty while there are none."""
    if not any(any(row) for row in grid):
        return ""
    return _weekday_hour_map(grid, "Urges and slips by weekday and hour", "your time")


def talk_map(grid: Sequence[Sequence[int]] | None) -> str:
    """The messages of her imported chats by weekday and hour; empty without one."""
    if not grid or not any(any(row) for row in grid):
        return ""
    title = "Your messages to each other by weekday and hour"
    return _weekday_hour_map(grid, title, "the chat's clock")


def mood_band(mood: int) -> str:
    return "low" if mood <= 3 else "middling" if mood <= 6 else "good"


def year_in_pixels(moods: Sequence[MoodDay]) -> str:
    """A square per day for her last year of check-ins (up to her latest), coloured by mood;
    empty without a check-in."""
    if not moods:
        return ""
    last = moods[-1].day
    first = max(moods[0].day, last - timedelta(days=YEAR - 1))
    bands = {m.day: mood_band(m.mood) for m in moods}
    days = [
        (first + timedelta(days=n), bands.get(first + timedelta(days=n), EMPTY))
        for n in range((last - first).days + 1)
    ]
    return day_calendar(days, MOOD_DAYS, "Your year in pixels")
