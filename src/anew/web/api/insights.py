"""What her own data says, through the API: moods, urges and slips by hour, hard hours, and
her plan for them."""

from __future__ import annotations

from anew.insights import plans, service
from anew.insights.plans import PlanIn, PlanOut
from anew.insights.service import Insights
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES
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
    those and well above her usual hour, busiest first, each with a plain sentence.
    `talk_by_weekday_hour`: the messages of her imported chats by weekday and hour, as the exports
    wrote their times; null without an imported chat, and in safety mode."""
    return service.insights(db, user.id, time_zone=user.time_zone, safety_mode=user.safety_mode)


@router.get(
    "/insights/plan",
    response_model=PlanOut,
    responses=ERROR_RESPONSES,
    summary="Her plan for her hard hours",
)
def read_plan(user: ApiUser, db: SessionDep) -> PlanOut:
    """`text` is empty while she has written none."""
    return plans.read(db, user.id)


@router.put(
    "/insights/plan",
    response_model=PlanOut,
    responses={**ERROR_RESPONSES, **BAD_BODY},
    summary="Write, replace or (with an empty text) clear her plan for her hard hours",
)
def replace_plan(body: PlanIn, user: ApiUser, db: SessionDep) -> PlanOut:
    """The heads-up before a hard hour opens it; with plain wording, it carries its first
    words."""
    return plans.replace(db, user.id, body)
