"""The rule choosing what the vault brings back, on plain data: days 7, 30 and 90 and the two days
after each, the message written nearest to that long ago (and at least three days old), and her
mood then and now."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from anew.method.looking_back.rules import (
    QUESTION,
    Returning,
    Written,
    chosen,
    how_long_ago,
    look_back_day,
    returning,
)

TODAY = date(2026, 12, 20)


def days_ago(n: int, entry_id: int | None = None) -> Written:
    return Written(entry_id if entry_id is not None else n, TODAY - timedelta(days=n))


@pytest.mark.parametrize(
    ("path_day", "expected"),
    [
        (None, None),
        (1, None),
        (6, None),
        (7, 7),
        (8, 7),
        (9, 7),
        (10, None),
        (29, None),
        (30, 30),
        (31, 30),
        (32, 30),
        (33, None),
        (89, None),
        (90, 90),
        (91, 90),
        (92, 90),
        (93, None),
        (120, None),
    ],
)
def test_it_looks_back_on_days_7_30_90_and_the_two_days_after_each(
    path_day: int | None, expected: int | None
) -> None:
    assert look_back_day(path_day) == expected


@pytest.mark.parametrize(("path_day", "days"), [(7, 7), (30, 30), (90, 90)])
def test_it_brings_back_the_message_written_that_long_ago(path_day: int, days: int) -> None:
    vault = [days_ago(3), days_ago(days - 2), days_ago(days), days_ago(days + 5)]
    found = returning(path_day, TODAY, vault, {})
    assert found is not None
    assert (found.day, found.entry) == (days, days_ago(days))


@pytest.mark.parametrize(("path_day", "day"), [(8, 7), (9, 7), (31, 30), (32, 30), (92, 90)])
def test_on_a_grace_day_it_still_looks_back_as_far(path_day: int, day: int) -> None:
    vault = [days_ago(4), days_ago(day), days_ago(day + 20)]
    found = returning(path_day, TODAY, vault, {})
    assert found is not None
    assert (found.day, found.entry.written_on) == (day, TODAY - timedelta(days=day))


@pytest.mark.parametrize("path_day", [6, 10, 29, 33, 89, 93])
def test_off_those_days_nothing_comes_back(path_day: int) -> None:
    assert returning(path_day, TODAY, [days_ago(n) for n in range(3, 100)], {}) is None


def test_without_a_path_day_nothing_comes_back() -> None:
    assert returning(None, TODAY, [days_ago(7)], {}) is None


def test_the_nearest_message_comes_back_when_none_is_exactly_that_old() -> None:
    assert chosen([days_ago(3), days_ago(12), days_ago(40)], today=TODAY, days=30) == days_ago(40)
    assert chosen([days_ago(3), days_ago(11), days_ago(40)], today=TODAY, days=7) == days_ago(11)


def test_a_message_younger_than_three_days_never_comes_back() -> None:
    assert chosen([days_ago(0), days_ago(1), days_ago(2)], today=TODAY, days=7) is None
    assert chosen([days_ago(2), days_ago(3)], today=TODAY, days=7) == days_ago(3)


def test_an_empty_vault_brings_nothing_back() -> None:
    assert returning(7, TODAY, [], {}) is None


def test_of_two_as_near_the_older_comes_back_then_the_one_kept_first() -> None:
    assert chosen([days_ago(5), days_ago(9)], today=TODAY, days=7) == days_ago(9)
    same_day = [days_ago(7, entry_id=12), days_ago(7, entry_id=4)]
    assert chosen(same_day, today=TODAY, days=7) == days_ago(7, entry_id=4)


def test_it_carries_her_mood_then_and_now_when_she_checked_in() -> None:
    written = days_ago(7)
    moods = {written.written_on: 3, TODAY: 7, TODAY - timedelta(days=1): 9}
    assert returning(7, TODAY, [written], moods) == Returning(7, written, 3, 7)


def test_a_day_without_a_check_in_has_no_mood() -> None:
    written = days_ago(30)
    assert returning(30, TODAY, [written], {TODAY: 6}) == Returning(30, written, None, 6)
    assert returning(30, TODAY, [written], {written.written_on: 2}) == Returning(
        30, written, 2, None
    )
    assert returning(30, TODAY, [written], {}) == Returning(30, written, None, None)


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (3, "3 days ago"),
        (7, "a week ago"),
        (9, "a week ago"),
        (12, "12 days ago"),
        (30, "a month ago"),
        (28, "a month ago"),
        (45, "45 days ago"),
        (90, "three months ago"),
        (92, "three months ago"),
    ],
)
def test_how_long_ago_reads_as_words_near_a_week_a_month_three_months(
    days: int, words: str
) -> None:
    assert how_long_ago(TODAY - timedelta(days=days), TODAY) == words


def test_the_question_is_asked_gently() -> None:
    assert QUESTION == "How does this read to you now?"
