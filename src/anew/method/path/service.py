"""The path and Today for both faces: her path day (counted from her first no-contact period, so
a slip never sends her back to day 1), the day's card, any card before it, and the milestone that
falls on a day. Each function takes her id and her day; nothing here reads the clock."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from anew.errors import Invalid, NotFound
from anew.method.looking_back import service as looking_back
from anew.method.looking_back.service import LookingBackOut
from anew.method.new_you import service as new_you
from anew.method.new_you.models import HabitDay
from anew.method.new_you.vocabulary import DayStatus
from anew.method.no_contact import store as no_contact
from anew.method.no_contact.models import Urge
from anew.method.no_contact.rules import Period
from anew.method.no_contact.service import CheckInOut, stage_of, state_and_periods
from anew.method.path import rules
from anew.method.path.cards import Card, deck
from anew.method.path.moments import moment
from anew.method.steps import STEPS_BY_SLUG

NOT_STARTED = "Your path begins on the day you start no contact."


class CardOut(BaseModel):
    """One day's card. `path` says which set it comes from: first (days 1-60), after (the cycle
    from day 61) or safety (the cycle shown while safety mode is on)."""

    day: int
    title: str
    read: str
    do: str
    ask: str
    path: Literal["first", "after", "safety"]
    step: str
    step_title: str
    link: str
    link_label: str


class PathOut(BaseModel):
    """Her path so far: `day` is today's path day (null before she starts no contact), `cards`
    every card from day 1 to today, oldest first."""

    day: int | None
    started_on: date | None
    cards: list[CardOut]


class HabitToday(BaseModel):
    id: int
    title: str
    done_today: bool


class MilestoneOut(BaseModel):
    """A milestone reached on the day, with her numbers as they stand: `days` is the milestone
    (days without contact in her running period), `path_day` her day on the path,
    `days_without_contact` every counted day of every period, `urges_resisted` the urges she
    logged instead of reaching out, `habits_kept` the habit days she marked done."""

    days: int
    is_target: bool
    title: str
    text: str
    path_day: int
    days_without_contact: int
    urges_resisted: int
    habits_kept: int


class TodayOut(BaseModel):
    """Her Today screen. `stage` is not-started, no-contact, reconnecting or safety; `day` and
    `card` are null before she starts; `checkin` is today's check-in or null; `milestone` is the
    milestone reached today or null; `looking_back` is the vault message that comes back today
    (only if she turned it on; never in safety mode) or null."""

    day: int | None
    stage: str
    days_left: int | None
    card: CardOut | None
    checkin: CheckInOut | None
    habits: list[HabitToday]
    milestone: MilestoneOut | None
    looking_back: LookingBackOut | None


class PathDay(BaseModel):
    """What the dashboard adds for the path: the day, its card, any milestone and any vault
    message that comes back today."""

    day: int | None
    card: CardOut | None
    milestone: MilestoneOut | None
    looking_back: LookingBackOut | None = None


def _card_out(card: Card, day: int) -> CardOut:
    return CardOut(
        day=day,
        title=card.title,
        read=card.read,
        do=card.do,
        ask=card.ask,
        path=card.key.rsplit("-", 1)[0],
        step=card.step,
        step_title=STEPS_BY_SLUG[card.step].title,
        link=card.tool.href,
        link_label=card.tool.label,
    )


def card_on(day: int, *, safety_mode: bool) -> CardOut:
    """The card for a path day, without reading her data (the cards are the same for everyone)."""
    return _card_out(rules.card_for(deck(), day, safety_mode=safety_mode), day)


def _numbers(db: Session, user_id: int, until: date) -> tuple[int, int]:
    """Urges she logged and habit days she kept up to a day, in one statement."""
    urges = select(func.count(Urge.id)).where(Urge.user_id == user_id).scalar_subquery()
    kept = (
        select(func.count(HabitDay.id))
        .where(
            HabitDay.user_id == user_id, HabitDay.status == DayStatus.DONE, HabitDay.day <= until
        )
        .scalar_subquery()
    )
    row = db.execute(select(urges, kept)).one()
    return int(row[0]), int(row[1])


def _milestone(
    db: Session, user_id: int, periods: list[Period], started: date, on: date
) -> MilestoneOut | None:
    reached = rules.milestone_on(periods, on)
    if reached is None:
        return None
    running = rules.running_on(periods, on)
    is_target = running is not None and reached == running.target_days
    title, text = moment(reached, is_target=is_target)
    urges, kept = _numbers(db, user_id, on)
    return MilestoneOut(
        days=reached,
        is_target=is_target,
        title=title,
        text=text,
        path_day=rules.path_day(started, on),
        days_without_contact=rules.days_without_contact(periods, on),
        urges_resisted=urges,
        habits_kept=kept,
    )


def milestone_on(db: Session, user_id: int, *, day: date) -> MilestoneOut | None:
    """The milestone she reaches on a day (day 1, 3, 7, 14, 21, 30 without contact, or her target),
    with her numbers, or None: for Today, and for anything that wants to mark the moment."""
    periods = no_contact.all_periods(db, user_id)
    started = rules.first_start(periods)
    return None if started is None else _milestone(db, user_id, periods, started, day)


def path_day(
    db: Session, user_id: int, periods: list[Period], *, today: date, safety_mode: bool
) -> PathDay:
    """Her path day today, its card, the milestone reached today and the vault message that
    comes back today, if any, from the periods she has had (read by the caller, who usually needs
    them too)."""
    started = rules.first_start(periods)
    if started is None or started > today:
        return PathDay(day=None, card=None, milestone=None)
    day = rules.path_day(started, today)
    return PathDay(
        day=day,
        card=card_on(day, safety_mode=safety_mode),
        milestone=_milestone(db, user_id, periods, started, today),
        looking_back=looking_back.on_today(
            db, user_id, path_day=day, today=today, safety_mode=safety_mode
        ),
    )


def today(db: Session, user_id: int, *, today: date, safety_mode: bool) -> TodayOut:
    """Her Today screen: the day, the stage, the card, today's check-in and habits, a milestone."""
    state, periods = state_and_periods(db, user_id, today=today)
    shown = path_day(db, user_id, periods, today=today, safety_mode=safety_mode)
    checkin = no_contact.checkin_on(db, user_id, today)
    return TodayOut(
        day=shown.day,
        stage="safety" if safety_mode else stage_of(state),
        days_left=state.days_left if state else None,
        card=shown.card,
        checkin=CheckInOut.model_validate(checkin) if checkin else None,
        habits=[
            HabitToday(id=h.id, title=h.title, done_today=h.today == "done")
            for h in new_you.todays_habits(db, user_id, today=today)
        ],
        milestone=shown.milestone,
        looking_back=shown.looking_back,
    )


def current_day(db: Session, user_id: int, *, today: date) -> int | None:
    """Her path day today, or None before she starts no contact."""
    started = rules.first_start(no_contact.all_periods(db, user_id))
    return None if started is None or started > today else rules.path_day(started, today)


def _started(db: Session, user_id: int, today: date) -> date:
    started = rules.first_start(no_contact.all_periods(db, user_id))
    if started is None or started > today:
        raise NotFound(NOT_STARTED)
    return started


def path(db: Session, user_id: int, *, today: date, safety_mode: bool) -> PathOut:
    """Every card from day 1 to today, oldest first (none before she starts no contact)."""
    started = rules.first_start(no_contact.all_periods(db, user_id))
    if started is None or started > today:
        return PathOut(day=None, started_on=None, cards=[])
    day = rules.path_day(started, today)
    cards = [card_on(n, safety_mode=safety_mode) for n in range(1, day + 1)]
    return PathOut(day=day, started_on=started, cards=cards)


def card(db: Session, user_id: int, day: int, *, today: date, safety_mode: bool) -> CardOut:
    """A card she has reached: today's or any before it. A later day is NotFound, saying when it
    opens; so is any day before she starts no contact."""
    if day < 1:
        raise Invalid("day", "Path days start at 1.")
    started = _started(db, user_id, today)
    current = rules.path_day(started, today)
    if day > current:
        opens = started + timedelta(days=day - 1)
        raise NotFound(
            f"Day {day} of your path opens on {opens:%A %-d %B %Y}; today is day {current}. "
            "Each card waits for its day."
        )
    return card_on(day, safety_mode=safety_mode)
