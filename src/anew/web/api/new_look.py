"""Step 6 through the API: the makeover plan, and before/after photos (private to her)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import File, Form, HTTPException, Response, UploadFile
from pydantic import BaseModel, Field, StrictBool, StrictFloat, StrictStr
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload

from anew.accounts.models import User
from anew.db import Base
from anew.method.new_look.makeover import from_cents, to_cents, totals
from anew.method.new_look.models import MakeoverItem, Photo
from anew.method.new_look.photos import MAX_BYTES, PhotoError, process_photo
from anew.method.owned import get_owned, list_owned
from anew.web.api.new_you import NOT_FOUND, RESPONSES, RowId
from anew.web.api.no_contact import IsoDate
from anew.web.api.schemas import ERROR_RESPONSES, ApiModel
from anew.web.http.deps import SessionDep
from anew.web.http.safety_gate import WinBackApiUser
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["new look"], mounted_at=API_PREFIX)
Category = Literal["hair", "wardrobe", "fitness", "skin", "style", "other"]
Money = Annotated[StrictFloat, Field(ge=0, le=10_000_000)]
PRIVATE = {"Cache-Control": "private, no-store"}


class PhotoOut(BaseModel):
    id: int
    kind: str
    caption: str
    media_type: str
    created_at: datetime
    url: str
    thumbnail_url: str


def _out(row: Photo) -> PhotoOut:
    return PhotoOut(
        id=row.id,
        kind=row.kind,
        caption=row.caption,
        media_type=row.media_type,
        created_at=row.created_at,
        url=f"/api/v1/photos/{row.id}",
        thumbnail_url=f"/api/v1/photos/{row.id}/thumbnail",
    )


async def read_upload(upload: StarletteUpload) -> bytes:
    """The uploaded photo's bytes, at most one byte past the size limit (which then refuses it)."""
    return await upload.read(MAX_BYTES + 1)


def keep_photo(db: SessionDep, user_id: int, data: bytes, *, kind: str, caption: str) -> Photo:
    """Check and clean the photo, and keep it. Slow work (decoding, re-encoding, the thumbnail):
    callers in the event loop run it in the thread pool."""
    media_type, clean, thumb = process_photo(data)
    row = Photo(
        user_id=user_id,
        kind=kind,
        caption=caption.strip()[:200],
        media_type=media_type,
        data=clean,
        thumbnail=thumb,
    )
    db.add(row)
    db.flush()
    return row


@router.post("/photos", status_code=201, response_model=PhotoOut, responses=RESPONSES)
async def upload_photo(
    user: WinBackApiUser,
    db: SessionDep,
    file: Annotated[UploadFile, File(description="JPEG, PNG, WebP or HEIC, up to 15 MB")],
    kind: Annotated[Literal["before", "after"], Form()] = "before",
    caption: Annotated[str, Form(max_length=200)] = "",
) -> PhotoOut:
    """Location and every other metadata tag are removed before anything is stored."""
    data = await read_upload(file)
    return await run_in_threadpool(_store, db, user.id, data, kind, caption.replace("\x00", ""))


def _store(db: SessionDep, user_id: int, data: bytes, kind: str, caption: str) -> PhotoOut:
    try:
        row = keep_photo(db, user_id, data, kind=kind, caption=caption)
    except PhotoError as error:
        problem = {"loc": ["body", "file"], "msg": str(error), "type": "value_error"}
        raise HTTPException(status_code=422, detail=[problem]) from None
    db.commit()
    return _out(row)


@router.get("/photos", response_model=list[PhotoOut], responses=RESPONSES)
def list_photos(user: WinBackApiUser, db: SessionDep) -> list[PhotoOut]:
    return [_out(row) for row in list_owned(db, Photo, user.id, Photo.created_at, Photo.id)]


def _photo(db: SessionDep, user_id: int, photo_id: int) -> Photo:
    row = get_owned(db, Photo, user_id, photo_id)
    if row is None:
        raise HTTPException(status_code=404, detail="There is no such photo.")
    return row


@router.get("/photos/{photo_id}", responses=RESPONSES)
def read_photo(photo_id: RowId, user: WinBackApiUser, db: SessionDep) -> Response:
    row = _photo(db, user.id, photo_id)
    return Response(row.data, media_type=row.media_type, headers=PRIVATE)


@router.get("/photos/{photo_id}/thumbnail", responses=RESPONSES)
def read_thumbnail(photo_id: RowId, user: WinBackApiUser, db: SessionDep) -> Response:
    row = _photo(db, user.id, photo_id)
    return Response(row.thumbnail, media_type="image/jpeg", headers=PRIVATE)


@router.delete("/photos/{photo_id}", status_code=204, responses=RESPONSES)
def delete_photo(photo_id: RowId, user: WinBackApiUser, db: SessionDep) -> Response:
    db.delete(_photo(db, user.id, photo_id))
    db.commit()
    return Response(status_code=204)


def _mine(db: SessionDep, model: type[Any], user: User, row_id: int, what: str) -> Any:
    row = get_owned(db, model, user.id, row_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"There is no such {what}.")
    return row


def _apply(row: Base, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(row, name, value.strip() if isinstance(value, str) else value)


class ItemIn(ApiModel):
    category: Category
    title: StrictStr = Field(min_length=1, max_length=200)
    planned_on: IsoDate | None = None
    budget: Money | None = None
    cost: Money | None = None
    done: StrictBool = False


class ItemPatch(ApiModel):
    category: Category | None = None
    title: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    planned_on: IsoDate | None = None
    budget: Money | None = None
    cost: Money | None = None
    done: StrictBool | None = None


class ItemOut(BaseModel):
    id: int
    category: str
    title: str
    planned_on: date | None
    budget: float | None
    cost: float | None
    done: bool


class PlanOut(BaseModel):
    items: list[ItemOut]
    total_budget: float
    total_cost: float
    left: float = Field(description="Budget minus cost so far (negative when over)")


def _item_out(row: MakeoverItem) -> ItemOut:
    return ItemOut(
        id=row.id,
        category=row.category,
        title=row.title,
        planned_on=row.planned_on,
        budget=from_cents(row.budget_cents),
        cost=from_cents(row.cost_cents),
        done=row.done,
    )


def _money_changes(changes: dict[str, Any]) -> dict[str, Any]:
    for name in ("budget", "cost"):
        if name in changes:
            changes[f"{name}_cents"] = to_cents(changes.pop(name))
    return changes


@router.post("/makeover", status_code=201, response_model=ItemOut, responses=RESPONSES)
def create_item(body: ItemIn, user: WinBackApiUser, db: SessionDep) -> ItemOut:
    row = MakeoverItem(user_id=user.id, **_money_changes(body.model_dump()))
    row.title = row.title.strip()
    db.add(row)
    db.commit()
    return _item_out(row)


@router.get("/makeover", response_model=PlanOut, responses=ERROR_RESPONSES)
def read_plan(user: WinBackApiUser, db: SessionDep) -> PlanOut:
    """Her items, by planned date, with totals against the budget."""
    rows = list_owned(db, MakeoverItem, user.id, MakeoverItem.planned_on, MakeoverItem.id)
    summed = totals(rows)
    return PlanOut(
        items=[_item_out(r) for r in rows],
        total_budget=summed.budget,
        total_cost=summed.cost,
        left=summed.left,
    )


@router.patch("/makeover/{item_id}", response_model=ItemOut, responses=RESPONSES)
def update_item(item_id: RowId, body: ItemPatch, user: WinBackApiUser, db: SessionDep) -> ItemOut:
    row = _mine(db, MakeoverItem, user, item_id, "makeover item")
    changes = body.model_dump(exclude_unset=True)
    nullable = {"planned_on", "budget", "cost"}
    _apply(
        row, _money_changes({k: v for k, v in changes.items() if v is not None or k in nullable})
    )
    db.commit()
    return _item_out(row)


@router.delete("/makeover/{item_id}", status_code=204, responses={**NOT_FOUND, **RESPONSES})
def delete_item(item_id: RowId, user: WinBackApiUser, db: SessionDep) -> Response:
    db.delete(_mine(db, MakeoverItem, user, item_id, "makeover item"))
    db.commit()
    return Response(status_code=204)
