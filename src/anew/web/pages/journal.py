"""The journal's pages: her entries newest first with a search, a free entry or an answer to a
path day's question with her mood, and each entry's own page to edit or delete it."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request
from pydantic import BaseModel, Field, field_validator
from starlette.responses import RedirectResponse, Response

from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.errors import Invalid
from anew.journal import rules, service
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, SessionDep, user_today
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/journal"
GATED = [Depends(require_csrf)]
SHOWN = 30  # entries on the page at first, and how many more "Show older entries" adds
TOO_LONG = f"An entry can hold up to {rules.MAX_TEXT:,} characters. Perhaps split it into two?"


class EntryForm(BaseModel):
    text: str = Field(min_length=1, max_length=rules.MAX_TEXT)
    mood: int | None = Field(default=None, ge=1, le=10)
    day: int | None = Field(default=None, ge=1, le=rules.MAX_DAY)

    @field_validator("mood", "day", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value


def _read(form: PostedForm) -> FormResult[EntryForm]:
    result = read_form(EntryForm, form)
    if result.errors.get("text", "").startswith("Please keep this to"):
        result.errors["text"] = TOO_LONG
    return result


def _day(raw: object) -> int | None:
    """The path day named in the address (/journal?day=12) or the form, when it is one."""
    if isinstance(raw, str) and raw.isdigit() and 1 <= int(raw) <= rules.MAX_DAY:
        return int(raw)
    return None


def _list_page(
    request: Request,
    db: SessionDep,
    user: Caller,
    *,
    query: str = "",
    shown: int = SHOWN,
    answering: int | None = None,
    prompt: str = "",
    result: FormResult[Any] | None = None,
    status_code: int = 200,
) -> Response:
    query = query.strip()[: rules.MAX_QUERY]
    found = service.search(db, user.id, query=query, limit=shown)
    context = {
        "entries": found.entries,
        "found": found.total,
        "more": {"q": query, "shown": shown + SHOWN} if found.total > shown else None,
        "query": query,
        "answering": answering,
        "prompt": prompt,
        "today_day": service.path_day(db, user.id, today=user_today(user)),
        "moods": list(rules.MOODS),
        "max_text": rules.MAX_TEXT,
        "max_query": rules.MAX_QUERY,
        "values": result.values if result else {},
        "errors": result.errors if result else {},
    }
    return render(request, "journal/index.html", context, status_code=status_code)


def _entry_page(
    request: Request,
    db: SessionDep,
    user: Caller,
    entry_id: int,
    *,
    result: FormResult[Any] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "entry": service.entry(db, user.id, entry_id),
        "moods": list(rules.MOODS),
        "max_text": rules.MAX_TEXT,
        "values": result.values if result else {},
        "errors": result.errors if result else {},
    }
    return render(request, "journal/entry.html", context, status_code=status_code)


@router.get(PAGE)
def journal_page(
    request: Request,
    user: CurrentUser,
    db: SessionDep,
    q: str = "",
    day: str | None = None,
    shown: str | None = None,
    prompt: str = "",
) -> Response:
    """Her journal; `?day=12` opens the form as an answer to day 12's question, and `?prompt=`
    one of rules.PROMPTS starts the text with that question (an unknown one is ignored)."""
    many = int(shown) if shown and shown.isdigit() and len(shown) < 7 else SHOWN
    return _list_page(
        request,
        db,
        user,
        query=q,
        shown=max(many, SHOWN),
        answering=_day(day),
        prompt=rules.PROMPTS.get(prompt, ""),
    )


@router.post(PAGE, dependencies=GATED)
def write_entry(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = _read(form)
    answering = _day(form.get("day"))
    if result.data is None:
        return _list_page(request, db, user, answering=answering, result=result, status_code=400)
    try:
        entry, _made = service.write(
            db, user.id, today=user_today(user), now=utcnow(), **result.data.model_dump()
        )
    except Invalid as refused:
        result.add_error(refused.field, refused.message)
        return _list_page(request, db, user, answering=answering, result=result, status_code=400)
    return RedirectResponse(f"{PAGE}#entry-{entry.id}", status_code=303)


@router.get(PAGE + "/{entry_id}")
def entry_page(request: Request, entry_id: int, user: CurrentUser, db: SessionDep) -> Response:
    return _entry_page(request, db, user, entry_id)


@router.post(PAGE + "/{entry_id}", dependencies=GATED)
def change_entry(
    request: Request, entry_id: int, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    if form.get("action") == "delete":
        service.delete(db, user.id, entry_id)
        return RedirectResponse(PAGE, status_code=303)
    result = _read(form)
    if result.data is None:
        return _entry_page(request, db, user, entry_id, result=result, status_code=400)
    changes = result.data.model_dump(exclude={"day"})
    try:
        service.change(db, user.id, entry_id, changes, now=utcnow())
    except Invalid as refused:
        result.add_error(refused.field, refused.message)
        return _entry_page(request, db, user, entry_id, result=result, status_code=400)
    return RedirectResponse(f"{PAGE}#entry-{entry_id}", status_code=303)
