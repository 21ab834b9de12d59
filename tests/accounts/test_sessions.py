from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from anew.accounts.models import SessionKind, User, UserSession
from anew.accounts.sessions import (
    Caller,
    end_all_sessions,
    end_session,
    find_caller,
    hash_token,
    purge_expired,
    start_session,
    touched,
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def find_session(db: Session, token: str, kind: SessionKind, now: datetime) -> Caller | None:
    """The one session lookup, on the test's own (uncommitted) transaction."""
    db.flush()
    return find_caller(db.connection(), token, kind, now)


def _user(db: Session, email: str = "alice@example.org") -> User:
    user = User(email=email, password_hash="x")
    db.add(user)
    db.flush()
    return user


def test_it_keeps_only_a_hash_of_the_secret(db: Session) -> None:
    token = start_session(db, _user(db), SessionKind.WEB, NOW)
    stored = db.scalars(select(UserSession.token_hash)).all()
    assert stored == [hash_token(token)]
    assert token not in stored


def test_a_session_is_found_only_for_its_own_kind(db: Session) -> None:
    token = start_session(db, _user(db), SessionKind.API, NOW)
    assert find_session(db, token, SessionKind.API, NOW) is not None
    assert find_session(db, token, SessionKind.WEB, NOW) is None
    assert find_session(db, "made-up", SessionKind.API, NOW) is None


def test_an_api_token_expires_after_seven_days(db: Session) -> None:
    token = start_session(db, _user(db), SessionKind.API, NOW)
    assert find_session(db, token, SessionKind.API, NOW + timedelta(days=6)) is not None
    assert find_session(db, token, SessionKind.API, NOW + timedelta(days=7)) is None


def test_a_browser_session_slides_while_it_is_used(db: Session) -> None:
    token = start_session(db, _user(db), SessionKind.WEB, NOW)
    later = NOW + timedelta(days=29)
    found = find_session(db, token, SessionKind.WEB, later)
    assert found is not None
    assert found.touch_due
    assert touched(SessionKind.WEB, later) == {
        "last_seen_at": later,
        "expires_at": later + timedelta(days=30),
    }
    assert touched(SessionKind.API, later) == {"last_seen_at": later}  # tokens keep their expiry


def test_ending_sessions_revokes_them(db: Session) -> None:
    alice, bob = _user(db), _user(db, "bob@example.org")
    first = start_session(db, alice, SessionKind.WEB, NOW)
    second = start_session(db, alice, SessionKind.API, NOW)
    bobs = start_session(db, bob, SessionKind.WEB, NOW)
    end_session(db, first)
    assert find_session(db, first, SessionKind.WEB, NOW) is None
    end_all_sessions(db, alice.id)
    assert find_session(db, second, SessionKind.API, NOW) is None
    assert find_session(db, bobs, SessionKind.WEB, NOW) is not None


def test_purge_removes_only_expired_sessions(db: Session) -> None:
    user = _user(db)
    start_session(db, user, SessionKind.API, NOW - timedelta(days=8))
    kept = start_session(db, user, SessionKind.API, NOW)
    assert purge_expired(db, NOW) == 1
    assert find_session(db, kept, SessionKind.API, NOW) is not None
