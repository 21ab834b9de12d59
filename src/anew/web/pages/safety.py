"""The safety check's pages, the help resources, the quick exit and how to browse privately."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Depends, Request
from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from anew.accounts import service as accounts
from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.safety import service
from anew.safety.questions import QUESTIONS
from anew.safety.resources import Resources
from anew.safety.rules import RULES, assess
from anew.web.http import safety_result
from anew.web.http.app_shell import FORGET_DEVICE
from anew.web.http.cookies import safe_next
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, OptionalUser, SessionDep
from anew.web.http.forms import PostedForm
from anew.web.http.safety_result import SealedResult
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
CHECK = "/safety-check"


def _next(target: object) -> str:
    """Where "Continue" leads after the check: a step that asked for it (a local path only)."""
    return safe_next(str(target) if target else None, default="")


def _secret(request: Request) -> str:
    secret: str = request.app.state.settings.resolved_secret_key
    return secret


def _secure(request: Request) -> bool:
    return bool(request.app.state.settings.behind_https) or request.url.scheme == "https"


def _resources(request: Request) -> Resources:
    resources: Resources = request.app.state.resources
    return resources


def _check_page(
    request: Request,
    db: SessionDep,
    user: Caller | None,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    notice: str = "",
    next_path: str = "",
    status_code: int = 200,
) -> Response:
    history = service.history(db, user.id) if user else None
    context = {
        "quick_exit": True,
        "questions": QUESTIONS,
        "values": values or {},
        "errors": errors or {},
        "notice": notice,
        "latest": history.latest if history else None,
        "stored_checks": history.stored if history else 0,
        "next_path": next_path,
    }
    response = render(request, "safety/check.html", context, status_code=status_code)
    # Her answers must not come back with Back after a quick exit: no copy of the form is kept.
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get(CHECK)
def check_page(request: Request, user: OptionalUser, db: SessionDep) -> Response:
    deleted = request.query_params.get("done") == "deleted"
    notice = "Your stored checks and answers have been deleted." if deleted else ""
    next_path = _next(request.query_params.get("next"))
    return _check_page(request, db, user, notice=notice, next_path=next_path)


def _answers(form: FormData) -> dict[str, str]:
    """The yes/no answers in a posted form; anything else counts as unanswered."""
    return {q.id: value for q in QUESTIONS if (value := form.get(q.id)) in ("yes", "no")}


@router.post(CHECK, dependencies=[Depends(require_csrf)])
def take_check(request: Request, user: OptionalUser, db: SessionDep, form: PostedForm) -> Response:
    answers = _answers(form)
    next_path = _next(form.get("next"))
    missing = {q.id: "Please choose yes or no." for q in QUESTIONS if q.id not in answers}
    if missing:
        return _check_page(
            request,
            db,
            user,
            values=answers,
            errors=missing,
            next_path=next_path,
            status_code=400,
        )
    keep = form.get("keep_answers") == "yes"
    can_leave = False
    if user is None:
        assessment = assess(answers)
    else:
        outcome = service.take_check(db, user.id, answers, keep_answers=keep, now=utcnow())
        assessment, can_leave = outcome.assessment, outcome.can_leave
    sealed = SealedResult(assessment, can_leave=can_leave, kept=keep and user is not None)
    shown = f"{safety_result.PATH}?next={quote(next_path)}" if next_path else safety_result.PATH
    response = RedirectResponse(shown, status_code=303)
    response.set_cookie(
        safety_result.COOKIE,
        safety_result.seal(sealed, _secret(request)),
        max_age=safety_result.LIFETIME_S,
        path=safety_result.PATH,
        secure=_secure(request),
        httponly=True,
        samesite="strict",
    )
    return response


@router.get(safety_result.PATH)
def result_page(request: Request, user: OptionalUser, db: SessionDep) -> Response:
    """The result, shown once: the cookie that carried it is gone with this answer, so a reload
    or Back finds the check again, never her result."""
    sealed = safety_result.unseal(request.cookies.get(safety_result.COOKIE), _secret(request))
    if sealed is None:
        return RedirectResponse(CHECK, status_code=303)
    country = accounts.account(db, user.id).country if user else ""
    # "Continue" returns to the step that asked for the check, unless the check closed that step.
    onward = _next(request.query_params.get("next")) if user else ""
    if sealed.assessment.result != "clear" or getattr(request.state, "safety_mode", False):
        onward = ""
    context: dict[str, Any] = {
        "quick_exit": True,
        "assessment": sealed.assessment,
        "rules": RULES,
        "resources": _resources(request).for_country(country),
        "can_leave": sealed.can_leave,
        "kept": sealed.kept,
        "continue_to": onward or ("/dashboard" if user else "/"),
    }
    response = render(request, "safety/result.html", context)
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(safety_result.COOKIE, path=safety_result.PATH)
    return response


@router.post(f"{CHECK}/leave", dependencies=[Depends(require_csrf)])
def leave(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    try:
        service.leave_safety_mode(db, user.id, confirmed=form.get("confirm") == "yes")
    except service.CannotLeave as error:
        return _check_page(request, db, user, errors={"leave": error.message}, status_code=400)
    return RedirectResponse("/dashboard?left_safety_mode=1", status_code=303)


@router.post(f"{CHECK}/delete", dependencies=[Depends(require_csrf)])
def forget(user: CurrentUser, db: SessionDep) -> Response:
    service.forget_checks(db, user.id)
    return RedirectResponse(f"{CHECK}?done=deleted", status_code=303)


@router.get("/safety/help")
def help_page(request: Request, user: OptionalUser, db: SessionDep) -> Response:
    resources = _resources(request)
    chosen = request.query_params.get("country", "").strip().upper()[:2]
    if not chosen and user is not None:
        chosen = accounts.account(db, user.id).country
    context = {
        "quick_exit": True,
        "chosen": chosen,
        "countries": resources.choices(),
        "resources": resources.for_country(chosen),
    }
    return render(request, "safety/help.html", context)


@router.get("/safety/private-browsing")
def private_browsing(request: Request, user: OptionalUser) -> Response:
    return render(request, "safety/private_browsing.html", {"quick_exit": True})


@router.get("/exit")
async def quick_exit(request: Request) -> Response:
    """The quick exit without JavaScript: straight to the neutral site, nothing kept in cache.
    In the event loop, needing no thread and no database, so it answers however busy those are."""
    response = RedirectResponse(request.app.state.settings.quick_exit_url, status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Clear-Site-Data"] = FORGET_DEVICE
    return response
