"""Her calendar feed through the API: switch it on (or renew its address), read it, revoke it."""

from __future__ import annotations

from fastapi import Request, Response
from pydantic import Field

from anew.calendar import service
from anew.calendar.service import FeedOut
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel
from anew.web.http.deps import ApiUser, SessionDep, feed_url
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["reminders"], mounted_at=API_PREFIX)


class FeedIn(ApiModel):
    reminder_time: str = Field(
        default="09:00", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="HH:MM, hers"
    )


@router.post("/calendar", response_model=FeedOut, responses={**ERROR_RESPONSES, **BAD_BODY})
def start_feed(body: FeedIn, request: Request, user: ApiUser, db: SessionDep) -> FeedOut:
    """A new secret address for her iCalendar feed; any older address stops working."""
    renewed = service.switch_on(db, user.id, reminder_time=body.reminder_time)
    url = feed_url(request, renewed.token)
    return FeedOut(enabled=True, reminder_time=renewed.reminder_time, url=url)


@router.get("/calendar", response_model=FeedOut, responses=ERROR_RESPONSES)
def read_feed(user: ApiUser, db: SessionDep) -> FeedOut:
    return service.state(db, user.id)


@router.delete("/calendar", status_code=204, responses=ERROR_RESPONSES)
def stop_feed(user: ApiUser, db: SessionDep) -> Response:
    service.switch_off(db, user.id)
    return Response(status_code=204)
