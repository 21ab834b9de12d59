"""Step 5 for both faces: the qualities board, three lists she writes and lives a week at a time.
Each function is one request's work for her, in one transaction, answering typed results."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session

from anew.db import transaction
from anew.method.best_self.models import Quality
from anew.method.best_self.vocabulary import QualityList
from anew.method.owned import list_owned, mine, trimmed


class QualityOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    list: QualityList
    name: str
    this_week: str
    reflection: str
    done: bool


def qualities(db: Session, user_id: int) -> list[QualityOut]:
    """Her qualities, list by list, oldest first within each."""
    rows = list_owned(db, Quality, user_id, Quality.list, Quality.id)
    return [QualityOut.model_validate(row) for row in rows]


def by_list(db: Session, user_id: int) -> dict[QualityList, list[QualityOut]]:
    """Her three lists, each in the order she wrote it."""
    rows = list_owned(db, Quality, user_id, Quality.id)
    found = [QualityOut.model_validate(row) for row in rows]
    return {kind: [q for q in found if q.list == kind] for kind in QualityList}


def add_quality(db: Session, user_id: int, **fields: Any) -> QualityOut:
    """One quality on one of her lists, with how she'll live it this week."""
    with transaction(db):
        row = Quality(user_id=user_id, **trimmed(fields))
        db.add(row)
        db.flush()
        return QualityOut.model_validate(row)


def change_quality(
    db: Session, user_id: int, quality_id: int, changes: dict[str, Any]
) -> QualityOut:
    with transaction(db):
        row = mine(db, Quality, user_id, quality_id, "quality")
        for name, value in trimmed(changes).items():
            setattr(row, name, value)
        return QualityOut.model_validate(row)


def delete_quality(db: Session, user_id: int, quality_id: int) -> None:
    with transaction(db):
        db.delete(mine(db, Quality, user_id, quality_id, "quality"))
