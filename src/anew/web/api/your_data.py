"""Her data through the API: the whole archive out, an archive back in, and deleting it all."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated, Any

from fastapi import File, HTTPException, Request, Response, UploadFile
from pydantic import BaseModel, StrictStr
from starlette.concurrency import run_in_threadpool

from anew.accounts import service as accounts
from anew.db import utcnow
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel, Problem
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.downloads import archive_response
from anew.web.http.segment_router import API_PREFIX, SegmentRouter
from anew.your_data import service

router = SegmentRouter(tags=["your data"], mounted_at=API_PREFIX)
ZIP: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The archive",
        "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
    }
}


class DeleteIn(ApiModel):
    password: StrictStr


class Imported(BaseModel):
    imported: dict[str, int]


@router.get(
    "/export",
    response_class=Response,
    summary="Everything of yours as one zip archive",
    responses={**ERROR_RESPONSES, **ZIP},
)
def export(user: ApiUser, db: SessionDep) -> Response:
    """JSON per area, your photos as files, and a README saying what each file holds."""
    now = utcnow()
    return archive_response(service.export(db, user.id, now=now), now.date().isoformat())


@router.post(
    "/import",
    response_model=Imported,
    summary="Restore an archive into a fresh account",
    responses={
        **ERROR_RESPONSES,
        409: {"model": Problem, "description": "The account already has data"},
        422: {"description": "The archive can't be read; the message names the file and row"},
    },
)
async def restore(
    request: Request, user: ApiUser, db: SessionDep, file: Annotated[UploadFile, File()]
) -> Imported:
    """All or nothing: a problem anywhere leaves the account as it was."""
    # The upload is read from its spooled file a member at a time, never held whole.
    counts = await run_in_threadpool(
        service.restore,
        db,
        user.id,
        file.file,
        name=PurePath(file.filename or "archive.zip").name,
        limits=request.app.state.settings.archive_limits,
    )
    return Imported(imported=counts)


@router.delete(
    "/me",
    status_code=204,
    summary="Delete your account and everything in it",
    responses={
        **ERROR_RESPONSES,
        **BAD_BODY,
        403: {"model": Problem},
        429: {"model": Problem, "description": "Too many wrong passwords; see Retry-After"},
    },
)
def delete_me(body: DeleteIn, user: ApiUser, db: SessionDep) -> Response:
    """Needs your password. Every row and photo of yours goes, and every session ends."""
    try:
        accounts.remove_account(db, user.id, password=body.password, now=utcnow())
    except accounts.TooManyAttempts as error:
        raise HTTPException(
            status_code=429, detail=str(error), headers={"Retry-After": str(error.retry_after)}
        ) from None
    except accounts.AccountError as error:
        raise HTTPException(status_code=403, detail=str(error)) from None
    return Response(status_code=204)
