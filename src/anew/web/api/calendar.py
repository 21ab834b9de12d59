"""Her calendar feed through the API: switch it on (or renew its address), read it, revoke it."""

from __future__ import annotations

from fastapi import Request, Response
from pydantic import BaseModel, Field

from anew.calendar.service import feed_for, renew_feed, revoke_feed
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.segment_router import API_PREFIX, SegmentRouter
from anew.web.pages.calendar import feed_url

router = SegmentRouter(tags=["reminders"], mounted_at=API_PREFIX)


class FeedIn(ApiModel):
    reminder_time: str = Field(
        default="09:00", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="HH:MM, hers"
    )


class FeedOut(BaseModel):
    enabled: bool
    reminder_time: str | None
    url: str | None = Field(default=None, description="Shown only when the address is created")


@router.post("/calendar", response_model=FeedOut, responses={**ERROR_RESPONSES, **BAD_BODY})
def start_feed(body: FeedIn, request: Request, user: ApiUser, db: SessionDep) -> FeedOut:
    """A new secret address for her iCalendar feed; any older address stops working."""
    token = renew_feed(db, user.id, reminder_time=body.reminder_time)
    db.commit()
    return FeedOut(enabled=True, reminder_time=body.reminder_time, url=feed_url(request, token))


@router.get("/calendar", response_model=FeedOut, responses=ERROR_RESPONSES)
def read_feed(user: ApiUser, db: SessionDep) -> FeedOut:
    feed = feed_for(db, user.id)
    return FeedOut(enabled=feed is not None, reminder_time=feed.reminder_time if feed else None)


@router.delete("/calendar", status_code=204, responses=ERROR_RESPONSES)
def stop_feed(user: ApiUser, db: SessionDep) -> Response:
    revoke_feed(db, user.id)
    db.commit()
    return Response(status_code=204)
