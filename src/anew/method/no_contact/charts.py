"""No contact's charts: the streak calendar of the last twelve weeks and her mood over time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from anew.charts.calendars import day_calendar
from anew.charts.figure import Figure, Table
from anew.charts.lines import line_chart
from anew.charts.ticks import long_date
from anew.method.no_contact.service import CalendarDay, CheckInOut

STREAK_DAYS = {
    "clean": "No contact",
    "paused": "Paused",
    "slip": "Contact, count restarted",
    "none": "Not counting",
}
MOOD_LEVELS = (1, 4, 7, 10)


def streak_calendar(days: Iterable[CalendarDay]) -> str:
    """The calendar the no-contact summary carries (a day and its state each) as a chart."""
    shown = [(date.fromisoformat(day.day), day.state) for day in days]
    return day_calendar(shown, STREAK_DAYS, "The last twelve weeks") if shown else ""


def mood_chart(checkins: Sequence[CheckInOut]) -> str:
    """Her check-ins' moods as a line over their dates; empty without any."""
    points = sorted((c.day, c.mood) for c in checkins)
    if not points:
        return ""
    title = "Your mood over time"
    rows = [(long_date(day), [str(mood)]) for day, mood in points]
    words = Figure(
        title,
        Table("Day", ["Mood, 1 to 10"], rows),
        "Mood, 1 (low) to 10 (good)",
        "Day of the check-in",
    )
    return line_chart(points, MOOD_LEVELS, words)
