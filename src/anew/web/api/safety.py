"""The safety check through the API: the questions, taking the check, leaving safety mode."""

from __future__ import annotations

from fastapi import HTTPException, Request, Response
from pydantic import BaseModel, Field, StrictBool, StrictStr

from anew.accounts import service as accounts
from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.safety import service
from anew.safety.questions import QUESTIONS
from anew.safety.resources import Country, Resources
from anew.safety.rules import RULES, AnswerError, Assessment, assess
from anew.safety.service import CheckOut
from anew.safety.vocabulary import SafetyResult
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


class ResourceOut(Country):
    """One country's help lines (or the international directory's)."""

    country: str = Field(description="Two-letter code, or INT for the international directory")


class ResultOut(BaseModel):
    result: SafetyResult
    safety_mode: bool
    can_leave_safety_mode: bool
    stored: bool = Field(description="False for anonymous callers: nothing was kept")
    reasons: list[ReasonOut]
    resources: list[ResourceOut] = Field(description="Help near her, then worldwide")


class HelpOut(BaseModel):
    country: str
    resources: list[ResourceOut]


class LeaveIn(ApiModel):
    confirm: StrictBool = Field(description="She confirms she wants the win-back steps back")


class ModeOut(BaseModel):
    safety_mode: bool


def resources_for(request: Request, country: str) -> list[ResourceOut]:
    """Help resources for a country code (then the international list)."""
    resources: Resources = request.app.state.resources
    return [
        ResourceOut(country=code, **dict(entry)) for code, entry in resources.for_country(country)
    ]


def _country(db: SessionDep, user: Caller | None) -> str:
    return accounts.account(db, user.id).country if user else ""


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
    checks = service.checks(db, user.id) if user else []
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
            safety_mode, can_leave = assessment.safety_mode, False
        else:
            outcome = service.take_check(
                db, user.id, body.answers, keep_answers=body.keep_answers, now=utcnow()
            )
            assessment, safety_mode = outcome.assessment, outcome.safety_mode
            can_leave = outcome.can_leave
    except AnswerError as error:
        raise _unprocessable(error) from None
    return ResultOut(
        result=assessment.result,
        safety_mode=safety_mode,
        can_leave_safety_mode=can_leave,
        stored=user is not None,
        reasons=[
            ReasonOut(id=q.id, area=q.area, text=q.text, why=q.why) for q in assessment.reasons
        ],
        resources=resources_for(request, _country(db, user)),
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
    return ModeOut(safety_mode=service.leave_safety_mode(db, user.id, confirmed=body.confirm))


@router.get(
    "/help-resources",
    response_model=HelpOut,
    summary="Help resources by country",
    openapi_extra=OPTIONAL_AUTH,
)
def help_resources(
    request: Request, user: OptionalApiUser, db: SessionDep, country: str = ""
) -> HelpOut:
    """`country` is a two-letter code; without it, her country setting (if signed in)."""
    code = (country or _country(db, user)).strip()[:2]
    return HelpOut(country=code.upper(), resources=resources_for(request, code))
