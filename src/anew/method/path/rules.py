"""The path's rules as plain functions: which day she is on, which card that day holds, and
whether a milestone falls on a day. Callers pass her day in; nothing here reads the clock."""

from __future__ import annotations

from datetime import date, timedelta

from anew.method.no_contact import rules as no_contact
from anew.method.no_contact.rules import Period
from anew.method.path.cards import FIRST_DAYS, Card, Deck


def first_start(periods: list[Period]) -> date | None:
    """The day her first no-contact period began: the path counts from there, slips or not."""
    return min((p.started_on for p in periods), default=None)


def path_day(started: date, today: date) -> int:
    """Calendar days since the path began, day 1 being the day itself (0 before it)."""
    return max((today - started).days + 1, 0)


def card_for(deck: Deck, day: int, *, safety_mode: bool) -> Card:
    """The card for a path day: the safety cycle in safety mode; otherwise one card for each of
    the first 60 days, then the after set in a cycle."""
    if day < 1:
        raise ValueError("path days start at 1")
    if safety_mode:
        return deck.safety[(day - 1) % len(deck.safety)]
    if day <= FIRST_DAYS:
        return deck.first[day - 1]
    return deck.after[(day - FIRST_DAYS - 1) % len(deck.after)]


def running_on(periods: list[Period], day: date) -> Period | None:
    """The period that was running on a day (a slip's day belongs to the period it starts)."""
    for period in reversed(periods):
        if period.started_on <= day and (period.ended_on is None or day < period.ended_on):
            return period
    return None


def milestone_on(periods: list[Period], day: date) -> int | None:
    """The milestone (1, 3, 7, 14, 21, 30 days without contact, or her target) reached on that day,
    or None: the day the running period's count first reaches it."""
    period = running_on(periods, day)
    if period is None or period.started_on >= day:
        return None
    still_running = Period(period.started_on, period.target_days, "active", None, period.pauses)
    before = no_contact.counted_days(still_running, day - timedelta(days=1))
    now = no_contact.counted_days(still_running, day)
    marks = no_contact.milestones(period.target_days, now)
    return next((m["day"] for m in marks if before < m["day"] <= now), None)


def days_without_contact(periods: list[Period], day: date) -> int:
    """Every counted day of every period up to a day: what she has kept, slips or not."""
    total = 0
    for period in periods:
        if period.started_on > day:
            continue
        ended = period.ended_on if period.ended_on and period.ended_on <= day else None
        upto = Period(period.started_on, period.target_days, period.status, ended, period.pauses)
        total += no_contact.counted_days(upto, day)
    return total
