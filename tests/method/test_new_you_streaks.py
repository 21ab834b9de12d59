from __future__ import annotations

from datetime import date, timedelta

from anew.method.new_you.streaks import Status, streaks, year_grid

TODAY = date(2026, 11, 27)  # a Friday


def days_back(*statuses: Status | None) -> dict[date, Status]:
    """Statuses for yesterday, the day before, and so on (None: nothing logged)."""
    return {
        TODAY - timedelta(days=i + 1): status
        for i, status in enumerate(statuses)
        if status is not None
    }


def test_a_daily_streak_counts_consecutive_done_days() -> None:
    result = streaks(
        days_back("done", "done", "done", None, "done"),
        7,
        started=TODAY - timedelta(days=10),
        today=TODAY,
    )
    assert (result.current, result.best, result.unit) == (3, 3, "days")


def test_today_still_open_does_not_break_it_and_done_today_adds() -> None:
    log = days_back("done", "done")
    assert streaks(log, 7, started=TODAY, today=TODAY).current == 2
    log[TODAY] = "done"
    assert streaks(log, 7, started=TODAY, today=TODAY).current == 3


def test_a_skipped_day_keeps_a_daily_streak_alive_without_adding() -> None:
    result = streaks(days_back("done", "skipped", "done"), 7, started=TODAY, today=TODAY)
    assert result.current == 2
    assert result.best == 2


def test_a_missed_day_breaks_it_but_best_remembers() -> None:
    log = days_back(None, "done", "done", "done", "done")
    result = streaks(log, 7, started=TODAY - timedelta(days=5), today=TODAY)
    assert result.current == 0
    assert result.best == 4


def test_a_weekly_habit_counts_weeks_that_met_their_target() -> None:
    monday = date(2026, 11, 23)
    log: dict[date, Status] = {}
    for weeks_ago in (1, 2, 3):
        start = monday - timedelta(weeks=weeks_ago)
        log[start] = log[start + timedelta(days=2)] = log[start + timedelta(days=4)] = "done"
    result = streaks(log, 3, started=monday - timedelta(weeks=4), today=TODAY)
    assert result.unit == "weeks"
    assert result.current == 3  # this week is still open
    assert result.best == 3
    log[monday] = log[monday + timedelta(days=1)] = log[monday + timedelta(days=2)] = "done"
    assert streaks(log, 3, started=monday, today=TODAY).current == 4


def test_a_week_short_of_its_target_breaks_the_weekly_streak() -> None:
    monday = date(2026, 11, 23)
    log: dict[date, Status] = {
        monday - timedelta(weeks=2): "done",
        monday - timedelta(weeks=2, days=-1): "done",
        monday - timedelta(weeks=1): "done",  # one of two
    }
    result = streaks(log, 2, started=monday - timedelta(weeks=2), today=TODAY)
    assert (result.current, result.best) == (0, 1)


def test_skipped_days_can_excuse_a_week() -> None:
    monday = date(2026, 11, 23) - timedelta(weeks=1)
    log: dict[date, Status] = {
        monday - timedelta(weeks=1): "done",
        monday - timedelta(weeks=1, days=-1): "done",
        monday: "done",
        monday + timedelta(days=1): "skipped",
    }
    result = streaks(log, 2, started=monday - timedelta(weeks=1), today=TODAY)
    assert result.current == 1  # the excused week neither breaks nor adds


def test_the_completion_rate_leaves_excused_days_out() -> None:
    log = days_back("done", "skipped", None, "done")
    result = streaks(log, 7, started=TODAY - timedelta(days=4), today=TODAY)
    assert result.completion_rate == round(2 / 3, 3)  # 4 days back: done, skip, miss, done


def test_the_year_grid_has_53_weeks_and_no_future_states() -> None:
    grid = year_grid({TODAY: "done"}, TODAY)
    assert len(grid) == 53
    assert all(len(week) == 7 for week in grid)
    assert grid[-1][4] == (TODAY, "done")
    assert grid[-1][5][1] == "future"
