"""Chat analysis pages: upload an export, read its report, say who is who, rename, delete."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import Depends, Request
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import JSONResponse, RedirectResponse, Response

from anew.accounts.sessions import Caller
from anew.chats import service
from anew.chats.charts import (
    endings_chart,
    heatmap,
    hours_chart,
    initiations_chart,
    replies_chart,
)
from anew.chats.errors import AmbiguousDates, ChatFormatError
from anew.chats.findings_words import findings
from anew.chats.formats.date_examples import in_words
from anew.chats.formats.registry import supported_files
from anew.chats.progress import KEY
from anew.db import utcnow
from anew.errors import NotFound
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import ChatId, CurrentUser, SessionDep
from anew.web.http.forms import PostedForm
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render
from anew.web.http.uploads import (
    UploadOptions,
    UploadTooLarge,
    import_upload,
)

router = SegmentRouter(include_in_schema=False)
CHARTS = {
    "initiations": initiations_chart,
    "endings": endings_chart,
    "replies": replies_chart,
    "hours": hours_chart,
    "heatmap": heatmap,
}


def _too_large(request: Request) -> str:
    return (
        f"This file is larger than {request.app.state.settings.max_upload_mb} MB, the limit here."
    )


def _index(
    request: Request,
    db: SessionDep,
    user: Caller,
    *,
    values: dict[str, str],
    error: str = "",
    status_code: int = 200,
    question: list[dict[str, str]] | None = None,
) -> Response:
    context: dict[str, Any] = {
        "imports": service.imports(db, user.id),
        "formats": supported_files(),
        "values": values,
        "error": error,
        "question": question,
    }
    return render(request, "chats/index.html", context, status_code=status_code)


@router.get("/chats")
def chats_page(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    return _index(request, db, user, values={})


@router.post("/chats", dependencies=[Depends(require_csrf)])
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
    except AmbiguousDates as error:
        return await run_in_threadpool(
            _index,
            request,
            db,
            user,
            values=values,
            error=ASK_DATES,
            status_code=422,
            question=date_question(error.examples),
        )
    except ChatFormatError as error:
        return await _refused(request, db, user, values, str(error), 400)
    # "Which one is you?" comes right after the upload, before the report it changes.
    ask = row.me is None and len(row.participants) > 1
    return RedirectResponse(f"/chats/{row.id}/who" if ask else f"/chats/{row.id}", status_code=303)


ASK_DATES = "One question before your chat is read: its dates can be read two ways."


def date_question(examples: list[dict[str, str]]) -> list[dict[str, str]]:
    """Her dates as written, with both readings in words ("3 April 2024"), for the radios."""
    return [
        {
            "as_written": example["as_written"],
            "day_first": in_words(date.fromisoformat(example["day_first"])),
            "month_first": in_words(date.fromisoformat(example["month_first"])),
        }
        for example in examples
    ]


async def _refused(
    request: Request,
    db: SessionDep,
    user: Caller,
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
    try:
        if not KEY.match(progress_id):
            raise NotFound
        found = service.progress(db, user.id, progress_id, now=utcnow())
    except NotFound:
        return JSONResponse({"detail": "There is no such import."}, status_code=404)
    return JSONResponse(found.model_dump(mode="json"), headers={"Cache-Control": "no-store"})


@router.get("/chats/{chat_id}")
def chat_report(request: Request, chat_id: ChatId, user: CurrentUser, db: SessionDep) -> Response:
    found = service.chat(db, user.id, chat_id)
    saved = request.query_params.get("saved", "")
    document = found.report.document()
    # The charts are built from numbers and escaped names in anew.chats.charts, so they are safe.
    charts = {
        name: Markup(draw(document))  # noqa: S704
        for name, draw in CHARTS.items()
        if name != "replies" or "reply_distribution" in document
    }
    context = {
        "chat": found.chat,
        "report": found.report,
        "saved": saved,
        "charts": charts,
        "findings": findings(document),
    }
    return render(request, "chats/report.html", context)


@router.get("/chats/{chat_id}/who")
def who_page(request: Request, chat_id: ChatId, user: CurrentUser, db: SessionDep) -> Response:
    """The step between the upload and the report: which participant she is."""
    found = service.chat(db, user.id, chat_id).chat
    return render(request, "chats/who.html", {"chat": found, "error": ""})


@router.post("/chats/{chat_id}/who", dependencies=[Depends(require_csrf)])
def choose_me(
    request: Request, chat_id: ChatId, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    found = service.chat(db, user.id, chat_id).chat
    me = str(form.get("me", ""))
    if me != "none" and me not in found.participants:
        context = {"chat": found, "error": 'Please choose one of the names, or "none of them".'}
        return render(request, "chats/who.html", context, status_code=400)
    known = me in found.participants
    service.change(db, user.id, chat_id, me=me if known else None, forget_me=not known)
    return RedirectResponse(f"/chats/{found.id}", status_code=303)


@router.post("/chats/{chat_id}/settings", dependencies=[Depends(require_csrf)])
def chat_settings(
    request: Request,
    chat_id: ChatId,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    found = service.chat(db, user.id, chat_id).chat
    name, me = str(form.get("name", "")).strip(), str(form.get("me", ""))
    known = me in found.participants
    service.change(db, user.id, chat_id, name=name, me=me if known else None, forget_me=not known)
    return RedirectResponse(f"/chats/{found.id}?saved=1", status_code=303)


@router.post("/chats/{chat_id}/delete", dependencies=[Depends(require_csrf)])
def delete_chat(chat_id: ChatId, user: CurrentUser, db: SessionDep) -> Response:
    service.delete(db, user.id, chat_id)
    return RedirectResponse("/chats?deleted=1", status_code=303)
