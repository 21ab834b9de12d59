"""Step 6's before/after photos through the API: upload, list, read, delete. Private to her."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import File, Form, HTTPException, Response, UploadFile
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload

from anew.method.growth_models import Photo
from anew.method.owned import get_owned, list_owned
from anew.method.photos import MAX_BYTES, PhotoError, process_photo
from anew.web.api.habits import RESPONSES, RowId
from anew.web.deps import SessionDep
from anew.web.safety_gate import WinBackApiUser
from anew.web.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["growth"], mounted_at=API_PREFIX)
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
