"""The safety check through the API: the questions, taking the check, leaving safety mode."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import HTTPException, Request, Response
from pydantic import BaseModel, Field, StrictBool, StrictStr

from anew.db import utcnow
from anew.safety import service
from anew.safety.models import SafetyCheck
from anew.safety.questions import QUESTIONS
from anew.safety.resources import Resources
from anew.safety.rules import RULES, AnswerError, Assessment, assess
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, OPTIONAL_AUTH, ApiModel, Problem
from anew.web.http.deps import ApiUser, OptionalApiUser, SessionDep
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["safety"], mounted_at=API_PREFIX)
YES_NO = [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]


class OptionOut(BaseModel):
    value: str
    label: str


class QuestionOut(BaseModel):
    id: str
    text: str
    area: str
    options: list[OptionOut]


class CheckOut(BaseModel):
    id: int
    taken_at: datetime
    result: str
    answers: dict[str, str] | None = Field(description="Only when she chose to keep them")


class QuestionsOut(BaseModel):
    questions: list[QuestionOut]
    rules: list[str] = Field(description="How the answers become a result, in words")
    safety_mode: bool = Field(description="Always false for anonymous callers")
    checks: list[CheckOut] = Field(description="Her stored checks, newest first")


class AnswersIn(ApiModel):
    answers: dict[StrictStr, StrictStr] = Field(description='Every question id -> "yes" or "no"')
    keep_answers: StrictBool = Field(
        default=False, description="Keep the answers with the result (deletable at any time)"
    )


class ReasonOut(BaseModel):
    id: str
    area: str
    text: str
    why: str


class ResultOut(BaseModel):
    result: Literal["clear", "concerns", "danger"]
    safety_mode: bool
    can_leave_safety_mode: bool
    stored: bool = Field(description="False for anonymous callers: nothing was kept")
    reasons: list[ReasonOut]
    resources: list[dict[str, Any]] = Field(description="Help near her, then worldwide")


class LeaveIn(ApiModel):
    confirm: StrictBool = Field(description="She confirms she wants the win-back steps back")


class ModeOut(BaseModel):
    safety_mode: bool


def _check_out(row: SafetyCheck) -> CheckOut:
    return CheckOut(id=row.id, taken_at=row.taken_at, result=row.result, answers=row.answers)


def resources_for(request: Request, country: str) -> list[dict[str, Any]]:
    """Help resources for a country code (then the international list), as plain JSON."""
    resources: Resources = request.app.state.resources
    return [
        {"country": code, **entry.model_dump(mode="json")}
        for code, entry in resources.for_country(country)
    ]


@router.get(
    "/safety-check",
    response_model=QuestionsOut,
    openapi_extra=OPTIONAL_AUTH,
    summary="The safety check's questions",
)
def read_questions(user: OptionalApiUser, db: SessionDep) -> QuestionsOut:
    """Every question is answered yes or no; yes is always the worrying answer."""
    questions = [
        QuestionOut(id=q.id, text=q.text, area=q.area, options=[OptionOut(**o) for o in YES_NO])
        for q in QUESTIONS
    ]
    checks = [_check_out(row) for row in service.list_checks(db, user.id)] if user else []
    return QuestionsOut(
        questions=questions,
        rules=list(RULES),
        safety_mode=bool(user and user.safety_mode),
        checks=checks,
    )


def _unprocessable(error: AnswerError) -> HTTPException:
    problem = {"loc": ["body", "answers", error.question], "msg": str(error), "type": "value_error"}
    return HTTPException(status_code=422, detail=[problem])


@router.post(
    "/safety-check",
    response_model=ResultOut,
    openapi_extra=OPTIONAL_AUTH,
    summary="Take the safety check",
    responses={**BAD_BODY, 422: {"description": "An answer is missing or not yes/no"}},
)
def take_check(
    body: AnswersIn, request: Request, user: OptionalApiUser, db: SessionDep
) -> ResultOut:
    """Concerns or danger switch safety mode on. Anonymous callers get a result; nothing is kept."""
    try:
        if user is None:
            assessment: Assessment = assess(body.answers)
        else:
            _row, assessment = service.record_check(
                db, user, body.answers, keep_answers=body.keep_answers, now=utcnow()
            )
    except AnswerError as error:
        raise _unprocessable(error) from None
    can_leave = bool(user and service.can_leave(db, user))
    db.commit()
    return ResultOut(
        result=assessment.result,
        safety_mode=bool(user.safety_mode) if user else assessment.safety_mode,
        can_leave_safety_mode=can_leave,
        stored=user is not None,
        reasons=[
            ReasonOut(id=q.id, area=q.area, text=q.text, why=q.why) for q in assessment.reasons
        ],
        resources=resources_for(request, user.country if user else ""),
    )


@router.delete(
    "/safety-check",
    status_code=204,
    summary="Delete every stored check and answer",
    responses=ERROR_RESPONSES,
)
def forget(user: ApiUser, db: SessionDep) -> Response:
    """Safety mode stays as it is; only a new clear result and her confirmation switch it off."""
    service.forget_checks(db, user.id)
    db.commit()
    return Response(status_code=204)


@router.post(
    "/safety-check/leave",
    response_model=ModeOut,
    summary="Leave safety mode after a clear result",
    responses={
        **ERROR_RESPONSES,
        **BAD_BODY,
        409: {"model": Problem, "description": "No newer clear result, or not confirmed"},
    },
)
def leave(body: LeaveIn, user: ApiUser, db: SessionDep) -> ModeOut:
    """Needs a clear result newer than the one that switched safety mode on, and `confirm: true`."""
    try:
        service.leave_safety_mode(db, user, confirmed=body.confirm)
    except service.CannotLeave as error:
        raise HTTPException(status_code=409, detail=str(error)) from None
    db.commit()
    return ModeOut(safety_mode=user.safety_mode)


@router.get("/help-resources", summary="Help resources by country", openapi_extra=OPTIONAL_AUTH)
def help_resources(request: Request, user: OptionalApiUser, country: str = "") -> dict[str, Any]:
    """`country` is a two-letter code; without it, her country setting (if signed in)."""
    code = (country or (user.country if user else "")).strip()[:2]
    return {"country": code.upper(), "resources": resources_for(request, code)}
