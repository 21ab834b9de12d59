"""Notifications for both faces: her choices (anew.notifications.preferences), and a test sent to
every device and enabled channel of hers, answering what each said, so she knows her reminders
will arrive before she relies on them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from anew.config import Settings
from anew.notifications import channels, preferences
from anew.push import service as push

NOT_SET_UP = (
    "Push notifications are not set up on this server yet: whoever runs it can set "
    "ANEW_VAPID_SUBJECT or ANEW_BASE_URL."
)


class Answer(BaseModel):
    kind: Literal["device", "channel"] = Field(description="one of her devices, or a channel")
    id: int
    label: str
    status: str = Field(description="sent, gone (the device was removed) or failed")
    detail: str


class TestSent(BaseModel):
    answers: list[Answer]
    note: str | None = Field(default=None, description="why nothing was sent, when nothing was")


def send_test(db: Session, user_id: int, settings: Settings, now: datetime) -> TestSent:
    """A test to each of her devices and enabled channels; a device its push service has
    forgotten is removed."""
    answers: list[Answer] = []
    note = None
    setup = push.setup(settings)
    if push.devices(db, user_id):
        if setup is None:
            note = NOT_SET_UP
        else:
            sent = push.send_to_devices(db, user_id, push.TEST_MESSAGE, setup, now)
            answers += [
                Answer(kind="device", id=s.id, label=s.label, status=s.status, detail=s.detail)
                for s in sent
            ]
    policy = push.address_policy(settings)
    title, body = push.TEST_MESSAGE["title"], push.TEST_MESSAGE["body"]
    for channel in preferences.her_channels(db, user_id):
        if channel.enabled:
            found = channels.send(channel.url, title, body, settings=settings, policy=policy)
            label = channels.masked(channel.url)
            answers.append(
                Answer(
                    kind="channel",
                    id=channel.id,
                    label=label,
                    status=found.status,
                    detail=found.detail,
                )
            )
    if not answers and note is None:
        note = "No device or channel of yours has notifications turned on yet."
    return TestSent(answers=answers, note=note)
