"""How sign-in guessing is slowed without locking the owner out.

Attempts are counted per address and per account and address together, never per account
alone, so a stranger who knows her email can only shut out their own address. A browser that
signed in to the account before (a known device) is counted on its own, so even guessing from
her own shared address can't keep her right password out. When a sign-in is refused, the owner
hears of it by email, once per window.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from anew.accounts.devices import Device
from anew.accounts.models import User
from anew.mail import Mail
from anew.ratelimit import RateLimit, clear, is_limited, record_hit

WINDOW = 15 * 60
LOGIN_PER_ADDRESS = RateLimit("login-address", limit=30, window_seconds=WINDOW)
LOGIN_PER_ACCOUNT_AND_ADDRESS = RateLimit("login-account-address", limit=10, window_seconds=WINDOW)
LOGIN_PER_KNOWN_DEVICE = RateLimit("login-known-device", limit=10, window_seconds=WINDOW)
REFUSAL_NOTICE = RateLimit("login-refusal-notice", limit=1, window_seconds=WINDOW)

Count = tuple[RateLimit, str]


def counts(email: str, address: str, user: User | None, device: Device | None) -> list[Count]:
    """The counters this attempt is held to: a known device's own, or the address's two."""
    if user is not None and device is not None and device.knows(user.id):
        return [(LOGIN_PER_KNOWN_DEVICE, f"{user.id}\0{device.name}")]
    return [(LOGIN_PER_ADDRESS, address), (LOGIN_PER_ACCOUNT_AND_ADDRESS, f"{email}\0{address}")]


def spent(db: Session, held_to: list[Count], now: datetime) -> RateLimit | None:
    """The first rule whose allowance is used up, if any."""
    return next((rule for rule, subject in held_to if is_limited(db, rule, subject, now)), None)


def count_attempt(db: Session, held_to: list[Count], now: datetime) -> None:
    """Every attempt counts against the address (the first counter), right or wrong."""
    rule, subject = held_to[0]
    if rule is LOGIN_PER_ADDRESS:
        record_hit(db, rule, subject, now)


def count_failure(db: Session, held_to: list[Count], now: datetime) -> None:
    """A wrong password counts against the account on this address (or this known device)."""
    rule, subject = held_to[-1]
    record_hit(db, rule, subject, now)


def forget_failures(db: Session, held_to: list[Count]) -> None:
    """A right password wipes the failures counted for this account here."""
    rule, subject = held_to[-1]
    clear(db, rule, subject)


def refusal_notice(db: Session, user: User | None, now: datetime) -> list[Mail]:
    """The owner's email about refused sign-ins, once per window (none for an unknown email)."""
    if user is None or is_limited(db, REFUSAL_NOTICE, str(user.id), now):
        return []
    record_hit(db, REFUSAL_NOTICE, str(user.id), now)
    text = (
        "Hello,\n\n"
        "Someone tried to sign in to your Anew account several times with a password that "
        "wasn't right, so we paused sign-ins from there for a little while. Nothing in your "
        "account was opened or changed, and you don't need to do anything.\n\n"
        "If it was you, that's all right: you can try again in 15 minutes, and the browser you "
        "usually sign in with can still get in with your password now.\n\n"
        "If it wasn't you, your password kept your account safe. If you think someone may know "
        "it, you can choose a new one on your account page once you're signed in.\n\n"
        "Take care,\nAnew\n"
    )
    return [Mail(user.email, "Someone tried to sign in to your Anew account", text)]
