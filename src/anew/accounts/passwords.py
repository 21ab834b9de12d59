"""Password hashing with Argon2id, and the rules a new password must meet."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from anew.accounts.strength import too_guessable

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024

# argon2-cffi's defaults follow RFC 9106's second recommended profile (64 MiB, 3 passes).
hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """Hash a password for storage."""
    return hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when the password matches; never raises for a wrong password or a corrupt hash."""
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    try:
        return hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def password_problem(password: str, *, email: str = "") -> str | None:
    """Why a new password is not acceptable, or None when it is."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Please use at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Please use at most {MAX_PASSWORD_LENGTH} characters."
    if email and password.strip().lower() == email.strip().lower():
        return "Please choose a password that is different from your email address."
    return too_guessable(password, email=email)
