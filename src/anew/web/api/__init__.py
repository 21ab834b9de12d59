"""The JSON API under /api/v1, documented by OpenAPI at /api/v1/openapi.json."""

from __future__ import annotations

from starlette.routing import Match
from starlette.types import Scope

from anew.web.api import (
    auth,
    best_self,
    calendar,
    chats,
    dashboard,
    docs,
    drafts,
    guide,
    me,
    new_look,
    new_you,
    no_contact,
    quizzes,
    reply_coach,
    safety,
    your_data,
)
from anew.web.http.segment_router import API_PREFIX as API_PREFIX  # where the API is served
from anew.web.http.segment_router import SettledRouter, first_segment


class PrefixRouter(SettledRouter):
    """An APIRouter that turns away a path outside its prefix at once. FastAPI would otherwise try
    each of its routes in turn on every page request, since the API is tried before the pages."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if outside(scope, self.prefix):
            return Match.NONE, {}
        return super().matches(scope)


def outside(scope: Scope, prefix: str) -> bool:
    """Whether the request's path (below any root path the app is served under) is not `prefix`
    or a path under it."""
    return first_segment(scope, prefix) is None


router = PrefixRouter(prefix=API_PREFIX)
router.include_router(auth.router)
router.include_router(me.router)
router.include_router(chats.router)
router.include_router(no_contact.router)
router.include_router(dashboard.router)
router.include_router(reply_coach.router)
router.include_router(drafts.router)
router.include_router(safety.router)
router.include_router(quizzes.router)
router.include_router(guide.router)
router.include_router(new_you.router)
router.include_router(best_self.router)
router.include_router(new_look.router)
router.include_router(your_data.router)
router.include_router(calendar.router)
router.include_router(docs.router)
