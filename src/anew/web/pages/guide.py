"""The public guide: the index, each article with its responses, and the "Leave a response" form."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request
from starlette.responses import RedirectResponse, Response

from anew.accounts import service as accounts
from anew.accounts.roles import STAFF
from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.guide import rules, service
from anew.guide.articles import Article
from anew.guide.service import Posting
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import OptionalUser, SessionDep, client_address
from anew.web.http.forms import PostedForm
from anew.web.http.outbox import mail_is_set_up, send_later
from anew.web.http.responding import (
    HONEYPOT,
    check_form_guards,
    find_article,
    form_stamp,
    mailing,
    remember_responder,
    responder_key,
)
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
FORM_FIELDS = ("name", "email", "website", "body", "parent_id", "notify")


def _articles(request: Request) -> list[Article]:
    articles: list[Article] = request.app.state.articles
    return articles


@router.get("/guide")
def guide_index(request: Request, user: OptionalUser) -> Response:
    return render(request, "guide/index.html", {"articles": _articles(request)})


def _prefill(db: SessionDep, user: Caller | None) -> dict[str, str]:
    if user is None:
        return {}
    email = accounts.account(db, user.id).email
    return {"name": email.split("@", 1)[0].capitalize(), "email": email}


def _article_page(
    request: Request,
    db: SessionDep,
    article: Article,
    user: Caller | None,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    articles = _articles(request)
    index = articles.index(article)
    settings = request.app.state.settings
    reply_to = values.get("parent_id", "") if values else request.query_params.get("reply_to", "")
    shown = service.article_responses(db, article.slug, browser_key=responder_key(request))
    published = shown.published
    context: dict[str, Any] = {
        "article": article,
        "previous": articles[index - 1] if index > 0 else None,
        "next": articles[index + 1] if index + 1 < len(articles) else None,
        "step": STEPS_BY_SLUG.get(article.meta.step or ""),
        "author_name": settings.guide_author_name or article.meta.author,
        "author_bio": settings.guide_author_bio,
        "threads": shown.threads,
        "count": len(published),
        "mine": shown.mine,
        "replying_to": next((r for r in published if str(r.id) == reply_to), None),
        "values": values if values is not None else _prefill(db, user),
        "errors": errors or {},
        "stamp": form_stamp(request, utcnow()),
        "honeypot": HONEYPOT,
        "posted": request.query_params.get("posted", ""),
        "confirm_by_email": mail_is_set_up(request),
        "meta_description": article.meta.summary,
    }
    return render(request, "guide/article.html", context, status_code=status_code)


@router.get("/guide/{slug}")
def article_page(request: Request, slug: str, user: OptionalUser, db: SessionDep) -> Response:
    article = find_article(request, slug)
    if article is None:
        raise HTTPException(status_code=404)
    return _article_page(request, db, article, user)


def _parent_id(value: str) -> int | None:
    return int(value) if value.isdigit() and len(value) < 10 else None


@router.post("/guide/{slug}/responses", dependencies=[Depends(require_csrf)])
def leave_response(
    request: Request,
    slug: str,
    user: OptionalUser,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    article = find_article(request, slug)
    if article is None:
        raise HTTPException(status_code=404)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    values = {name: fields.get(name, "") for name in FORM_FIELDS}
    now = utcnow()
    redirect = RedirectResponse("", status_code=303)
    try:
        check_form_guards(request, fields, now)
        posting = Posting(
            slug=article.slug,
            name=values["name"],
            email=values["email"],
            website=values["website"],
            body=values["body"],
            parent_id=_parent_id(values["parent_id"]),
            notify=values["notify"] == "yes",
            user_id=user.id if user else None,
            is_author=bool(user and user.role in STAFF),
            browser_key=remember_responder(request, redirect),
            address=client_address(request),
        )
        posted = service.post(
            db,
            posting,
            always_moderate=request.app.state.settings.always_moderate,
            mailing=mailing(request),
            now=now,
        )
    except rules.Refusal as refusal:
        page = _article_page(
            request, db, article, user, values=values, errors=refusal.errors, status_code=400
        )
        if refusal.status_code == 429:
            page.status_code = 429
            page.headers["Retry-After"] = str(refusal.retry_after or 60)
        return page
    row = posted.response
    redirect.headers["location"] = f"/guide/{slug}?posted={row.status}#response-{row.id}"
    redirect.background = send_later(request, posted.mails)
    return redirect


@router.get("/guide/confirm/{token}")
def confirm_page(request: Request, token: str, user: OptionalUser) -> Response:
    """A button rather than the link itself, so a mail scanner opening links confirms nothing."""
    return render(request, "guide/confirm.html", {"token": token[:64]})


@router.post("/guide/confirm/{token}", dependencies=[Depends(require_csrf)])
def confirm(request: Request, token: str, user: OptionalUser, db: SessionDep) -> Response:
    settings = request.app.state.settings
    try:
        done = service.confirm(
            db,
            token,
            always_moderate=settings.always_moderate,
            mailing=mailing(request),
            now=utcnow(),
        )
    except rules.Refusal as refusal:
        context = {"token": "", "problem": refusal.errors["form"]}
        return render(request, "guide/confirm.html", context, status_code=400)
    row = done.response
    posted = "published" if row.status == "published" else "confirmed"
    where = f"/guide/{row.article_slug}?posted={posted}#response-{row.id}"
    redirect = RedirectResponse(where, status_code=303)
    redirect.background = send_later(request, done.mails)
    return redirect


@router.get("/guide/unsubscribe/{token}")
def unsubscribe_page(request: Request, token: str, user: OptionalUser) -> Response:
    done = request.query_params.get("done") == "1"
    return render(request, "guide/unsubscribe.html", {"token": token[:64], "done": done})


@router.post("/guide/unsubscribe/{token}", dependencies=[Depends(require_csrf)])
def unsubscribe(request: Request, token: str, user: OptionalUser, db: SessionDep) -> Response:
    service.unsubscribe(db, token)
    return RedirectResponse(
        f"/guide/unsubscribe/{quote(token[:64], safe='')}?done=1", status_code=303
    )
