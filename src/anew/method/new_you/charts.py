"""Step 4's charts: milestones reached month by month, how often each habit is done, and each
habit's year as a calendar. Months come from her own calendar, with their year."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from anew.charts.calendars import day_calendar
from anew.charts.columns import month_chart
from anew.charts.figure import Figure, series_table
from anew.charts.rows import row_chart
from anew.method.new_you.service import GoalOut, HabitOut

MILESTONE_MONTHS = 6
HABIT_DAYS = {"done": "Done", "skipped": "Skipped, on purpose", "none": "Not marked"}


def last_months(today: date, count: int) -> list[str]:
    """The `count` calendar months up to today's, oldest first, as "YYYY-MM"."""
    now = today.year * 12 + today.month - 1
    return [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(now - count + 1, now + 1)]


def milestone_counts(
    goals: Sequence[GoalOut], today: date, count: int = MILESTONE_MONTHS
) -> tuple[list[str], dict[str, list[float]]]:
    """Milestones reached in each of the last `count` months, per life area (only areas with
    one); a milestone from another year never lands in this year's month."""
    months = last_months(today, count)
    series: dict[str, list[float]] = {}
    for goal in goals:
        for milestone in goal.milestones:
            month = milestone.done_on.strftime("%Y-%m") if milestone.done_on else None
            if month in months:
                counts = series.setdefault(goal.area.label, [0.0] * len(months))
                counts[months.index(month)] += 1
    return months, series


def milestones_chart(goals: Sequence[GoalOut], today: date) -> str | None:
    """Milestones reached, month by month and by life area; None when there are none."""
    months, series = milestone_counts(goals, today)
    if not series:
        return None
    return month_chart(series, months, "Milestones reached, by area", "Milestones")


def habits_chart(habits: Sequence[HabitOut]) -> str | None:
    """How often each habit is done, in percent; None without habits."""
    if not habits:
        return None
    names = [habit.title for habit in habits]
    series = {"Done": [float(round(habit.completion_rate * 100)) for habit in habits]}
    title = "How often each habit is done"
    words = Figure(
        title, series_table("Habit", series, names, "%"), "Habit", "Days done, in percent"
    )
    return row_chart(series, names, words, suffix="%", top=100)


def habit_year(title: str, grid: Sequence[Sequence[tuple[date, str]]]) -> str:
    """One habit's last year (year_grid's weeks) as a calendar of done, skipped and unmarked
    days."""
    shown = [(day, state) for week in grid for day, state in week if state != "future"]
    return day_calendar(shown, HABIT_DAYS, f"{title}: the last year", cell=11)
