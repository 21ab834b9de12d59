"""Days as a calendar: a column per week (Monday on top), the months named above, a colour per
state and a legend saying what each colour means."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from html import escape

from anew.charts.figure import Figure, Table, figure, text
from anew.charts.ticks import CHAR_PX, FONT_PX, MONTH_NAMES, long_date

LEFT, HEAD = 32, 18
EMPTY = "none"  # the state of a day with nothing marked
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _month_labels(first_day: date, weeks: int, step: int) -> list[str]:
    """Each month's short name over the week it begins in (the first over the first week),
    left out where it would touch the one before."""
    monday = first_day - timedelta(days=first_day.weekday())
    parts, last_at = [], -99
    for week in range(weeks):
        days = [monday + timedelta(weeks=week, days=d) for d in range(7)]
        firsts = [day for day in days if day.day == 1 and day >= first_day]
        month = first_day if week == 0 else firsts[0] if firsts else None
        if month and week - last_at >= max(3, 36 // step + 1):
            name = MONTH_NAMES[month.month - 1][:3]
            parts.append(text(str(LEFT + week * step), HEAD - 6, name, anchor="start"))
            last_at = week
    return parts


def _cells(
    days: Sequence[tuple[date, str]], meaning: Mapping[str, str], first: date, step: int, cell: int
) -> list[str]:
    """A square per day; a day with something to say (not EMPTY) names its date and state."""
    parts = []
    for day, state in days:
        week, weekday = (day - first).days // 7, day.weekday()
        square = (
            f'<rect x="{LEFT + week * step}" y="{HEAD + weekday * step}" width="{cell}" '
            f'height="{cell}" rx="2" class="chart-day-{state}"'
        )
        if state == EMPTY:  # most of a year: its title would only weigh the page down
            parts.append(square + "/>")
        else:
            words = f"{escape(long_date(day))}: {escape(meaning.get(state, state))}"
            parts.append(f"{square}><title>{words}</title></rect>")
    return parts


def month_counts(days: Sequence[tuple[date, str]], meaning: Mapping[str, str]) -> Table:
    """How many days of each state, month by month."""
    counts: dict[tuple[int, int], dict[str, int]] = {}
    for day, state in days:
        month = counts.setdefault((day.year, day.month), {})
        month[state] = month.get(state, 0) + 1
    rows = [
        (f"{MONTH_NAMES[m - 1]} {y}", [str(found.get(state, 0)) for state in meaning])
        for (y, m), found in sorted(counts.items())
    ]
    return Table("Month", list(meaning.values()), rows)


def day_calendar(
    days: Sequence[tuple[date, str]],
    meaning: Mapping[str, str],
    title: str,
    *,
    cell: int = 14,
) -> str:
    """`days` (in order) coloured by state; `meaning` says what each state is, in her words.
    Drawn at its own size: a long one scrolls inside its box and starts at the newest week."""
    step = cell + 3
    first = days[0][0] - timedelta(days=days[0][0].weekday())
    weeks = (days[-1][0] - first).days // 7 + 1
    # Room after the last week for a month's name that begins in it ("Feb" over a 4-week span).
    width, height = LEFT + weeks * step + round(3 * CHAR_PX), HEAD + 7 * step
    parts = _month_labels(days[0][0], weeks, step)
    parts += [
        text("0", HEAD + row * step + cell / 2 + FONT_PX / 3, WEEKDAYS[row], anchor="start")
        for row in (0, 2, 4, 6)
    ]
    parts += _cells(days, meaning, first, step, cell)
    drawing = (
        # A year is wider than a phone: it scrolls in a region the keyboard can reach too.
        f'<div class="chart-scroll" tabindex="0" role="region"'
        f' aria-label="{escape(title)}, scrolls">'
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-calendar"'
        f' width="{width}" height="{height}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{''.join(parts)}</svg></div>"
    )
    legend = [(f"chart-day-{state}", words) for state, words in meaning.items()]
    return figure(drawing, Figure(title, month_counts(days, meaning), legend=legend))
