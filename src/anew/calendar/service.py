"""The private calendar feed: her milestones and plans as iCalendar events any phone subscribes to.

Opt-in only (a daily prompt about him keeps him on her mind), behind a secret address she can
renew or revoke; only a hash of the secret is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from icalendar import Calendar, Event
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from anew.accounts.clock import zone
from anew.db import Base, UTCDateTime, utcnow


class CalendarFeed(Base):
    """Her feed: the secret's hash and the time of day for habit reminders."""

    __tablename__ = "calendar_feeds"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    reminder_time: Mapped[str] = mapped_column(String(5), default="09:00")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


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


@dataclass(frozen=True)
class Item:
    """One thing to put in her calendar: an all-day date, or a repeating reminder."""

    uid: str
    summary: str
    on: date
    repeat: str = ""  # "DAILY" or "WEEKLY" for habit reminders at her chosen time
    description: str = ""


def build_calendar(
    items: Sequence[Item], *, time_zone: str, reminder_time: str, stamp: datetime
) -> bytes:
    """A valid iCalendar document; reminders start at her time of day in her time zone."""
    calendar = Calendar()
    calendar.add("prodid", "-//Anew//Private calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Anew")
    hour, minute = (int(part) for part in reminder_time.split(":"))
    for item in items:
        event = Event()
        event.add("uid", f"{item.uid}@anew")
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        if item.repeat:
            start = datetime.combine(item.on, time(hour, minute), tzinfo=zone(time_zone))
            event.add("dtstart", start)
            event.add("duration", timedelta(minutes=15))
            event.add("rrule", {"freq": item.repeat})
        else:
            event.add("dtstart", item.on)
            event.add("dtend", item.on + timedelta(days=1))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def nocontact_items(state: dict[str, object] | None, today: date) -> list[Item]:
    """Her coming no-contact milestones and target, dated from today's count."""
    if not state or state.get("status") == "completed":
        return []
    counted = int(state["days_counted"])  # type: ignore[call-overload]
    items = []
    for mark in state["milestones"]:  # type: ignore[attr-defined]
        if mark["reached"]:
            continue
        day = int(mark["day"])
        summary = (
            f"Your no-contact target: day {day}. You did this for you."
            if mark["is_target"]
            else f"Day {day} of your no contact. Be proud of yourself."
        )
        on = today + timedelta(days=day - counted)
        items.append(Item(f"nocontact-{state['started_on']}-{day}", summary, on))
    return items
