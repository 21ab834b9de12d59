"""Step 5 through the API: the qualities board."""

from __future__ import annotations

from fastapi import Response
from pydantic import Field, StrictBool, StrictStr

from anew.method.best_self import service
from anew.method.best_self.service import QualityOut
from anew.method.best_self.vocabulary import QualityList
from anew.web.api.schemas import ERROR_RESPONSES, RESPONSES, ApiModel, RowId
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["best self"], mounted_at=API_PREFIX)


class QualityIn(ApiModel):
    list: QualityList
    name: StrictStr = Field(min_length=1, max_length=200)
    this_week: StrictStr = Field(default="", max_length=5000)
    reflection: StrictStr = Field(default="", max_length=5000)
    done: StrictBool = False


class QualityPatch(ApiModel):
    list: QualityList | None = None
    name: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    this_week: StrictStr | None = Field(default=None, max_length=5000)
    reflection: StrictStr | None = Field(default=None, max_length=5000)
    done: StrictBool | None = None


@router.post("/qualities", status_code=201, response_model=QualityOut, responses=RESPONSES)
def create_quality(body: QualityIn, user: ApiUser, db: SessionDep) -> QualityOut:
    """One quality on one of her three lists, with how she'll live it this week."""
    return service.add_quality(db, user.id, **body.model_dump())


@router.get("/qualities", response_model=list[QualityOut], responses=ERROR_RESPONSES)
def read_qualities(user: ApiUser, db: SessionDep) -> list[QualityOut]:
    return service.qualities(db, user.id)


@router.patch("/qualities/{quality_id}", response_model=QualityOut, responses=RESPONSES)
def update_quality(
    quality_id: RowId, body: QualityPatch, user: ApiUser, db: SessionDep
) -> QualityOut:
    """Only the fields sent change."""
    changes = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}
    return service.change_quality(db, user.id, quality_id, changes)


@router.delete("/qualities/{quality_id}", status_code=204, responses=RESPONSES)
def delete_quality(quality_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    service.delete_quality(db, user.id, quality_id)
    return Response(status_code=204)
