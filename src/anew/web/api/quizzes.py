"""Quizzes through the API: list, read, answer (with or without an account), results, counts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import HTTPException, Path, Request
from pydantic import BaseModel, Field, StrictStr

from anew.db import utcnow
from anew.quizzes import service
from anew.quizzes.engine import AnswerError, Outcome, Quiz
from anew.quizzes.service import OutcomeCounts
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, OPTIONAL_AUTH, ApiModel, Problem
from anew.web.http.deps import ApiUser, OptionalApiUser, SessionDep, client_address
from anew.web.http.quiz_access import all_quizzes, find_quiz, may_see_counts
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["quizzes"], mounted_at=API_PREFIX)
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such quiz or result"}
}
Token = Path(min_length=1, max_length=64)


class QuizSummary(BaseModel):
    slug: str
    title: str
    intro: str
    questions: int


class OptionOut(BaseModel):
    id: str
    label: str


class QuestionOut(BaseModel):
    id: str
    text: str
    multiple: bool
    options: list[OptionOut]


class QuizOut(BaseModel):
    slug: str
    title: str
    intro: str
    questions: list[QuestionOut]


class AttemptIn(ApiModel):
    answers: dict[StrictStr, StrictStr | list[StrictStr]] = Field(
        description="Question id -> option id, or a list of option ids for multiple choice"
    )


class OutcomeOut(BaseModel):
    id: str
    title: str
    text: str
    step: int


class AttemptOut(BaseModel):
    outcome: OutcomeOut
    token: str = Field(description="Opens the share link /quizzes/{slug}/results/{token}")


class ResultOut(BaseModel):
    quiz: str
    title: str
    outcome: OutcomeOut


class MyResult(ResultOut):
    token: str
    created_at: datetime


def _outcome(outcome: Outcome) -> OutcomeOut:
    return OutcomeOut(id=outcome.id, title=outcome.title, text=outcome.text, step=outcome.step)


def _quiz_out(quiz: Quiz) -> QuizOut:
    questions = [
        QuestionOut(
            id=q.id,
            text=q.text,
            multiple=q.multiple,
            options=[OptionOut(id=o.id, label=o.label) for o in q.options],
        )
        for q in quiz.questions
    ]
    return QuizOut(slug=quiz.slug, title=quiz.title, intro=quiz.intro, questions=questions)


@router.get("/quizzes", response_model=list[QuizSummary], summary="Every quiz")
def list_quizzes(request: Request) -> list[QuizSummary]:
    """Anyone may read and take a quiz."""
    return [
        QuizSummary(slug=q.slug, title=q.title, intro=q.intro, questions=len(q.questions))
        for q in all_quizzes(request).values()
    ]


@router.get(
    "/quizzes/{slug}", response_model=QuizOut, summary="One quiz's questions", responses=NOT_FOUND
)
def read_quiz(request: Request, slug: str) -> QuizOut:
    """The questions and their options; how answers are weighted stays on the server."""
    return _quiz_out(find_quiz(request, slug))


@router.post(
    "/quizzes/{slug}/attempts",
    openapi_extra=OPTIONAL_AUTH,
    status_code=201,
    response_model=AttemptOut,
    summary="Answer a quiz",
    responses={
        **NOT_FOUND,
        **BAD_BODY,
        422: {"description": "An answer is missing or unknown; `loc` names the question"},
        429: {"model": Problem, "description": "Too many attempts from this address"},
    },
)
def answer_quiz(
    request: Request, slug: str, body: AttemptIn, user: OptionalApiUser, db: SessionDep
) -> AttemptOut:
    """With a bearer token the result is kept in her account; anyone gets a share token."""
    quiz = find_quiz(request, slug)
    try:
        taken = service.take(
            db,
            quiz,
            body.answers,
            user_id=user.id if user else None,
            address=client_address(request),
            now=utcnow(),
        )
    except AnswerError as error:
        problem = {
            "loc": ["body", "answers", error.question],
            "msg": str(error),
            "type": "value_error",
        }
        raise HTTPException(status_code=422, detail=[problem]) from None
    return AttemptOut(outcome=_outcome(taken.outcome), token=taken.token)


@router.get(
    "/quizzes/{slug}/results/{token}",
    response_model=ResultOut,
    summary="A shared result: the outcome only",
    responses=NOT_FOUND,
)
def shared_result(request: Request, slug: str, db: SessionDep, token: str = Token) -> ResultOut:
    """What a share link shows: the quiz and the outcome, nothing about who took it."""
    quiz = find_quiz(request, slug)
    outcome = service.shared(db, quiz, token)
    return ResultOut(quiz=quiz.slug, title=quiz.title, outcome=_outcome(outcome))


@router.get(
    "/quizzes/{slug}/counts",
    response_model=OutcomeCounts,
    summary="How many reached each outcome (coaches)",
    responses={**ERROR_RESPONSES, **NOT_FOUND, 403: {"model": Problem}},
)
def outcome_counts(request: Request, slug: str, user: ApiUser, db: SessionDep) -> OutcomeCounts:
    """Only counts, never who answered what; for coaches and admins."""
    if not may_see_counts(user):
        raise HTTPException(status_code=403, detail="Only coaches can see a quiz's results.")
    return service.counts(db, find_quiz(request, slug))


@router.get(
    "/quiz-results",
    response_model=list[MyResult],
    summary="Your own quiz results",
    responses=ERROR_RESPONSES,
)
def my_results(request: Request, user: ApiUser, db: SessionDep) -> list[MyResult]:
    """The results kept in your account, newest first (of quizzes this server still has)."""
    return [
        MyResult(
            quiz=result.quiz.slug,
            title=result.quiz.title,
            outcome=_outcome(result.outcome),
            token=result.token,
            created_at=result.created_at,
        )
        for result in service.results(db, user.id, all_quizzes(request))
    ]
