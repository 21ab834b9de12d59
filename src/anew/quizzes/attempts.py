"""Stored attempts: record one, find one by its share token, list hers, count outcomes."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from anew.charts.figure import Figure, series_table
from anew.charts.rows import row_chart
from anew.quizzes.engine import Outcome, Quiz
from anew.quizzes.models import QuizAttempt
from anew.ratelimit import RateLimit

# Anyone may take a quiz; this keeps one address from flooding the outcome counts.
ATTEMPTS_PER_ADDRESS = RateLimit("quiz-attempt-address", limit=100, window_seconds=60 * 60)


def record_attempt(
    db: Session, quiz: Quiz, outcome: Outcome, *, user_id: int | None, now: datetime
) -> QuizAttempt:
    """Keep the outcome under an unguessable token, so a share link shows only that."""
    row = QuizAttempt(
        token=secrets.token_urlsafe(24),
        quiz_slug=quiz.slug,
        outcome_id=outcome.id,
        user_id=user_id,
        created_at=now,
    )
    db.add(row)
    db.flush()
    return row


def find_attempt(db: Session, slug: str, token: str) -> QuizAttempt | None:
    """The attempt behind a share link."""
    query = select(QuizAttempt).where(QuizAttempt.quiz_slug == slug, QuizAttempt.token == token)
    return db.scalar(query)


def list_attempts(db: Session, user_id: int) -> Sequence[QuizAttempt]:
    """Her own results, newest first."""
    query = select(QuizAttempt).where(QuizAttempt.user_id == user_id)
    return db.scalars(query.order_by(QuizAttempt.created_at.desc(), QuizAttempt.id.desc())).all()


@dataclass(frozen=True)
class Result:
    """One of her attempts with the quiz and outcome it points at."""

    attempt: QuizAttempt
    quiz: Quiz
    outcome: Outcome


def her_results(db: Session, user_id: int, quizzes: Mapping[str, Quiz]) -> list[Result]:
    """Her attempts, newest first, for quizzes (and outcomes) this server still has."""
    results = []
    for row in list_attempts(db, user_id):
        quiz = quizzes.get(row.quiz_slug)
        outcome = quiz.outcome(row.outcome_id) if quiz else None
        if quiz and outcome:
            results.append(Result(row, quiz, outcome))
    return results


def outcome_counts(db: Session, quiz: Quiz) -> dict[str, int]:
    """How many attempts ended in each outcome (every outcome listed, zeros included)."""
    query = (
        select(QuizAttempt.outcome_id, func.count())
        .where(QuizAttempt.quiz_slug == quiz.slug)
        .group_by(QuizAttempt.outcome_id)
    )
    found: dict[str, int] = dict(db.execute(query).all())
    return {outcome.id: found.get(outcome.id, 0) for outcome in quiz.outcomes}


def outcome_chart(quiz: Quiz, counts: dict[str, int]) -> str:
    """The outcome counts as an SVG bar chart: how many, never who."""
    labels = [outcome.title for outcome in quiz.outcomes]
    series = {"Results": [float(counts.get(outcome.id, 0)) for outcome in quiz.outcomes]}
    title = f"{quiz.title}: results by outcome"
    words = Figure(title, series_table("Outcome", series, labels), "Outcome", "Results")
    return row_chart(series, labels, words)
