"""Chat imports through the API: upload, list, metrics, rename or choose who is who, delete."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import (
    File,
    Form,
    HTTPException,
    Path,
    Query,
    Request,
    Response,
    UploadFile,
)
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from anew.accounts.sessions import Caller
from anew.chats import service
from anew.chats.errors import AmbiguousDates, ChatFormatError
from anew.chats.progress import PROGRESS_PATTERN
from anew.chats.report_model import Report
from anew.chats.service import ChatSummary, Progress
from anew.db import utcnow
from anew.errors import NotFound
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel, Problem
from anew.web.http.deps import ApiUser, BearerToken, ChatId, SessionDep
from anew.web.http.read_cache import json_body, kept_api_read
from anew.web.http.segment_router import API_PREFIX, SegmentRouter
from anew.web.http.uploads import (
    UploadOptions,
    UploadTooLarge,
    import_upload,
)

router = SegmentRouter(prefix="/chats", tags=["chats"], mounted_at=API_PREFIX)
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such import of yours"}
}


class DateExample(BaseModel):
    as_written: str = Field(description="A date as her file writes it")
    day_first: str = Field(description="That date read day-first, YYYY-MM-DD")
    month_first: str = Field(description="That date read month-first, YYYY-MM-DD")


class ChatRefused(BaseModel):
    """Why an export could not be imported; for dates that read two ways, her own dates both ways,
    so she can say which is right and send the file again with date_order."""

    detail: list[dict[str, Any]] = Field(description="What went wrong, and where (msg, loc)")
    code: Literal["ambiguous_dates"] | None = Field(
        default=None, description="ambiguous_dates: send again with date_order"
    )
    examples: list[DateExample] | None = Field(
        default=None, description="Only with ambiguous_dates: two of her dates, read both ways"
    )


class ChatChanges(ApiModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    me: str | None = Field(
        default=None, description="Which participant is you; one of participants"
    )


@router.post(
    "",
    status_code=201,
    response_model=ChatSummary,
    summary="Import a chat export",
    responses={
        **ERROR_RESPONSES,
        **BAD_BODY,
        413: {"model": Problem, "description": "Over the upload limit"},
        422: {
            "model": ChatRefused,
            "description": "The export could not be read (detail says where), or its dates "
            'read two ways (code "ambiguous_dates", with examples)',
        },
    },
)
async def create_chat(
    request: Request,
    user: ApiUser,
    db: SessionDep,
    file: Annotated[UploadFile, File(description="A chat export: .txt, .json, .xml, .db or .zip")],
    name: Annotated[str, Form(max_length=200, description="Defaults to the export's title")] = "",
    me: Annotated[str, Form(max_length=200, description="Which participant is you")] = "",
    keep_text: Annotated[bool, Form(description="Keep the messages' text on the server")] = False,
    date_order: Annotated[
        Literal["", "dayfirst", "monthfirst"], Form(description="Only for unclear WhatsApp dates")
    ] = "",
    chat: Annotated[str, Form(max_length=200, description="One chat of a many-chat export")] = "",
    progress: Annotated[
        str,
        Form(
            pattern=PROGRESS_PATTERN,
            description="A key you choose (8-64 letters, digits, - or _) to follow this import "
            "at GET /api/v1/chats/progress/{key}, from any server process",
        ),
    ] = "",
) -> ChatSummary | JSONResponse:
    """Upload an export; it is parsed and stored in one transaction, or not at all. Where its
    dates read two ways, the 422 answer carries two of them read both ways."""
    options = UploadOptions(
        name=name.strip(),
        me=me.strip() or None,
        keep_text=keep_text,
        prefer=date_order or None,
        chat=chat.strip() or None,
        progress=progress or None,
    )
    try:
        return await import_upload(request, db, user_id=user.id, upload=file, options=options)
    except UploadTooLarge:
        raise HTTPException(status_code=413, detail="This file is over the upload limit.") from None
    except ChatFormatError as error:
        problem = {"loc": ["body", "file"], "msg": str(error), "type": "chat_format"}
        if isinstance(error, AmbiguousDates):
            body = {"detail": [problem], "code": "ambiguous_dates", "examples": error.examples}
            return JSONResponse(body, status_code=422)
        raise HTTPException(status_code=422, detail=[problem]) from None


@router.get(
    "", response_model=list[ChatSummary], summary="Your chat imports", responses=ERROR_RESPONSES
)
def read_chats(user: ApiUser, db: SessionDep) -> list[ChatSummary]:
    """Newest first."""
    return service.imports(db, user.id)


@router.get(
    "/progress/{progress_id}",
    response_model=Progress,
    summary="How far an import has come",
    responses={**ERROR_RESPONSES, **NOT_FOUND},
)
def read_import_progress(
    progress_id: Annotated[str, Path(pattern=PROGRESS_PATTERN)], user: ApiUser, db: SessionDep
) -> Progress:
    """Readable from every server process while the import runs; "interrupted" when the process
    doing it stopped (nothing of such an import is stored)."""
    return service.progress(db, user.id, progress_id, now=utcnow())


@router.get(
    "/{chat_id}/metrics",
    response_model=Report,
    summary="The analysis of one import",
    responses={**ERROR_RESPONSES, **NOT_FOUND},
)
async def read_metrics(
    request: Request,
    chat_id: ChatId,
    credentials: BearerToken,
    gap: Annotated[float | None, Query(gt=0, le=24 * 365, description="Hours of silence")] = None,
    split: Annotated[date | None, Query(description="Compare before and after this date")] = None,
) -> Response:
    """The same object as `anew analyze --json`."""

    def make(db: SessionDep, caller: Caller) -> bytes:
        """The answer's body; empty when there is no such import of hers."""
        try:
            if gap is None and split is None:  # the report stored at import, sent as stored
                return service.stored_report(db, caller.id, chat_id).encode()
            found = service.metrics(db, caller.id, chat_id, gap_hours=gap, split=split)
        except NotFound:
            return b""
        return json_body(found.document())

    def key(caller: Caller) -> tuple[Hashable, ...]:
        return ("metrics", caller.id, caller.data_version, chat_id, gap, split)

    body = await kept_api_read(request, credentials, key, make)
    if not body:
        raise HTTPException(status_code=404, detail=service.NO_SUCH_IMPORT)
    return Response(body, media_type="application/json")


@router.patch(
    "/{chat_id}",
    response_model=ChatSummary,
    summary="Rename an import or say which participant is you",
    responses={**ERROR_RESPONSES, **BAD_BODY, **NOT_FOUND},
)
def update_chat(
    chat_id: ChatId, changes: ChatChanges, user: ApiUser, db: SessionDep
) -> ChatSummary:
    return service.change(db, user.id, chat_id, name=changes.name, me=changes.me)


@router.delete(
    "/{chat_id}",
    status_code=204,
    summary="Delete an import",
    responses={**ERROR_RESPONSES, **NOT_FOUND},
)
def delete_chat(chat_id: ChatId, user: ApiUser, db: SessionDep) -> Response:
    service.delete(db, user.id, chat_id)
    return Response(status_code=204)
