"""One round of notifications: make the rows of everything that fell due, claim what this
worker may send, send each to her devices and channels, and write down how it went.

Run every minute by the scheduler inside `anew serve`, or once by `anew notify --once` (cron).
Whatever is unreachable fails its own row and is tried again later: it never stops the round.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.config import Settings
from anew.method.new_you.models import Habit, HabitDay
from anew.notifications import channels as channel_urls
from anew.notifications import outbox
from anew.notifications.due import Daily, due
from anew.notifications.models import NotificationChannel, NotificationPreferences
from anew.notifications.vocabulary import NoticeKind
from anew.notifications.wording import message
from anew.push import service as push


@dataclass(frozen=True)
class Round:
    made: int
    sent: int
    failed: int


def _open_habits(db: Session, user_id: int, day: object) -> bool:
    """Whether any active habit of hers is not yet marked for the day."""
    marked = exists().where(HabitDay.habit_id == Habit.id, HabitDay.day == day)
    found = select(Habit.id).where(Habit.user_id == user_id, Habit.archived.is_(False), ~marked)
    return db.scalar(found.limit(1)) is not None


def make_due(db: Session, now: datetime) -> int:
    """A row for each notification of each member that fell due; returns how many are new."""
    choosing = db.execute(
        select(NotificationPreferences, User.time_zone)
        .join(User, User.id == NotificationPreferences.user_id)
        .where(
            or_(
                NotificationPreferences.checkin_at.is_not(None),
                NotificationPreferences.habits.is_(True),
            )
        )
    ).all()
    made = 0
    for choices, time_zone in choosing:
        daily = Daily(
            time_zone=time_zone,
            checkin_at=choices.checkin_at,
            habits=choices.habits,
            quiet_from=choices.quiet_from,
            quiet_to=choices.quiet_to,
        )
        items = [
            item
            for item in due(daily, now)
            if item.kind != NoticeKind.HABITS or _open_habits(db, choices.user_id, item.day)
        ]
        if items:
            made += outbox.enqueue(db, choices.user_id, items)
    return made


def _deliver(
    db: Session, user_id: int, words: dict[str, str], settings: Settings, now: datetime
) -> tuple[bool, str]:
    """Send to every device and enabled channel of hers: sent when any of them took it."""
    answers: list[tuple[str, str]] = []
    setup = push.setup(settings)
    if setup is not None:
        answers += [
            (s.status, s.detail) for s in push.send_to_devices(db, user_id, words, setup, now)
        ]
    channels = db.scalars(
        select(NotificationChannel).where(
            NotificationChannel.user_id == user_id, NotificationChannel.enabled.is_(True)
        )
    ).all()
    policy = push.address_policy(settings)
    for channel in channels:
        outcome = channel_urls.send(
            channel.url, words["title"], words["body"], settings=settings, policy=policy
        )
        answers.append((outcome.status, outcome.detail))
    if not answers:
        return False, "no device or channel to send to"
    if any(status == "sent" for status, _ in answers):
        return True, ""
    return False, "; ".join(detail for _, detail in answers)


def send_claimed(db: Session, settings: Settings, worker: str, now: datetime) -> tuple[int, int]:
    """Send every row this worker can claim; returns (sent, failed)."""
    sent = failed = 0
    for row in outbox.claim(db, worker, now):
        user = db.get(User, row.user_id)
        choices = db.get(NotificationPreferences, row.user_id)
        words = None
        if user is not None:
            plain = bool(choices and choices.plain_wording)
            words = message(NoticeKind(row.kind), plain=plain, safety_mode=user.safety_mode)
        if words is None:  # she left, or safety mode holds this kind back
            why = "held back in safety mode" if user else "her account is gone"
            outbox.finish(db, row, sent=False, error=why, now=now, final=True)
            failed += 1
            continue
        ok, error = _deliver(db, row.user_id, words, settings, now)
        outbox.finish(db, row, sent=ok, error=error, now=now)
        sent, failed = sent + ok, failed + (not ok)
    return sent, failed


def run_once(
    factory: sessionmaker[Session], settings: Settings, worker: str, now: datetime
) -> Round:
    """One whole round, as the scheduler and `anew notify --once` run it."""
    with factory() as db:
        made = make_due(db, now)
    with factory() as db:
        sent, failed = send_claimed(db, settings, worker, now)
    return Round(made=made, sent=sent, failed=failed)
