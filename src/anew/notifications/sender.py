"""One round of notifications: make the rows of everything that fell due, claim what this
worker may send, send each to her devices and channels, and write down how it went.

Run every minute by the scheduler inside `anew serve`, or once by `anew notify --once` (cron).
The database is read and written a batch at a time (BENCHMARKS.md: the round for 10,000 members);
whatever is unreachable fails its own row and is tried again later, never stopping the round.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.clock import zone
from anew.accounts.models import User
from anew.config import Settings
from anew.insights import service as insights
from anew.insights.models import HardHoursPlan
from anew.method.new_you.models import Habit, HabitDay
from anew.method.path import service as path
from anew.notifications import channels as channel_urls
from anew.notifications import outbox
from anew.notifications.due import HEADS_UP_BEFORE, Daily, Due, due, heads_up
from anew.notifications.models import (
    NotificationChannel,
    NotificationPreferences,
    NotificationSend,
)
from anew.notifications.outbox import Outcome
from anew.notifications.vocabulary import NoticeKind
from anew.notifications.wording import message
from anew.push import service as push
from anew.push.delivery import Outcome as Answer
from anew.push.models import PushSubscription


@dataclass(frozen=True)
class Round:
    made: int
    sent: int
    failed: int


def _open_habits(db: Session, user_id: int, day: date, habit_id: int | None) -> bool:
    """Whether the habit (or, for None, any active habit of hers without a time of its own) is
    not yet marked for the day."""
    marked = exists().where(HabitDay.habit_id == Habit.id, HabitDay.day == day)
    found = select(Habit.id).where(Habit.user_id == user_id, Habit.archived.is_(False), ~marked)
    if habit_id is None:
        found = found.where(Habit.remind_at.is_(None))
    else:
        found = found.where(Habit.id == habit_id)
    return db.scalar(found.limit(1)) is not None


def _worth_telling(db: Session, user_id: int, item: Due) -> bool:
    """A habit reminder only on a day with its habit still open; a milestone only on its day."""
    if item.kind == NoticeKind.HABITS:
        return _open_habits(db, user_id, item.day, item.habit_id)
    if item.kind == NoticeKind.MILESTONE:
        return path.milestone_on(db, user_id, day=item.day) is not None
    return True


def _habit_times(db: Session) -> dict[int, tuple[tuple[int, str], ...]]:
    """The habits with a reminder time of their own, of every member with habit reminders on."""
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = db.execute(
        select(Habit.user_id, Habit.id, Habit.remind_at)
        .join(NotificationPreferences, NotificationPreferences.user_id == Habit.user_id)
        .where(
            NotificationPreferences.habits.is_(True),
            Habit.remind_at.is_not(None),
            Habit.archived.is_(False),
        )
        .order_by(Habit.id)
    )
    for user_id, habit_id, at in rows:
        if at:  # never None here: the query asks for times
            found[user_id].append((habit_id, at))
    return {user_id: tuple(times) for user_id, times in found.items()}


def _heads_ups(db: Session, zones: dict[int, str], now: datetime) -> list[tuple[int, Due]]:
    """The heads-ups due now for members who asked for them. Only those for whom an hour begins
    within HEADS_UP_BEFORE are read further (half of them at most, at any moment)."""
    soon = {
        user_id: time_zone
        for user_id, time_zone in zones.items()
        if (now + HEADS_UP_BEFORE).astimezone(zone(time_zone)).hour
        != now.astimezone(zone(time_zone)).hour
    }
    hard = insights.hard_hours_of(db, soon) if soon else {}
    return [
        (user_id, item)
        for user_id, cells in hard.items()
        for item in heads_up([(c.weekday, c.hour) for c in cells], soon[user_id], now)
    ]


def make_due(db: Session, now: datetime) -> int:
    """A row for each notification of each member that fell due; returns how many are new."""
    choosing = db.execute(
        select(NotificationPreferences, User.time_zone, User.safety_mode)
        .join(User, User.id == NotificationPreferences.user_id)
        .where(
            or_(
                NotificationPreferences.checkin_at.is_not(None),
                NotificationPreferences.habits.is_(True),
                NotificationPreferences.milestones.is_(True),
                NotificationPreferences.hard_hours.is_(True),
            )
        )
    ).all()
    habit_times = _habit_times(db)
    items: list[tuple[int, Due]] = []
    for choices, time_zone, safety_mode in choosing:
        daily = Daily(
            time_zone=time_zone,
            checkin_at=choices.checkin_at,
            habits=choices.habits,
            quiet_from=choices.quiet_from,
            quiet_to=choices.quiet_to,
            milestones=choices.milestones and not safety_mode,  # never about him in safety mode
            habit_times=habit_times.get(choices.user_id, ()),
        )
        items += [
            (choices.user_id, item)
            for item in due(daily, now)
            if _worth_telling(db, choices.user_id, item)
        ]
    asked = {  # the heads-up is about urges to reach him: never in safety mode
        choices.user_id: time_zone
        for choices, time_zone, safety_mode in choosing
        if choices.hard_hours and not safety_mode
    }
    items += _heads_ups(db, asked, now)
    return outbox.enqueue(db, items) if items else 0


@dataclass
class _Batch:
    """What sending a batch of claimed rows needs, read in a few queries for the whole batch."""

    users: dict[int, User]
    choices: dict[int, NotificationPreferences]
    devices: dict[int, list[PushSubscription]]
    channels: dict[int, list[NotificationChannel]]
    plans: dict[int, str]

    @classmethod
    def load(cls, db: Session, user_ids: list[int], planning: list[int]) -> _Batch:
        """`planning`: the members with a heads-up in the batch, whose plans are read."""
        users = {u.id: u for u in db.scalars(select(User).where(User.id.in_(user_ids)))}
        choices = {
            c.user_id: c
            for c in db.scalars(
                select(NotificationPreferences).where(NotificationPreferences.user_id.in_(user_ids))
            )
        }
        channels: dict[int, list[NotificationChannel]] = defaultdict(list)
        for channel in db.scalars(
            select(NotificationChannel).where(
                NotificationChannel.user_id.in_(user_ids), NotificationChannel.enabled.is_(True)
            )
        ):
            channels[channel.user_id].append(channel)
        plans: dict[int, str] = {}
        if planning:  # most batches hold no heads-up: no query for them
            mine = select(HardHoursPlan.user_id, HardHoursPlan.text).where(
                HardHoursPlan.user_id.in_(planning)
            )
            plans = {row.user_id: row.text for row in db.execute(mine)}
        return cls(users, choices, push.devices_of(db, user_ids), channels, plans)


def _send_row(
    row: NotificationSend,
    batch: _Batch,
    settings: Settings,
    setup: push.PushSetup | None,
    answered: list[tuple[PushSubscription, Answer]],
) -> Outcome:
    """Send one claimed row to every device and enabled channel of hers (no database work)."""
    user = batch.users.get(row.user_id)
    if user is None:
        return Outcome(sent=False, error="her account is gone", final=True)
    choices = batch.choices.get(row.user_id)
    plain = bool(choices and choices.plain_wording)
    words = message(
        NoticeKind(row.kind),
        plain=plain,
        safety_mode=user.safety_mode,
        plan=batch.plans.get(row.user_id),
    )
    if words is None:
        return Outcome(sent=False, error="held back in safety mode", final=True)
    answers: list[Answer] = []
    if setup is not None:
        for device in batch.devices[row.user_id]:
            answer = push.send(device, words, setup)
            answered.append((device, answer))
            answers.append(answer)
    policy = push.address_policy(settings)
    for channel in batch.channels[row.user_id]:
        answers.append(
            channel_urls.send(
                channel.url, words["title"], words["body"], settings=settings, policy=policy
            )
        )
    if not answers:
        return Outcome(sent=False, error="no device or channel to send to")
    if any(answer.status == "sent" for answer in answers):
        return Outcome(sent=True)
    return Outcome(sent=False, error="; ".join(answer.detail for answer in answers))


def send_claimed(db: Session, settings: Settings, worker: str, now: datetime) -> tuple[int, int]:
    """Claim and send batch after batch until nothing due is left; returns (sent, failed)."""
    sent = failed = 0
    setup = push.setup(settings)
    while claimed := outbox.claim(db, worker, now):
        heads_up = {row.user_id for row in claimed if row.kind == NoticeKind.HARD_HOURS.value}
        batch = _Batch.load(db, sorted({row.user_id for row in claimed}), sorted(heads_up))
        answered: list[tuple[PushSubscription, Answer]] = []
        results = [(row, _send_row(row, batch, settings, setup, answered)) for row in claimed]
        push.record(db, answered, now)
        outbox.finish(db, results, now)
        done = sum(outcome.sent for _, outcome in results)
        sent, failed = sent + done, failed + len(results) - done
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
