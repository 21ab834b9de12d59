"""Sign-up with email set up: the form answers the same whether or not the email has an account,
and the email tells which. A new address gets a confirmation link, and the account is made when
it is followed; the owner of an existing account is told someone tried, with a way to log in.
Without email the plain sign-up of `anew.accounts.service` stays (docs/security.md, the trade-off).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from anew.accounts.models import PendingSignup, Role, SessionKind, User
from anew.accounts.passwords import hash_password, password_problem, verify_password
from anew.accounts.service import (
    SIGNUP_PER_ADDRESS,
    EmailTaken,
    Opened,
    TooManyAttempts,
    WeakPassword,
    find_user,
    normalize_email,
)
from anew.accounts.sessions import hash_token, start_session
from anew.db import transaction
from anew.errors import NotFound
from anew.mail import Mail
from anew.ratelimit import is_limited, record_hit

CONFIRM_WITHIN = timedelta(days=1)


def start_signup(
    db: Session, *, email: str, password: str, address: str, now: datetime, base: str
) -> list[Mail]:
    """Check the form, then answer the one email to send; TooManyAttempts and WeakPassword as
    the plain sign-up. The attempt is counted even when it is refused."""
    if is_limited(db, SIGNUP_PER_ADDRESS, address, now):
        raise TooManyAttempts(
            "Too many accounts were created from here recently. Please try again later.",
            SIGNUP_PER_ADDRESS.retry_after(now),
        )
    with transaction(db):
        record_hit(db, SIGNUP_PER_ADDRESS, address, now)
    email = normalize_email(email)
    problem = password_problem(password, email=email)
    if problem:
        raise WeakPassword(problem)
    # Hashed either way, so an existing email answers no faster than a new one.
    password_hash = hash_password(password)
    with transaction(db):
        db.execute(delete(PendingSignup).where(PendingSignup.expires_at < now))
        if find_user(db, email) is not None:
            return [_already_yours(email, base)]
        token = secrets.token_urlsafe(32)
        db.add(
            PendingSignup(
                token_hash=hash_token(token),
                email=email,
                password_hash=password_hash,
                created_at=now,
                expires_at=now + CONFIRM_WITHIN,
            )
        )
        return [_confirm(email, f"{base}/signup/confirm/{token}")]


class NotTheChosenPassword(ValueError):
    """The confirmation asks again for the password chosen at sign-up: whoever opens the link
    must be the person who filled in the form, or someone else could make an account on her
    address with a password they know, and wait for her to start using it."""


def finish_signup(db: Session, token: str, password: str, now: datetime) -> Opened:
    """Make the account behind a confirmation link and sign her in, once she gives the password
    chosen at sign-up (NotTheChosenPassword otherwise, and the link stays good); NotFound for a
    link that is unknown, used or expired, EmailTaken when the email got an account meanwhile.
    A second press of the button finds the link used, never a half-made account."""
    with transaction(db):
        pending = db.scalar(
            select(PendingSignup).where(PendingSignup.token_hash == hash_token(token[:64]))
        )
        if pending is None or pending.expires_at <= now:
            raise NotFound(
                "This link has expired or was already used. You can sign up again, and we'll "
                "send you a fresh one."
            )
        if not verify_password(pending.password_hash, password):
            raise NotTheChosenPassword(
                "That isn't the password chosen when this sign-up began. If you didn't sign up "
                "yourself, you can ignore this link: no account will be made."
            )
        if find_user(db, pending.email) is not None:
            raise EmailTaken("This email already has an account. Would you like to log in?")
        claimed = db.execute(delete(PendingSignup).where(PendingSignup.id == pending.id))
        if getattr(claimed, "rowcount", 0) != 1:  # the same link pressed twice at once: one wins
            raise NotFound("This link was just used. Please log in.")
        db.execute(delete(PendingSignup).where(PendingSignup.email == pending.email))
        user = User(
            email=pending.email, password_hash=pending.password_hash, role=Role.MEMBER.value
        )
        db.add(user)
        try:
            db.flush()
        except IntegrityError:
            raise EmailTaken(
                "This email already has an account. Would you like to log in?"
            ) from None
        return Opened(start_session(db, user, SessionKind.WEB, now), user.id)


def _confirm(email: str, link: str) -> Mail:
    text = (
        "Hello,\n\nWelcome to Anew. To finish creating your account, please open this link "
        f"within a day:\n\n{link}\n\nIf you didn't ask for an account, you can simply ignore "
        "this email: nothing will be made.\n\nTake care,\nAnew\n"
    )
    return Mail(email, "Please confirm your email to finish signing up", text)


def _already_yours(email: str, base: str) -> Mail:
    text = (
        "Hello,\n\nSomeone, perhaps you, tried to sign up to Anew with this email address. "
        "You already have an account, so nothing new was made and nothing in your account "
        f"changed.\n\nIf it was you, you can log in here:\n\n{base}/login\n\nIf it wasn't you, "
        "you don't need to do anything.\n\nTake care,\nAnew\n"
    )
    return Mail(email, "You already have an Anew account", text)
