from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session, sessionmaker

from anew.errors import Invalid, NotFound
from anew.journal import service
from anew.journal.models import JournalEntry
from anew.method.no_contact.models import NoContactPeriod
from tests.people import Person

NOW = datetime(2026, 12, 3, 23, 30, tzinfo=UTC)


def test_an_entry_is_dated_on_her_own_day_not_the_servers(db: Session, alice: Person) -> None:
    entry, made = service.write(
        db, alice.id, today=date(2026, 12, 4), now=NOW, text="Past midnight in Tokyo", mood=5
    )
    assert made
    assert entry.written_on == date(2026, 12, 4)
    assert entry.created_at == NOW


def test_the_path_day_counts_from_her_first_period_across_a_slip(
    db: Session, alice: Person
) -> None:
    assert service.path_day(db, alice.id, today=date(2026, 11, 10)) is None
    db.add_all(
        [
            NoContactPeriod(
                user_id=alice.id,
                started_on=date(2026, 11, 1),
                target_days=30,
                status="broken",
                ended_on=date(2026, 11, 6),
            ),
            NoContactPeriod(user_id=alice.id, started_on=date(2026, 11, 6), target_days=30),
        ]
    )
    db.commit()
    assert service.path_day(db, alice.id, today=date(2026, 11, 10)) == 10


def test_changes_are_checked_and_only_hers_can_change(
    db: Session, alice: Person, bob: Person
) -> None:
    entry, _ = service.write(db, alice.id, today=date(2026, 12, 3), now=NOW, text="Mine")
    with pytest.raises(Invalid) as caught:
        service.change(db, alice.id, entry.id, {"mood": 12}, now=NOW)
    assert caught.value.field == "mood"
    with pytest.raises(NotFound):
        service.change(db, bob.id, entry.id, {"text": "taken"}, now=NOW)
    with pytest.raises(NotFound):
        service.delete(db, bob.id, entry.id)
    assert service.entry(db, alice.id, entry.id).text == "Mine"
    with pytest.raises(Invalid) as long_query:
        service.entries(db, alice.id, query="x" * 201)
    assert long_query.value.field == "q"


def test_two_writes_with_one_key_at_the_same_moment_store_one_entry(
    db: Session, factory: sessionmaker[Session], alice: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other request stored its entry between this one's look for the key and its insert:
    the unique index refuses the second row, and the entry already stored is the answer."""
    looked = service._by_key

    def other_request_stores_it_first(db: Session, user_id: int, key: str) -> JournalEntry | None:
        monkeypatch.setattr(service, "_by_key", looked)
        with factory() as other:
            service.write(
                other, user_id, today=date(2026, 12, 3), now=NOW, text="First", idempotency_key=key
            )
        return None

    monkeypatch.setattr(service, "_by_key", other_request_stores_it_first)
    entry, made = service.write(
        db, alice.id, today=date(2026, 12, 3), now=NOW, text="Second", idempotency_key="same-key"
    )
    assert not made
    assert entry.text == "First"
    assert [e.text for e in service.entries(db, alice.id)] == ["First"]
