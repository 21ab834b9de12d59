"""The safety check for both faces: taking it (concerns or danger switch safety mode on), leaving
safety mode after a newer clear result, and forgetting her stored checks. Writes are one
transaction each; the reads are shared with the other areas' services."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, Field
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.db import transaction
from anew.errors import Conflict, NotFound
from anew.safety.models import SafetyCheck
from anew.safety.rules import Assessment, assess
from anew.safety.vocabulary import SafetyResult


class CannotLeave(Conflict):
    """Leaving safety mode needs a newer clear result and her confirmation."""


class CheckOut(BaseModel):
    id: int
    taken_at: datetime
    result: SafetyResult
    answers: dict[str, str] | None = Field(description="Only when she chose to keep them")


@dataclass(frozen=True)
class Outcome:
    """A check she just took: its assessment, and where it leaves her."""

    assessment: Assessment
    safety_mode: bool
    can_leave: bool


@dataclass(frozen=True)
class History:
    """What the check's page says of her earlier checks."""

    latest: CheckOut | None
    stored: int
    safety_mode: bool


def _out(row: SafetyCheck) -> CheckOut:
    return CheckOut(id=row.id, taken_at=row.taken_at, result=row.result, answers=row.answers)


def list_checks(db: Session, user_id: int) -> Sequence[SafetyCheck]:
    """Her checks, newest first."""
    query = select(SafetyCheck).where(SafetyCheck.user_id == user_id)
    return db.scalars(query.order_by(SafetyCheck.taken_at.desc(), SafetyCheck.id.desc())).all()


def latest_check(db: Session, user_id: int) -> SafetyCheck | None:
    """Her newest check, if she has taken one (and not deleted it)."""
    query = select(SafetyCheck).where(SafetyCheck.user_id == user_id)
    return db.scalar(query.order_by(SafetyCheck.taken_at.desc(), SafetyCheck.id.desc()).limit(1))


def has_taken_check(db: Session, user_id: int) -> bool:
    """Whether the win-back steps' pages may open: she has looked at the check at least once."""
    return latest_check(db, user_id) is not None


def _can_leave(db: Session, user: User) -> bool:
    latest = latest_check(db, user.id)
    return user.safety_mode and latest is not None and latest.result == SafetyResult.CLEAR


def checks(db: Session, user_id: int) -> list[CheckOut]:
    """Her stored checks, newest first."""
    return [_out(row) for row in list_checks(db, user_id)]


def history(db: Session, user_id: int) -> History:
    rows = list_checks(db, user_id)
    user = db.get(User, user_id)
    return History(
        latest=_out(rows[0]) if rows else None,
        stored=len(rows),
        safety_mode=bool(user and user.safety_mode),
    )


def take_check(
    db: Session, user_id: int, answers: Mapping[str, str], *, keep_answers: bool, now: datetime
) -> Outcome:
    """Assess and store a check (AnswerError for a missing or unknown answer). Concerns or danger
    switch safety mode on; clear never switches it off by itself (see leave_safety_mode)."""
    assessment = assess(answers)
    with transaction(db):
        user = db.get(User, user_id)
        if user is None:  # her account went while she answered
            raise NotFound("Your account is no longer here.")
        db.add(
            SafetyCheck(
                user_id=user_id,
                taken_at=now,
                result=assessment.result,
                answers=dict(answers) if keep_answers else None,
            )
        )
        if assessment.safety_mode:
            user.safety_mode = True
        db.flush()
        return Outcome(assessment, user.safety_mode, _can_leave(db, user))


def leave_safety_mode(db: Session, user_id: int, *, confirmed: bool) -> bool:
    """Switch safety mode off, only after a newer clear result and only when she confirms;
    answers whether safety mode is still on."""
    with transaction(db):
        user = db.get(User, user_id)
        if user is None or not user.safety_mode:
            return False
        if not _can_leave(db, user):
            raise CannotLeave("Safety mode stays on until the check comes out clear again.")
        if not confirmed:
            raise CannotLeave("Please confirm that you want to leave safety mode.")
        user.safety_mode = False
        return False


def forget_checks(db: Session, user_id: int) -> int:
    """Delete every stored check (results and answers). Safety mode itself stays as it is."""
    with transaction(db):
        result = db.execute(delete(SafetyCheck).where(SafetyCheck.user_id == user_id))
        return int(getattr(result, "rowcount", 0) or 0)
