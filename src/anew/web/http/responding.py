"""The web's side of guide responses, shared by the form and the API: finding the article, who
hears by email and when mail goes out; plus the form-only guards (a honeypot and a minimum time
between showing the form and posting) and the cookie that lets her see her own pending ones."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

from fastapi import Request
from starlette.responses import Response

from anew.guide import rules
from anew.guide.articles import Article
from anew.guide.service import Mailing
from anew.web.http.cookies import is_secure
from anew.web.http.outbox import mail_base, mail_is_set_up

RESPONDER_COOKIE = "anew_responder"
HONEYPOT = "nickname"  # hidden from people; bots that fill every field fill it
MIN_SECONDS = 3


def find_article(request: Request, slug: str) -> Article | None:
    """The article with this slug, if the server has it."""
    articles: list[Article] = request.app.state.articles
    return next((a for a in articles if a.slug == slug), None)


def _sign(request: Request, value: str) -> str:
    key = request.app.state.settings.resolved_secret_key.encode()
    return hmac.new(key, f"response-form\0{value}".encode(), hashlib.sha256).hexdigest()[:32]


def form_stamp(request: Request, now: datetime) -> str:
    """A signed note of when the form was shown."""
    shown = str(int(now.timestamp()))
    return f"{shown}.{_sign(request, shown)}"


def check_form_guards(request: Request, form: dict[str, str], now: datetime) -> None:
    """The honeypot must be empty and the form at least MIN_SECONDS old (and really ours)."""
    if form.get(HONEYPOT):
        raise rules.Refusal(
            {"form": "Your response couldn't be sent. Please leave the hidden field empty."}
        )
    shown, _dot, signature = form.get("shown_at", "").partition(".")
    genuine = shown.isdigit() and hmac.compare_digest(
        signature.encode(), _sign(request, shown).encode()
    )
    if not genuine or now.timestamp() - int(shown) < MIN_SECONDS:
        raise rules.Refusal(
            {"form": "That was very quick! Please take a moment, then send your response again."}
        )


def responder_key(request: Request) -> str:
    """The hash of this browser's responder cookie ("" if it has none yet)."""
    token = request.cookies.get(RESPONDER_COOKIE, "")
    return hashlib.sha256(token.encode()).hexdigest() if token else ""


def remember_responder(request: Request, response: Response) -> str:
    """Give the browser a responder cookie (once); returns the hash stored with her responses."""
    token = request.cookies.get(RESPONDER_COOKIE) or secrets.token_urlsafe(24)
    response.set_cookie(
        RESPONDER_COOKIE,
        token,
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="lax",
        secure=is_secure(request),
        path="/guide",
    )
    return hashlib.sha256(token.encode()).hexdigest()


def mailing(request: Request) -> Mailing:
    """Who hears about responses, and the links their emails carry."""
    settings = request.app.state.settings
    articles: list[Article] = request.app.state.articles
    titles = {a.slug: a.meta.title for a in articles}
    return Mailing(
        settings.guide_notify_email, titles, mail_base(request), can_send=mail_is_set_up(request)
    )
