"""What the notification tests share: settings that let pushes reach a stand-in on the loopback,
the stand-in itself, and a device of Alice's subscribed to it."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from anew.config import Settings
from anew.push.models import PushSubscription
from tests.people import Person
from tests.push_service import Browser, PushService, loopback


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return loopback(settings)


@pytest.fixture
def alices_phone(factory: sessionmaker[Session], alice: Person, stand_in: PushService) -> Browser:
    browser = Browser()
    keys = browser.keys()
    with factory() as db:
        db.add(
            PushSubscription(
                user_id=alice.id,
                endpoint=f"{stand_in.base}/send/alice",
                p256dh=keys["p256dh"],
                auth=keys["auth"],
                label="phone",
            )
        )
        db.commit()
    return browser
