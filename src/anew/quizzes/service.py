"""Quizzes for both faces: taking one (anyone, limited per address), the share link's outcome,
her own results, and the outcome counts coaches see. Writes are one transaction each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy.orm import Session

from anew.db import transaction
from anew.errors import NotFound, RateLimited
from anew.quizzes import attempts
from anew.quizzes.engine import Outcome, Quiz, score
from anew.ratelimit import is_limited, record_hit


class OutcomeCounts(BaseModel):
    quiz: str
    total: int
    counts: dict[str, int]


@dataclass(frozen=True)
class Taken:
    """The outcome she reached, and the token of its share link."""

    outcome: Outcome
    token: str


@dataclass(frozen=True)
class Result:
    """One of her results, with the quiz and outcome it points at."""

    quiz: Quiz
    outcome: Outcome
    token: str
    created_at: datetime


def take(
    db: Session,
    quiz: Quiz,
    answers: Mapping[str, str | list[str]],
    *,
    user_id: int | None,
    address: str,
    now: datetime,
) -> Taken:
    """Score the answers (AnswerError names a missing or unknown one) and keep the outcome; one
    address may take RateLimited(100 an hour) so nobody floods the counts."""
    outcome = score(quiz, answers)
    with transaction(db):
        limit = attempts.ATTEMPTS_PER_ADDRESS
        if is_limited(db, limit, address, now):
            raise RateLimited(
                "That's a lot of quizzes in a short time. Please try again later.",
                limit.retry_after(now),
            )
        record_hit(db, limit, address, now)
        row = attempts.record_attempt(db, quiz, outcome, user_id=user_id, now=now)
        return Taken(outcome, row.token)


def shared(db: Session, quiz: Quiz, token: str) -> Outcome:
    """What a share link shows: the outcome, nothing about who reached it."""
    row = attempts.find_attempt(db, quiz.slug, token[:64])
    outcome = quiz.outcome(row.outcome_id) if row else None
    if outcome is None:
        raise NotFound("There is no such result.")
    return outcome


def results(db: Session, user_id: int, quizzes: Mapping[str, Quiz]) -> list[Result]:
    """Her results, newest first, for quizzes (and outcomes) this server still has."""
    return [
        Result(found.quiz, found.outcome, found.attempt.token, found.attempt.created_at)
        for found in attempts.her_results(db, user_id, quizzes)
    ]


def counts(db: Session, quiz: Quiz) -> OutcomeCounts:
    """How many reached each outcome, every outcome listed; never who."""
    found = attempts.outcome_counts(db, quiz)
    return OutcomeCounts(quiz=quiz.slug, total=sum(found.values()), counts=found)
