"""Shared pieces of the quiz routes (pages and API): the quizzes loaded at start-up, and who may
see the outcome counts."""

from __future__ import annotations

from fastapi import HTTPException, Request

from anew.accounts.roles import STAFF
from anew.accounts.sessions import Caller
from anew.quizzes.engine import Quiz


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


def may_see_counts(user: Caller | None) -> bool:
    """Coaches and admins see how many reached each outcome (never who answered what)."""
    return user is not None and user.role in STAFF
