"""Rows that belong to one user: fetched only through her id, so another id finds nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from anew.db import Base

Row = TypeVar("Row", bound=Base)


def get_owned(db: Session, model: type[Row], user_id: int, row_id: int) -> Row | None:
    """Her row with this id, or None (also when it exists but is someone else's)."""
    column: Any = model.id  # type: ignore[attr-defined]
    owner: Any = model.user_id  # type: ignore[attr-defined]
    return db.scalar(select(model).where(column == row_id, owner == user_id))


def list_owned(db: Session, model: type[Row], user_id: int, *order: Any) -> Sequence[Row]:
    """All her rows of one kind, in the given order."""
    owner: Any = model.user_id  # type: ignore[attr-defined]
    return db.scalars(select(model).where(owner == user_id).order_by(*order)).all()
