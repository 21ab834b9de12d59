"""Step 6's page: the makeover plan with dates and a budget, and before/after photos."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.responses import RedirectResponse, Response

from anew.accounts.sessions import Caller
from anew.errors import Invalid
from anew.method.new_look import service
from anew.method.new_look.photos import MAX_BYTES
from anew.method.new_look.vocabulary import MakeoverCategory, PhotoKind
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, OptionalUser, SessionDep
from anew.web.http.downloads import image_response
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.step_pages import step_page
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/new-look"
GATED = [Depends(require_csrf)]


MAX_AMOUNT = 10_000_000


def _kind_amount(value: float | None) -> float | None:
    """An amount of money in plain words when it can't be used (not pydantic's bounds)."""
    if value is not None and value < 0:
        raise ValueError("An amount can't be below zero. Enter 0 or more, or leave it empty.")
    if value is not None and value > MAX_AMOUNT:
        raise ValueError("That amount is larger than this plan can hold (10,000,000 at most).")
    return value


class ItemForm(BaseModel):
    category: MakeoverCategory
    title: str = Field(min_length=1, max_length=200)
    planned_on: Annotated[date, Field(ge=date(1970, 1, 1))] | None = None
    budget: float | None = Field(default=None, allow_inf_nan=False)

    @field_validator("planned_on", "budget", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("budget")
    @classmethod
    def _budget(cls, value: float | None) -> float | None:
        return _kind_amount(value)


class CostForm(BaseModel):
    cost: float | None = Field(default=None, allow_inf_nan=False)
    done: bool = False

    @field_validator("cost", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("cost")
    @classmethod
    def _cost(cls, value: float | None) -> float | None:
        return _kind_amount(value)


def _page(
    request: Request,
    db: SessionDep,
    user: Caller,
    *,
    form: str = "",
    result: FormResult[Any] | None = None,
    photo_error: str = "",
    status_code: int = 200,
) -> Response:
    plan = service.plan(db, user.id)
    photos = service.photos(db, user.id)
    context = {
        "step": STEPS_BY_SLUG["new-look"],
        "active_step": "new-look",
        "categories": MakeoverCategory.choices(),
        "photo_kinds": PhotoKind.choices(),
        "items": plan.items,
        "plan": plan,
        "before": [p for p in photos if p.kind == PhotoKind.BEFORE],
        "after": [p for p in photos if p.kind == PhotoKind.AFTER],
        "form": form,
        "values": result.values if result else {},
        "errors": result.errors if result else {},
        "photo_error": photo_error,
    }
    return render(request, "new_look/page.html", context, status_code=status_code)


@router.get(PAGE)
def new_look_page(request: Request, user: OptionalUser, db: SessionDep) -> Response:
    return step_page(request, db, user, "new-look", lambda her: _page(request, db, her))


@router.post(f"{PAGE}/items", dependencies=GATED)
def add_item(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(ItemForm, form)
    if result.data is None:
        return _page(request, db, user, form="item", result=result, status_code=400)
    service.add_item(db, user.id, **result.data.model_dump())
    return RedirectResponse(f"{PAGE}#plan", status_code=303)


@router.post(f"{PAGE}/items/{{item_id}}", dependencies=GATED)
def update_item(
    request: Request,
    item_id: int,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    if form.get("action") == "delete":
        service.delete_item(db, user.id, item_id)
    else:
        result = read_form(CostForm, form)
        if result.data is None:
            return _page(request, db, user, form="cost", result=result, status_code=400)
        service.change_item(db, user.id, item_id, result.data.model_dump())
    return RedirectResponse(f"{PAGE}#plan", status_code=303)


@router.post(f"{PAGE}/photos", dependencies=GATED)
async def upload_photo(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    form = await request.form()
    upload = form.get("file")
    data = None
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(MAX_BYTES + 1)  # one byte past the limit, which refuses it
    return await run_in_threadpool(_keep_upload, request, db, user, form, data)


def _keep_upload(
    request: Request, db: SessionDep, user: Caller, form: FormData, data: bytes | None
) -> Response:
    kind = PhotoKind.AFTER if form.get("kind") == PhotoKind.AFTER else PhotoKind.BEFORE
    if data is None:
        return _page(request, db, user, photo_error="Please choose a photo.", status_code=400)
    try:
        service.keep_photo(db, user.id, data, kind=kind, caption=str(form.get("caption", "")))
    except Invalid as problem:
        return _page(request, db, user, photo_error=problem.message, status_code=400)
    return RedirectResponse(f"{PAGE}#photos", status_code=303)


@router.get(f"{PAGE}/photos/{{photo_id}}")
def photo(request: Request, photo_id: int, user: CurrentUser, db: SessionDep) -> Response:
    thumb = request.query_params.get("size") == "thumb"
    found = service.photo_file(db, user.id, photo_id, thumbnail=thumb)
    return image_response(found.data, found.media_type, found.name)


@router.post(f"{PAGE}/photos/{{photo_id}}/delete", dependencies=GATED)
def delete_photo(photo_id: int, user: CurrentUser, db: SessionDep) -> Response:
    service.delete_photo(db, user.id, photo_id)
    return RedirectResponse(f"{PAGE}#photos", status_code=303)
