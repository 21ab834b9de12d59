"""Posting a guide response, shared by the form and the API so both meet the same rules; plus
the form-only guards (a honeypot and a minimum time between showing the form and posting)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from fastapi import Request
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask
from starlette.responses import Response

from anew.accounts.models import User
from anew.accounts.roles import STAFF
from anew.guide import notify, rules, service
from anew.guide.articles import Article
from anew.guide.models import GuideResponse
from anew.mail import Mail, deliver
from anew.web.http.cookies import is_secure
from anew.web.http.deps import client_address, public_base

RESPONDER_COOKIE = "anew_responder"
HONEYPOT = "nickname"  # hidden from people; bots that fill every field fill it
MIN_SECONDS = 3


@dataclass(frozen=True)
class Posted:
    """What the form or the API sent."""

    name: str
    email: str
    website: str
    body: str
    parent_id: int | None
    notify: bool = False


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
    genuine = shown.isdigit() and hmac.compare_digest(signature, _sign(request, shown))
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


def submit(
    request: Request,
    db: Session,
    article: Article,
    posted: Posted,
    *,
    user: User | None,
    browser_key: str,
    now: datetime,
) -> GuideResponse:
    """Check and store a response; raises rules.Refusal with a kind message per field."""
    fields = rules.check_fields(posted.name, posted.email, posted.website, posted.body)
    rules.check_spam(db, article.slug, fields, address=client_address(request), now=now)
    return service.add_response(
        db,
        article.slug,
        fields,
        parent_id=posted.parent_id,
        user_id=user.id if user else None,
        is_author=bool(user and user.role in STAFF),
        always_moderate=request.app.state.settings.always_moderate,
        browser_key=browser_key,
        now=now,
        notify=posted.notify,
    )


def _titles(request: Request) -> dict[str, str]:
    articles: list[Article] = request.app.state.articles
    return {a.slug: a.meta.title for a in articles}


def mails_for_new(request: Request, db: Session, row: GuideResponse) -> list[Mail]:
    """The coach hears of a new response; the person it replies to, if it is published."""
    settings = request.app.state.settings
    titles, base = _titles(request), public_base(request)
    coach = notify.to_coach(
        row,
        coach_email=settings.guide_notify_email,
        title=titles.get(row.article_slug, row.article_slug),
        base=base,
    )
    return coach + notify.to_parents(db, [row], titles=titles, base=base)


def mails_for_published(request: Request, db: Session, rows: list[GuideResponse]) -> list[Mail]:
    """Replies that moderation just published reach the people they answer."""
    return notify.to_parents(db, rows, titles=_titles(request), base=public_base(request))


def send_later(request: Request, mails: list[Mail]) -> BackgroundTask | None:
    """Mail goes out after the answer has been sent, so it never delays or loses a response."""
    if not mails:
        return None
    return BackgroundTask(deliver, request.app.state.settings, mails)
