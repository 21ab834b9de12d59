"""Her place in the method as a whole, for the dashboard and `GET /api/v1/program`: where she is,
what comes next, and the numbers that matter today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.chats.models import ChatImport
from anew.chats.report_model import Report
from anew.chats.store import latest_import
from anew.method.dashboard.rules import Action, next_actions
from anew.method.no_contact import service as no_contact_service
from anew.method.no_contact import store as no_contact
from anew.method.no_contact.service import CheckInOut, PeriodState, ReflectionOut, stage_of
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


def dashboard(db: Session, user_id: int, *, today: date, safety_mode: bool) -> Dashboard:
    """Her stage, her next three actions, today's check-in, her latest chat and the vault."""
    state = no_contact_service.state(db, user_id, today=today)
    stage = stage_of(state)
    checkin = no_contact.checkin_on(db, user_id, today)
    chat = latest_import(db, user_id)
    running = no_contact.current_row(db, user_id) if stage == "reconnecting" else None
    user = db.get(User, user_id)
    return Dashboard(
        stage=stage,
        state=state,
        actions=next_actions(
            "safety" if safety_mode else stage,
            checked_in_today=checkin is not None,
            has_chats=chat is not None,
            days_left=state.days_left if state else None,
            safety_checked=latest_check(db, user_id) is not None,
        ),
        today_checkin=CheckInOut.model_validate(checkin) if checkin else None,
        latest_chat=LatestChat(chat.id, chat.name, Report.model_validate(chat.report))
        if chat
        else None,
        vault_size=no_contact.vault_size(db, user_id),
        country=user.country if user else "",
        reflection=ReflectionOut(
            change_mine=running.change_mine,
            change_his=running.change_his,
            reflected_at=running.reflected_at,
        )
        if running
        else None,
    )
