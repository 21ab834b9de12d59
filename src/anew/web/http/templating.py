"""Jinja2 templates and the context every page shares (the user, the CSRF token, the steps)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from sqlalchemy import inspect as sa_inspect
from starlette.responses import HTMLResponse

from anew.accounts.roles import STAFF
from anew.accounts.sessions import Caller
from anew.chats.summary import format_duration, reply_pace
from anew.guide.service import pending_count
from anew.method.no_contact.charts import mood_chart, streak_calendar
from anew.method.steps import STEPS
from anew.web.http.app_shell import DARK, LIGHT, device_tag
from anew.web.http.csrf import CSRF_FIELD, request_csrf_token
from anew.web.http.safety_gate import WIN_BACK_STEPS
from anew.wording import counted, how_often, plural

TEMPLATES_DIR = Path(__file__).parents[1] / "pages" / "templates"


def make_templates() -> Jinja2Templates:
    """The template environment; autoescaping is on for every .html file."""
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    templates.env.globals["csrf_field"] = CSRF_FIELD
    templates.env.filters["duration"] = format_duration
    templates.env.filters["plural"] = plural
    templates.env.filters["counted"] = counted
    templates.env.filters["how_often"] = how_often
    # Built and escaped by anew.charts, so safe to show as they are.
    templates.env.filters["streak_calendar"] = lambda days: Markup(streak_calendar(days))  # noqa: S704
    templates.env.filters["mood_chart"] = lambda checkins: Markup(mood_chart(checkins))  # noqa: S704
    templates.env.globals["reply_pace"] = reply_pace
    templates.env.globals["theme_colors"] = {"light": LIGHT["theme"], "dark": DARK["theme"]}
    return templates


def _safety_mode(request: Request, user: Any) -> bool:
    """Her safety mode as last loaded. Error pages render after the session has closed, so this
    reads what is loaded (or what the request saw at sign-in) rather than asking the database."""
    if user is None:
        return False
    if isinstance(user, Caller):
        return bool(getattr(request.state, "safety_mode", user.safety_mode))
    loaded = sa_inspect(user).dict.get("safety_mode")
    if loaded is not None:
        return bool(loaded)
    return bool(getattr(request.state, "safety_mode", False))


def _pending_responses(request: Request, user: Any) -> int | None:
    """The moderation badge's count, for coaches and admins only (None hides the link)."""
    if isinstance(user, Caller):
        role: object = user.role
    else:
        role = sa_inspect(user).dict.get("role") if user is not None else None
    if role not in STAFF:
        return None
    with request.app.state.sessionmaker() as db:
        return pending_count(db)


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status_code: int = 200
) -> HTMLResponse:
    """Render a page with the shared context."""
    templates: Jinja2Templates = request.app.state.templates
    user = getattr(request.state, "user", None)
    safety_mode = _safety_mode(request, user)
    full: dict[str, Any] = {
        "user": user,
        "csrf_token": request_csrf_token(request),
        "open_signup": request.app.state.settings.open_signup,
        "safety_mode": safety_mode,
        "pending_responses": _pending_responses(request, user),
        "quick_exit_url": request.app.state.settings.quick_exit_url,
        # In safety mode the win-back steps leave the navigation and the step cards.
        "steps": [s for s in STEPS if not (safety_mode and s.slug in WIN_BACK_STEPS)],
    }
    if user is not None:
        secret = request.app.state.settings.resolved_secret_key
        full["device_tag"] = device_tag(secret, user.id)
    full.update(context or {})
    return templates.TemplateResponse(request, name, full, status_code=status_code)
