"""The private calendar feed: her milestones and plans as iCalendar events any phone subscribes to.

Opt-in only (a daily prompt about him keeps him on her mind), behind a secret address she can
renew or revoke; only a hash of the secret is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from anew.accounts.clock import local_date
from anew.accounts.models import User
from anew.calendar.feed import Item, build_calendar, nocontact_items
from anew.calendar.models import CalendarFeed
from anew.db import transaction, utcnow
from anew.errors import NotFound
from anew.method.new_look.models import MakeoverItem
from anew.method.new_you.models import Goal, Habit
from anew.method.new_you.streaks import week_start
from anew.method.no_contact import store as no_contact
from anew.method.owned import list_owned
from anew.wording import how_often


class FeedOut(BaseModel):
    enabled: bool
    reminder_time: str | None
    url: str | None = Field(default=None, description="Shown only when the address is created")


@dataclass(frozen=True)
class Renewed:
    """Her feed switched on, and the secret of its new address (shown to her once)."""

    reminder_time: str
    token: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def renew_feed(db: Session, user_id: int, *, reminder_time: str = "09:00") -> str:
    """Start (or restart) her feed; returns the new secret. The old address stops working."""
    token = secrets.token_urlsafe(32)
    row = db.get(CalendarFeed, user_id)
    if row is None:
        db.add(CalendarFeed(user_id=user_id, token_hash=_hash(token), reminder_time=reminder_time))
    else:
        row.token_hash, row.reminder_time, row.created_at = _hash(token), reminder_time, utcnow()
    db.flush()
    return token


def revoke_feed(db: Session, user_id: int) -> None:
    """Stop the feed; its address answers 404 from now on."""
    row = db.get(CalendarFeed, user_id)
    if row is not None:
        db.delete(row)
        db.flush()


def feed_for(db: Session, user_id: int) -> CalendarFeed | None:
    return db.get(CalendarFeed, user_id)


def find_feed(db: Session, token: str) -> CalendarFeed | None:
    """The feed behind a secret address, if it is still valid."""
    return db.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == _hash(token)))


def is_her_address(db: Session, user_id: int, token: str) -> bool:
    """Whether a secret is her feed's current one (the page shows a new address only then)."""
    feed = find_feed(db, token[:100]) if token else None
    return feed is not None and feed.user_id == user_id


def state(db: Session, user_id: int) -> FeedOut:
    """Whether her feed is on, and at what time habit reminders come (never its address)."""
    feed = db.get(CalendarFeed, user_id)
    return FeedOut(enabled=feed is not None, reminder_time=feed.reminder_time if feed else None)


def switch_on(db: Session, user_id: int, *, reminder_time: str) -> Renewed:
    """A new secret address for her feed; any older address stops working."""
    with transaction(db):
        return Renewed(reminder_time, renew_feed(db, user_id, reminder_time=reminder_time))


def switch_off(db: Session, user_id: int) -> None:
    """Stop the feed; its address answers 404 from now on."""
    with transaction(db):
        revoke_feed(db, user_id)


def items(db: Session, user: User, *, now: datetime) -> list[Item]:
    """Everything with a date of hers: milestones, goal targets, makeover dates, habits."""
    today = local_date(now, user.time_zone)
    found = nocontact_items(no_contact.state(db, user.id, today), today)
    for goal in list_owned(db, Goal, user.id, Goal.id):
        if goal.target_on and goal.status == "active":
            found.append(Item(f"goal-{goal.id}", f"Goal: {goal.title}", goal.target_on))
    for thing in list_owned(db, MakeoverItem, user.id, MakeoverItem.id):
        if thing.planned_on and not thing.done:
            found.append(Item(f"makeover-{thing.id}", f"New look: {thing.title}", thing.planned_on))
    for habit in list_owned(db, Habit, user.id, Habit.id):
        if habit.archived:
            continue
        daily = habit.per_week == 7
        starts = habit.started_on if daily else week_start(habit.started_on)
        note = "" if daily else f"{how_often(habit.per_week, 'this week').capitalize()}."
        repeat = "DAILY" if daily else "WEEKLY"
        found.append(Item(f"habit-{habit.id}", f"Habit: {habit.title}", starts, repeat, note))
    return found


def document(db: Session, token: str, *, now: datetime) -> bytes:
    """The feed behind a secret address; NotFound for an unknown or revoked one."""
    feed = find_feed(db, token[:100])
    user = db.get(User, feed.user_id) if feed else None
    if feed is None or user is None:
        raise NotFound("There is no such calendar.")
    return build_calendar(
        items(db, user, now=now),
        time_zone=user.time_zone,
        reminder_time=feed.reminder_time,
        stamp=now,
    )
