"""The signed-in user, as the API sees her."""

from __future__ import annotations

from anew.accounts import service
from anew.accounts.service import Account
from anew.web.api.schemas import ERROR_RESPONSES
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["account"], mounted_at=API_PREFIX)


@router.get("/me", response_model=Account, summary="The signed-in user", responses=ERROR_RESPONSES)
def read_me(user: ApiUser, db: SessionDep) -> Account:
    """Who the bearer token belongs to."""
    return service.account(db, user.id)
