"""Account actions shared by the web pages, the JSON API and the command line: the building
blocks (create, log in, change a password), then one transaction per request for the faces."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from anew.accounts import login_limits
from anew.accounts.devices import Device
from anew.accounts.models import Role, SessionKind, User
from anew.accounts.passwords import hash_password, needs_rehash, password_problem, verify_password
from anew.accounts.sessions import end_all_sessions, end_session, start_session
from anew.db import transaction
from anew.errors import NotFound
from anew.mail import Mail
from anew.ratelimit import RateLimit, is_limited, record_hit

SIGNUP_PER_ADDRESS = RateLimit("signup-address", limit=10, window_seconds=60 * 60)
# Changing the password and deleting the account ask for it again; a stolen session must not
# turn that question into a way of guessing it.
PASSWORD_CHECKS_PER_ACCOUNT = RateLimit("password-check-account", limit=10, window_seconds=15 * 60)

# Verified against when the email is unknown, so a miss costs as long as a wrong password.
_DUMMY_HASH = hash_password("not-a-real-password-just-for-timing")


class AccountError(Exception):
    """An account action was refused; the message is safe to show to the person."""

    field: str | None = None


class EmailTaken(AccountError):
    field = "email"


class WeakPassword(AccountError):
    field = "password"


class WeakNewPassword(WeakPassword):
    """A weak password on the change-password form, whose field is the new one."""

    field = "new_password"


class InvalidCredentials(AccountError):
    field = None


class WrongPassword(AccountError):
    field = "current_password"


class TooManyAttempts(AccountError):
    """Rate limited; `retry_after` says in how many seconds to try again."""

    def __init__(self, message: str, retry_after: int, mails: list[Mail] | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.mails = mails or []


def normalize_email(email: str) -> str:
    """Emails compare case-insensitively and without surrounding spaces."""
    return email.strip().lower()


def find_user(db: Session, email: str) -> User | None:
    """The account with this email, if any."""
    if "\x00" in email:  # no stored address holds one, and PostgreSQL refuses it in a query
        return None
    return db.scalar(select(User).where(User.email == normalize_email(email)))


def create_user(db: Session, *, email: str, password: str, role: Role = Role.MEMBER) -> User:
    """Create an account; raises EmailTaken or WeakPassword with a message for the form."""
    email = normalize_email(email)
    problem = password_problem(password, email=email)
    if problem:
        raise WeakPassword(problem)
    if find_user(db, email) is not None:
        raise EmailTaken("An account with this email already exists. Would you like to log in?")
    user = User(email=email, password_hash=hash_password(password), role=role.value)
    db.add(user)
    db.flush()
    return user


def sign_up(db: Session, *, email: str, password: str, address: str, now: datetime) -> User:
    """Self-service signup, limited per address so nobody can mass-create accounts."""
    if is_limited(db, SIGNUP_PER_ADDRESS, address, now):
        raise TooManyAttempts(
            "Too many accounts were created from here recently. Please try again later.",
            SIGNUP_PER_ADDRESS.retry_after(now),
        )
    record_hit(db, SIGNUP_PER_ADDRESS, address, now)
    return create_user(db, email=email, password=password)


def _minutes(seconds: int) -> str:
    """A wait as she would say it: "a minute", "12 minutes"."""
    minutes = max(1, -(-seconds // 60))
    return "a minute" if minutes == 1 else f"{minutes} minutes"


def log_in(
    db: Session,
    *,
    email: str,
    password: str,
    address: str,
    now: datetime,
    device: Device | None = None,
) -> User:
    """Check credentials under the sign-in limits (`anew.accounts.login_limits`); returns the
    user. A refusal for too many tries carries the owner's notice email."""
    email = normalize_email(email)
    user = find_user(db, email)
    held_to = login_limits.counts(email, address, user, device)
    rule = login_limits.spent(db, held_to, now)
    if rule is not None:
        wait = rule.retry_after(now)
        raise TooManyAttempts(
            f"Too many login attempts. Please wait {_minutes(wait)} and try again.",
            wait,
            mails=login_limits.refusal_notice(db, user, now),
        )
    login_limits.count_attempt(db, held_to, now)
    if user is None:
        verify_password(_DUMMY_HASH, password)
    if user is None or not verify_password(user.password_hash, password):
        login_limits.count_failure(db, held_to, now)
        raise InvalidCredentials("That email and password don't match. Please try again.")
    login_limits.forget_failures(db, held_to)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def change_password(
    db: Session, user: User, *, current_password: str, new_password: str, now: datetime
) -> None:
    """Replace the password and revoke every session, everywhere; the caller starts a new one."""
    if not verify_password(user.password_hash, current_password):
        raise WrongPassword("Your current password isn't right.")
    problem = password_problem(new_password, email=user.email)
    if problem:
        raise WeakNewPassword(problem)
    user.password_hash = hash_password(new_password)
    user.password_changed_at = now
    end_all_sessions(db, user.id)


def delete_account(db: Session, user: User, *, password: str) -> None:
    """Delete the account and everything that belongs to it (rows cascade from the user)."""
    if not verify_password(user.password_hash, password):
        raise WrongPassword("That password isn't right, so nothing was deleted.")
    end_all_sessions(db, user.id)
    db.delete(user)
    db.flush()


def count_users(db: Session) -> int:
    """How many accounts exist."""
    return db.scalar(select(func.count()).select_from(User)) or 0


class Account(BaseModel):
    """Her account as she sees it (never its password hash)."""

    id: int
    email: str
    role: Role
    time_zone: str
    country: str = Field(description="Two-letter code, or empty for the worldwide help list")
    created_at: datetime


AccountAction = Callable[..., User]


@dataclass(frozen=True)
class Opened:
    """A session just started: its secret, and whose it is (for the known-device mark)."""

    token: str
    user_id: int


def account(db: Session, user_id: int) -> Account:
    """Her account; NotFound when it has gone."""
    user = db.get(User, user_id)
    if user is None:
        raise NotFound("Your account is no longer here.")
    return Account.model_validate(user, from_attributes=True)


def open_session(
    db: Session,
    action: AccountAction,
    *,
    email: str,
    password: str,
    address: str,
    now: datetime,
    kind: SessionKind,
) -> Opened:
    """Sign up or log in (`action`: sign_up or log_in) and start a session; answers its secret.
    A refusal still counts toward the rate limits, so its attempt is kept before it is raised."""
    try:
        user = action(db, email=email, password=password, address=address, now=now)
    except AccountError:
        db.commit()
        raise
    with transaction(db):
        return Opened(start_session(db, user, kind, now), user.id)


def close_session(db: Session, token: str) -> None:
    """Log out one browser or revoke one token, everywhere at once."""
    with transaction(db):
        end_session(db, token)


def set_time_zone(db: Session, user_id: int, time_zone: str) -> Account:
    with transaction(db):
        user = _user(db, user_id)
        user.time_zone = time_zone
        return Account.model_validate(user, from_attributes=True)


def set_country(db: Session, user_id: int, country: str) -> Account:
    """Her country picks the help resources shown to her; "" means the worldwide list only."""
    with transaction(db):
        user = _user(db, user_id)
        user.country = country
        return Account.model_validate(user, from_attributes=True)


def replace_password(
    db: Session, user_id: int, *, current_password: str, new_password: str, now: datetime
) -> str:
    """A new password ends every session everywhere; answers a fresh browser session's secret."""
    with _password_checked(db, user_id, now), transaction(db):
        user = _user(db, user_id)
        change_password(
            db, user, current_password=current_password, new_password=new_password, now=now
        )
        return start_session(db, user, SessionKind.WEB, now)


def remove_account(db: Session, user_id: int, *, password: str, now: datetime) -> None:
    """Her account and everything in it, after her password; WrongPassword otherwise."""
    with _password_checked(db, user_id, now), transaction(db):
        delete_account(db, _user(db, user_id), password=password)


@contextmanager
def _password_checked(db: Session, user_id: int, now: datetime) -> Iterator[None]:
    """Hold a password question to PASSWORD_CHECKS_PER_ACCOUNT; a wrong answer is counted in a
    transaction of its own, since the action's own is rolled back."""
    if is_limited(db, PASSWORD_CHECKS_PER_ACCOUNT, str(user_id), now):
        raise TooManyAttempts(
            "That's a few too many tries at your password. Please wait a few minutes and try "
            "again.",
            PASSWORD_CHECKS_PER_ACCOUNT.retry_after(now),
        )
    try:
        yield
    except WrongPassword:
        with transaction(db):
            record_hit(db, PASSWORD_CHECKS_PER_ACCOUNT, str(user_id), now)
        raise


def _user(db: Session, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise NotFound("Your account is no longer here.")
    return user
