"""Step 5 through the API: the qualities board."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import HTTPException, Response
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

from anew.accounts.models import User
from anew.db import Base
from anew.method.best_self.models import Quality
from anew.method.owned import get_owned, list_owned
from anew.web.api.new_you import RESPONSES, RowId
from anew.web.api.schemas import ERROR_RESPONSES, ApiModel
from anew.web.http.deps import SessionDep
from anew.web.http.safety_gate import WinBackApiUser
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["best self"], mounted_at=API_PREFIX)
QualityList = Literal["he_valued", "i_value", "my_strengths"]


def _mine(db: SessionDep, model: type[Any], user: User, row_id: int, what: str) -> Any:
    row = get_owned(db, model, user.id, row_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"There is no such {what}.")
    return row


def _apply(row: Base, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(row, name, value.strip() if isinstance(value, str) else value)


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


class QualityOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    list: str
    name: str
    this_week: str
    reflection: str
    done: bool


@router.post("/qualities", status_code=201, response_model=QualityOut, responses=RESPONSES)
def create_quality(body: QualityIn, user: WinBackApiUser, db: SessionDep) -> QualityOut:
    """One quality on one of her three lists, with how she'll live it this week."""
    row = Quality(user_id=user.id, **body.model_dump())
    row.name = row.name.strip()
    db.add(row)
    db.commit()
    return QualityOut.model_validate(row)


@router.get("/qualities", response_model=list[QualityOut], responses=ERROR_RESPONSES)
def read_qualities(user: WinBackApiUser, db: SessionDep) -> list[QualityOut]:
    rows = list_owned(db, Quality, user.id, Quality.list, Quality.id)
    return [QualityOut.model_validate(r) for r in rows]


@router.patch("/qualities/{quality_id}", response_model=QualityOut, responses=RESPONSES)
def update_quality(
    quality_id: RowId, body: QualityPatch, user: WinBackApiUser, db: SessionDep
) -> QualityOut:
    row = _mine(db, Quality, user, quality_id, "quality")
    _apply(row, {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None})
    db.commit()
    return QualityOut.model_validate(row)


@router.delete("/qualities/{quality_id}", status_code=204, responses=RESPONSES)
def delete_quality(quality_id: RowId, user: WinBackApiUser, db: SessionDep) -> Response:
    db.delete(_mine(db, Quality, user, quality_id, "quality"))
    db.commit()
    return Response(status_code=204)
