"""The JSON API under /api/v1, documented by OpenAPI at /api/v1/openapi.json."""

from __future__ import annotations

from anew.web.api import (
    auth,
    best_self,
    calendar,
    chats,
    dashboard,
    docs,
    drafts,
    guide,
    insights,
    journal,
    me,
    new_look,
    new_you,
    no_contact,
    notifications,
    path,
    push,
    quizzes,
    reply_coach,
    safety,
    your_data,
)
from anew.web.http.segment_router import API_PREFIX as API_PREFIX  # where the API is served
from anew.web.http.segment_router import PrefixRouter, SegmentRouter

AREAS: tuple[SegmentRouter, ...] = (
    auth.router,
    me.router,
    chats.router,
    no_contact.router,
    dashboard.router,
    path.router,
    reply_coach.router,
    drafts.router,
    safety.router,
    quizzes.router,
    guide.router,
    new_you.router,
    best_self.router,
    new_look.router,
    journal.router,
    insights.router,
    your_data.router,
    calendar.router,
    push.router,
    notifications.router,
    docs.router,
)
router = PrefixRouter(prefix=API_PREFIX)
for area in AREAS:
    router.include_router(area)
