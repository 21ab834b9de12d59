"""What the reply coach needs to know about her, gathered from step 1 and her imported chats."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy.orm import Session

from anew.accounts.clock import local_date
from anew.accounts.models import User
from anew.chats.model import WORD_PATTERN
from anew.chats.store import list_imports
from anew.method import progress
from anew.method.replies import ReplyAdvice, reply_window


def his_median_reply(db: Session, user_id: int) -> float | None:
    """His median reply time, from her newest import where she chose herself and one other wrote."""
    for row in list_imports(db, user_id):
        others = [name for name in row.participants if name != row.me]
        if row.me and len(others) == 1:
            median = row.report["reply_seconds"][others[0]]["median"]
            return float(median) if median is not None else None
    return None


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
