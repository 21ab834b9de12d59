"""Server-side sessions: a random secret for the client, its hash in the database."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update
from sqlalchemy.orm import Session

from anew.accounts.models import SessionKind, User, UserSession

LIFETIMES = {
    SessionKind.WEB: timedelta(days=30),
    SessionKind.API: timedelta(days=7),
}
# Writing last_seen on every request would make each page view a write; once a minute is enough.
TOUCH_INTERVAL = timedelta(minutes=1)


def hash_token(token: str) -> str:
    """The stored form of a session secret."""
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(db: Session, user: User, kind: SessionKind, now: datetime) -> str:
    """Create a session for the user and return its secret (shown to the client once)."""
    token = secrets.token_urlsafe(32)
    db.add(
        UserSession(
            token_hash=hash_token(token),
            user_id=user.id,
            kind=kind.value,
            created_at=now,
            last_seen_at=now,
            expires_at=now + LIFETIMES[kind],
        )
    )
    db.flush()
    return token


def touched(kind: SessionKind, now: datetime) -> dict[str, datetime]:
    """What touching a session writes: last seen now, and for a browser's, which slides, its
    expiry moved forward (API tokens keep a fixed expiry)."""
    changes = {"last_seen_at": now}
    if kind is SessionKind.WEB:
        changes["expires_at"] = now + LIFETIMES[kind]
    return changes


@dataclass(frozen=True)
class Caller:
    """Who a live session belongs to, and the little a kept read needs to know of her."""

    id: int  # her user id
    data_version: int
    time_zone: str
    safety_mode: bool
    role: str
    session_id: int
    touch_due: bool  # last seen a minute ago or more: the caller touches it (touch_session)


# Built once: most of a lookup's cost through the ORM session was building the statement.
_WHO = select(
    UserSession.id,
    UserSession.expires_at,
    UserSession.last_seen_at,
    User.id,
    User.data_version,
    User.time_zone,
    User.safety_mode,
    User.role,
).join(User, User.id == UserSession.user_id)
# The same query for one secret (every lookup on SQLite) and for many (a round on PostgreSQL): an
# equality is about 60 us quicker than an IN list of one on SQLite, at every request.
_CALLER = _WHO.where(
    UserSession.token_hash == bindparam("token_hash"), UserSession.kind == bindparam("kind")
)
_CALLERS = _WHO.add_columns(UserSession.token_hash, UserSession.kind).where(
    UserSession.token_hash.in_(bindparam("token_hashes", expanding=True))
)


def find_caller(
    connection: Connection, token: str, kind: SessionKind, now: datetime
) -> Caller | None:
    """The live session behind a secret, or None when it is unknown, revoked or expired: one
    prepared query on a plain connection, building no ORM objects (it runs on every request).
    When `touch_due`, the caller touches the session with touch_session."""
    if not token:
        return None
    found = connection.execute(
        _CALLER, {"token_hash": hash_token(token), "kind": kind.value}
    ).first()
    return _caller(found[:8], now) if found is not None else None


def find_callers(
    connection: Connection, wanted: Collection[tuple[str, SessionKind]], now: datetime
) -> dict[tuple[str, SessionKind], Caller | None]:
    """find_caller for many (token, kind) pairs in one query: anew.web.http.session_rounds asks
    once for every request that arrived while the previous round was out."""
    by_hash = {(hash_token(token), kind.value): (token, kind) for token, kind in wanted if token}
    callers: dict[tuple[str, SessionKind], Caller | None] = dict.fromkeys(wanted)
    if not by_hash:
        return callers
    hashes = sorted({token_hash for token_hash, _ in by_hash})
    for row in connection.execute(_CALLERS, {"token_hashes": hashes}):
        asked = by_hash.get((row[8], row[9]))
        if asked is not None:
            callers[asked] = _caller(row[:8], now)
    return callers


def _caller(found: Sequence[Any], now: datetime) -> Caller | None:
    session_id, expires_at, last_seen_at, user_id, version, time_zone, safety, role = found
    if expires_at <= now:
        return None
    touch_due = now - last_seen_at >= TOUCH_INTERVAL
    return Caller(user_id, version, time_zone, safety, role, session_id, touch_due)


def touch_session(connection: Connection, caller: Caller, kind: SessionKind, now: datetime) -> None:
    """Touch a session found due (see `touched`). Committed here."""
    connection.execute(
        update(UserSession).where(UserSession.id == caller.session_id).values(**touched(kind, now))
    )
    connection.commit()


def end_session(db: Session, token: str) -> None:
    """Revoke one session (logging out, revoking a token)."""
    db.execute(delete(UserSession).where(UserSession.token_hash == hash_token(token)))


def end_all_sessions(db: Session, user_id: int) -> None:
    """Revoke every session of the user, in every server process (they all read this table)."""
    db.execute(delete(UserSession).where(UserSession.user_id == user_id))


def purge_expired(db: Session, now: datetime) -> int:
    """Delete sessions past their expiry; returns how many went."""
    result = db.execute(delete(UserSession).where(UserSession.expires_at <= now))
    return int(getattr(result, "rowcount", 0) or 0)
