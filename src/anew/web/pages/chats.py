"""Chat analysis pages: upload an export, read its report, say who is who, rename, delete."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, HTTPException, Request
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import JSONResponse, RedirectResponse, Response

from anew.chats.charts import (
    endings_chart,
    heatmap,
    hours_chart,
    initiations_chart,
    replies_chart,
)
from anew.chats.errors import ChatFormatError
from anew.chats.models import ChatImport
from anew.chats.progress import KEY, read_progress
from anew.chats.store import get_import, list_imports, remove_import, set_me
from anew.db import utcnow
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import ChatId, CurrentUser, SessionDep
from anew.web.http.forms import PostedForm
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render
from anew.web.http.uploads import (
    UploadOptions,
    UploadTooLarge,
    import_upload,
    refuse_oversized_body,
)

router = SegmentRouter(include_in_schema=False)
CHARTS = {
    "initiations": initiations_chart,
    "endings": endings_chart,
    "replies": replies_chart,
    "hours": hours_chart,
    "heatmap": heatmap,
}


def limit_upload(request: Request) -> None:
    """Refuse an oversized upload before its body is read (the CSRF check reads it)."""
    try:
        refuse_oversized_body(request)
    except UploadTooLarge:
        raise HTTPException(status_code=413, detail=_too_large(request)) from None


def _too_large(request: Request) -> str:
    return (
        f"This file is larger than {request.app.state.settings.max_upload_mb} MB, the limit here."
    )


def _owned(db: SessionDep, user: CurrentUser, chat_id: int) -> ChatImport:
    row = get_import(db, user.id, chat_id)
    if row is None:
        raise HTTPException(status_code=404)
    return row


def _index(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    *,
    values: dict[str, str],
    error: str = "",
    status_code: int = 200,
) -> Response:
    context: dict[str, Any] = {
        "imports": list_imports(db, user.id),
        "values": values,
        "error": error,
    }
    return render(request, "chats/index.html", context, status_code=status_code)


@router.get("/chats")
def chats_page(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    return _index(request, db, user, values={})


@router.post("/chats", dependencies=[Depends(limit_upload), Depends(require_csrf)])
async def upload_chat(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    form = await request.form()
    values = {
        key: value for key, value in form.items() if isinstance(value, str) and key != "csrf_token"
    }
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return await _refused(request, db, user, values, "Please choose an export file.", 400)
    prefer = (
        values.get("date_order") if values.get("date_order") in ("dayfirst", "monthfirst") else None
    )
    options = UploadOptions(
        name=values.get("name", "").strip(),
        keep_text=values.get("keep_text") == "on",
        prefer=prefer,  # type: ignore[arg-type]
        chat=values.get("chat", "").strip() or None,
        progress=progress_key if KEY.match(progress_key := values.get("progress", "")) else None,
    )
    try:
        row = await import_upload(request, db, user_id=user.id, upload=upload, options=options)
    except UploadTooLarge:
        return await _refused(request, db, user, values, _too_large(request), 413)
    except ChatFormatError as error:
        return await _refused(request, db, user, values, str(error), 400)
    return RedirectResponse(f"/chats/{row.id}", status_code=303)


async def _refused(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    values: dict[str, str],
    error: str,
    status: int,
) -> Response:
    """The upload page again, with what she chose and why it didn't import; rendered in the
    thread pool, since the page reads her imports."""
    return await run_in_threadpool(
        _index, request, db, user, values=values, error=error, status_code=status
    )


@router.get("/chats/progress/{progress_id}")
def import_progress(progress_id: str, user: CurrentUser, db: SessionDep) -> JSONResponse:
    """The upload page polls this while the server reads and stores her chat."""
    found = read_progress(db, user.id, progress_id, utcnow()) if KEY.match(progress_id) else None
    if found is None:
        return JSONResponse({"detail": "There is no such import."}, status_code=404)
    return JSONResponse(found, headers={"Cache-Control": "no-store"})


@router.get("/chats/{chat_id}")
def chat_report(request: Request, chat_id: ChatId, user: CurrentUser, db: SessionDep) -> Response:
    row = _owned(db, user, chat_id)
    saved = request.query_params.get("saved", "")
    # The charts are built from numbers and escaped names in anew.chats.charts, so they are safe.
    charts = {
        name: Markup(draw(row.report))  # noqa: S704
        for name, draw in CHARTS.items()
        if name != "replies" or "reply_distribution" in row.report
    }
    context = {"chat": row, "report": row.report, "saved": saved, "charts": charts}
    return render(request, "chats/report.html", context)


@router.post("/chats/{chat_id}/settings", dependencies=[Depends(require_csrf)])
def chat_settings(
    request: Request,
    chat_id: ChatId,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    row = _owned(db, user, chat_id)
    name, me = str(form.get("name", "")).strip(), str(form.get("me", ""))
    if name:
        row.name = name[:200]
    if me != (row.me or ""):
        set_me(db, row, me if me in row.participants else None)
    db.commit()
    return RedirectResponse(f"/chats/{row.id}?saved=1", status_code=303)


@router.post("/chats/{chat_id}/delete", dependencies=[Depends(require_csrf)])
def delete_chat(chat_id: ChatId, user: CurrentUser, db: SessionDep) -> Response:
    remove_import(db, _owned(db, user, chat_id))
    db.commit()
    return RedirectResponse("/chats?deleted=1", status_code=303)
