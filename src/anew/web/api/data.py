"""Her data through the API: the whole archive out, an archive back in, and deleting it all."""

from __future__ import annotations

from typing import Annotated

from fastapi import File, HTTPException, Response, UploadFile
from pydantic import StrictStr
from starlette.concurrency import run_in_threadpool

from anew.accounts.service import AccountError, delete_account
from anew.archive import MAX_ARCHIVE_BYTES, ArchiveError, export_archive, has_data, import_archive
from anew.db import utcnow
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel, Problem
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["your data"], mounted_at=API_PREFIX)


class DeleteIn(ApiModel):
    password: StrictStr


def archive_response(data: bytes, day: str) -> Response:
    """The archive as a download named after the day it was made."""
    headers = {
        "Content-Disposition": f'attachment; filename="anew-export-{day}.zip"',
        "Cache-Control": "private, no-store",
    }
    return Response(data, media_type="application/zip", headers=headers)


@router.get(
    "/export",
    summary="Everything of yours as one zip archive",
    responses={**ERROR_RESPONSES, 200: {"content": {"application/zip": {}}}},
)
def export(user: ApiUser, db: SessionDep) -> Response:
    """JSON per area, your photos as files, and a README saying what each file holds."""
    now = utcnow()
    return archive_response(export_archive(db, user, now=now), now.date().isoformat())


@router.post(
    "/import",
    summary="Restore an archive into a fresh account",
    responses={
        **ERROR_RESPONSES,
        409: {"model": Problem, "description": "The account already has data"},
        422: {"description": "The archive can't be read; the message names the file and row"},
    },
)
async def restore(
    user: ApiUser, db: SessionDep, file: Annotated[UploadFile, File()]
) -> dict[str, dict[str, int]]:
    """All or nothing: a problem anywhere leaves the account as it was."""
    data = await file.read(MAX_ARCHIVE_BYTES + 1)
    return await run_in_threadpool(_restore, db, user, data)


def _restore(db: SessionDep, user: ApiUser, data: bytes) -> dict[str, dict[str, int]]:
    if has_data(db, user.id):
        raise HTTPException(status_code=409, detail="Import works on a fresh account only.")
    try:
        counts = import_archive(db, user, data)
    except ArchiveError as error:
        db.rollback()
        problem = {"loc": ["body", "file"], "msg": str(error), "type": "value_error"}
        raise HTTPException(status_code=422, detail=[problem]) from None
    db.commit()
    return {"imported": counts}


@router.delete(
    "/me",
    status_code=204,
    summary="Delete your account and everything in it",
    responses={**ERROR_RESPONSES, **BAD_BODY, 403: {"model": Problem}},
)
def delete_me(body: DeleteIn, user: ApiUser, db: SessionDep) -> Response:
    """Needs your password. Every row and photo of yours goes, and every session ends."""
    try:
        delete_account(db, user, password=body.password)
    except AccountError as error:
        db.rollback()
        raise HTTPException(status_code=403, detail=str(error)) from None
    db.commit()
    return Response(status_code=204)
