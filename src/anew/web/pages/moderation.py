"""The moderation queue for coaches and admins: approve, reject, mark as spam, edit, delete,
in bulk too; the block list and the export are the admin's."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from starlette.responses import RedirectResponse, Response

from anew.accounts.roles import STAFF, Role
from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.guide import service
from anew.guide.vocabulary import BlockKind, ResponseStatus
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, SessionDep
from anew.web.http.forms import PostedForm
from anew.web.http.outbox import send_later
from anew.web.http.responding import mailing
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
ACTIONS = {
    "approve": ResponseStatus.PUBLISHED,
    "reject": ResponseStatus.REJECTED,
    "spam": ResponseStatus.SPAM,
}


def moderator(user: CurrentUser) -> Caller:
    """Coaches and admins; anyone else is told this isn't for them (403)."""
    if user.role not in STAFF:
        raise HTTPException(status_code=403, detail="Only coaches and admins moderate responses.")
    return user


def admin(user: CurrentUser) -> Caller:
    if user.role != Role.ADMIN.value:
        raise HTTPException(status_code=403, detail="Only an admin can do this.")
    return user


Moderator = Annotated[Caller, Depends(moderator)]
Admin = Annotated[Caller, Depends(admin)]


def _status(value: str) -> ResponseStatus:
    return ResponseStatus(value) if value in ResponseStatus.values() else ResponseStatus.PENDING


@router.get("/moderation")
def queue(request: Request, user: Moderator, db: SessionDep) -> Response:
    status = _status(request.query_params.get("status", ""))
    context = {
        "status": status,
        "statuses": ResponseStatus.values(),
        "rows": service.queue(db, status),
        "done": request.query_params.get("done", ""),
        "is_admin": user.role == Role.ADMIN.value,
    }
    return render(request, "guide/moderation.html", context)


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit() and len(v) < 10]


@router.post("/moderation", dependencies=[Depends(require_csrf)])
def act(request: Request, user: Moderator, db: SessionDep, form: PostedForm) -> Response:
    """One action on every ticked response (or on the one whose button was pressed)."""
    action = str(form.get("action", ""))
    ids = _ids([str(v) for v in form.getlist("ids")])
    back = _status(str(form.get("status", "")))
    mails = []
    if action in ACTIONS:
        mails = service.moderate(db, ids, ACTIONS[action], mailing=mailing(request), now=utcnow())
    elif action == "delete":
        service.remove(db, ids)
    else:
        raise HTTPException(status_code=400, detail="Please choose what to do.")
    response = RedirectResponse(f"/moderation?status={back}&done={action}", status_code=303)
    response.background = send_later(request, mails)
    return response


@router.get("/moderation/{response_id}/edit")
def edit_page(request: Request, response_id: int, user: Moderator, db: SessionDep) -> Response:
    row = service.response(db, response_id)
    return render(request, "guide/edit.html", {"row": row, "values": {"body": row.body}})


@router.post("/moderation/{response_id}/edit", dependencies=[Depends(require_csrf)])
def save_edit(
    request: Request,
    response_id: int,
    user: Moderator,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    row = service.response(db, response_id)
    body = str(form.get("body", "")).strip()
    if not body or len(body) > 5000 or "\x00" in body:
        context = {
            "row": row,
            "values": {"body": body},
            "error": "Please keep 1 to 5000 characters.",
        }
        return render(request, "guide/edit.html", context, status_code=400)
    service.edit(db, row.id, body, now=utcnow())
    return RedirectResponse(f"/moderation?status={row.status}&done=edit", status_code=303)


@router.get("/moderation/block-list")
def block_list_page(request: Request, user: Admin, db: SessionDep) -> Response:
    lists = service.block_list(db)
    values = {kind.value: "\n".join(lists[kind]) for kind in BlockKind}
    context = {"values": values, "saved": request.query_params.get("done") == "saved"}
    return render(request, "guide/block_list.html", context)


@router.post("/moderation/block-list", dependencies=[Depends(require_csrf)])
def save_block_list(request: Request, user: Admin, db: SessionDep, form: PostedForm) -> Response:
    lists = {kind: str(form.get(kind, "")).replace("\x00", "").splitlines() for kind in BlockKind}
    service.replace_block_list(db, lists)
    return RedirectResponse("/moderation/block-list?done=saved", status_code=303)


@router.get("/moderation/export.json")
def export_json(user: Admin, db: SessionDep) -> Response:
    rows = [row.model_dump(mode="json") for row in service.export_rows(db)]
    body = json.dumps(rows, ensure_ascii=False, indent=2)
    headers = {"Content-Disposition": 'attachment; filename="responses.json"'}
    return Response(body, media_type="application/json", headers=headers)


@router.get("/moderation/export.csv")
def export_csv(user: Admin, db: SessionDep) -> Response:
    body = service.export_csv(db)
    headers = {"Content-Disposition": 'attachment; filename="responses.csv"'}
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
