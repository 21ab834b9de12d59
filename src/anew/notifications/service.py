"""Notifications for both faces. Today: a test sent to every device of hers, answering what each
push service said, so she knows her reminders will arrive before she relies on them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from anew.config import Settings
from anew.push import service as push

NOT_SET_UP = (
    "Push notifications are not set up on this server yet: whoever runs it can set "
    "ANEW_VAPID_SUBJECT or ANEW_BASE_URL."
)


class Answer(BaseModel):
    kind: Literal["device"] = Field(description="where it went: one of her devices")
    id: int
    label: str
    status: str = Field(description="sent, gone (the device was removed) or failed")
    detail: str


class TestSent(BaseModel):
    answers: list[Answer]
    note: str | None = Field(default=None, description="why nothing was sent, when nothing was")


def send_test(db: Session, user_id: int, settings: Settings, now: datetime) -> TestSent:
    """A test to each of her devices; a device its push service has forgotten is removed."""
    devices = push.devices(db, user_id)
    if not devices:
        return TestSent(answers=[], note="No device of yours has notifications turned on yet.")
    setup = push.setup(settings)
    if setup is None:
        return TestSent(answers=[], note=NOT_SET_UP)
    sent = push.send_to_devices(db, user_id, push.TEST_MESSAGE, setup, now)
    return TestSent(
        answers=[
            Answer(kind="device", id=s.id, label=s.label, status=s.status, detail=s.detail)
            for s in sent
        ]
    )
