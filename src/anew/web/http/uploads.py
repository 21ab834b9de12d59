"""Turning an uploaded export into a stored import, shared by the upload page and the API."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath

from fastapi import Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from anew.chats.errors import ChatFormatError
from anew.chats.formats.whatsapp import DatePreference
from anew.chats.loading import load_chat
from anew.chats.models import ChatImport
from anew.chats.progress import ProgressReporter
from anew.chats.store import save_import

MB = 1024 * 1024


class UploadTooLarge(Exception):
    """The upload is over ANEW_MAX_UPLOAD_MB."""


@dataclass(frozen=True)
class UploadOptions:
    name: str = ""
    me: str | None = None
    keep_text: bool = False
    prefer: DatePreference = None
    chat: str | None = None
    progress: str | None = None  # the key her client will ask about progress under


def upload_limit(request: Request) -> int:
    """The configured limit in bytes."""
    return int(request.app.state.settings.max_upload_mb) * MB


def refuse_oversized_body(request: Request) -> None:
    """Refuse before reading a body whose declared length is already over the limit."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > upload_limit(request) + MB:
        raise UploadTooLarge


def _import(
    db: Session,
    *,
    user_id: int,
    upload_path: Path,
    filename: str,
    options: UploadOptions,
    limit: int,
    report: ProgressReporter,
) -> ChatImport:
    report("reading")
    chat = load_chat(
        upload_path,
        prefer=options.prefer,
        keep_text=options.keep_text,
        chat_name=options.chat or None,
        max_bytes=limit,
        me=options.me or "Me",
    )
    # An unknown `me` is refused by analyze() inside save_import, named with the file below.
    name = options.name or chat.title or PurePath(filename).stem or "Chat"
    total = chat.messages.height
    row = save_import(
        db,
        user_id=user_id,
        chat=chat,
        name=name,
        me=options.me,
        keep_text=options.keep_text,
        on_progress=lambda stage, done: report(stage, done=done, total=total),
    )
    db.commit()
    report("done", done=total, total=total, import_id=row.id)
    return row


async def import_upload(
    request: Request, db: Session, *, user_id: int, upload: UploadFile, options: UploadOptions
) -> ChatImport:
    """Save the upload to a private temporary file, parse it and store it in one transaction.

    Raises ChatFormatError (naming the uploaded file) or UploadTooLarge; nothing is stored then.
    """
    limit = upload_limit(request)
    filename = PurePath(upload.filename or "upload").name
    report = ProgressReporter(request.app.state.sessionmaker, user_id, options.progress)
    if upload.size is not None and upload.size > limit:
        raise UploadTooLarge
    temp_dir = Path(request.app.state.settings.data_dir) / "tmp"
    temp_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=temp_dir) as folder:
        path = Path(folder) / (filename or "upload")
        with path.open("wb") as handle:
            await run_in_threadpool(shutil.copyfileobj, upload.file, handle, MB)
        try:
            return await run_in_threadpool(
                _import,
                db,
                user_id=user_id,
                upload_path=path,
                filename=filename,
                options=options,
                limit=limit,
                report=report,
            )
        except ChatFormatError as error:
            await run_in_threadpool(db.rollback)  # a statement to the database: not in the loop
            member = error.source[error.source.find("!") :] if "!" in error.source else ""
            named = ChatFormatError(filename + member, error.problem, line=error.line, at=error.at)
            await run_in_threadpool(report, "failed", error=str(named))
            raise named from None
        except BaseException:
            await run_in_threadpool(db.rollback)
            await run_in_threadpool(report, "failed", error="The import stopped unexpectedly.")
            raise
