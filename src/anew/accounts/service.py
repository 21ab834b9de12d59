"""Account actions shared by the web pages, the JSON API and the command line."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from anew.accounts.models import Role, User
from anew.accounts.passwords import hash_password, needs_rehash, password_problem, verify_password
from anew.accounts.sessions import end_all_sessions
from anew.ratelimit import RateLimit, clear, is_limited, record_hit

LOGIN_PER_ACCOUNT = RateLimit("login-account", limit=10, window_seconds=15 * 60)
LOGIN_PER_ADDRESS = RateLimit("login-address", limit=30, window_seconds=15 * 60)
SIGNUP_PER_ADDRESS = RateLimit("signup-address", limit=10, window_seconds=60 * 60)

# Verified against when the email is unknown, so a miss costs as long as a wrong password.
_DUMMY_HASH = hash_password("not-a-real-password-just-for-timing")


class AccountError(Exception):
    """An account action was refused; the message is safe to show to the person."""

    field: str | None = None


class EmailTaken(AccountError):
    field = "email"


class WeakPassword(AccountError):
    field = "password"


class InvalidCredentials(AccountError):
    field = None


class WrongPassword(AccountError):
    field = "current_password"


class TooManyAttempts(AccountError):
    """Rate limited; `retry_after` says in how many seconds to try again."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


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


def log_in(db: Session, *, email: str, password: str, address: str, now: datetime) -> User:
    """Check credentials under per-address and per-account limits; returns the user."""
    email = normalize_email(email)
    for rule, subject in ((LOGIN_PER_ADDRESS, address), (LOGIN_PER_ACCOUNT, email)):
        if is_limited(db, rule, subject, now):
            raise TooManyAttempts(
                "Too many login attempts. Please wait a few minutes and try again.",
                rule.retry_after(now),
            )
    record_hit(db, LOGIN_PER_ADDRESS, address, now)
    user = find_user(db, email)
    if user is None:
        verify_password(_DUMMY_HASH, password)
    if user is None or not verify_password(user.password_hash, password):
        record_hit(db, LOGIN_PER_ACCOUNT, email, now)
        raise InvalidCredentials("That email and password don't match. Please try again.")
    clear(db, LOGIN_PER_ACCOUNT, email)
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
        raise WeakPassword(problem)
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
