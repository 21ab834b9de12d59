"""Her notifications through the API: a test to every device of hers, answering what each said."""

from __future__ import annotations

from fastapi import Request

from anew.db import utcnow
from anew.notifications import service
from anew.notifications.service import TestSent
from anew.web.api.schemas import ERROR_RESPONSES
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["reminders"], mounted_at=API_PREFIX)


@router.post("/notifications/test", response_model=TestSent, responses=ERROR_RESPONSES)
def send_test(request: Request, user: ApiUser, db: SessionDep) -> TestSent:
    """Send a test notification to each of her devices now."""
    return service.send_test(db, user.id, request.app.state.settings, utcnow())
