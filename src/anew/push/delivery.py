"""One notification to one browser: encrypted for that browser's keys (RFC 8291, aes128gcm),
signed with the server's VAPID key, handed to its push service. Only the push service sees the
address; only her browser can read the words."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

import requests
from py_vapid import Vapid02
from pywebpush import WebPushException, webpush

from anew.push.addresses import AddressPolicy, UnsafeAddress, check_connect, check_push_endpoint

GONE = {404, 410}  # the push service says the subscription no longer exists
TIMEOUT_S = 10.0  # a dead push service must never hold a sender for long
TTL_S = 12 * 3600  # a reminder older than half a day is no longer worth showing


@dataclass(frozen=True)
class Device:
    endpoint: str
    p256dh: str
    auth: str


@dataclass(frozen=True)
class Outcome:
    status: Literal["sent", "gone", "failed"]
    detail: str


def deliver(
    device: Device,
    message: dict[str, str],
    *,
    key: Vapid02,
    subject: str,
    policy: AddressPolicy,
) -> Outcome:
    """Send one message; "gone" when the push service has forgotten the subscription (drop it),
    "failed" for anything that may pass (retry later)."""
    try:
        check_push_endpoint(device.endpoint, policy)
        check_connect(device.endpoint, policy)
    except UnsafeAddress as error:
        return Outcome("failed", str(error))
    session = requests.Session()
    session.max_redirects = 0  # a redirect could lead past the address check
    try:
        webpush(
            {"endpoint": device.endpoint, "keys": {"p256dh": device.p256dh, "auth": device.auth}},
            json.dumps(message, ensure_ascii=False),
            vapid_private_key=key,
            vapid_claims={"sub": subject},
            timeout=TIMEOUT_S,
            ttl=TTL_S,
            requests_session=session,
        )
    except WebPushException as error:
        status = error.response.status_code if error.response is not None else None
        if status in GONE:
            return Outcome("gone", f"the push service no longer knows this device ({status})")
        return Outcome("failed", f"the push service answered {status or 'nothing'}")
    except (requests.RequestException, ValueError) as error:
        return Outcome("failed", f"the push service could not be reached ({type(error).__name__})")
    finally:
        session.close()
    return Outcome("sent", "delivered to the push service")
