"""Her private calendar feed: the address any phone calendar subscribes to, and switching it on,
renewing it or off from the account page."""

from __future__ import annotations

import re

from fastapi import Depends, Request
from starlette.responses import RedirectResponse, Response

from anew.calendar import service
from anew.db import utcnow
from anew.web.http.cookies import is_secure
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, SessionDep, feed_url
from anew.web.http.forms import PostedForm
from anew.web.http.security import PRIVATE
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
PAGE = "/account/calendar"
# The new address rides from the post to the page after it in a cookie for this page alone, read
# once: never in the address bar, where history and logs would keep it.
NEW_ADDRESS = "anew_new_calendar"


@router.get("/calendar/{token}.ics")
def calendar_feed(token: str, db: SessionDep) -> Response:
    """The feed itself. The secret in the address is the only key; a revoked one is 404."""
    body = service.document(db, token, now=utcnow())
    return Response(body, media_type="text/calendar; charset=utf-8", headers=PRIVATE)


@router.get(PAGE)
def calendar_page(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    token = request.cookies.get(NEW_ADDRESS, "")[:100]
    url = feed_url(request, token) if service.is_her_address(db, user.id, token) else ""
    context = {"feed": service.state(db, user.id), "url": url, "error": ""}
    page = render(request, "account/calendar.html", context)
    if token:
        page.delete_cookie(NEW_ADDRESS, path=PAGE, secure=is_secure(request), httponly=True)
    return page


@router.post("/account/calendar", dependencies=[Depends(require_csrf)])
def change_calendar(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    """Switch the feed on (or renew its address, with a reminder time), or off."""
    if form.get("action") == "revoke":
        service.switch_off(db, user.id)
        return RedirectResponse(PAGE, status_code=303)
    reminder = str(form.get("reminder_time") or "09:00")
    if not TIME.match(reminder):
        context = {
            "feed": service.state(db, user.id),
            "url": "",
            "error": "Please give a time like 08:30.",
        }
        return render(request, "account/calendar.html", context, status_code=400)
    renewed = service.switch_on(db, user.id, reminder_time=reminder)
    response = RedirectResponse(f"{PAGE}#feed-url", status_code=303)
    response.set_cookie(
        NEW_ADDRESS,
        renewed.token,
        max_age=600,
        httponly=True,
        samesite="strict",
        secure=is_secure(request),
        path=PAGE,
    )
    return response
