"""What the reply coach needs to know about her, gathered from step 1 and her imported chats."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from anew.accounts.clock import local_date, zone
from anew.accounts.models import User
from anew.chats import store
from anew.chats.charts import endings_chart, initiations_chart
from anew.chats.model import WORD_PATTERN
from anew.chats.models import ChatImport
from anew.chats.store import list_imports
from anew.method.no_contact import service as progress
from anew.method.reply_coach.adherence import before_and_after, contacts_chart, reply_speed_chart
from anew.method.reply_coach.rules import ReplyAdvice, reply_window


def his_median_reply(db: Session, user_id: int) -> float | None:
    """His median reply time, from her newest import where she chose herself and one other wrote."""
    row = her_chat(db, user_id)
    if row is None:
        return None
    him = next(name for name in row.participants if name != row.me)
    median = row.report["reply_seconds"][him]["median"]
    return float(median) if median is not None else None


def count_words(text: str) -> int:
    """Words as the chat metrics count them."""
    return len(re.findall(WORD_PATTERN, text))


def coach(
    db: Session,
    user: User,
    *,
    his_message: str,
    received_at: datetime,
    now: datetime,
    logistics: bool,
) -> ReplyAdvice:
    """The reply coach's advice for this message, from her stage and his usual pace."""
    today = local_date(now, user.time_zone)
    state = progress.state(db, user.id, today)
    return reply_window(
        his_words=count_words(his_message),
        received_at=received_at,
        now=now,
        time_zone=user.time_zone,
        stage=progress.stage_of(state),
        logistics=logistics,
        his_median_reply=his_median_reply(db, user.id),
        days_left=state["days_left"] if state else None,
    )


def her_chat(db: Session, user_id: int) -> ChatImport | None:
    """Her newest import where she chose herself, with exactly one other person."""
    for row in list_imports(db, user_id):
        if row.me and len([name for name in row.participants if name != row.me]) == 1:
            return row
    return None


def adherence(db: Session, user: User, today: date) -> dict[str, Any]:
    """Charts and the before/after table for the reply coach's page (empty when unknown)."""
    here = zone(user.time_zone)
    contacts = [(c.at.astimezone(here), c.initiator) for c in progress.list_contacts(db, user.id)]
    found: dict[str, Any] = {"contacts": contacts_chart(contacts)}
    chat = her_chat(db, user.id)
    if chat is None:
        return found
    him = next(name for name in chat.participants if name != chat.me)
    found |= {
        "chat": chat,
        "his_messages": store.latest_from(db, chat, him),
        "replies": reply_speed_chart(chat.report),
        "started": initiations_chart(chat.report),
        "ended": endings_chart(chat.report),
    }
    state = progress.state(db, user.id, today)
    breakup = state["breakup_on"] if state else None
    if breakup and chat.me:
        split = store.metrics(db, chat, split=date.fromisoformat(breakup))
        found["split"] = before_and_after(split["split"], chat.me)
        found["breakup_on"] = breakup
    return found
