"""The vault looking back with her data, on SQLite and PostgreSQL: off until she turns it on, the
day she wrote a message read in her own time zone, her moods then and now, nothing in safety mode,
nothing of anyone else's, and her vault left unread on every other day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.method.looking_back import service
from anew.method.no_contact.models import CheckIn, Urge
from tests.people import Person

TODAY = date(2026, 12, 20)


def keep(db: Session, person: Person, message: str | None, at: datetime) -> int:
    urge = Urge(user_id=person.id, at=at, intensity=6, message=message)
    db.add(urge)
    db.flush()
    return urge.id


def on_day(db: Session, person: Person, path_day: int, *, safety_mode: bool = False) -> Any:
    return service.on_today(db, person.id, path_day=path_day, today=TODAY, safety_mode=safety_mode)


def test_it_is_off_until_she_turns_it_on(db: Session, alice: Person) -> None:
    keep(db, alice, "come back", datetime(2026, 12, 13, 21, 0, tzinfo=UTC))
    assert service.setting(db, alice.id).enabled is False
    assert on_day(db, alice, 7) is None
    assert service.choose(db, alice.id, enabled=True).enabled is True
    assert on_day(db, alice, 7) is not None
    assert service.choose(db, alice.id, enabled=False).enabled is False
    assert on_day(db, alice, 7) is None


def test_on_day_seven_her_message_comes_back_with_her_moods(db: Session, alice: Person) -> None:
    service.choose(db, alice.id, enabled=True)
    kept = keep(db, alice, "I miss you so much", datetime(2026, 12, 13, 21, 0, tzinfo=UTC))
    keep(db, alice, "too new", datetime(2026, 12, 19, 9, 0, tzinfo=UTC))
    keep(db, alice, None, datetime(2026, 12, 13, 9, 0, tzinfo=UTC))  # an urge with no message
    db.add_all(
        [
            CheckIn(user_id=alice.id, day=date(2026, 12, 13), mood=2),
            CheckIn(user_id=alice.id, day=TODAY, mood=7),
        ]
    )
    db.commit()
    shown = on_day(db, alice, 8)
    assert shown.model_dump() == {
        "day": 7,
        "entry": {"id": kept, "text": "I miss you so much", "written_on": date(2026, 12, 13)},
        "mood_then": 2,
        "mood_now": 7,
        "question": "How does this read to you now?",
    }
    assert service.how_long_ago(shown, TODAY) == "a week ago"


def test_the_day_she_wrote_it_is_her_own_day(db: Session, alice: Person) -> None:
    user = db.get(User, alice.id)
    assert user is not None
    user.time_zone = "Asia/Tokyo"
    db.commit()
    service.choose(db, alice.id, enabled=True)
    # 20:00 UTC on the 12th is already 05:00 on the 13th in Tokyo.
    keep(db, alice, "late night words", datetime(2026, 12, 12, 20, 0, tzinfo=UTC))
    db.add(CheckIn(user_id=alice.id, day=date(2026, 12, 13), mood=4))
    db.commit()
    shown = on_day(db, alice, 7)
    assert shown.entry.written_on == date(2026, 12, 13)
    assert (shown.mood_then, shown.mood_now) == (4, None)


def test_nothing_comes_back_in_safety_mode(db: Session, alice: Person) -> None:
    service.choose(db, alice.id, enabled=True)
    keep(db, alice, "come back", datetime(2026, 12, 13, 21, 0, tzinfo=UTC))
    db.commit()
    assert on_day(db, alice, 7, safety_mode=True) is None


def test_nothing_comes_back_when_every_message_is_too_new(db: Session, alice: Person) -> None:
    service.choose(db, alice.id, enabled=True)
    keep(db, alice, "yesterday", datetime(2026, 12, 19, 12, 0, tzinfo=UTC))
    db.commit()
    assert on_day(db, alice, 30) is None


def test_bob_never_gets_alices_message(db: Session, alice: Person, bob: Person) -> None:
    service.choose(db, alice.id, enabled=True)
    service.choose(db, bob.id, enabled=True)
    keep(db, alice, "alice-only words", datetime(2026, 12, 13, 21, 0, tzinfo=UTC))
    db.commit()
    assert on_day(db, bob, 7) is None
    assert on_day(db, alice, 7).entry.text == "alice-only words"
    assert service.setting(db, bob.id).enabled is True
    service.choose(db, bob.id, enabled=False)
    assert service.setting(db, alice.id).enabled is True


def test_off_the_look_back_days_her_vault_is_not_read(db: Session, alice: Person) -> None:
    service.choose(db, alice.id, enabled=True)
    keep(db, alice, "come back", datetime(2026, 12, 13, 21, 0, tzinfo=UTC))
    db.commit()
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(str(args[2]))

    engine = db.get_bind()
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert on_day(db, alice, 12) is None
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert statements == []
