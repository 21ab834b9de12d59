"""Sign up, log in and log out: the pages and their form posts."""

from __future__ import annotations

from functools import partial
from typing import Any

from email_validator import EmailNotValidError, validate_email
from fastapi import Depends, Request
from pydantic import BaseModel, Field, field_validator
from starlette.responses import RedirectResponse, Response

from anew.accounts import service
from anew.accounts import signup as mailed
from anew.accounts.clock import checked_time_zone, time_zone_names
from anew.accounts.vocabulary import SessionKind
from anew.db import utcnow
from anew.errors import NotFound
from anew.web.http.app_shell import FORGET_DEVICE
from anew.web.http.cookies import (
    clear_session_cookie,
    safe_next,
    set_device_cookie,
    set_session_cookie,
    this_device,
)
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import SESSION_COOKIE, OptionalUser, SessionDep, client_address
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.outbox import mail_base, mail_is_set_up, send_later
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)


def checked_email(value: str) -> str:
    """Validate an address's shape without any network lookup (the app works offline)."""
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValueError("Please enter an email address like name@example.com.") from None


class SignupForm(BaseModel):
    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1)
    time_zone: str = Field(default="UTC", max_length=64)  # a form without the field is UTC too

    _email = field_validator("email")(checked_email)
    _zone = field_validator("time_zone")(checked_time_zone)


class LoginForm(BaseModel):
    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1)
    next: str = ""


def _submit(
    request: Request,
    db: SessionDep,
    result: FormResult[Any],
    *,
    action: service.AccountAction,
    template: str,
    target: str,
    time_zone: str | None = None,
) -> Response:
    """Sign up or log in on a valid form (a sign-up keeps the time zone she or her browser
    gave); on refusal re-render it with the reason."""
    status, mails = 400, []
    if result.data is not None:
        try:
            opened = service.open_session(
                db,
                action,
                email=result.data.email,
                password=result.data.password,
                address=client_address(request),
                now=utcnow(),
                kind=SessionKind.WEB,
            )
        except service.AccountError as error:
            result.add_error(error.field or "form", str(error))
            status = 429 if isinstance(error, service.TooManyAttempts) else 400
            mails = error.mails if isinstance(error, service.TooManyAttempts) else []
        else:
            if time_zone is not None:
                service.set_time_zone(db, opened.user_id, time_zone)
            response = RedirectResponse(target, status_code=303)
            set_session_cookie(response, request, opened.token)
            set_device_cookie(response, request, opened.user_id)
            return response
    context = {"values": result.values, "errors": result.errors, "zones": time_zone_names()}
    page = render(request, template, context, status_code=status)
    page.background = send_later(request, mails)
    return page


@router.get("/signup")
def signup_page(request: Request, user: OptionalUser) -> Response:
    if user is not None:
        return RedirectResponse("/dashboard", status_code=303)
    # With email set up, the time zone is asked where the account is made: the link's page.
    zones = () if mail_is_set_up(request) else time_zone_names()
    context = {"values": {}, "errors": {}, "zones": zones}
    return render(request, "auth/signup.html", context)


@router.post("/signup", dependencies=[Depends(require_csrf)])
def signup(request: Request, db: SessionDep, form: PostedForm) -> Response:
    settings = request.app.state.settings
    if not settings.open_signup:
        return render(request, "auth/signup.html", {"values": {}, "errors": {}}, status_code=403)
    result = read_form(SignupForm, form)
    if mail_is_set_up(request):
        return _mailed_signup(request, db, result)
    return _submit(
        request,
        db,
        result,
        action=service.sign_up,
        template="auth/signup.html",
        target="/dashboard?welcome=1",
        time_zone=result.data.time_zone if result.data else None,
    )


def _mailed_signup(request: Request, db: SessionDep, result: FormResult[Any]) -> Response:
    """With email set up the answer is the same whether or not the email has an account."""
    status = 400
    if result.data is not None:
        try:
            mails = mailed.start_signup(
                db,
                email=result.data.email,
                password=result.data.password,
                address=client_address(request),
                now=utcnow(),
                base=mail_base(request),
            )
        except service.AccountError as error:
            result.add_error(error.field or "form", str(error))
            status = 429 if isinstance(error, service.TooManyAttempts) else 400
        else:
            page = render(request, "auth/check_email.html", {"email": result.data.email})
            page.background = send_later(request, mails)
            return page
    context = {"values": result.values, "errors": result.errors}
    return render(request, "auth/signup.html", context, status_code=status)


@router.get("/signup/confirm/{token}")
def confirm_signup_page(request: Request, token: str) -> Response:
    """A button rather than the link itself, so a mail scanner opening links makes nothing."""
    context = {"token": token[:64], "problem": "", "zones": time_zone_names(), "values": {}}
    return render(request, "auth/confirm_signup.html", context)


@router.post("/signup/confirm/{token}", dependencies=[Depends(require_csrf)])
def confirm_signup(request: Request, token: str, db: SessionDep, form: PostedForm) -> Response:
    password = form.get("password")
    typed_zone = str(form.get("time_zone", ""))
    context: dict[str, Any] = {
        "token": token[:64],
        "problem": "",
        "zones": time_zone_names(),
        "values": {"time_zone": typed_zone},
    }
    try:
        time_zone = checked_time_zone(typed_zone)
    except ValueError as error:
        context["errors"] = {"time_zone": str(error)}
        return render(request, "auth/confirm_signup.html", context, status_code=400)
    try:
        opened = mailed.finish_signup(
            db, token, password if isinstance(password, str) else "", utcnow()
        )
    except mailed.NotTheChosenPassword as error:
        context["password_error"] = str(error)
        return render(request, "auth/confirm_signup.html", context, status_code=400)
    except (NotFound, service.AccountError) as error:
        problem = error.message if isinstance(error, NotFound) else str(error)
        context = {"token": "", "problem": problem}
        return render(request, "auth/confirm_signup.html", context, status_code=400)
    service.set_time_zone(db, opened.user_id, time_zone)
    response = RedirectResponse("/dashboard?welcome=1", status_code=303)
    set_session_cookie(response, request, opened.token)
    set_device_cookie(response, request, opened.user_id)
    return response


@router.get("/login")
def login_page(request: Request, user: OptionalUser, next: str = "") -> Response:
    if user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "auth/login.html", {"values": {"next": next}, "errors": {}})


@router.post("/login", dependencies=[Depends(require_csrf)])
def login(request: Request, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(LoginForm, form)
    target = safe_next(result.values.get("next"))
    action = partial(service.log_in, device=this_device(request))
    return _submit(request, db, result, action=action, template="auth/login.html", target=target)


@router.post("/logout", dependencies=[Depends(require_csrf)])
def logout(request: Request, db: SessionDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        service.close_session(db, token)
    response = RedirectResponse("/?signed_out=1", status_code=303)
    clear_session_cookie(response, request)
    # Whatever the app kept in this browser (the offline copies, writes still queued) goes too,
    # even when no script of ours runs to clear it.
    response.headers["Clear-Site-Data"] = FORGET_DEVICE
    return response


@router.get("/logout")
def logout_page(request: Request, user: OptionalUser) -> Response:
    """A confirm page, so that logging out is always a form post (a link could be forged)."""
    if user is None:
        return RedirectResponse("/", status_code=303)
    return render(request, "auth/logout.html")
