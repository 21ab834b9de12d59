"""The account page: time zone, password change and account deletion."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from fastapi import Depends, Request
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import RedirectResponse, Response

from anew.accounts import service
from anew.accounts.clock import checked_time_zone, time_zone_names
from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.errors import Conflict, Invalid
from anew.safety.resources import Resources
from anew.web.http.cookies import clear_session_cookie, set_session_cookie
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, SessionDep
from anew.web.http.downloads import archive_response
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render
from anew.your_data import service as your_data

router = SegmentRouter(include_in_schema=False)


class PasswordForm(BaseModel):
    current_password: str = Field(min_length=1)
    new_password: str = Field(min_length=1)


class TimeZoneForm(BaseModel):
    time_zone: str = Field(min_length=1)

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """Typed, so trimmed and checked as at sign-up; here it may not be left empty."""
        if not value.strip():
            raise ValueError("Please type your time zone, for example Europe/London.")
        return checked_time_zone(value)


class CountryForm(BaseModel):
    country: str = Field(default="", max_length=2)


class DeleteForm(BaseModel):
    password: str = Field(min_length=1)
    confirm: str = Field(min_length=1)

    @field_validator("confirm")
    @classmethod
    def _typed_delete(cls, value: str) -> str:
        if value.strip().lower() != "delete":
            raise ValueError('Please type the word "delete" to confirm.')
        return value


def _page(
    request: Request,
    db: SessionDep,
    user: Caller,
    *,
    section: str = "",
    result: FormResult[Any] | None = None,
    status_code: int = 200,
) -> Response:
    resources: Resources = request.app.state.resources
    context = {
        "account": service.account(db, user.id),
        "time_zones": time_zone_names(),
        "countries": resources.choices(),
        "section": section,
        "values": result.values if result else {},
        "errors": result.errors if result else {},
        "saved": request.query_params.get("done", ""),
    }
    return render(request, "account/settings.html", context, status_code=status_code)


@router.get("/account")
def account_page(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    return _page(request, db, user)


@router.post("/account/time-zone", dependencies=[Depends(require_csrf)])
def update_time_zone(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    result = read_form(TimeZoneForm, form)
    if result.data is None:
        return _page(request, db, user, section="time_zone", result=result, status_code=400)
    service.set_time_zone(db, user.id, result.data.time_zone)
    return RedirectResponse("/account?done=time_zone", status_code=303)


@router.post("/account/country", dependencies=[Depends(require_csrf)])
def update_country(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    """Her country picks the help resources shown to her; "" means the worldwide list only."""
    result = read_form(CountryForm, form)
    resources: Resources = request.app.state.resources
    known = {code for code, _name in resources.choices()}
    if result.data is not None and result.data.country not in known | {""}:
        result.add_error("country", "Please pick a country from the list.")
    if result.data is None:
        return _page(request, db, user, section="country", result=result, status_code=400)
    service.set_country(db, user.id, result.data.country)
    return RedirectResponse("/account?done=country", status_code=303)


def _refusal_status(error: service.AccountError) -> int:
    return 429 if isinstance(error, service.TooManyAttempts) else 400


@router.post("/account/password", dependencies=[Depends(require_csrf)])
def update_password(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    result, status = read_form(PasswordForm, form), 400
    if result.data is not None:
        try:
            token = service.replace_password(
                db,
                user.id,
                current_password=result.data.current_password,
                new_password=result.data.new_password,
                now=utcnow(),
            )
        except service.AccountError as error:
            result.add_error(error.field or "form", str(error))
            status = _refusal_status(error)
        else:
            # Every other session, on every server, is gone; this browser gets a fresh one.
            response = RedirectResponse("/account?done=password", status_code=303)
            set_session_cookie(response, request, token)
            return response
    return _page(request, db, user, section="password", result=result, status_code=status)


@router.post("/account/delete", dependencies=[Depends(require_csrf)])
def remove_account(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    result, status = read_form(DeleteForm, form), 400
    if result.data is not None:
        try:
            service.remove_account(db, user.id, password=result.data.password, now=utcnow())
        except service.AccountError as error:
            # Her password is the one field this form asks for, whatever the refusal names.
            result.add_error("password", str(error))
            status = _refusal_status(error)
        else:
            response = RedirectResponse("/?deleted=1", status_code=303)
            clear_session_cookie(response, request)
            return response
    return _page(request, db, user, section="delete", result=result, status_code=status)


@router.get("/account/export")
def download_export(user: CurrentUser, db: SessionDep) -> Response:
    """Everything of hers as one zip, the same archive as GET /api/v1/export."""
    now = utcnow()
    return archive_response(your_data.export(db, user.id, now=now), now.date().isoformat())


@router.post("/account/import", dependencies=[Depends(require_csrf)])
async def upload_import(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    upload = (await request.form()).get("file")
    chosen = upload if isinstance(upload, UploadFile) and upload.filename else None
    return await run_in_threadpool(_import_upload, request, user, db, chosen)


def _import_upload(
    request: Request, user: Caller, db: SessionDep, upload: UploadFile | None
) -> Response:
    problem = ""
    if upload is None:
        problem = "Please choose the .zip file you downloaded from Anew."
    else:
        # Read from its spooled file a member at a time, never held whole.
        try:
            your_data.restore(
                db,
                user.id,
                upload.file,
                name=PurePath(upload.filename or "archive.zip").name,
                limits=request.app.state.settings.archive_limits,
            )
        except Conflict:
            problem = "Import works on a fresh account only, so nothing here gets mixed up."
        except Invalid as error:
            problem = f"Nothing was imported: {error.message}"
    if problem:
        result: FormResult[Any] = FormResult(values={}, errors={"file": problem})
        return _page(request, db, user, section="import", result=result, status_code=400)
    return RedirectResponse("/account?done=import", status_code=303)
