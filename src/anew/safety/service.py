"""Safety mode in the database: recording a check, leaving safety mode, forgetting the answers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.safety.models import SafetyCheck
from anew.safety.rules import Assessment, assess


class CannotLeave(Exception):
    """Leaving safety mode needs a newer clear result and her confirmation."""


def record_check(
    db: Session, user: User, answers: Mapping[str, str], *, keep_answers: bool, now: datetime
) -> tuple[SafetyCheck, Assessment]:
    """Assess and store a check. Concerns or danger switch safety mode on; clear never switches
    it off by itself (she confirms that separately, see leave_safety_mode)."""
    assessment = assess(answers)
    row = SafetyCheck(
        user_id=user.id,
        taken_at=now,
        result=assessment.result,
        answers=dict(answers) if keep_answers else None,
    )
    db.add(row)
    if assessment.safety_mode:
        user.safety_mode = True
    db.flush()
    return row, assessment


def list_checks(db: Session, user_id: int) -> Sequence[SafetyCheck]:
    """Her checks, newest first."""
    query = select(SafetyCheck).where(SafetyCheck.user_id == user_id)
    return db.scalars(query.order_by(SafetyCheck.taken_at.desc(), SafetyCheck.id.desc())).all()


def latest_check(db: Session, user_id: int) -> SafetyCheck | None:
    """Her newest check, if she has taken one (and not deleted it)."""
    query = select(SafetyCheck).where(SafetyCheck.user_id == user_id)
    return db.scalar(query.order_by(SafetyCheck.taken_at.desc(), SafetyCheck.id.desc()).limit(1))


def can_leave(db: Session, user: User) -> bool:
    """True when she is in safety mode and her newest check came out clear."""
    latest = latest_check(db, user.id)
    return user.safety_mode and latest is not None and latest.result == "clear"


def leave_safety_mode(db: Session, user: User, *, confirmed: bool) -> None:
    """Switch safety mode off, only after a newer clear result and only when she confirms."""
    if not user.safety_mode:
        return
    if not can_leave(db, user):
        raise CannotLeave("Safety mode stays on until the check comes out clear again.")
    if not confirmed:
        raise CannotLeave("Please confirm that you want to leave safety mode.")
    user.safety_mode = False
    db.flush()


def forget_checks(db: Session, user_id: int) -> int:
    """Delete every stored check (results and answers). Safety mode itself stays as it is."""
    result = db.execute(delete(SafetyCheck).where(SafetyCheck.user_id == user_id))
    return int(getattr(result, "rowcount", 0) or 0)


def has_taken_check(db: Session, user_id: int) -> bool:
    """Whether the win-back steps' pages may open: she has looked at the check at least once."""
    return latest_check(db, user_id) is not None
