"""Step 6's page: the makeover plan with dates and a budget, and before/after photos."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Depends, Request
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.responses import RedirectResponse, Response

from anew.accounts.models import User
from anew.method.new_look.makeover import to_cents, totals
from anew.method.new_look.models import MakeoverItem, Photo
from anew.method.new_look.photos import PhotoError
from anew.method.owned import list_owned
from anew.method.steps import STEPS_BY_SLUG
from anew.web.api.new_look import PRIVATE, keep_photo, read_upload
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, OptionalUser, SessionDep
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.safety_gate import page_win_back
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.step_pages import mine_or_404, step_page
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/new-look"
CATEGORIES = {
    "hair": "Hair",
    "wardrobe": "Wardrobe",
    "fitness": "Fitness",
    "skin": "Skin",
    "style": "Style",
    "other": "Other",
}
GATED = [Depends(require_csrf), Depends(page_win_back)]


class ItemForm(BaseModel):
    category: Literal["hair", "wardrobe", "fitness", "skin", "style", "other"]
    title: str = Field(min_length=1, max_length=200)
    planned_on: Annotated[date, Field(ge=date(1970, 1, 1))] | None = None
    budget: float | None = Field(default=None, ge=0, le=10_000_000)

    @field_validator("planned_on", "budget", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value


class CostForm(BaseModel):
    cost: float | None = Field(default=None, ge=0, le=10_000_000)
    done: bool = False

    @field_validator("cost", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value


def _page(
    request: Request,
    db: SessionDep,
    user: User,
    *,
    form: str = "",
    result: FormResult[Any] | None = None,
    photo_error: str = "",
    status_code: int = 200,
) -> Response:
    items = list_owned(db, MakeoverItem, user.id, MakeoverItem.planned_on, MakeoverItem.id)
    photos = list_owned(db, Photo, user.id, Photo.created_at, Photo.id)
    context = {
        "step": STEPS_BY_SLUG["new-look"],
        "active_step": "new-look",
        "categories": CATEGORIES,
        "items": items,
        "totals": totals(items),
        "before": [p for p in photos if p.kind == "before"],
        "after": [p for p in photos if p.kind == "after"],
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
    data = result.data
    db.add(
        MakeoverItem(
            user_id=user.id,
            category=data.category,
            title=data.title,
            planned_on=data.planned_on,
            budget_cents=to_cents(data.budget),
        )
    )
    db.commit()
    return RedirectResponse(f"{PAGE}#plan", status_code=303)


@router.post(f"{PAGE}/items/{{item_id}}", dependencies=GATED)
def update_item(
    request: Request,
    item_id: int,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    item = mine_or_404(db, MakeoverItem, user, item_id)
    if form.get("action") == "delete":
        db.delete(item)
    else:
        result = read_form(CostForm, form)
        if result.data is None:
            return _page(request, db, user, form="cost", result=result, status_code=400)
        item.cost_cents, item.done = to_cents(result.data.cost), result.data.done
    db.commit()
    return RedirectResponse(f"{PAGE}#plan", status_code=303)


@router.post(f"{PAGE}/photos", dependencies=GATED)
async def upload_photo(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    form = await request.form()
    upload = form.get("file")
    data = await read_upload(upload) if isinstance(upload, UploadFile) and upload.filename else None
    return await run_in_threadpool(_keep_upload, request, db, user, form, data)


def _keep_upload(
    request: Request, db: SessionDep, user: User, form: FormData, data: bytes | None
) -> Response:
    kind = "after" if form.get("kind") == "after" else "before"
    if data is None:
        return _page(request, db, user, photo_error="Please choose a photo.", status_code=400)
    try:
        keep_photo(db, user.id, data, kind=kind, caption=str(form.get("caption", "")))
    except PhotoError as error:
        db.rollback()
        return _page(request, db, user, photo_error=str(error), status_code=400)
    db.commit()
    return RedirectResponse(f"{PAGE}#photos", status_code=303)


@router.get(f"{PAGE}/photos/{{photo_id}}", dependencies=[Depends(page_win_back)])
def photo(request: Request, photo_id: int, user: CurrentUser, db: SessionDep) -> Response:
    row: Photo = mine_or_404(db, Photo, user, photo_id)
    thumb = request.query_params.get("size") == "thumb"
    data, media = (row.thumbnail, "image/jpeg") if thumb else (row.data, row.media_type)
    return Response(data, media_type=media, headers=PRIVATE)


@router.post(f"{PAGE}/photos/{{photo_id}}/delete", dependencies=GATED)
def delete_photo(photo_id: int, user: CurrentUser, db: SessionDep) -> Response:
    db.delete(mine_or_404(db, Photo, user, photo_id))
    db.commit()
    return RedirectResponse(f"{PAGE}#photos", status_code=303)
