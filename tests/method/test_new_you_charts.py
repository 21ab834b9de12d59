from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from anew.method.new_you.charts import habits_chart, last_months, milestone_counts, milestones_chart
from anew.method.new_you.service import GoalOut, HabitOut, MilestoneOut
from anew.method.new_you.vocabulary import GoalStatus, LifeArea

CREATED = datetime(2025, 1, 1, tzinfo=UTC)


def goal(area: LifeArea, *done_on: date) -> GoalOut:
    milestones = [
        MilestoneOut(id=n, title=f"Step {n}", done_on=day) for n, day in enumerate(done_on)
    ]
    return GoalOut(
        id=1,
        area=area,
        title="Run 5 km",
        why="",
        target_on=None,
        status=GoalStatus.ACTIVE,
        notes="",
        created_at=CREATED,
        done_at=None,
        milestones=milestones,
    )


def month_number(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:]) - 1


@pytest.mark.parametrize("month", range(1, 13))
def test_the_last_six_months_are_consecutive_whatever_the_month(month: int) -> None:
    today = date(2026, month, 31 if month in (1, 3, 5, 7, 8, 10, 12) else 28)
    months = last_months(today, 6)
    numbers = [month_number(m) for m in months]
    assert numbers == list(range(numbers[0], numbers[0] + 6))  # no month skipped or repeated
    assert months[-1] == f"2026-{month:02d}"


@pytest.mark.parametrize("month", range(1, 13))
def test_a_milestone_from_a_year_before_stays_out_of_this_years_bar(month: int) -> None:
    today = date(2026, month, 1)
    a_year_before = date(2025, month, 1)
    months, series = milestone_counts([goal(LifeArea.HEALTH, today, a_year_before)], today)
    assert series == {"Health and fitness": [0.0, 0.0, 0.0, 0.0, 0.0, 1.0]}
    assert len(set(months)) == 6


def test_each_of_the_last_months_gets_its_own_milestones() -> None:
    today = date(2026, 3, 2)  # after a short February, where stepping back 31 days skips it
    done = [
        date(2025, 10, 31),
        date(2025, 11, 30),
        date(2025, 12, 31),
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 1),
    ]
    months, series = milestone_counts([goal(LifeArea.CAREER, *done)], today)
    assert months == ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    assert series == {"Career and money": [1.0] * 6}


def test_the_milestones_chart_names_areas_and_months_in_her_words() -> None:
    today = date(2026, 1, 10)
    chart = milestones_chart([goal(LifeArea.FLAWS, date(2025, 12, 24))], today)
    assert chart is not None
    assert "Old flaws I&#x27;m working on" in chart
    assert "December 2025" in chart
    assert ">flaws<" not in chart
    assert milestones_chart([goal(LifeArea.FLAWS)], today) is None


def test_a_long_habit_name_is_wrapped_whole_and_its_rate_is_in_percent() -> None:
    title = "Study thirty minutes of Spanish with the app before breakfast"
    habit = HabitOut(
        id=1,
        title=title,
        per_week=7,
        goal_id=None,
        started_on=date(2026, 1, 1),
        archived=False,
        current_streak=1,
        best_streak=3,
        streak_unit="days",
        completion_rate=0.5,
        today=None,
        days={},
        remind_at=None,
    )
    chart = habits_chart([habit])
    assert chart is not None
    assert ">Study thirty minutes of Spanish with<" in chart
    assert ">the app before breakfast<" in chart
    assert "<td>50%</td>" in chart
    assert habits_chart([]) is None
