"""Step 1's page: the no-contact tracker, with forms for contacts, urges, the vault, check-ins."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any

from fastapi import Depends, Request
from pydantic import BaseModel, Field, ValidationInfo, field_validator
from starlette.responses import RedirectResponse, Response

from anew.accounts.clock import zone
from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.errors import Conflict, Invalid, NotFound
from anew.method.looking_back import service as looking_back
from anew.method.no_contact import service
from anew.method.no_contact.rules import MAX_TARGET, TARGET_CHOICES
from anew.method.no_contact.vocabulary import Channel, Initiator
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import (
    CurrentUser,
    IdempotencyKey,
    OptionalUser,
    SessionDep,
    user_today,
)
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/no-contact"
CUSTOM = "custom"  # the length picker's "my own number of days"


class StartForm(BaseModel):
    custom_days: str = Field(default="", max_length=10)
    target_days: int = Field(ge=1, le=MAX_TARGET)
    started_on: Annotated[date, Field(ge=date(1970, 1, 1))] | None = None
    breakup_on: Annotated[date, Field(ge=date(1970, 1, 1))] | None = None
    his_name: str = Field(default="", max_length=100)

    @field_validator("started_on", "breakup_on", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("target_days", mode="before")
    @classmethod
    def _her_own_length(cls, value: object, info: ValidationInfo) -> object:
        """Her own number of days, from 1 to a year: when she picks "my own", or types one in anyway
        (the number she typed is what she meant, whatever the list still says)."""
        typed = str(info.data.get("custom_days", "")).strip()
        if value != CUSTOM and not typed:
            return value
        if not typed.isdigit() or not 1 <= int(typed) <= MAX_TARGET:
            raise ValueError(f"Please enter a number of days from 1 to {MAX_TARGET}.")
        return int(typed)


class ContactForm(BaseModel):
    day: Annotated[date, Field(ge=date(1970, 1, 1))]
    time_of_day: time = time(12, 0)
    initiator: Initiator
    channel: Channel = Channel.TEXT
    logistics: bool = False
    note: str = Field(default="", max_length=5000)
    confirmed: bool = False


class UrgeForm(BaseModel):
    intensity: int = Field(ge=1, le=10)
    trigger: str = Field(default="", max_length=500)
    instead: str = Field(default="", max_length=500)
    message: str = Field(default="", max_length=20000)


class ReflectionForm(BaseModel):
    change_mine: str = Field(default="", max_length=5000)
    change_his: str = Field(default="", max_length=5000)


class LookingBackForm(BaseModel):
    enabled: bool


class CheckInForm(BaseModel):
    mood: int = Field(ge=1, le=10)
    note: str = Field(default="", max_length=5000)
    # Written offline and sent later: the day she wrote it, not the day it arrived.
    day: Annotated[date, Field(ge=date(1970, 1, 1))] | None = None

    @field_validator("day", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value


def _page(
    request: Request,
    db: SessionDep,
    user: Caller,
    *,
    form: str = "",
    result: FormResult[Any] | None = None,
    status_code: int = 200,
    **extra: Any,
) -> Response:
    today = user_today(user)
    shown = service.overview(db, user.id, today=today)
    notice = request.query_params.get("done", "")
    if notice == "advice":
        extra.setdefault(
            "advice",
            service.advice_when_he_reached_out(
                db, user.id, today=today, safety_mode=user.safety_mode
            ),
        )
    context = {
        "reflection_mine": shown.reflection.change_mine if shown.reflection else "",
        "reflection_his": shown.reflection.change_his if shown.reflection else "",
        "step": STEPS_BY_SLUG["no-contact"],
        "active_step": "no-contact",
        "state": shown.state,
        "today": today.isoformat(),
        "targets": TARGET_CHOICES,
        "custom": CUSTOM,
        "max_target": MAX_TARGET,
        "channels": Channel.choices(),
        "initiators": Initiator.choices(),
        "contacts": shown.contacts,
        "vault": shown.vault,
        "looking_back": looking_back.setting(db, user.id).enabled,
        "checkins": shown.checkins,
        "todays_checkin": _todays(shown.checkins, today),
        "form": form,
        "values": result.values if result else {},
        "errors": result.errors if result else {},
        "notice": notice,
        **extra,
    }
    return render(request, "no_contact/page.html", context, status_code=status_code)


def _todays(checkins: list[service.CheckInOut], today: date) -> service.CheckInOut | None:
    """Today's check-in, if she has made it: the form shows it, and saving updates it."""
    return next((c for c in reversed(checkins) if c.day == today), None)


@router.get(PAGE)
def nocontact_page(request: Request, user: OptionalUser, db: SessionDep) -> Response:
    if user is None:
        context = {"step": STEPS_BY_SLUG["no-contact"], "available": True}
        return render(request, "home/step.html", context)
    return _page(request, db, user)


@router.post(f"{PAGE}/start", dependencies=[Depends(require_csrf)])
def start(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(StartForm, form)
    if result.data is not None:
        try:
            service.start(
                db,
                user.id,
                today=user_today(user),
                **result.data.model_dump(exclude={"custom_days"}),
            )
        except Conflict:
            return RedirectResponse(PAGE, status_code=303)
        except Invalid as problem:
            result.add_error(problem.field, problem.message)
        else:
            return RedirectResponse(f"{PAGE}?done=started", status_code=303)
    return _page(request, db, user, form="start", result=result, status_code=400)


@router.post(f"{PAGE}/contact", dependencies=[Depends(require_csrf)])
def log_contact(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(ContactForm, form)
    if result.data is not None and result.data.day > user_today(user):
        result.add_error("day", "A contact that hasn't happened yet can't be logged.")
    data = result.data
    if data is None:
        return _page(request, db, user, form="contact", result=result, status_code=400)
    asks = service.needs_confirmation(
        db, user.id, initiator=data.initiator, logistics=data.logistics
    )
    if asks and not data.confirmed:
        # Ask first, kindly: she may have logged it by mistake, or it may really be a restart point.
        return _page(request, db, user, form="contact", result=result, confirm=True)
    contact = service.log_contact(
        db,
        user.id,
        at=datetime.combine(data.day, data.time_of_day, tzinfo=zone(user.time_zone)),
        time_zone=user.time_zone,
        today=user_today(user),
        safety_mode=user.safety_mode,
        initiator=data.initiator,
        channel=data.channel,
        logistics=data.logistics,
        note=data.note,
    )
    done = "advice" if contact.advice else "restarted" if contact.broke_period else "contact"
    return RedirectResponse(f"{PAGE}?done={done}", status_code=303)


@router.post(f"{PAGE}/urge", dependencies=[Depends(require_csrf)])
def log_urge(
    request: Request,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    result = read_form(UrgeForm, form)
    if result.data is None:
        return _page(request, db, user, form="urge", result=result, status_code=400)
    service.log_urge(db, user.id, **result.data.model_dump(), key=idempotency_key)
    return RedirectResponse(f"{PAGE}?done=urge", status_code=303)


@router.post(f"{PAGE}/checkin", dependencies=[Depends(require_csrf)])
def check_in(
    request: Request,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    result = read_form(CheckInForm, form)
    today = user_today(user)
    if result.data is not None and result.data.day and result.data.day > today:
        result.add_error("day", "A check-in for a day that hasn't come yet can't be saved.")
    if result.data is None:
        return _page(request, db, user, form="checkin", result=result, status_code=400)
    data = result.data
    service.check_in(
        db,
        user.id,
        day=data.day or today,
        today=today,
        mood=data.mood,
        note=data.note,
        key=idempotency_key,
    )
    return RedirectResponse(f"{PAGE}?done=checkin", status_code=303)


@router.post(f"{PAGE}/looking-back", dependencies=[Depends(require_csrf)])
def choose_looking_back(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    """Her vault looking back on days 7, 30 and 90: on or off, only as she chooses."""
    result = read_form(LookingBackForm, form)
    if result.data is None:
        return _page(request, db, user, form="looking-back", result=result, status_code=400)
    looking_back.choose(db, user.id, enabled=result.data.enabled)
    done = "looking-back-on" if result.data.enabled else "looking-back-off"
    return RedirectResponse(f"{PAGE}?done={done}#looking-back-setting", status_code=303)


@router.post(f"{PAGE}/pause", dependencies=[Depends(require_csrf)])
def pause_or_resume(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    today = user_today(user)
    try:
        if form.get("action") == "resume":
            service.resume(db, user.id, today=today)
        else:
            reason = str(form.get("reason", ""))[:200]
            service.pause(db, user.id, today=today, reason=reason)
    except NotFound:
        return RedirectResponse(PAGE, status_code=303)
    return RedirectResponse(f"{PAGE}?done=pause", status_code=303)


@router.post(f"{PAGE}/reflection", dependencies=[Depends(require_csrf)])
def reflect(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(ReflectionForm, form)
    if result.data is not None:
        try:
            service.reflect(
                db, user.id, mine=result.data.change_mine, his=result.data.change_his, now=utcnow()
            )
        except NotFound:
            result.add_error("form", "Start your no-contact period first.")
        else:
            return RedirectResponse(f"{PAGE}?done=reflection#will-he-change", status_code=303)
    return _page(request, db, user, form="reflection", result=result, status_code=400)
