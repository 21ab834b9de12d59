"""Chat imports through the API: upload, list, metrics, rename or choose who is who, delete."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date, datetime
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
from pydantic import BaseModel, Field

from anew.accounts.sessions import Caller
from anew.chats.errors import ChatFormatError
from anew.chats.models import ChatImport
from anew.chats.progress import PROGRESS_PATTERN, read_progress
from anew.chats.store import (
    get_import,
    list_imports,
    metrics,
    remove_import,
    set_me,
    stored_report,
)
from anew.db import utcnow
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel, Problem
from anew.web.http.deps import ApiUser, BearerToken, ChatId, SessionDep
from anew.web.http.read_cache import json_body, kept_api_read
from anew.web.http.segment_router import API_PREFIX, SegmentRouter
from anew.web.http.uploads import (
    UploadOptions,
    UploadTooLarge,
    import_upload,
    refuse_oversized_body,
)

router = SegmentRouter(prefix="/chats", tags=["chats"], mounted_at=API_PREFIX)
NO_SUCH_IMPORT = "There is no such chat import."
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such import of yours"}
}


class ChatSummary(BaseModel):
    id: int
    name: str
    format: str
    title: str
    participants: list[str]
    me: str | None
    messages: int
    created_at: datetime

    @classmethod
    def of(cls, row: ChatImport) -> ChatSummary:
        return cls(
            id=row.id,
            name=row.name,
            format=row.format,
            title=row.title,
            participants=row.participants,
            me=row.me,
            messages=row.message_count,
            created_at=row.created_at,
        )


class ChatChanges(ApiModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    me: str | None = Field(
        default=None, description="Which participant is you; one of participants"
    )


def _owned(db: SessionDep, user: ApiUser, chat_id: ChatId) -> ChatImport:
    row = get_import(db, user.id, chat_id)
    if row is None:
        raise HTTPException(status_code=404, detail=NO_SUCH_IMPORT)
    return row


@router.post(
    "",
    status_code=201,
    response_model=ChatSummary,
    summary="Import a chat export",
    responses={
        **ERROR_RESPONSES,
        **BAD_BODY,
        413: {"model": Problem, "description": "Over the upload limit"},
        422: {"description": "The export could not be read; detail says where"},
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
) -> ChatSummary:
    """Upload an export; it is parsed and stored in one transaction, or not at all."""
    options = UploadOptions(
        name=name.strip(),
        me=me.strip() or None,
        keep_text=keep_text,
        prefer=date_order or None,
        chat=chat.strip() or None,
        progress=progress or None,
    )
    try:
        refuse_oversized_body(request)
        row = await import_upload(request, db, user_id=user.id, upload=file, options=options)
    except UploadTooLarge:
        raise HTTPException(status_code=413, detail="This file is over the upload limit.") from None
    except ChatFormatError as error:
        problem = {"loc": ["body", "file"], "msg": str(error), "type": "chat_format"}
        raise HTTPException(status_code=422, detail=[problem]) from None
    return ChatSummary.of(row)


@router.get(
    "", response_model=list[ChatSummary], summary="Your chat imports", responses=ERROR_RESPONSES
)
def read_chats(user: ApiUser, db: SessionDep) -> list[ChatSummary]:
    """Newest first."""
    return [ChatSummary.of(row) for row in list_imports(db, user.id)]


class ProgressOut(BaseModel):
    state: Literal["running", "done", "failed", "interrupted"]
    stage: str = Field(description="reading, measuring, storing, done or failed")
    done: int = Field(description="Messages stored so far (counted as they go on PostgreSQL)")
    total: int
    percent: int | None
    import_id: int | None = Field(description="The import, once it is done")
    error: str
    updated_at: datetime


@router.get(
    "/progress/{progress_id}",
    response_model=ProgressOut,
    summary="How far an import has come",
    responses={**ERROR_RESPONSES, **NOT_FOUND},
)
def read_import_progress(
    progress_id: Annotated[str, Path(pattern=PROGRESS_PATTERN)], user: ApiUser, db: SessionDep
) -> ProgressOut:
    """Readable from every server process while the import runs; "interrupted" when the process
    doing it stopped (nothing of such an import is stored)."""
    found = read_progress(db, user.id, progress_id, utcnow())
    if found is None:
        raise HTTPException(status_code=404, detail="There is no import with that progress key.")
    return ProgressOut(**found)


@router.get(
    "/{chat_id}/metrics",
    response_model=dict[str, Any],
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

    def make(caller: Caller) -> bytes:
        """The answer's body; empty when there is no such import of hers."""
        with request.app.state.sessionmaker() as db:
            if gap is None and split is None:  # the report stored at import, sent as stored
                report = stored_report(db, caller.user_id, chat_id)
                return report.encode() if report is not None else b""
            row = get_import(db, caller.user_id, chat_id)
            if row is None:
                return b""
            return json_body(metrics(db, row, gap_hours=gap, split=split))

    def key(caller: Caller) -> tuple[Hashable, ...]:
        return ("metrics", caller.user_id, caller.data_version, chat_id, gap, split)

    body = await kept_api_read(request, credentials, key, make)
    if not body:
        raise HTTPException(status_code=404, detail=NO_SUCH_IMPORT)
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
    row = _owned(db, user, chat_id)
    if changes.me is not None and changes.me not in row.participants:
        problem = {
            "loc": ["body", "me"],
            "msg": "must be one of the participants",
            "type": "value_error",
        }
        raise HTTPException(status_code=422, detail=[problem])
    if changes.name is not None:
        row.name = changes.name.strip() or row.name
    if changes.me is not None:
        set_me(db, row, changes.me)
    db.commit()
    return ChatSummary.of(row)


@router.delete(
    "/{chat_id}",
    status_code=204,
    summary="Delete an import",
    responses={**ERROR_RESPONSES, **NOT_FOUND},
)
def delete_chat(chat_id: ChatId, user: ApiUser, db: SessionDep) -> Response:
    remove_import(db, _owned(db, user, chat_id))
    db.commit()
    return Response(status_code=204)
