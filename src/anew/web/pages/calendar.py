"""Her private calendar feed: the address any phone calendar subscribes to, and switching it on,
renewing it or off from the account page."""

from __future__ import annotations

import re

from fastapi import Depends, Request
from starlette.responses import RedirectResponse, Response

from anew.calendar import service
from anew.db import utcnow
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, SessionDep, feed_url
from anew.web.http.forms import PostedForm
from anew.web.http.security import PRIVATE
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


@router.get("/calendar/{token}.ics")
def calendar_feed(token: str, db: SessionDep) -> Response:
    """The feed itself. The secret in the address is the only key; a revoked one is 404."""
    body = service.document(db, token, now=utcnow())
    return Response(body, media_type="text/calendar; charset=utf-8", headers=PRIVATE)


@router.get("/account/calendar")
def calendar_page(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    context = {"feed": service.state(db, user.id), "url": "", "error": ""}
    return render(request, "account/calendar.html", context)


@router.post("/account/calendar", dependencies=[Depends(require_csrf)])
def change_calendar(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    """Switch the feed on (or renew its address, with a reminder time), or off."""
    if form.get("action") == "revoke":
        service.switch_off(db, user.id)
        return RedirectResponse("/account/calendar", status_code=303)
    reminder = str(form.get("reminder_time") or "09:00")
    if not TIME.match(reminder):
        context = {
            "feed": service.state(db, user.id),
            "url": "",
            "error": "Please give a time like 08:30.",
        }
        return render(request, "account/calendar.html", context, status_code=400)
    renewed = service.switch_on(db, user.id, reminder_time=reminder)
    context = {
        "feed": service.state(db, user.id),
        "url": feed_url(request, renewed.token),
        "error": "",
    }
    return render(request, "account/calendar.html", context)
