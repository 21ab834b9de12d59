"""Her data version moves with every change to her rows, in the same transaction, and only hers."""

from __future__ import annotations

import io
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import SessionKind, User, UserSession
from anew.accounts.sessions import find_caller, start_session, touch_session
from anew.db import utcnow
from anew.method.no_contact import store as progress
from anew.method.no_contact.models import CheckIn
from anew.safety.models import SafetyCheck
from anew.safety.service import forget_checks
from anew.your_data.archive import import_archive, write_archive
from tests.people import Person

DAY = date(2026, 11, 1)


def version(factory: sessionmaker[Session], person: Person) -> int:
    """Read in a session of its own, as another server process would."""
    with factory() as db:
        return int(db.scalar(select(User.data_version).where(User.id == person.id)) or 0)


def test_a_new_changed_or_deleted_row_moves_only_its_owners_version(
    factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    start, bobs = version(factory, alice), version(factory, bob)
    with factory() as db:
        progress.save_checkin(db, alice.id, day=DAY, mood=4)
        db.commit()
    assert version(factory, alice) == start + 1
    with factory() as db:
        checkin = db.scalars(select(CheckIn).where(CheckIn.user_id == alice.id)).one()
        checkin.mood = 7
        db.commit()
    assert version(factory, alice) == start + 2
    with factory() as db:
        db.delete(db.scalars(select(CheckIn).where(CheckIn.user_id == alice.id)).one())
        db.commit()
    assert version(factory, alice) == start + 3
    assert version(factory, bob) == bobs


def test_loading_or_setting_the_same_value_is_no_change(
    factory: sessionmaker[Session], alice: Person
) -> None:
    with factory() as db:
        progress.save_checkin(db, alice.id, day=DAY, mood=4)
        db.commit()
    start = version(factory, alice)
    with factory() as db:
        checkin = db.scalars(select(CheckIn).where(CheckIn.user_id == alice.id)).one()
        checkin.mood = 4
        db.commit()
    assert version(factory, alice) == start


def test_her_own_account_row_counts(factory: sessionmaker[Session], alice: Person) -> None:
    start = version(factory, alice)
    with factory() as db:
        user = db.get(User, alice.id)
        assert user is not None
        user.safety_mode = True
        db.commit()
    assert version(factory, alice) == start + 1


def test_a_bulk_delete_moves_the_version_of_the_users_whose_rows_went(
    factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    with factory() as db:
        for person in (alice, bob):
            db.add(SafetyCheck(user_id=person.id, taken_at=utcnow(), result="clear"))
        db.commit()
    start, bobs = version(factory, alice), version(factory, bob)
    with factory() as db:
        assert forget_checks(db, alice.id) == 1
        db.commit()
    assert version(factory, alice) == start + 1
    assert version(factory, bob) == bobs


def test_a_rolled_back_change_is_forgotten_by_the_next_transaction(
    factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    start, bobs = version(factory, alice), version(factory, bob)
    with factory() as db:
        progress.save_checkin(db, alice.id, day=DAY, mood=4)
        db.flush()
        db.rollback()
        progress.save_checkin(db, bob.id, day=DAY, mood=5)  # the same session, a new transaction
        db.commit()
    assert version(factory, alice) == start
    assert version(factory, bob) == bobs + 1


def test_her_row_is_only_written_as_the_transaction_commits(
    factory: sessionmaker[Session], alice: Person
) -> None:
    """A long transaction (a big import) must not hold her row locked from its first flush."""
    start = version(factory, alice)
    with factory() as db:
        progress.save_checkin(db, alice.id, day=DAY, mood=4)
        db.flush()
        seen_inside = db.scalar(select(User.data_version).where(User.id == alice.id))
        assert seen_inside == start  # not yet touched, even within the transaction itself
        db.commit()
    assert version(factory, alice) == start + 1


def test_signing_in_and_the_session_touch_are_not_her_data(
    factory: sessionmaker[Session], alice: Person
) -> None:
    start = version(factory, alice)
    with factory() as db:
        user = db.get(User, alice.id)
        assert user is not None
        token = start_session(db, user, SessionKind.WEB, utcnow())
        db.commit()
    later = utcnow() + timedelta(hours=1)  # past the touch interval: last_seen_at is written
    with factory.kw["bind"].connect() as connection:
        found = find_caller(connection, token, SessionKind.WEB, later)
        assert found is not None
        assert found.touch_due
        touch_session(connection, found, SessionKind.WEB, later)
    with factory() as db:
        assert db.scalars(select(UserSession.last_seen_at)).one() == later
    assert version(factory, alice) == start


def test_an_archive_import_moves_it_though_it_writes_around_the_orm(
    factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    with factory() as db:
        progress.save_checkin(db, alice.id, day=DAY, mood=4)
        db.commit()
        user = db.get(User, alice.id)
        assert user is not None
        out = io.BytesIO()
        write_archive(db, user, now=utcnow(), out=out)
        archive = out.getvalue()
    start = version(factory, bob)
    with factory() as db:
        fresh = db.get(User, bob.id)
        assert fresh is not None
        import_archive(db, fresh, archive)
        db.commit()
    assert version(factory, bob) > start
