"""The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the site is served over https."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

from anew.accounts.devices import MARK_LENGTH, Device, device_mark
from anew.accounts.sessions import LIFETIMES
from anew.accounts.vocabulary import SessionKind
from anew.web.http.deps import SESSION_COOKIE


def is_secure(request: Request) -> bool:
    """True when the browser reached us over https (directly or through a trusted proxy)."""
    return request.url.scheme == "https" or bool(request.app.state.settings.behind_https)


def set_session_cookie(response: Response, request: Request, token: str) -> None:
    """Hand the browser its session secret."""
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(LIFETIMES[SessionKind.WEB].total_seconds()),
        httponly=True,
        samesite="lax",
        secure=is_secure(request),
        path="/",
    )


DEVICE_COOKIE = "anew_device"


def set_device_cookie(response: Response, request: Request, user_id: int) -> None:
    """Mark this browser as one that signed in to the account, so guessing elsewhere (or on
    her shared address) never keeps her out; the mark is an HMAC, naming nobody."""
    secret = request.app.state.settings.resolved_secret_key
    response.set_cookie(
        DEVICE_COOKIE,
        device_mark(secret, user_id),
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="lax",
        secure=is_secure(request),
        path="/",
    )


def this_device(request: Request) -> Device:
    """The known-device mark this browser sent, if any, ready to be checked."""
    secret = request.app.state.settings.resolved_secret_key
    return Device(request.cookies.get(DEVICE_COOKIE, "")[:MARK_LENGTH], secret)


def clear_session_cookie(response: Response, request: Request) -> None:
    """Tell the browser to forget its session secret."""
    response.delete_cookie(
        SESSION_COOKIE, httponly=True, samesite="lax", secure=is_secure(request), path="/"
    )


def safe_next(target: str | None, default: str = "/dashboard") -> str:
    """A redirect target limited to this site's own paths, so links can't bounce people away."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    # Browsers drop tabs and newlines from an address, so "/\t/elsewhere" would leave the site.
    if not target.isprintable() or " " in target:
        return default
    return target
