"""Server-side sessions: a random secret for the client, its hash in the database."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload

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


def find_session(db: Session, token: str, kind: SessionKind, now: datetime) -> UserSession | None:
    """The live session for a secret, or None when it is unknown, revoked or expired."""
    if not token:
        return None
    found = db.scalar(
        select(UserSession)
        .options(joinedload(UserSession.user))  # every caller needs her: one query, not two
        .where(UserSession.token_hash == hash_token(token), UserSession.kind == kind.value)
    )
    if found is None or found.expires_at <= now:
        return None
    if now - found.last_seen_at >= TOUCH_INTERVAL:
        found.last_seen_at = now
        if kind is SessionKind.WEB:  # browser sessions slide; API tokens keep a fixed expiry
            found.expires_at = now + LIFETIMES[kind]
    return found


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
