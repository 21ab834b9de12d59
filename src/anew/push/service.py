"""Her devices that receive notifications, for both faces: subscribe, list, remove, and a test
sent to each that says what its push service answered.

A subscription's endpoint is a place the server will connect to, so it is checked when saved
(https, no private literal address) and again at every send (anew.push.addresses).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from py_vapid import Vapid02
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from anew.config import Settings
from anew.db import transaction
from anew.errors import Invalid, NotFound
from anew.push.addresses import AddressPolicy, UnsafeAddress, check_push_endpoint
from anew.push.delivery import Device, Outcome, deliver
from anew.push.keys import public_key, vapid
from anew.push.models import ENDPOINT_MAX, LABEL_MAX, PushSubscription

# Who carries a notification to her phone: her browser maker's push service, by its address.
CARRIERS = (
    ("fcm.googleapis.com", "Google (Firebase Cloud Messaging, for Chrome and Android browsers)"),
    ("push.apple.com", "Apple (Apple Push Notification service, for Safari)"),
    ("push.services.mozilla.com", "Mozilla (Mozilla Push Service, for Firefox)"),
    ("notify.windows.com", "Microsoft (Windows Push Notification Services, for Edge)"),
)
TEST_MESSAGE = {
    "title": "Anew",
    "body": "A test from Anew: notifications reach this device.",
    "url": "/account",
    "tag": "anew-test",
}


def carrier(endpoint: str) -> str:
    """The company whose push service carries messages to this device, in words."""
    host = (urlsplit(endpoint).hostname or "").lower()
    for domain, name in CARRIERS:
        if host == domain or host.endswith("." + domain):
            return name
    return f"the push service at {host}"


def _key_bytes(value: str, length: int, what: str) -> str:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError) as error:
        raise ValueError(f"{what} must be base64url text, as the browser gives it") from error
    if len(raw) != length or (what == "p256dh" and raw[0] != 4):
        raise ValueError(f"{what} must be the browser's {length}-byte key, as it gives it")
    return value


class SubscriptionKeys(BaseModel):
    model_config = ConfigDict(strict=True)  # "yes" is not true, "7" not a number

    p256dh: str = Field(max_length=200, description="the browser's P-256 public key, base64url")
    auth: str = Field(max_length=100, description="the browser's 16-byte secret, base64url")

    @field_validator("p256dh")
    @classmethod
    def _point(cls, value: str) -> str:
        return _key_bytes(value, 65, "p256dh")

    @field_validator("auth")
    @classmethod
    def _secret(cls, value: str) -> str:
        return _key_bytes(value, 16, "auth")


class SubscriptionIn(BaseModel):
    """The browser's PushSubscription as its toJSON() gives it, and a name for the device."""

    model_config = ConfigDict(strict=True)  # "yes" is not true, "7" not a number

    endpoint: str = Field(min_length=8, max_length=ENDPOINT_MAX)
    expirationTime: int | None = Field(default=None, description="as the browser gives it")
    keys: SubscriptionKeys
    label: str = Field(default="", max_length=LABEL_MAX, description="e.g. 'my phone'")


class SubscriptionOut(BaseModel):
    id: int
    label: str
    carrier: str = Field(description="who carries the notifications to this device")
    created_at: datetime
    last_sent_at: datetime | None


class Sent(BaseModel):
    """What one device's push service said to a message."""

    id: int
    label: str
    status: str = Field(description="sent, gone (removed) or failed")
    detail: str


@dataclass(frozen=True)
class PushSetup:
    """What sending needs: the key, who the sender is, where it may connect."""

    key: Vapid02
    subject: str
    policy: AddressPolicy


def address_policy(settings: Settings) -> AddressPolicy:
    return AddressPolicy(
        allow_private=settings.notify_allow_private,
        allow_loopback=settings.push_allow_loopback,
    )


def server_key(settings: Settings) -> str:
    """The public key browsers subscribe with (generated and kept on first use)."""
    return public_key(vapid(settings.vapid_private_key, Path(settings.data_dir)))


def setup(settings: Settings) -> PushSetup | None:
    """Everything a send needs, or None while push has no subject to name the sender by."""
    subject = settings.vapid_subject or settings.base_url
    if not subject:
        return None
    key = vapid(settings.vapid_private_key, Path(settings.data_dir))
    return PushSetup(key=key, subject=subject, policy=address_policy(settings))


def _out(row: PushSubscription) -> SubscriptionOut:
    return SubscriptionOut(
        id=row.id,
        label=row.label,
        carrier=carrier(row.endpoint),
        created_at=row.created_at,
        last_sent_at=row.last_sent_at,
    )


def subscribe(
    db: Session, user_id: int, body: SubscriptionIn, policy: AddressPolicy
) -> SubscriptionOut:
    """Keep a device's subscription; the same endpoint again renews its keys rather than
    adding a second row; Invalid for an endpoint the server must not connect to."""
    try:
        check_push_endpoint(body.endpoint, policy)
    except UnsafeAddress as error:
        raise Invalid("endpoint", str(error)) from error
    with transaction(db):
        row = db.scalar(
            select(PushSubscription).where(
                PushSubscription.user_id == user_id, PushSubscription.endpoint == body.endpoint
            )
        )
        if row is None:
            row = PushSubscription(user_id=user_id, endpoint=body.endpoint)
            db.add(row)
        row.p256dh, row.auth = body.keys.p256dh, body.keys.auth
        row.label = body.label.strip() or row.label or "A device"
        db.flush()
        return _out(row)


def devices(db: Session, user_id: int) -> list[SubscriptionOut]:
    rows = db.scalars(
        select(PushSubscription)
        .where(PushSubscription.user_id == user_id)
        .order_by(PushSubscription.created_at, PushSubscription.id)
    )
    return [_out(row) for row in rows]


def remove(db: Session, user_id: int, subscription_id: int) -> None:
    """Forget one of her devices; NotFound for anyone else's."""
    with transaction(db):
        row = db.get(PushSubscription, subscription_id)
        if row is None or row.user_id != user_id:
            raise NotFound("There is no such device among yours.")
        db.delete(row)


def send_to_devices(
    db: Session, user_id: int, message: dict[str, str], push: PushSetup, now: datetime
) -> list[Sent]:
    """One message to each of her devices; a device its push service has forgotten is dropped."""
    with transaction(db):
        rows = devices_of(db, [user_id])[user_id]
        outcomes = [(row, send(row, message, push)) for row in rows]
        record(db, outcomes, now)
    return [
        Sent(id=row.id, label=row.label, status=outcome.status, detail=outcome.detail)
        for row, outcome in outcomes
    ]


def devices_of(db: Session, user_ids: list[int]) -> dict[int, list[PushSubscription]]:
    """The devices of many members at once, for a round of notifications."""
    found: dict[int, list[PushSubscription]] = {user_id: [] for user_id in user_ids}
    rows = db.scalars(
        select(PushSubscription)
        .where(PushSubscription.user_id.in_(user_ids))
        .order_by(PushSubscription.id)
    )
    for row in rows:
        found[row.user_id].append(row)
    return found


def record(db: Session, outcomes: list[tuple[PushSubscription, Outcome]], now: datetime) -> None:
    """Write down a round's answers (the caller commits): when each device last took a message,
    and the devices their push service has forgotten, removed."""
    for row, outcome in outcomes:
        if outcome.status == "gone":
            db.delete(row)
        elif outcome.status == "sent":
            row.last_sent_at = now


def send(row: PushSubscription, message: dict[str, str], push: PushSetup) -> Outcome:
    """One message to one device of hers."""
    device = Device(endpoint=row.endpoint, p256dh=row.p256dh, auth=row.auth)
    return deliver(device, message, key=push.key, subject=push.subject, policy=push.policy)
