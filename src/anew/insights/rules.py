"""The hard-hours rule, pure: a 7x24 grid of her moments (weekday 0 = Monday, her own clock)
and the few cells that stand out from the rest, each with a plain sentence."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from anew.accounts.clock import zone

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FEWEST = 3  # a cell needs at least this many moments to be called hard
SPREAD = 2  # ...and more than her mean cell by this many standard deviations
MOST = 3  # hard hours named at most


@dataclass(frozen=True)
class Cell:
    weekday: int
    hour: int
    urges: int
    slips: int

    @property
    def total(self) -> int:
        return self.urges + self.slips


def empty_grid() -> list[list[int]]:
    return [[0] * 24 for _ in range(7)]


def place(moments: Iterable[datetime], time_zone: str) -> list[list[int]]:
    """How many moments fell in each weekday and hour on her own clock."""
    grid, here = empty_grid(), zone(time_zone)
    for moment in moments:
        local = moment.astimezone(here)
        grid[local.weekday()][local.hour] += 1
    return grid


def added(a: Sequence[Sequence[int]], b: Sequence[Sequence[int]]) -> list[list[int]]:
    return [
        [x + y for x, y in zip(row_a, row_b, strict=True)]
        for row_a, row_b in zip(a, b, strict=True)
    ]


def hard_cells(urges: Sequence[Sequence[int]], slips: Sequence[Sequence[int]]) -> list[Cell]:
    """The cells with at least FEWEST moments and more than the mean of all 168 cells plus SPREAD
    standard deviations: a real cluster, not an hour that merely had one more. The busiest
    first (ties: earlier in the week, then earlier in the day), at most MOST. Plain float
    arithmetic: the heads-up round works this out for every member who asked for it."""
    totals = [
        u + s
        for urge_row, slip_row in zip(urges, slips, strict=True)
        for u, s in zip(urge_row, slip_row, strict=True)
    ]
    mean = sum(totals) / len(totals)
    spread = math.sqrt(sum((total - mean) ** 2 for total in totals) / len(totals))
    bar = mean + SPREAD * spread
    standing_out = [
        Cell(
            index // 24, index % 24, urges[index // 24][index % 24], slips[index // 24][index % 24]
        )
        for index, total in enumerate(totals)
        if total >= FEWEST and total > bar
    ]
    standing_out.sort(key=lambda cell: (-cell.total, cell.weekday, cell.hour))
    return standing_out[:MOST]


def part_of_day(hour: int) -> str:
    if 5 <= hour < 12:
        return "mornings"
    if 12 <= hour < 17:
        return "afternoons"
    if 17 <= hour < 22:
        return "evenings"
    return "nights"


def counted(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def why(cell: Cell) -> str:
    """'Sunday evenings around 21:00 have been hard: 4 urges and 1 slip.'"""
    parts = [counted(n, word) for n, word in ((cell.urges, "urge"), (cell.slips, "slip")) if n]
    return (
        f"{WEEKDAYS[cell.weekday]} {part_of_day(cell.hour)} around {cell.hour:02d}:00 "
        f"have been hard: {' and '.join(parts)}."
    )


def talked_most(grid: Sequence[Sequence[int]]) -> str:
    """'You two wrote most on Sunday evenings, around 21:00.' from the messages of her imported
    chats by weekday and hour; empty without a message."""
    total, weekday, hour = max(
        (grid[day][hour], -day, -hour) for day in range(7) for hour in range(24)
    )
    if not total:
        return ""
    day, at = -weekday, -hour
    return f"You two wrote most on {WEEKDAYS[day]} {part_of_day(at)}, around {at:02d}:00."


def hard_when_you_talked(
    hard: Sequence[Cell], talk: Sequence[Sequence[int]], share: float = 0.1
) -> list[Cell]:
    """Her hard hours that fall in the busiest tenth of the hours they used to talk (by
    messages): where an old rhythm of theirs may be what makes the hour hard."""
    counts = sorted((n for row in talk for n in row if n), reverse=True)
    if not counts:
        return []
    bar = counts[max(0, int(len(counts) * share) - 1)]
    return [cell for cell in hard if talk[cell.weekday][cell.hour] >= bar]
