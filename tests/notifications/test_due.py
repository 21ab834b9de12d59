"""When daily notifications fall due: her zone, her quiet hours, a clock change, a server that
was down for a while."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from anew.notifications.due import CATCH_UP, Daily, due, heads_up, is_quiet
from anew.notifications.vocabulary import NoticeKind


def choices(**overrides: object) -> Daily:
    base = {
        "time_zone": "Europe/London",
        "checkin_at": "21:00",
        "habits": False,
        "quiet_from": "22:00",
        "quiet_to": "08:00",
    }
    return Daily(**{**base, **overrides})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("moment", "quiet"),
    [("21:59", False), ("22:00", True), ("03:00", True), ("07:59", True), ("08:00", False)],
)
def test_quiet_hours_cross_midnight(moment: str, quiet: bool) -> None:
    hours, minutes = map(int, moment.split(":"))
    assert is_quiet(time(hours, minutes), time(22), time(8)) is quiet


def test_quiet_hours_within_a_day_and_none() -> None:
    assert is_quiet(time(13), time(12), time(14))
    assert not is_quiet(time(15), time(12), time(14))
    assert not is_quiet(time(3), time(8), time(8))  # the same time twice: no quiet hours


def test_the_check_in_comes_at_her_time_in_her_zone() -> None:
    winter = datetime(2026, 12, 4, 21, 0, 30, tzinfo=UTC)  # London is on UTC in winter
    (item,) = due(choices(), winter)
    assert item.key == "checkin:2026-12-04"
    assert item.kind == NoticeKind.CHECKIN
    assert item.at == datetime(2026, 12, 4, 21, 0, tzinfo=UTC)
    assert due(choices(), datetime(2026, 12, 4, 20, 59, tzinfo=UTC)) == []
    tokyo = choices(time_zone="Asia/Tokyo")
    (item,) = due(tokyo, datetime(2026, 12, 4, 12, 1, tzinfo=UTC))  # 21:01 in Tokyo
    assert item.key == "checkin:2026-12-04"
    assert item.at == datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def test_summer_time_moves_the_instant_not_her_hour() -> None:
    (item,) = due(choices(), datetime(2026, 7, 1, 20, 5, tzinfo=UTC))  # 21:05 BST
    assert item.at == datetime(2026, 7, 1, 20, 0, tzinfo=UTC)


def test_a_time_the_clock_change_skips_comes_just_after_it() -> None:
    # 29 March 2026: London's clocks go from 01:00 straight to 02:00.
    skipped = choices(checkin_at="01:30", quiet_from="00:00", quiet_to="00:00")
    (item,) = due(skipped, datetime(2026, 3, 29, 1, 40, tzinfo=UTC))
    assert item.key == "checkin:2026-03-29"
    assert item.at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 02:30 BST, once


def test_on_the_night_the_clock_goes_back_it_comes_once() -> None:
    # 25 October 2026: 01:00–02:00 BST happens, then 01:00–02:00 GMT again.
    twice = choices(checkin_at="01:30", quiet_from="00:00", quiet_to="00:00")
    found = [
        item.at
        for minute in range(0, 240, 5)
        for item in due(
            twice, datetime(2026, 10, 24, 23, 0, tzinfo=UTC) + timedelta(minutes=minute)
        )
    ]
    assert set(found) == {datetime(2026, 10, 25, 0, 30, tzinfo=UTC)}  # the first 01:30


def test_a_time_in_her_quiet_hours_waits_for_their_end() -> None:
    late = choices(checkin_at="23:15")
    assert due(late, datetime(2026, 12, 4, 23, 20, tzinfo=UTC)) == []
    (item,) = due(late, datetime(2026, 12, 5, 8, 0, tzinfo=UTC))
    assert item.key == "checkin:2026-12-04"  # still the 4th's check-in
    assert item.at == datetime(2026, 12, 5, 8, 0, tzinfo=UTC)


def test_habits_come_with_the_check_in_or_in_the_evening() -> None:
    both = due(choices(habits=True), datetime(2026, 12, 4, 21, 1, tzinfo=UTC))
    assert [item.key for item in both] == ["checkin:2026-12-04", "habits:2026-12-04"]
    (alone,) = due(choices(habits=True, checkin_at=None), datetime(2026, 12, 4, 19, 1, tzinfo=UTC))
    assert alone.key == "habits:2026-12-04"


def test_what_a_server_down_for_hours_missed_is_let_go() -> None:
    now = datetime(2026, 12, 4, 21, 0, tzinfo=UTC) + CATCH_UP
    assert due(choices(), now) == []
    (item,) = due(choices(), now - timedelta(minutes=1))
    assert item.key == "checkin:2026-12-04"


def test_a_habit_with_its_own_time_is_reminded_of_alone_at_that_time() -> None:
    daily = choices(checkin_at=None, habits=True, habit_times=((7, "12:30"), (9, "23:15")))
    noon = datetime(2026, 12, 4, 12, 30, tzinfo=UTC)  # London is on UTC in winter
    assert [(d.key, d.habit_id) for d in due(daily, noon)] == [("habit-7:2026-12-04", 7)]
    night = datetime(2026, 12, 4, 23, 15, tzinfo=UTC)
    assert due(daily, night) == []  # in her quiet hours: it waits for their end
    morning = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
    assert [(d.key, d.habit_id) for d in due(daily, morning)] == [("habit-9:2026-12-04", 9)]
    evening = datetime(2026, 12, 4, 19, 0, tzinfo=UTC)
    assert [d.key for d in due(daily, evening)] == ["habits:2026-12-04"]  # the rest, together


def test_no_habit_reminder_of_any_kind_while_habits_are_off() -> None:
    daily = choices(checkin_at=None, habits=False, habit_times=((7, "12:30"),))
    assert due(daily, datetime(2026, 12, 4, 12, 30, tzinfo=UTC)) == []


@pytest.mark.parametrize(
    ("moment", "wanted"),
    [
        (datetime(2026, 12, 6, 19, 29, 59, tzinfo=UTC), []),  # 20:29 in Berlin: too early
        (datetime(2026, 12, 6, 19, 30, tzinfo=UTC), ["hard_hours:2026-12-06T21"]),
        (datetime(2026, 12, 6, 19, 59, 59, tzinfo=UTC), ["hard_hours:2026-12-06T21"]),
        (datetime(2026, 12, 6, 20, 0, tzinfo=UTC), []),  # the hour has begun: let go
        (datetime(2026, 12, 13, 19, 45, tzinfo=UTC), ["hard_hours:2026-12-13T21"]),  # next Sunday
        (datetime(2026, 12, 7, 19, 45, tzinfo=UTC), []),  # a Monday
    ],
)
def test_the_heads_up_comes_half_an_hour_before_her_hard_hour(
    moment: datetime, wanted: list[str]
) -> None:
    sunday_at_nine = [(6, 21)]
    assert [d.key for d in heads_up(sunday_at_nine, "Europe/Berlin", moment)] == wanted


def test_the_heads_up_comes_in_her_quiet_hours_and_across_midnight() -> None:
    monday_at_midnight = [(0, 0)]
    sunday_night = datetime(2026, 12, 6, 23, 40, tzinfo=UTC)  # London, inside 22:00-08:00
    (item,) = heads_up(monday_at_midnight, "Europe/London", sunday_night)
    assert item.key == "hard_hours:2026-12-07T00"
    assert item.day.isoformat() == "2026-12-07"
    assert item.at == datetime(2026, 12, 6, 23, 30, tzinfo=UTC)


def test_the_heads_up_follows_her_clock_over_a_clock_change() -> None:
    sunday_at_nine = [(6, 21)]
    summer = datetime(2026, 3, 29, 18, 30, tzinfo=UTC)  # the day Berlin went to UTC+2
    (item,) = heads_up(sunday_at_nine, "Europe/Berlin", summer)
    assert item.at == summer
    assert heads_up(sunday_at_nine, "Europe/Berlin", summer - timedelta(hours=1)) == []
