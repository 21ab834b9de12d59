"""Her plan for her hard hours, for both faces: read, replaced whole, or cleared with an empty
text. It is hers like a journal entry: in her export, her import and her deletion."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from anew.db import transaction, utcnow
from anew.insights.models import PLAN_MAX as PLAN_MAX  # the pages read it here
from anew.insights.models import HardHoursPlan
from anew.storable import StorableText


class PlanIn(BaseModel):
    model_config = ConfigDict(strict=True)

    text: StorableText = Field(
        max_length=PLAN_MAX,
        description="what she will do when a hard hour comes; empty clears it",
    )


class PlanOut(BaseModel):
    text: str = Field(description="empty while she has written none")
    updated_at: datetime | None


def read(db: Session, user_id: int) -> PlanOut:
    row = db.get(HardHoursPlan, user_id)
    return (
        PlanOut(text=row.text, updated_at=row.updated_at)
        if row
        else PlanOut(text="", updated_at=None)
    )


def replace(db: Session, user_id: int, wanted: PlanIn) -> PlanOut:
    """Her plan, trimmed; an empty one removes the row."""
    text = wanted.text.strip()
    with transaction(db):
        row = db.get(HardHoursPlan, user_id)
        if not text:
            if row is not None:
                db.delete(row)
        elif row is None:
            db.add(HardHoursPlan(user_id=user_id, text=text, updated_at=utcnow()))
        else:
            row.text, row.updated_at = text, utcnow()
    return read(db, user_id)
