"""Her place in the method as a whole, for the dashboard and `GET /api/v1/program`: where she is,
what comes next, and the numbers that matter today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.chats.store import latest_import
from anew.method.dashboard.rules import Action, next_actions
from anew.method.no_contact import store as no_contact
from anew.method.no_contact.service import CheckInOut, PeriodState, ReflectionOut
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
    report: dict[str, Any]


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


def _state(db: Session, user_id: int, today: date) -> PeriodState | None:
    found = no_contact.state(db, user_id, today)
    return PeriodState.model_validate(found) if found is not None else None


def program(db: Session, user_id: int, *, today: date, safety_mode: bool) -> Program:
    """Her place in the method."""
    state = _state(db, user_id, today)
    latest = latest_check(db, user_id)
    return Program(
        stage="safety" if safety_mode else no_contact.stage_of(_plain(state)),
        today=today,
        nocontact=state,
        safety_mode=safety_mode,
        safety_check=latest.result if latest else "not-taken",
    )


def _plain(state: PeriodState | None) -> dict[str, Any] | None:
    return state.model_dump() if state is not None else None


def dashboard(db: Session, user_id: int, *, today: date, safety_mode: bool) -> Dashboard:
    """Her stage, her next three actions, today's check-in, her latest chat and the vault."""
    state = _state(db, user_id, today)
    stage = no_contact.stage_of(_plain(state))
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
        latest_chat=LatestChat(chat.id, chat.name, chat.report) if chat else None,
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
