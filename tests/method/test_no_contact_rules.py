from __future__ import annotations

from datetime import date

from anew.method.no_contact.rules import (
    Period,
    Span,
    breaks_period,
    calendar,
    contact_advice,
    counted_days,
    milestones,
    stage,
    status,
    summary,
)

TODAY = date(2026, 11, 26)


def _period(start: date, target: int = 30, **kw: object) -> Period:
    return Period(
        start,
        target,
        str(kw.get("status", "active")),
        kw.get("ended_on"),
        tuple(kw.get("pauses", ())),
    )  # type: ignore[arg-type]


def test_days_count_from_the_start_and_leave_out_paused_days() -> None:
    period = _period(date(2026, 11, 1), pauses=[Span(date(2026, 11, 10), date(2026, 11, 13))])
    assert counted_days(period, TODAY) == 25 - 3
    assert summary(period, [], TODAY)["days_done"] == 25
    assert summary(period, [], TODAY)["days_left"] == 8


def test_a_contact_she_starts_breaks_it_unless_logistics_or_paused() -> None:
    period = _period(date(2026, 11, 1), pauses=[Span(date(2026, 11, 20), None)])
    assert breaks_period(period, initiator="me", logistics=False, day=date(2026, 11, 5))
    assert not breaks_period(period, initiator="me", logistics=True, day=date(2026, 11, 5))
    assert not breaks_period(period, initiator="him", logistics=False, day=date(2026, 11, 5))
    assert not breaks_period(period, initiator="me", logistics=False, day=date(2026, 11, 21))
    assert not breaks_period(period, initiator="me", logistics=False, day=date(2026, 10, 30))


def test_restarts_never_erase_progress() -> None:
    first = _period(date(2026, 10, 1), status="broken", ended_on=date(2026, 10, 19))
    current = _period(date(2026, 10, 19))
    result = summary(current, [first], TODAY)
    assert result["breaks"] == 1
    assert result["days_done"] == 38
    assert result["best_streak"] == 38
    assert result["total_days"] == 18 + 38
    assert result["status"] == "completed"


def test_milestones_up_to_the_target() -> None:
    marks = milestones(21, 8)
    assert [m["day"] for m in marks] == [1, 3, 7, 14, 21]
    assert [m["reached"] for m in marks] == [True, True, True, False, False]
    assert marks[-1]["is_target"]


def test_the_stage_follows_the_target() -> None:
    assert stage(None, TODAY) == "not-started"
    assert stage(_period(date(2026, 11, 20)), TODAY) == "no-contact"
    assert stage(_period(date(2026, 10, 1), target=21), TODAY) == "reconnecting"
    assert (
        status(_period(date(2026, 11, 1), pauses=[Span(date(2026, 11, 25), None)]), TODAY)
        == "paused"
    )


def test_the_calendar_marks_clean_paused_and_slip_days() -> None:
    first = _period(date(2026, 11, 1), status="broken", ended_on=date(2026, 11, 10))
    current = _period(date(2026, 11, 10), pauses=[Span(date(2026, 11, 20), date(2026, 11, 22))])
    days = {d["day"]: d["state"] for d in calendar([first, current], TODAY, days=30)}
    assert days["2026-10-31"] == "none"
    assert days["2026-11-05"] == "clean"
    assert days["2026-11-10"] == "slip"
    assert days["2026-11-21"] == "paused"
    assert days["2026-11-26"] == "clean"


def test_advice_when_he_reaches_out_is_kind_and_counts_the_days() -> None:
    advice = contact_advice(_period(date(2026, 11, 20)), TODAY)
    assert "24 days of your no-contact remain" in advice
    assert "logistics" in advice
    assert "no rush" in contact_advice(None, TODAY)
