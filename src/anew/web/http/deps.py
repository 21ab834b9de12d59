"""Request dependencies: the database session, the signed-in user, the client's address."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Protocol

from fastapi import Depends, Header, HTTPException, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from anew.accounts.clock import local_date
from anew.accounts.sessions import Caller
from anew.accounts.vocabulary import SessionKind
from anew.db import utcnow
from anew.sent_once.service import KEY_PATTERN
from anew.web.http.security import SESSION_COOKIE as SESSION_COOKIE  # where routes import it from
from anew.web.http.signed_in import signed_in

bearer_scheme = HTTPBearer(auto_error=False, description="A token from POST /api/v1/auth/token")


class LoginRequired(Exception):
    """Raised by page dependencies; the app answers with a redirect to the login page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def get_db(request: Request) -> Iterator[Session]:
    """A database session for one request, handed to the services (each commits its own work).

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


SessionDep = Annotated[Session, Depends(get_db)]


class LivesSomewhere(Protocol):
    """Anyone with a time zone: who is signed in (Caller), or an account."""

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


def feed_url(request: Request, token: str) -> str:
    """Her calendar feed's secret address, as her phone's calendar subscribes to it."""
    return f"{public_base(request)}/calendar/{token}.ics"


def client_address(request: Request) -> str:
    """The client's address (uvicorn has already applied trusted proxy headers)."""
    return request.client.host if request.client else "unknown"


def _here(request: Request) -> str:
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


async def optional_user(request: Request) -> Caller | None:
    """Who is signed in to this browser, or None for a visitor."""
    caller = await signed_in(request.app, request.cookies.get(SESSION_COOKIE), SessionKind.WEB)
    request.state.user = caller
    request.state.safety_mode = bool(caller and caller.safety_mode)
    return caller


async def required_user(
    request: Request, user: Annotated[Caller | None, Depends(optional_user)]
) -> Caller:
    """Who is signed in to this browser; visitors are sent to the login page and brought back."""
    if user is None:
        raise LoginRequired(_here(request))
    return user


BearerToken = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]


def no_valid_token() -> HTTPException:
    """The API's answer to a missing, unknown, revoked or expired token."""
    return HTTPException(
        status_code=401,
        detail="A valid bearer token is required.",
        headers={"WWW-Authenticate": "Bearer"},
    )


async def api_user(request: Request, credentials: BearerToken) -> Caller:
    """Who the bearer token belongs to; 401 for a missing, unknown, revoked or expired one."""
    token = credentials.credentials if credentials else None
    caller = await signed_in(request.app, token, SessionKind.API)
    if caller is None:
        raise no_valid_token()
    return caller


async def reader(request: Request, credentials: BearerToken) -> Caller:
    """For GET routes her own pages read too (Today and the path, which the service worker keeps
    for reading offline): the bearer token's owner, or else this browser's signed-in session.
    Reads only: a write through the API always needs the token (a cookie alone is no proof
    against another site's forged post)."""
    if credentials is not None or request.method not in ("GET", "HEAD"):
        return await api_user(request, credentials)
    caller = await signed_in(request.app, request.cookies.get(SESSION_COOKIE), SessionKind.WEB)
    if caller is None:
        raise no_valid_token()
    return caller


async def optional_api_user(request: Request, credentials: BearerToken) -> Caller | None:
    """The token's owner when a token is sent; None for anonymous callers. A bad token is 401."""
    if credentials is None:
        return None
    return await api_user(request, credentials)


# A write sent again with the same key (a phone resending what it queued offline) is stored once.
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        pattern=f"^{KEY_PATTERN.pattern}$",
        description="Any unique string you choose (a UUID): sent again, the write is stored once",
    ),
]

# Ids are database integers; anything outside their range can only be a 404 or a 422.
ChatId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The import's id")]

OptionalUser = Annotated[Caller | None, Depends(optional_user)]
CurrentUser = Annotated[Caller, Depends(required_user)]
ApiUser = Annotated[Caller, Depends(api_user)]
ReaderUser = Annotated[Caller, Depends(reader)]
OptionalApiUser = Annotated[Caller | None, Depends(optional_api_user)]
