"""Rows that belong to one user: fetched only through her id, so another id finds nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from anew.db import Base
from anew.errors import NotFound

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


def mine(db: Session, model: type[Row], user_id: int, row_id: int, what: str) -> Row:
    """Her row with this id; NotFound ("There is no such goal.") for anyone else's or none."""
    row = get_owned(db, model, user_id, row_id) if 0 < row_id < 2**31 else None
    if row is None:
        raise NotFound(f"There is no such {what}.")
    return row


def trimmed(fields: dict[str, Any]) -> dict[str, Any]:
    """Fields as she sent them, text without its outer spaces (as every row of hers keeps it)."""
    return {name: v.strip() if isinstance(v, str) else v for name, v in fields.items()}
