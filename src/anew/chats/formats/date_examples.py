"""Two dates from her own file, read day-first and month-first, so that she can say which is right.

Where day and month can't be told apart, asking "day first or month first?" is abstract; "was
03/04/2024 the 3rd of April or the 4th of March?" she can answer at a glance. The examples go with
the AmbiguousDates error to the API, the upload page and the command line.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from anew.charts.ticks import MONTH_NAMES


def in_words(day: date) -> str:
    """'3 April 2024': the same in every English, unlike 04/03 or April 3."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _read(row: dict[str, str], fields: tuple[str, str, str]) -> date | None:
    """The row's date with (year, month, day) taken from the given fields; None if not a date."""
    year, month, day = (int(row[field]) for field in fields)
    try:
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None


def date_examples(
    dates: pl.DataFrame, orders: dict[str, tuple[str, str, str]], count: int = 2
) -> list[dict[str, str]]:
    """Up to `count` of the file's dates (columns date, a, b, c, as date_table makes them) that
    read differently day-first and month-first: the first and the last such one, each as written
    and as an ISO date both ways. `orders` maps the orders still possible ("dmy", "mdy", ...) to
    the fields holding their (year, month, day)."""
    day_first = next((f for o, f in orders.items() if o.index("d") < o.index("m")), None)
    month_first = next((f for o, f in orders.items() if o.index("m") < o.index("d")), None)
    if day_first is None or month_first is None:
        return []
    found: list[dict[str, str]] = []
    rows = dates.select("date", "a", "b", "c").unique(maintain_order=True).iter_rows(named=True)
    for row in rows:
        first, second = _read(row, day_first), _read(row, month_first)
        if first is None or second is None or first == second:
            continue
        raw = row["date"]  # the general road keeps the file's bytes, the scanner's road text
        written = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        written = written.lstrip("\u200e\u200f[")
        example = {
            "as_written": written,
            "day_first": first.isoformat(),
            "month_first": second.isoformat(),
        }
        if not found or found[-1]["as_written"] != written:
            found.append(example)
    if len(found) <= count:
        return found
    return [*found[: count - 1], found[-1]]
