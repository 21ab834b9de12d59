"""Receiving an uploaded chat export, shared by the upload page and the API: the size limits, a
private temporary file, and the progress her page polls; the import itself is the chats
service's."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath

from fastapi import Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from anew.chats import service
from anew.chats.errors import AmbiguousDates, ChatFormatError
from anew.chats.progress import ProgressReporter
from anew.chats.service import ChatSummary, ImportOptions

MB = 1024 * 1024


class UploadTooLarge(Exception):
    """The upload is over ANEW_MAX_UPLOAD_MB."""


@dataclass(frozen=True)
class UploadOptions(ImportOptions):
    progress: str | None = None  # the key her client will ask about progress under


def upload_limit(request: Request) -> int:
    """The configured limit in bytes."""
    return int(request.app.state.settings.max_upload_mb) * MB


async def import_upload(
    request: Request, db: Session, *, user_id: int, upload: UploadFile, options: UploadOptions
) -> ChatSummary:
    """Save the upload to a private temporary file, then have it parsed and stored in one
    transaction. Raises ChatFormatError (naming the uploaded file) or UploadTooLarge; nothing is
    stored then."""
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
                service.import_file,
                db,
                user_id,
                path,
                filename=filename,
                options=options,
                limit=limit,
                report=report,
                max_ratio=request.app.state.settings.zip_max_ratio,
            )
        except ChatFormatError as error:
            member = error.source[error.source.find("!") :] if "!" in error.source else ""
            named = (
                AmbiguousDates(filename + member, error.problem, examples=error.examples)
                if isinstance(error, AmbiguousDates)
                else ChatFormatError(filename + member, error.problem, line=error.line, at=error.at)
            )
            await run_in_threadpool(report, "failed", error=str(named))
            raise named from None
        except BaseException:
            await run_in_threadpool(report, "failed", error="The import stopped unexpectedly.")
            raise
