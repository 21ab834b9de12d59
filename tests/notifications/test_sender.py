"""A round of notifications: what falls due is sent once, in the words she chose (or the
lock-screen safe ones), never twice, and a failure is tried again later."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.config import Settings
from anew.insights import plans
from anew.insights.plans import PlanIn
from anew.method.new_you.models import Habit, HabitDay
from anew.method.no_contact.models import NoContactPeriod, Urge
from anew.notifications import preferences
from anew.notifications.models import NotificationSend
from anew.notifications.preferences import PreferencesIn
from anew.notifications.sender import run_once
from anew.push.models import PushSubscription
from tests.people import Person
from tests.push_service import Browser, PushService

EVENING = datetime(2026, 12, 4, 21, 0, 20, tzinfo=UTC)  # 21:00 in London, in winter


def choose(factory: sessionmaker[Session], person: Person, **choices: object) -> None:
    with factory() as db:
        db.execute(update(User).where(User.id == person.id).values(time_zone="Europe/London"))
        db.commit()
        preferences.replace(db, person.id, PreferencesIn(**choices))  # type: ignore[arg-type]


def sends(factory: sessionmaker[Session]) -> list[tuple[str, str, int]]:
    with factory() as db:
        rows = db.scalars(select(NotificationSend).order_by(NotificationSend.id))
        return [(row.key, row.status, row.attempts) for row in rows]


def test_the_check_in_arrives_once_in_lock_screen_safe_words(
    factory: sessionmaker[Session],
    settings: Settings,
    alice: Person,
    alices_phone: Browser,
    stand_in: PushService,
) -> None:
    choose(factory, alice, checkin_at="21:00")
    assert run_once(factory, settings, "w1", EVENING - timedelta(minutes=1)).made == 0
    done = run_once(factory, settings, "w1", EVENING)
    assert (done.made, done.sent, done.failed) == (1, 1, 0)
    again = run_once(factory, settings, "w2", EVENING + timedelta(minutes=1))
    assert (again.made, again.sent) == (0, 0)
    (received,) = stand_in.received
    assert alices_phone.read(received.body) == {
        "title": "Anew",
        "body": "A quiet minute for you: how is today going?",
        "url": "/dashboard",
        "tag": "anew-checkin",
    }
    assert sends(factory) == [("checkin:2026-12-04", "sent", 1)]


def test_plain_wording_says_what_it_is_unless_safety_mode_is_on(
    factory: sessionmaker[Session],
    settings: Settings,
    alice: Person,
    alices_phone: Browser,
    stand_in: PushService,
) -> None:
    choose(factory, alice, checkin_at="21:00", plain_wording=True)
    run_once(factory, settings, "w1", EVENING)
    plain = alices_phone.read(stand_in.received[0].body)["body"]
    assert plain == "Time for your daily check-in: how are you feeling today?"
    with factory() as db:
        db.execute(update(User).where(User.id == alice.id).values(safety_mode=True))
        db.commit()
    run_once(factory, settings, "w1", EVENING + timedelta(days=1))
    safe = alices_phone.read(stand_in.received[1].body)["body"]
    assert safe == "A quiet minute for you: how is today going?"


def test_a_habit_reminder_only_while_a_habit_is_still_open(
    factory: sessionmaker[Session],
    settings: Settings,
    alice: Person,
    alices_phone: Browser,
    stand_in: PushService,
) -> None:
    choose(factory, alice, habits=True)
    at_seven = datetime(2026, 12, 4, 19, 0, 30, tzinfo=UTC)
    assert run_once(factory, settings, "w1", at_seven).made == 0  # no habit at all
    with factory() as db:
        habit = Habit(user_id=alice.id, title="Walk", per_week=7, started_on=date(2026, 12, 1))
        db.add(habit)
        db.flush()
        db.add(HabitDay(user_id=alice.id, habit_id=habit.id, day=date(2026, 12, 4), status="done"))
        db.commit()
    assert run_once(factory, settings, "w1", at_seven).made == 0  # done today already
    assert run_once(factory, settings, "w1", at_seven + timedelta(days=1)).sent == 1
    body = alices_phone.read(stand_in.received[0].body)["body"]
    assert body == "A small step is waiting for you today."


def test_a_failed_send_is_tried_again_later_then_given_up(
    factory: sessionmaker[Session],
    settings: Settings,
    alice: Person,
    alices_phone: Browser,
    stand_in: PushService,
) -> None:
    with factory() as db:
        db.execute(update(PushSubscription).values(endpoint=f"{stand_in.base}/down/alice"))
        db.commit()
    choose(factory, alice, checkin_at="21:00")
    assert run_once(factory, settings, "w1", EVENING).failed == 1
    assert sends(factory) == [("checkin:2026-12-04", "failed", 1)]
    assert run_once(factory, settings, "w1", EVENING + timedelta(seconds=30)).failed == 0  # waits
    moment = EVENING
    for wait in (1, 5, 30, 120):
        moment += timedelta(minutes=wait, seconds=1)
        run_once(factory, settings, "w1", moment)
    assert sends(factory) == [("checkin:2026-12-04", "given_up", 5)]
    assert len(stand_in.received) == 5


def test_bobs_choices_never_send_to_alice(
    factory: sessionmaker[Session],
    settings: Settings,
    alice: Person,
    bob: Person,
    alices_phone: Browser,
    stand_in: PushService,
) -> None:
    choose(factory, bob, checkin_at="21:00")
    done = run_once(factory, settings, "w1", EVENING)
    assert (done.made, done.sent, done.failed) == (1, 0, 1)  # Bob has no device
    assert stand_in.received == []


def test_a_milestone_is_told_in_the_morning_of_its_day_and_never_in_safety_mode(
    factory: sessionmaker[Session],
    settings: Settings,
    alice: Person,
    alices_phone: Browser,
    stand_in: PushService,
) -> None:
    choose(factory, alice, milestones=True, plain_wording=True)
    with factory() as db:
        started = date(2026, 12, 1)  # a whole week without contact on 8 December
        db.add(NoContactPeriod(user_id=alice.id, started_on=started, target_days=30))
        db.commit()
    morning = datetime(2026, 12, 7, 9, 0, 30, tzinfo=UTC)
    assert run_once(factory, settings, "w1", morning).made == 0  # six days: no milestone
    assert run_once(factory, settings, "w1", morning + timedelta(days=1)).sent == 1
    said = alices_phone.read(stand_in.received[0].body)
    assert said["tag"] == "anew-milestone"
    assert said["body"].startswith("You reached a no-contact milestone today.")
    with factory() as db:
        db.execute(update(User).where(User.id == alice.id).values(safety_mode=True))
        db.commit()
    assert run_once(factory, settings, "w1", morning + timedelta(days=8)).made == 0  # 14 days
    assert len(stand_in.received) == 1


def test_a_habit_with_its_own_time_is_reminded_of_at_that_time_while_open(
    factory: sessionmaker[Session],
    settings: Settings,
    alice: Person,
    alices_phone: Browser,
    stand_in: PushService,
) -> None:
    choose(factory, alice, habits=True)
    with factory() as db:
        walk = Habit(
            user_id=alice.id,
            title="Walk",
            per_week=7,
            started_on=date(2026, 12, 1),
            remind_at="12:30",
        )
        db.add(walk)
        db.commit()
    noon = datetime(2026, 12, 4, 12, 30, 5, tzinfo=UTC)
    assert run_once(factory, settings, "w1", noon).sent == 1
    assert sends(factory) == [(f"habit-{walk.id}:2026-12-04", "sent", 1)]
    evening = datetime(2026, 12, 4, 19, 0, 5, tzinfo=UTC)
    assert run_once(factory, settings, "w1", evening).made == 0  # no other habit is open
    with factory() as db:
        db.add(HabitDay(user_id=alice.id, habit_id=walk.id, day=date(2026, 12, 5), status="done"))
        db.commit()
    assert run_once(factory, settings, "w1", noon + timedelta(days=1)).made == 0  # done already


def hard_sundays(factory: sessionmaker[Session], person: Person) -> None:
    """Four urges on Sunday evenings around 21:00 in London: a hard hour."""
    with factory() as db:
        for day in (8, 15, 22, 29):  # Sundays in November 2026
            at = datetime(2026, 11, day, 21, 10, tzinfo=UTC)
            db.add(Urge(user_id=person.id, at=at, intensity=6))
        db.commit()


SUNDAY_BEFORE_NINE = datetime(2026, 12, 6, 20, 30, 10, tzinfo=UTC)  # London: 20:30, quiet 20-22


def test_the_heads_up_comes_before_her_hard_hour_even_in_quiet_hours(
    factory: sessionmaker[Session],
    settings: Settings,
    alice: Person,
    alices_phone: Browser,
    stand_in: PushService,
) -> None:
    hard_sundays(factory, alice)
    choose(factory, alice, hard_hours=True, quiet_from="20:00", quiet_to="08:00")
    assert run_once(factory, settings, "w1", SUNDAY_BEFORE_NINE - timedelta(minutes=1)).made == 0
    assert run_once(factory, settings, "w1", SUNDAY_BEFORE_NINE).sent == 1
    assert run_once(factory, settings, "w1", SUNDAY_BEFORE_NINE + timedelta(minutes=5)).made == 0
    assert sends(factory) == [("hard_hours:2026-12-06T21", "sent", 1)]
    assert alices_phone.read(stand_in.received[0].body) == {
        "title": "Anew",
        "body": "A gentle heads-up: the next hour has been a harder one lately. Be kind to "
        "yourself; something to help is one tap away.",
        "url": "/insights#plan",
        "tag": "anew-hard_hours",
    }


def test_plain_wording_brings_her_own_plan_and_safety_mode_sends_no_heads_up(
    factory: sessionmaker[Session],
    settings: Settings,
    alice: Person,
    alices_phone: Browser,
    stand_in: PushService,
) -> None:
    hard_sundays(factory, alice)
    choose(factory, alice, hard_hours=True, plain_wording=True)
    with factory() as db:
        plans.replace(db, alice.id, PlanIn(text="Tea, then ring Jo.\nVault, not him."))
    run_once(factory, settings, "w1", SUNDAY_BEFORE_NINE)
    body = alices_phone.read(stand_in.received[0].body)["body"]
    assert body == (
        "A gentle heads-up: urges have come around this time lately. "
        "Your plan: Tea, then ring Jo. Vault, not him."
    )
    with factory() as db:
        db.execute(update(User).where(User.id == alice.id).values(safety_mode=True))
        db.commit()
    assert run_once(factory, settings, "w1", SUNDAY_BEFORE_NINE + timedelta(days=7)).made == 0
    assert len(stand_in.received) == 1
