"""The guide through the API: articles, published responses, posting one, and moderation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import BackgroundTasks, Depends, HTTPException, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StrictBool, StrictInt, StrictStr

from anew.accounts.roles import STAFF
from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.guide import rules, service
from anew.guide.articles import Article
from anew.guide.service import Posting, ResponseOut
from anew.guide.vocabulary import ResponseStatus
from anew.mail import deliver
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, OPTIONAL_AUTH, ApiModel, Problem
from anew.web.http.deps import ApiUser, OptionalApiUser, SessionDep, client_address
from anew.web.http.responding import find_article, mailing
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["guide"], mounted_at=API_PREFIX)
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such article or response"}
}
ResponseId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class ArticleOut(BaseModel):
    slug: str
    title: str
    summary: str
    author: str
    date: date
    order: int


class PublicResponse(BaseModel):
    id: int
    name: str
    website: str
    html: str = Field(description="Sanitised HTML, safe to show as it is")
    parent_id: int | None
    is_author: bool
    created_at: datetime


class ResponseIn(ApiModel):
    name: StrictStr = Field(default="", max_length=1000)
    email: StrictStr = Field(default="", max_length=1000)
    website: StrictStr = Field(default="", max_length=1000)
    body: StrictStr = Field(default="", max_length=20000)
    parent_id: StrictInt | None = Field(default=None, ge=1, le=2**31 - 1)
    notify: StrictBool = Field(default=False, description="Email her when someone replies")


class Created(BaseModel):
    id: int
    status: Literal["pending", "published"]


class ModeratedResponse(PublicResponse):
    article_slug: str
    email: str
    body: str
    status: ResponseStatus


class StatusOut(BaseModel):
    id: int
    status: ResponseStatus


def moderator(user: ApiUser) -> Caller:
    """Coaches and admins only: 403 for members (401 comes first for anonymous callers)."""
    if user.role not in STAFF:
        raise HTTPException(status_code=403, detail="Only coaches and admins moderate responses.")
    return user


Moderator = Annotated[Caller, Depends(moderator)]


def _article(request: Request, slug: str) -> Article:
    article = find_article(request, slug)
    if article is None:
        raise HTTPException(status_code=404, detail=f"There is no article {slug!r}.")
    return article


def _public(row: ResponseOut) -> PublicResponse:
    return PublicResponse(
        id=row.id,
        name=row.name,
        website=row.website,
        html=row.html,
        parent_id=row.parent_id,
        is_author=row.is_author,
        created_at=row.created_at,
    )


@router.get("/guide", response_model=list[ArticleOut], summary="The guide's articles")
def list_articles(request: Request) -> list[ArticleOut]:
    articles: list[Article] = request.app.state.articles
    return [
        ArticleOut(
            slug=a.slug,
            title=a.meta.title,
            summary=a.meta.summary,
            author=a.meta.author,
            date=a.meta.date,
            order=a.meta.order,
        )
        for a in articles
    ]


@router.get(
    "/guide/{slug}/responses",
    response_model=list[PublicResponse],
    summary="An article's published responses",
    responses=NOT_FOUND,
)
def list_responses(request: Request, slug: str, db: SessionDep) -> list[PublicResponse]:
    """Oldest first; never an email address."""
    article = _article(request, slug)
    return [_public(row) for row in service.published(db, article.slug)]


@router.post(
    "/guide/{slug}/responses",
    status_code=201,
    response_model=Created,
    summary="Leave a response",
    openapi_extra=OPTIONAL_AUTH,
    responses={
        **NOT_FOUND,
        **BAD_BODY,
        422: {"description": "Each missing or invalid field, by name"},
        429: {"model": Problem, "description": "Too many responses from this address or email"},
    },
)
def post_response(
    request: Request,
    slug: str,
    body: ResponseIn,
    user: OptionalApiUser,
    db: SessionDep,
    background: BackgroundTasks,
) -> Any:
    """The same rules as the form. A coach's token posts as the author, published at once."""
    article = _article(request, slug)
    posting = Posting(
        slug=article.slug,
        name=body.name,
        email=body.email,
        website=body.website,
        body=body.body,
        parent_id=body.parent_id,
        notify=body.notify,
        user_id=user.id if user else None,
        is_author=bool(user and user.role in STAFF),
        browser_key="",
        address=client_address(request),
    )
    try:
        posted = service.post(
            db,
            posting,
            always_moderate=request.app.state.settings.always_moderate,
            mailing=mailing(request),
            now=utcnow(),
        )
    except rules.Refusal as refusal:
        if refusal.status_code == 429:
            return JSONResponse(
                {"detail": refusal.errors["form"]},
                status_code=429,
                headers={"Retry-After": str(refusal.retry_after or 60)},
            )
        problems = [
            {"loc": ["body", name], "msg": message, "type": "value_error"}
            for name, message in refusal.errors.items()
        ]
        raise HTTPException(status_code=422, detail=problems) from None
    background.add_task(deliver, request.app.state.settings, posted.mails)
    row = posted.response
    published = row.status == ResponseStatus.PUBLISHED
    return Created(id=row.id, status="published" if published else "pending")


@router.get(
    "/responses",
    response_model=list[ModeratedResponse],
    summary="Responses by status (coaches and admins)",
    responses={**ERROR_RESPONSES, 403: {"model": Problem}},
)
def moderation_queue(
    user: Moderator,
    db: SessionDep,
    status: ResponseStatus = ResponseStatus.PENDING,
) -> list[ModeratedResponse]:
    return [
        ModeratedResponse(
            **_public(row).model_dump(),
            article_slug=row.article_slug,
            email=row.email,
            body=row.body,
            status=row.status,
        )
        for row in service.queue(db, status)
    ]


def _moderate(
    request: Request,
    db: SessionDep,
    response_id: int,
    status: ResponseStatus,
    background: BackgroundTasks,
) -> StatusOut:
    row = service.response(db, response_id)
    mails = service.moderate(db, [row.id], status, mailing=mailing(request), now=utcnow())
    background.add_task(deliver, request.app.state.settings, mails)
    return StatusOut(id=row.id, status=status)


MODERATION = {**ERROR_RESPONSES, **NOT_FOUND, 403: {"model": Problem}}


@router.post("/responses/{response_id}/approve", response_model=StatusOut, responses=MODERATION)
def approve(
    request: Request,
    response_id: ResponseId,
    user: Moderator,
    db: SessionDep,
    background: BackgroundTasks,
) -> StatusOut:
    """Publish it; later ones from the same email appear at once once their poster proves the
    address (signed in with it, or through the link emailed to it)."""
    return _moderate(request, db, response_id, ResponseStatus.PUBLISHED, background)


@router.post("/responses/{response_id}/reject", response_model=StatusOut, responses=MODERATION)
def reject(
    request: Request,
    response_id: ResponseId,
    user: Moderator,
    db: SessionDep,
    background: BackgroundTasks,
) -> StatusOut:
    return _moderate(request, db, response_id, ResponseStatus.REJECTED, background)


@router.post("/responses/{response_id}/spam", response_model=StatusOut, responses=MODERATION)
def spam(
    request: Request,
    response_id: ResponseId,
    user: Moderator,
    db: SessionDep,
    background: BackgroundTasks,
) -> StatusOut:
    return _moderate(request, db, response_id, ResponseStatus.SPAM, background)
