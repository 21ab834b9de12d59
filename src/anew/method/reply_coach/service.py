"""Step 2 for both faces: the reply coach's advice, and her adherence as her step 1 log and her
imported chats show it. Each function is one request's work for her, answering typed results."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from anew.accounts.clock import local_date, zone
from anew.chats import store
from anew.chats.charts import endings_chart, initiations_chart
from anew.chats.model import WORD_PATTERN
from anew.chats.models import ChatImport
from anew.chats.store import list_imports
from anew.method.no_contact import service as periods
from anew.method.no_contact import store as no_contact
from anew.method.reply_coach.adherence import before_and_after, contacts_chart, reply_speed_chart
from anew.method.reply_coach.rules import reply_window
from anew.method.reply_coach.vocabulary import Verdict


class Advice(BaseModel):
    """The coach's answer: a verdict, the earliest sensible time, a length budget, and why."""

    verdict: Verdict = Field(description="dont_reply, wait or reply_now")
    earliest: datetime | None = Field(description="The earliest sensible time to answer")
    max_words: int
    reasons: list[str]
    closing_lines: list[str]


@dataclass(frozen=True)
class HisMessage:
    timestamp: datetime
    text: str


@dataclass(frozen=True)
class SplitRow:
    """Her side of the chat before or after the breakup date."""

    when: str
    conversations: int
    my_median_reply_seconds: float | None
    share_i_started: float | None
    share_i_ended: float | None


@dataclass(frozen=True)
class ChatRef:
    id: int
    name: str


@dataclass(frozen=True)
class Adherence:
    """The coach page's charts (SVG built and escaped by anew.chats.charts) and the before/after
    table; chat parts are None until she imports a chat and says which participant she is."""

    contacts: str | None
    chat: ChatRef | None = None
    his_messages: tuple[HisMessage, ...] = ()
    replies: str | None = None
    started: str | None = None
    ended: str | None = None
    split: tuple[SplitRow, ...] = ()
    breakup_on: str | None = None


def count_words(text: str) -> int:
    """Words as the chat metrics count them."""
    return len(re.findall(WORD_PATTERN, text))


def her_chat(db: Session, user_id: int) -> ChatImport | None:
    """Her newest import where she chose herself, with exactly one other person."""
    for row in list_imports(db, user_id):
        if row.me and len([name for name in row.participants if name != row.me]) == 1:
            return row
    return None


def has_chats(db: Session, user_id: int) -> bool:
    """Whether she has imported any chat (the page stops suggesting an import once she has)."""
    return bool(list_imports(db, user_id))


def his_median_reply(db: Session, user_id: int) -> float | None:
    """His median reply time, from her newest import where she chose herself and one other wrote."""
    row = her_chat(db, user_id)
    if row is None:
        return None
    him = next(name for name in row.participants if name != row.me)
    median = row.report["reply_seconds"][him]["median"]
    return float(median) if median is not None else None


def coach(
    db: Session,
    user_id: int,
    *,
    time_zone: str,
    his_message: str,
    received_at: datetime,
    now: datetime,
    logistics: bool,
) -> Advice:
    """The reply coach's advice for this message, from her stage and his usual pace."""
    today = local_date(now, time_zone)
    state = periods.state(db, user_id, today=today)
    advice = reply_window(
        his_words=count_words(his_message),
        received_at=received_at,
        now=now,
        time_zone=time_zone,
        stage=periods.stage_of(state),
        logistics=logistics,
        his_median_reply=his_median_reply(db, user_id),
        days_left=state.days_left if state else None,
    )
    return Advice(
        verdict=Verdict(advice.verdict),
        earliest=advice.earliest,
        max_words=advice.max_words,
        reasons=advice.reasons,
        closing_lines=list(advice.closing_lines),
    )


def adherence(db: Session, user_id: int, *, time_zone: str, today: date) -> Adherence:
    """Her contacts by who reached out, and from her chat: reply speed, who started and who
    ended, and her side before and after the breakup date."""
    here = zone(time_zone)
    contacts = [(c.at.astimezone(here), c.initiator) for c in no_contact.list_contacts(db, user_id)]
    chart = contacts_chart(contacts)
    chat = her_chat(db, user_id)
    if chat is None:
        return Adherence(contacts=chart)
    him = next(name for name in chat.participants if name != chat.me)
    split: tuple[SplitRow, ...] = ()
    state = periods.state(db, user_id, today=today)
    breakup = state.breakup_on if state else None
    if breakup and chat.me:
        found = store.metrics(db, chat, split=date.fromisoformat(breakup))
        split = tuple(SplitRow(**row) for row in before_and_after(found["split"], chat.me))
    return Adherence(
        contacts=chart,
        chat=ChatRef(chat.id, chat.name),
        his_messages=tuple(
            HisMessage(m.timestamp, m.text or "") for m in store.latest_from(db, chat, him)
        ),
        replies=reply_speed_chart(chat.report),
        started=initiations_chart(chat.report),
        ended=endings_chart(chat.report),
        split=split,
        breakup_on=breakup if split else None,
    )
