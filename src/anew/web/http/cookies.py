"""The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the site is served over https."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

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


def clear_session_cookie(response: Response, request: Request) -> None:
    """Tell the browser to forget its session secret."""
    response.delete_cookie(
        SESSION_COOKIE, httponly=True, samesite="lax", secure=is_secure(request), path="/"
    )


def safe_next(target: str | None, default: str = "/dashboard") -> str:
    """A redirect target limited to this site's own paths, so links can't bounce people away."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target
