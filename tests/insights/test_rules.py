"""The hard-hours rule: moments placed on her own clock, and only real clusters named."""

from __future__ import annotations

from datetime import UTC, datetime

from anew.insights import rules


def test_moments_are_placed_on_her_own_clock_not_utc() -> None:
    # Monday 2026-03-02 03:30 UTC is Sunday 22:30 in New York (UTC-5 in March before DST).
    moment = datetime(2026, 3, 2, 3, 30, tzinfo=UTC)
    in_new_york = rules.place([moment], "America/New_York")
    in_utc = rules.place([moment], "UTC")
    assert in_new_york[6][22] == 1
    assert in_utc[0][3] == 1
    assert sum(map(sum, in_new_york)) == 1


def test_a_cluster_is_named_with_a_plain_sentence() -> None:
    urges, slips = rules.empty_grid(), rules.empty_grid()
    urges[6][21], slips[6][21] = 4, 1
    urges[2][9] = 1  # a lone moment stands out from nothing
    cells = rules.hard_cells(urges, slips)
    assert [(c.weekday, c.hour) for c in cells] == [(6, 21)]
    assert rules.why(cells[0]) == "Sunday evenings around 21:00 have been hard: 4 urges and 1 slip."


def test_fewer_than_three_moments_or_an_even_spread_is_not_called_hard() -> None:
    urges = rules.empty_grid()
    urges[4][23] = 2
    assert rules.hard_cells(urges, rules.empty_grid()) == []
    even = [[3] * 24 for _ in range(7)]
    assert rules.hard_cells(even, rules.empty_grid()) == []


def test_at_most_three_busiest_first() -> None:
    urges = rules.empty_grid()
    for weekday, hour, count in ((0, 8, 5), (1, 13, 9), (3, 2, 6), (5, 19, 7)):
        urges[weekday][hour] = count
    cells = rules.hard_cells(urges, rules.empty_grid())
    assert [(c.weekday, c.hour, c.total) for c in cells] == [(1, 13, 9), (5, 19, 7), (3, 2, 6)]
    assert rules.why(cells[2]) == "Thursday nights around 02:00 have been hard: 6 urges."
