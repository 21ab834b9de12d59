"""The signed-in user, as the API sees her."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from anew.accounts.models import User
from anew.web.api.schemas import ERROR_RESPONSES
from anew.web.http.deps import ApiUser
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["account"], mounted_at=API_PREFIX)


class Me(BaseModel):
    id: int
    email: str
    role: str
    time_zone: str
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> Me:
        return cls(
            id=user.id,
            email=user.email,
            role=user.role,
            time_zone=user.time_zone,
            created_at=user.created_at,
        )


@router.get("/me", response_model=Me, summary="The signed-in user", responses=ERROR_RESPONSES)
def read_me(user: ApiUser) -> Me:
    """Who the bearer token belongs to."""
    return Me.of(user)
