"""Jinja2 templates and the context every page shares (the user, the CSRF token, the steps)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from anew.chats.summary import format_duration
from anew.web.csrf import CSRF_FIELD, request_csrf_token
from anew.web.steps import STEPS

TEMPLATES_DIR = Path(__file__).parent / "templates"


def make_templates() -> Jinja2Templates:
    """The template environment; autoescaping is on for every .html file."""
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    templates.env.globals["steps"] = STEPS
    templates.env.globals["csrf_field"] = CSRF_FIELD
    templates.env.filters["duration"] = format_duration
    return templates


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status_code: int = 200
) -> HTMLResponse:
    """Render a page with the shared context."""
    templates: Jinja2Templates = request.app.state.templates
    full: dict[str, Any] = {
        "user": getattr(request.state, "user", None),
        "csrf_token": request_csrf_token(request),
        "open_signup": request.app.state.settings.open_signup,
    }
    full.update(context or {})
    return templates.TemplateResponse(request, name, full, status_code=status_code)
