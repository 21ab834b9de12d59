"""Her notifications page: turn them on for this device, see and remove her devices, choose what
she hears about and when, add channels of her own, and send a test."""

from __future__ import annotations

from fastapi import Depends, Request
from pydantic import ValidationError
from starlette.responses import RedirectResponse, Response

from anew.db import utcnow
from anew.errors import Invalid
from anew.notifications import preferences, service
from anew.notifications.preferences import ChannelIn, PreferencesIn
from anew.notifications.service import TestSent
from anew.push import service as push
from anew.push.service import SubscriptionIn
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, SessionDep
from anew.web.http.forms import PostedForm
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/account/notifications"
TIMES = {
    "checkin_at": "check-in time",
    "quiet_from": "start of quiet hours",
    "quiet_to": "end of quiet hours",
}


def _page(
    request: Request,
    user_id: int,
    db: SessionDep,
    *,
    error: str = "",
    tested: TestSent | None = None,
    typed: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    settings = request.app.state.settings
    context = {
        "choices": preferences.read(db, user_id),
        "devices": push.devices(db, user_id),
        "carriers": [name for _, name in push.CARRIERS],
        "public_key": push.server_key(settings) if push.setup(settings) else "",
        "error": error,
        "tested": tested,
        "typed": typed or {},
    }
    return render(request, "account/notifications.html", context, status_code=status_code)


@router.get(PAGE)
def notifications_page(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    return _page(request, user.id, db)


@router.post(f"{PAGE}/devices", dependencies=[Depends(require_csrf)])
def add_device(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    """This browser's subscription, posted by the page's script once she allowed notifications."""
    try:
        body = SubscriptionIn.model_validate(
            {
                "endpoint": form.get("endpoint"),
                "keys": {"p256dh": form.get("p256dh"), "auth": form.get("auth")},
                "label": str(form.get("label") or "")[:120],
            }
        )
        push.subscribe(db, user.id, body, push.address_policy(request.app.state.settings))
    except (ValidationError, Invalid):
        why = "This browser's subscription could not be kept. Please try again."
        return _page(request, user.id, db, error=why, status_code=400)
    return RedirectResponse(f"{PAGE}#devices", status_code=303)


@router.post(f"{PAGE}/devices/{{subscription_id}}/remove", dependencies=[Depends(require_csrf)])
def remove_device(subscription_id: int, user: CurrentUser, db: SessionDep) -> Response:
    push.remove(db, user.id, subscription_id)
    return RedirectResponse(f"{PAGE}#devices", status_code=303)


@router.post(f"{PAGE}/test", dependencies=[Depends(require_csrf)])
def send_test(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    tested = service.send_test(db, user.id, request.app.state.settings, utcnow())
    return _page(request, user.id, db, tested=tested)


def _wanted(db: SessionDep, user_id: int, form: PostedForm) -> PreferencesIn:
    """Her choices from the form: kept channels by id (with their switches), a new one if typed."""
    kept = preferences.read(db, user_id).channels
    removed = {str(value) for value in form.getlist("remove_channel")}
    switched_on = {str(value) for value in form.getlist("channel_on")}
    channels = [
        ChannelIn(id=c.id, url=c.url, enabled=str(c.id) in switched_on)
        for c in kept
        if str(c.id) not in removed
    ]
    new_url = str(form.get("new_channel") or "").strip()
    if new_url:
        channels.append(ChannelIn(url=new_url))
    return PreferencesIn(
        checkin_at=str(form.get("checkin_at") or "") or None,
        habits=form.get("habits") == "on",
        milestones=form.get("milestones") == "on",
        hard_hours=form.get("hard_hours") == "on",
        quiet_from=str(form.get("quiet_from") or "22:00"),
        quiet_to=str(form.get("quiet_to") or "08:00"),
        plain_wording=form.get("plain_wording") == "on",
        channels=channels,
    )


@router.post(PAGE, dependencies=[Depends(require_csrf)])
def save_choices(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    typed = {key: str(form.get(key) or "") for key in ("checkin_at", "quiet_from", "quiet_to")}
    typed["new_channel"] = str(form.get("new_channel") or "")
    try:
        preferences.replace(db, user.id, _wanted(db, user.id, form))
    except ValidationError as error:
        field = str(error.errors()[0]["loc"][0])
        if field in TIMES:
            why = f"Please give the {TIMES[field]} as a time like 21:30."
        else:
            why = "That channel address is too long."
        return _page(request, user.id, db, error=why, typed=typed, status_code=400)
    except Invalid as error:
        return _page(request, user.id, db, error=error.message, typed=typed, status_code=400)
    return RedirectResponse(f"{PAGE}?saved=1#choices", status_code=303)
