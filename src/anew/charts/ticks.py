"""Where a chart's ticks go, and how its numbers and dates read."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

FONT_PX = 12  # every chart text, as rendered: no chart scales its text
CHAR_PX = 7.2  # a generous average width of one character at FONT_PX
PHONE_PLOT_PX = 260  # the narrowest plot we lay ticks out for: a 390 px phone, less the margins
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def nice_ticks(top: float, most: int = 4, *, whole: bool = False) -> list[float]:
    """0 and a few round steps (1, 2, 2.5 or 5 times a power of ten) up to at least `top`; steps of
    at least 1 when the values are `whole` counts."""
    if top <= 0:
        return [0.0, 1.0]
    rough = max(top / most, 1.0) if whole else top / most
    power = 10 ** math.floor(math.log10(rough))
    steps = (1, 2, 5, 10) if whole and power < 10 else (1, 2, 2.5, 5, 10)
    step = next(m * power for m in steps if m * power >= rough)
    count = max(math.ceil(top / step - 1e-9), 2)  # at least three ticks, however small
    return [round(step * i, 10) for i in range(count + 1)]


def number(value: float) -> str:
    """A count or a measure as she reads it: no trailing .0, thousands grouped."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def month_label(month: str) -> str:
    """ "2024-03" as "March 2024"."""
    year, number_ = month.split("-")
    return f"{MONTH_NAMES[int(number_) - 1]} {year}"


def month_ticks(months: list[str]) -> dict[int, tuple[str, ...]]:
    """Tick labels for "YYYY-MM" slots: the short month name, with the year under the first tick
    and wherever the year changes; spaced so they never touch on a phone."""
    if not months:
        return {}
    slot_px = PHONE_PLOT_PX / len(months)
    every = max(1, math.ceil((4 * CHAR_PX + 6) / slot_px))
    ticks: dict[int, tuple[str, ...]] = {}
    shown_year = ""
    for index in range(0, len(months), every):
        year, number_ = months[index].split("-")
        name = MONTH_NAMES[int(number_) - 1][:3]
        ticks[index] = (name, year) if year != shown_year else (name,)
        shown_year = year
    return ticks


def short_date(day: date) -> str:
    """A day as "3 Nov"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"


def long_date(day: date) -> str:
    """A day as "3 November 2026"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def all_whole(values: Iterable[float]) -> bool:
    """Whether every value is a whole number (a count), so ticks need no fractions."""
    return all(float(value).is_integer() for value in values)
