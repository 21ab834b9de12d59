"""Error responses: friendly pages for people, JSON for the API, and never a stack trace."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from anew.errors import Conflict, Invalid, NotFound, RateLimited
from anew.web.http.csrf import CSRF_FIELD
from anew.web.http.deps import LoginRequired, optional_user
from anew.web.http.forms import NEVER_ECHOED
from anew.web.http.posted import kept_form
from anew.web.http.routing import allowed_methods
from anew.web.http.safety_gate import SafetyModeOn
from anew.web.http.templating import render

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
TITLES = {
    400: "That request didn't look right",
    403: "This isn't available",
    404: "We couldn't find that page",
    405: "That doesn't work here",
    429: "Let's slow down a little",
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


async def _identify(request: Request) -> None:
    """Find the signed-in user for an error page no route ran for (a 404), so the page shows
    her menu and, in safety mode, the quick exit."""
    if hasattr(request.state, "user"):
        return
    await optional_user(request)


async def http_error(request: Request, exc: Exception) -> Response:
    """Render 4xx errors as a page (JSON under /api/), keeping headers such as Retry-After."""
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request.app, request.url.path))
    if _wants_json(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    await _identify(request)
    detail = exc.detail if exc.status_code != 404 and isinstance(exc.detail, str) else ""
    context = {
        "status": exc.status_code,
        "title": TITLES.get(exc.status_code, ""),
        "detail": detail,
    }
    response = render(request, "errors/error.html", context, status_code=exc.status_code)
    for name, value in headers.items():
        response.headers[name] = value
    return response


async def validation_error(request: Request, exc: Exception) -> Response:
    """422 with each problem's location (e.g. ["body", "email"]) and message."""
    assert isinstance(exc, RequestValidationError)
    problems = [
        {"loc": list(error["loc"]), "msg": error["msg"], "type": error["type"]}
        for error in exc.errors()
    ]
    return JSONResponse({"detail": problems}, status_code=422)


async def refused(request: Request, exc: Exception) -> Response:
    """A service's refusal no route turned into an answer of its own: nothing of hers answers
    (404), it clashes with what is there (409), too many too fast (429), or one field can't be
    taken (422, located in the path when the route's path names the field, else in the body)."""
    if isinstance(exc, NotFound):
        return await http_error(request, StarletteHTTPException(404, exc.message))
    if isinstance(exc, Conflict):
        return await http_error(request, StarletteHTTPException(409, exc.message))
    if isinstance(exc, RateLimited):
        retry = {"Retry-After": str(exc.retry_after)}
        return await http_error(request, StarletteHTTPException(429, exc.message, retry))
    assert isinstance(exc, Invalid)
    route = request.scope.get("route")
    in_path = "{" + exc.field + "}" in getattr(route, "path", "")
    problem = {
        "loc": ["path" if in_path else "body", exc.field],
        "msg": exc.message,
        "type": "value_error",
    }
    if _wants_json(request):
        return JSONResponse({"detail": [problem]}, status_code=422)
    return await http_error(request, StarletteHTTPException(400, exc.message))


async def login_required(request: Request, exc: Exception) -> Response:
    """Send a visitor to the login page, and back to where she was going afterwards."""
    assert isinstance(exc, LoginRequired)
    return RedirectResponse(f"/login?next={quote(exc.next_path, safe='/')}", status_code=303)


async def safety_mode_on(request: Request, exc: Exception) -> Response:
    """A win-back page in safety mode: a kind explanation instead of the step."""
    return render(request, "safety/closed.html", status_code=403)


DATABASE_DOWN = "We can't reach our database right now. Please try again in a minute."
BUSY = "Anew is very busy this moment. Please try again in a few seconds."
NOT_SAVED = "What you just sent was not saved."


@dataclass(frozen=True)
class TypedBack:
    """One field of her posted form, handed back: her own words are shown, choices ride along."""

    name: str
    value: str

    @property
    def words(self) -> bool:
        if self.name == CSRF_FIELD:
            return False
        return len(self.value) > 30 or any(c.isspace() for c in self.value)


def _typed_back(request: Request) -> list[TypedBack]:
    """What her posted form held, to hand back on the error page (passwords and files aside):
    the database never got it, and she should not have to type it again."""
    form = kept_form(request)
    if form is None:
        return []
    return [
        TypedBack(name, value)
        for name, value in form.multi_items()
        if isinstance(value, str) and name not in NEVER_ECHOED
    ]


def _database_down(request: Request, exc: Exception) -> Response | None:
    """A database that can't be reached, or a server whose connections are all in use, is a 503
    that says so kindly, says whether what she sent was saved (it was not), and when to retry.
    The log names the failure, never the statement or its values (her words, her answers)."""
    if isinstance(exc, PoolTimeout):
        detail, retry = BUSY, "5"
        logger.error("No free database connection on %s %s", request.method, request.url.path)
    elif isinstance(exc, (OperationalError, InterfaceError)):
        detail, retry = DATABASE_DOWN, "30"
        cause = type(exc.orig).__name__ if exc.orig is not None else type(exc).__name__
        logger.error("Database unreachable on %s %s (%s)", request.method, request.url.path, cause)
    else:
        return None
    headers = {"Retry-After": retry}
    changing = request.method not in ("GET", "HEAD", "OPTIONS")
    if changing:
        detail = f"{NOT_SAVED} {detail}"
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=503, headers=headers)
    context = {
        "status": 503,
        "title": "Just a moment",
        "detail": detail,
        "typed_back": _typed_back(request) if changing else [],
        "retry_path": request.url.path,
    }
    response = render(request, "errors/error.html", context, status_code=503)
    response.headers.update(headers)
    if context["typed_back"]:  # her words, even a visitor's, are kept by no cache
        response.headers["Cache-Control"] = "no-store"
    return response


async def server_error(request: Request, exc: Exception) -> Response:
    """Log the failure for the operator; show the visitor nothing of its details."""
    down = _database_down(request, exc)
    if down is not None:
        return down
    logger.exception("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    if _wants_json(request):
        return JSONResponse({"detail": "Something went wrong on our side."}, status_code=500)
    try:
        context = {"status": 500, "title": "Something went wrong on our side", "detail": ""}
        return render(request, "errors/error.html", context, status_code=500)
    except Exception:  # even the error page failed: answer plainly rather than not at all
        return Response("Something went wrong on our side.", status_code=500)


class CrashMiddleware:
    """Turns an unhandled error into the 500 page inside the middleware that adds security headers.

    Starlette's own catch-all sits outside every user middleware, so its answers would go out
    without the Content-Security-Policy; this one sits inside.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            if started:  # too late for an error page; let the server close the connection
                raise
            response = await server_error(Request(scope), exc)
            await response(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    """Register every handler above on the app."""
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(LoginRequired, login_required)
    for refusal in (NotFound, Conflict, Invalid, RateLimited):
        app.add_exception_handler(refusal, refused)
    app.add_exception_handler(SafetyModeOn, safety_mode_on)
    app.add_middleware(CrashMiddleware)
