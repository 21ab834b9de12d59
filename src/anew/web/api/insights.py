"""What her own data says, through the API: moods, urges and slips by hour, hard hours."""

from __future__ import annotations

from anew.insights import service
from anew.insights.service import Insights
from anew.web.api.schemas import ERROR_RESPONSES
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["insights"], mounted_at=API_PREFIX)


@router.get(
    "/insights",
    response_model=Insights,
    responses=ERROR_RESPONSES,
    summary="Her moods, her urges and slips by weekday and hour, and her hard hours",
)
def read_insights(user: ApiUser, db: SessionDep) -> Insights:
    """`mood`: her daily check-ins, oldest first. `urges_by_weekday_hour`: 7 rows (0 = Monday) of
    24 hours on her own clock (her account's time zone), counting her logged urges plus her slips
    (contacts that broke a no-contact period). `hard_hours`: at most 3 cells with at least 3 of
    those and well above her usual hour, busiest first, each with a plain sentence."""
    return service.insights(db, user.id, time_zone=user.time_zone)
