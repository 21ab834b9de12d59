"""The FastAPI app factory: one app per settings object, so tests can build as many as they need."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.telemetry import TelemetryConfig
from starlette.middleware.gzip import GZipMiddleware

import anew
from anew.config import Settings, load_settings
from anew.content import load_content
from anew.db import make_engine
from anew.tables import make_sessionmaker
from anew.web.api import API_PREFIX
from anew.web.api import AREAS as api_areas
from anew.web.api import router as api_router
from anew.web.api.docs import mount_assets
from anew.web.http import health, log_redaction
from anew.web.http.bodies import BodyGate, body_gate_options
from anew.web.http.compression import compression_options
from anew.web.http.errors import install_error_handlers
from anew.web.http.read_cache import ReadCache
from anew.web.http.security import SecurityMiddleware
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.session_rounds import SessionRounds
from anew.web.http.signed_in import RecentTouches
from anew.web.http.slots import RequestSlots
from anew.web.http.templating import make_templates
from anew.web.pages import (
    account,
    app_shell,
    auth,
    best_self,
    calendar,
    chats,
    dashboard,
    drafts,
    feeds,
    guide,
    home,
    insights,
    journal,
    moderation,
    new_look,
    new_you,
    no_contact,
    notifications,
    path,
    quizzes,
    reply_coach,
    safety,
)

STATIC_DIR = Path(__file__).parent / "pages" / "static"
# Users' data never leaves their server: FastAPI's built-in OpenTelemetry hooks stay off, whatever
# the environment says (FASTAPI_OTEL_AUTO_CONFIGURE would otherwise add exporters).
NO_TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; migrations are applied by `anew serve` or `anew db upgrade`, not here."""
    settings = settings or load_settings()
    log_redaction.install()
    app = FastAPI(
        title="Anew API",
        version=anew.__version__,
        description="Your own data in Anew, as JSON. Authenticate with a bearer token.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # FastAPI's own pages load Swagger UI from a CDN: ours is at /api/v1/docs
        redoc_url=None,
        telemetry=NO_TELEMETRY,
    )
    engine = make_engine(settings.resolved_database_url)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.read_cache = ReadCache()
    app.state.recent_touches = RecentTouches()
    app.state.session_rounds = SessionRounds(engine)
    app.state.templates = make_templates()
    content = load_content(settings)
    app.state.resources, app.state.quizzes = content.resources, content.quizzes
    app.state.articles = content.articles
    settings.resolved_secret_key  # noqa: B018 - create the key now rather than mid-request

    install_error_handlers(app)  # its middleware must sit inside the security headers
    app.add_middleware(RequestSlots)
    app.add_middleware(BodyGate, **body_gate_options(settings))  # bodies in before a slot
    app.add_middleware(SecurityMiddleware, secure_cookies=settings.behind_https)
    app.add_middleware(GZipMiddleware, **compression_options())  # the finished answer, headers too
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    mount_assets(app)
    # FastAPI tries routes in order, at a cost per route: the API's calls, the most frequent,
    # are tried first (no page path starts with /api). The steps' own routers come before
    # pages, so they outrank the generic /steps/{slug}.
    routers = (
        api_router,
        no_contact.router,
        reply_coach.router,
        drafts.router,
        new_you.router,
        best_self.router,
        new_look.router,
        home.router,
        auth.router,
        dashboard.router,
        path.router,
        journal.router,
        insights.router,
        account.router,
        calendar.router,
        notifications.router,
        chats.router,
        safety.router,
        quizzes.router,
        feeds.router,
        guide.router,
        moderation.router,
        health.router,
        app_shell.router,
    )
    for router in routers:
        app.include_router(router)
    for settled in (*routers, *api_areas):  # their routes are all in now
        if isinstance(settled, SegmentRouter):
            settled.settle()
    return app
