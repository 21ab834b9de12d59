"""Her place in the method as a whole, for the dashboard and `GET /api/v1/program`: where she is,
what comes next, and the numbers that matter today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel
from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.chats.models import ChatImport
from anew.chats.report_model import Report
from anew.chats.store import latest_import
from anew.db import transaction
from anew.errors import Invalid
from anew.method.best_self.models import Quality
from anew.method.dashboard.rules import Action, OwnSteps, next_actions
from anew.method.new_look.models import MakeoverItem
from anew.method.new_you import service as new_you
from anew.method.new_you.models import Goal
from anew.method.new_you.service import TodayHabit
from anew.method.no_contact import service as no_contact_service
from anew.method.no_contact import store as no_contact
from anew.method.no_contact.service import CheckInOut, PeriodState, ReflectionOut, stage_of
from anew.method.path import service as path
from anew.method.path.service import PathDay
from anew.safety.models import SafetyCheck
from anew.safety.service import latest_check


class Program(BaseModel):
    """`stage` is not-started, no-contact, reconnecting once the target is reached, or safety
    while safety mode is on. `safety_check` is the newest check's result, or not-taken."""

    stage: str
    today: date
    nocontact: PeriodState | None
    safety_mode: bool
    safety_check: str


@dataclass(frozen=True)
class LatestChat:
    id: int
    name: str
    report: Report


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows, for her data as it stands today."""

    stage: str
    state: PeriodState | None
    actions: list[Action]
    today_checkin: CheckInOut | None
    latest_chat: LatestChat | None
    vault_size: int
    country: str
    reflection: ReflectionOut | None
    habits: list[TodayHabit]
    welcome: bool
    path: PathDay


def program(db: Session, user_id: int, *, today: date, safety_mode: bool) -> Program:
    """Her place in the method."""
    state = no_contact_service.state(db, user_id, today=today)
    latest = latest_check(db, user_id)
    return Program(
        stage="safety" if safety_mode else stage_of(state),
        today=today,
        nocontact=state,
        safety_mode=safety_mode,
        safety_check=latest.result if latest else "not-taken",
    )


def _latest(chat: ChatImport | None) -> LatestChat | None:
    if chat is None:
        return None
    return LatestChat(chat.id, chat.name, Report.model_validate(chat.report))


@dataclass(frozen=True)
class _About:
    """What the dashboard reads of her account and her own steps, together."""

    country: str
    welcomed: bool
    safety_checked: bool
    own: OwnSteps


def _count(
    model: type[Goal] | type[Quality] | type[MakeoverItem], user_id: int
) -> ColumnElement[int]:
    return select(func.count()).select_from(model).where(model.user_id == user_id).scalar_subquery()


def _about(db: Session, user_id: int, habits: list[TodayHabit]) -> _About:
    """Her country, the welcome, whether she took the check and how far steps 4-6 have come, in
    one statement: the dashboard reads a fixed few, however much she has written."""
    row = db.execute(
        select(
            User.country,
            User.welcomed,
            exists().where(SafetyCheck.user_id == user_id),
            _count(Goal, user_id),
            _count(Quality, user_id),
            _count(MakeoverItem, user_id),
        ).where(User.id == user_id)
    ).one()
    return _About(
        country=row[0],
        welcomed=row[1],
        safety_checked=bool(row[2]),
        own=OwnSteps(
            goals=row[3],
            habits=len(habits),
            habits_left_today=sum(1 for h in habits if h.today is None),
            qualities=row[4],
            plan_items=row[5],
        ),
    )


def dashboard(db: Session, user_id: int, *, today: date, safety_mode: bool) -> Dashboard:
    """Her stage, her next three actions, today's check-in and habits, her latest chat (not in
    safety mode: no name or numbers of his on her first screen) and the vault."""
    state, periods = no_contact_service.state_and_periods(db, user_id, today=today)
    stage = stage_of(state)
    checkin = no_contact.checkin_on(db, user_id, today)
    chat = None if safety_mode else latest_import(db, user_id)
    running = no_contact.current_row(db, user_id) if stage == "reconnecting" else None
    habits = new_you.todays_habits(db, user_id, today=today)
    about = _about(db, user_id, habits)
    return Dashboard(
        stage=stage,
        state=state,
        actions=next_actions(
            "safety" if safety_mode else stage,
            checked_in_today=checkin is not None,
            has_chats=chat is not None,
            days_left=state.days_left if state else None,
            safety_checked=about.safety_checked,
            own=about.own,
        ),
        today_checkin=CheckInOut.model_validate(checkin) if checkin else None,
        latest_chat=LatestChat(chat.id, chat.name, Report.model_validate(chat.report))
        if chat
        else None,
        vault_size=no_contact.vault_size(db, user_id),
        country=about.country,
        reflection=ReflectionOut(
            change_mine=running.change_mine,
            change_his=running.change_his,
            reflected_at=running.reflected_at,
        )
        if running and not safety_mode
        else None,
        habits=habits,
        # Asked once, and only before she has begun: a running or past period answers it already.
        welcome=not about.welcomed and state is None,
        path=path.path_day(db, user_id, periods, today=today, safety_mode=safety_mode),
    )


def answer_welcome(
    db: Session, user_id: int, *, today: date, ended_on: date | None, start_today: bool
) -> None:
    """The first-run welcome, answered or put aside: the day it ended goes with a no-contact period
    started today when she says yes (at the 30 days the method suggests); either way it is done."""
    if ended_on is not None and ended_on > today:
        raise Invalid("ended_on", "The day it ended can be today or a day in the past.")
    if start_today and no_contact_service.state(db, user_id, today=today) is None:
        no_contact_service.start(db, user_id, today=today, target_days=30, breakup_on=ended_on)
    with transaction(db):
        user = db.get(User, user_id)
        if user is not None:
            user.welcomed = True
