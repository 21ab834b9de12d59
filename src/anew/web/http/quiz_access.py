"""Shared pieces of the quiz routes (pages and API): finding a quiz, limiting, who sees counts."""

from __future__ import annotations

from fastapi import HTTPException, Request
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.accounts.roles import STAFF
from anew.db import utcnow
from anew.quizzes.attempts import ATTEMPTS_PER_ADDRESS
from anew.quizzes.engine import Quiz
from anew.ratelimit import is_limited, record_hit
from anew.web.http.deps import client_address


def all_quizzes(request: Request) -> dict[str, Quiz]:
    """Every quiz this server loaded at start-up, by slug."""
    quizzes: dict[str, Quiz] = request.app.state.quizzes
    return quizzes


def find_quiz(request: Request, slug: str) -> Quiz:
    """The quiz, or 404."""
    quiz = all_quizzes(request).get(slug)
    if quiz is None:
        raise HTTPException(status_code=404, detail=f"There is no quiz called {slug!r}.")
    return quiz


def count_attempt(db: Session, request: Request) -> None:
    """Count an attempt from this address; 429 once it has sent too many this hour."""
    now, address = utcnow(), client_address(request)
    if is_limited(db, ATTEMPTS_PER_ADDRESS, address, now):
        retry = str(ATTEMPTS_PER_ADDRESS.retry_after(now))
        raise HTTPException(
            status_code=429,
            detail="That's a lot of quizzes in a short time. Please try again later.",
            headers={"Retry-After": retry},
        )
    record_hit(db, ATTEMPTS_PER_ADDRESS, address, now)


def may_see_counts(user: User | None) -> bool:
    """Coaches and admins see how many reached each outcome (never who answered what)."""
    return user is not None and user.role in STAFF
