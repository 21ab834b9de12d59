"""Her notifications through the API: her choices, read and replaced whole (channels masked), and a
test to every device and channel of hers, answering what each said."""

from __future__ import annotations

from fastapi import Request

from anew.db import utcnow
from anew.notifications import preferences, service
from anew.notifications.preferences import PreferencesIn, PreferencesOut
from anew.notifications.service import TestSent
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["reminders"], mounted_at=API_PREFIX)


@router.post("/notifications/test", response_model=TestSent, responses=ERROR_RESPONSES)
def send_test(request: Request, user: ApiUser, db: SessionDep) -> TestSent:
    """Send a test notification to each of her devices now."""
    return service.send_test(db, user.id, request.app.state.settings, utcnow())


@router.get("/notifications", response_model=PreferencesOut, responses=ERROR_RESPONSES)
def read_preferences(user: ApiUser, db: SessionDep) -> PreferencesOut:
    """What she wants to hear about and when; channel URLs masked."""
    return preferences.read(db, user.id)


@router.put(
    "/notifications", response_model=PreferencesOut, responses={**ERROR_RESPONSES, **BAD_BODY}
)
def replace_preferences(body: PreferencesIn, user: ApiUser, db: SessionDep) -> PreferencesOut:
    """Replace her choices whole. A kept channel is named by its `id` (its masked URL may be
    sent back unchanged); a channel left out is removed."""
    return preferences.replace(db, user.id, body)
