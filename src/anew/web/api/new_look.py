"""Step 6 through the API: the makeover plan, and before/after photos (private to her)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import File, Form, Response, UploadFile
from pydantic import Field, StrictBool, StrictFloat, StrictStr
from starlette.concurrency import run_in_threadpool

from anew.method.new_look import service
from anew.method.new_look.photos import MAX_BYTES
from anew.method.new_look.service import ItemOut, PhotoOut, PlanOut
from anew.method.new_look.vocabulary import MakeoverCategory, PhotoKind
from anew.web.api.schemas import ERROR_RESPONSES, RESPONSES, ApiModel, IsoDate, RowId
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.downloads import image_response
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["new look"], mounted_at=API_PREFIX)
Money = Annotated[StrictFloat, Field(ge=0, le=10_000_000)]
BYTES = {"schema": {"type": "string", "format": "binary"}}
IMAGE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The photo, cleaned of its metadata",
        "content": {"image/jpeg": BYTES, "image/png": BYTES, "image/webp": BYTES},
    }
}
JPEG: dict[int | str, dict[str, Any]] = {
    200: {"description": "A JPEG thumbnail", "content": {"image/jpeg": BYTES}}
}


class ItemIn(ApiModel):
    category: MakeoverCategory
    title: StrictStr = Field(min_length=1, max_length=200)
    planned_on: IsoDate | None = None
    budget: Money | None = None
    cost: Money | None = None
    done: StrictBool = False


class ItemPatch(ApiModel):
    category: MakeoverCategory | None = None
    title: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    planned_on: IsoDate | None = None
    budget: Money | None = None
    cost: Money | None = None
    done: StrictBool | None = None


@router.post("/makeover", status_code=201, response_model=ItemOut, responses=RESPONSES)
def create_item(body: ItemIn, user: ApiUser, db: SessionDep) -> ItemOut:
    return service.add_item(db, user.id, **body.model_dump())


@router.get("/makeover", response_model=PlanOut, responses=ERROR_RESPONSES)
def read_plan(user: ApiUser, db: SessionDep) -> PlanOut:
    """Her items, by planned date, with totals against the budget."""
    return service.plan(db, user.id)


@router.patch("/makeover/{item_id}", response_model=ItemOut, responses=RESPONSES)
def update_item(item_id: RowId, body: ItemPatch, user: ApiUser, db: SessionDep) -> ItemOut:
    """Only the fields sent change; `null` clears a date or an amount."""
    nullable = {"planned_on", "budget", "cost"}
    sent = body.model_dump(exclude_unset=True)
    changes = {k: v for k, v in sent.items() if v is not None or k in nullable}
    return service.change_item(db, user.id, item_id, changes)


@router.delete("/makeover/{item_id}", status_code=204, responses=RESPONSES)
def delete_item(item_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    service.delete_item(db, user.id, item_id)
    return Response(status_code=204)


@router.post("/photos", status_code=201, response_model=PhotoOut, responses=RESPONSES)
async def upload_photo(
    user: ApiUser,
    db: SessionDep,
    file: Annotated[UploadFile, File(description="JPEG, PNG, WebP or HEIC, up to 15 MB")],
    kind: Annotated[PhotoKind, Form()] = PhotoKind.BEFORE,
    caption: Annotated[str, Form(max_length=200)] = "",
) -> PhotoOut:
    """Location and every other metadata tag are removed before anything is stored."""
    data = await file.read(MAX_BYTES + 1)  # one byte past the limit, which refuses it
    return await run_in_threadpool(
        service.keep_photo, db, user.id, data, kind=kind, caption=caption
    )


@router.get("/photos", response_model=list[PhotoOut], responses=RESPONSES)
def list_photos(user: ApiUser, db: SessionDep) -> list[PhotoOut]:
    return service.photos(db, user.id)


@router.get("/photos/{photo_id}", response_class=Response, responses={**RESPONSES, **IMAGE})
def read_photo(photo_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    found = service.photo_file(db, user.id, photo_id)
    return image_response(found.data, found.media_type, found.name)


@router.get(
    "/photos/{photo_id}/thumbnail", response_class=Response, responses={**RESPONSES, **JPEG}
)
def read_thumbnail(photo_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    found = service.photo_file(db, user.id, photo_id, thumbnail=True)
    return image_response(found.data, found.media_type, found.name)


@router.delete("/photos/{photo_id}", status_code=204, responses=RESPONSES)
def delete_photo(photo_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    service.delete_photo(db, user.id, photo_id)
    return Response(status_code=204)
