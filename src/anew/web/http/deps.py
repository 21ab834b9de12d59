"""Request dependencies: the database session, the signed-in user, the client's address."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Protocol

from fastapi import Depends, HTTPException, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from anew.accounts.clock import local_date
from anew.accounts.models import SessionKind, User
from anew.accounts.sessions import find_session
from anew.config import Settings
from anew.db import utcnow
from anew.web.http.security import SESSION_COOKIE as SESSION_COOKIE  # where routes import it from

bearer_scheme = HTTPBearer(auto_error=False, description="A token from POST /api/v1/auth/token")


class LoginRequired(Exception):
    """Raised by page dependencies; the app answers with a redirect to the login page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def get_db(request: Request) -> Iterator[Session]:
    """A database session for one request; routes commit what they change.

    A plain generator: FastAPI closes it in a thread with a limiter of its own, so the close that
    frees a connection never waits behind requests that are waiting for one.
    """
    session: Session = request.app.state.sessionmaker()
    try:
        yield session
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def get_settings(request: Request) -> Settings:
    """The settings this app was created with."""
    settings: Settings = request.app.state.settings
    return settings


SessionDep = Annotated[Session, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


class LivesSomewhere(Protocol):
    """Her account (User), or what a kept read knows of her (Caller)."""

    @property
    def time_zone(self) -> str: ...


def user_today(user: LivesSomewhere) -> date:
    """Today where she lives: her days begin at her own midnight."""
    return local_date(utcnow(), user.time_zone)


def public_base(request: Request) -> str:
    """Where this server is reached from outside: ANEW_BASE_URL, or the address of this request.
    Links that leave the page (emails, feeds, calendar subscriptions) are built on it."""
    configured: str | None = request.app.state.settings.base_url
    return configured or str(request.base_url).rstrip("/")


def client_address(request: Request) -> str:
    """The client's address (uvicorn has already applied trusted proxy headers)."""
    return request.client.host if request.client else "unknown"


def _user_from_token(db: Session, token: str | None, kind: SessionKind) -> User | None:
    if not token:
        return None
    found = find_session(db, token, kind, utcnow())
    if found is None:
        return None
    user = found.user
    # Keeps last_seen_at when find_session moved it, and in any case hands the connection back
    # to the pool before the route waits for a thread: a request holding a connection while it
    # waits, times enough requests, starves every thread of connections (a hang, found by
    # tests/test_processes.py's flood).
    db.commit()
    return user


def optional_user(request: Request, db: SessionDep) -> User | None:
    """The signed-in browser user, or None for a visitor."""
    user = _user_from_token(db, request.cookies.get(SESSION_COOKIE), SessionKind.WEB)
    request.state.user = user
    request.state.safety_mode = bool(user and user.safety_mode)
    return user


def required_user(request: Request, user: Annotated[User | None, Depends(optional_user)]) -> User:
    """The signed-in browser user; visitors are sent to the login page and brought back."""
    if user is None:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(path)
    return user


BearerToken = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]


def no_valid_token() -> HTTPException:
    """The API's answer to a missing, unknown, revoked or expired token."""
    return HTTPException(
        status_code=401,
        detail="A valid bearer token is required.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def api_user(db: SessionDep, credentials: BearerToken) -> User:
    """The user behind a valid bearer token; 401 otherwise."""
    token = credentials.credentials if credentials else None
    user = _user_from_token(db, token, SessionKind.API)
    if user is None:
        raise no_valid_token()
    return user


def optional_api_user(db: SessionDep, credentials: BearerToken) -> User | None:
    """The token's user when a token is sent; None for anonymous callers. A bad token is 401."""
    if credentials is None:
        return None
    return api_user(db, credentials)


# Ids are database integers; anything outside their range can only be a 404 or a 422.
ChatId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The import's id")]

OptionalUser = Annotated[User | None, Depends(optional_user)]
CurrentUser = Annotated[User, Depends(required_user)]
ApiUser = Annotated[User, Depends(api_user)]
OptionalApiUser = Annotated[User | None, Depends(optional_api_user)]
