"""The quiz pages: take a quiz without an account, share the outcome, coaches see the counts."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, HTTPException, Request
from markupsafe import Markup
from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from anew.db import utcnow
from anew.method.steps import STEPS
from anew.quizzes import service
from anew.quizzes.attempts import outcome_chart
from anew.quizzes.engine import AnswerError, Quiz, chosen_options
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, OptionalUser, SessionDep, client_address
from anew.web.http.forms import PostedForm
from anew.web.http.quiz_access import all_quizzes, find_quiz, may_see_counts
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)


@router.get("/quizzes")
def quiz_list(request: Request, user: OptionalUser, db: SessionDep) -> Response:
    quizzes = all_quizzes(request)
    mine = service.results(db, user.id, quizzes) if user is not None else []
    context = {"quizzes": list(quizzes.values()), "mine": mine, "coach": may_see_counts(user)}
    return render(request, "quizzes/index.html", context)


def _quiz_page(
    request: Request,
    quiz: Quiz,
    *,
    chosen: dict[str, list[str]] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    context = {"quiz": quiz, "chosen": chosen or {}, "errors": errors or {}}
    return render(request, "quizzes/quiz.html", context, status_code=status_code)


@router.get("/quizzes/{slug}")
def quiz_page(request: Request, slug: str, user: OptionalUser) -> Response:
    return _quiz_page(request, find_quiz(request, slug))


def _chosen(quiz: Quiz, form: FormData) -> dict[str, list[str]]:
    """What she ticked, per question, as posted (checked against the quiz when scored)."""
    return {
        q.id: [v for v in form.getlist(q.id) if isinstance(v, str) and v]
        for q in quiz.questions
        if form.getlist(q.id)
    }


def _unanswered(quiz: Quiz, chosen: dict[str, list[str]]) -> dict[str, str]:
    errors = {}
    for question in quiz.questions:
        picked = chosen.get(question.id, [])
        try:
            chosen_options(question, picked)
        except AnswerError as error:
            errors[question.id] = str(error) if picked else "Please choose an answer."
    return errors


@router.post("/quizzes/{slug}", dependencies=[Depends(require_csrf)])
def answer(
    request: Request, slug: str, user: OptionalUser, db: SessionDep, form: PostedForm
) -> Response:
    quiz = find_quiz(request, slug)
    chosen = _chosen(quiz, form)
    errors = _unanswered(quiz, chosen)
    if errors:
        return _quiz_page(request, quiz, chosen=chosen, errors=errors, status_code=400)
    taken = service.take(
        db,
        quiz,
        chosen,
        user_id=user.id if user else None,
        address=client_address(request),
        now=utcnow(),
    )
    return RedirectResponse(f"/quizzes/{quiz.slug}/results/{taken.token}", status_code=303)


@router.get("/quizzes/{slug}/results/{token}")
def result_page(
    request: Request, slug: str, token: str, user: OptionalUser, db: SessionDep
) -> Response:
    """The share link: the outcome and nothing about who reached it."""
    quiz = find_quiz(request, slug)
    outcome = service.shared(db, quiz, token)
    step = next(s for s in STEPS if s.number == outcome.step)
    context: dict[str, Any] = {"quiz": quiz, "outcome": outcome, "step": step}
    return render(request, "quizzes/result.html", context)


@router.get("/quizzes/{slug}/counts")
def counts_page(request: Request, slug: str, user: CurrentUser, db: SessionDep) -> Response:
    if not may_see_counts(user):
        raise HTTPException(status_code=403)
    quiz = find_quiz(request, slug)
    found = service.counts(db, quiz)
    context = {
        "quiz": quiz,
        "counts": found.counts,
        "total": found.total,
        "chart": Markup(outcome_chart(quiz, found.counts)),  # noqa: S704 - built by us, escaped
    }
    return render(request, "quizzes/counts.html", context)
