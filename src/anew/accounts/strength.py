"""How guessable a new password is, by zxcvbn's estimate, and a kind word when it is too easy.

Guessing is slowed per address (`anew.accounts.login_limits`), not stopped, so the passwords on
every guesser's first page ("password", "12345678") are refused at the door.
"""

from __future__ import annotations

from zxcvbn import zxcvbn

WEAKEST_ACCEPTED = 2  # zxcvbn's score: 0 and 1 fall to an online guesser within days
# zxcvbn's matching grows fast with length; past this, a password is long enough to be strong.
SCORED_LENGTH = 100


def too_guessable(password: str, *, email: str = "") -> str | None:
    """Why this password would be easy to guess, with zxcvbn's suggestion; None when it's fine."""
    hints = [email, email.partition("@")[0]] if email else []
    estimate = zxcvbn(password[:SCORED_LENGTH], user_inputs=hints)
    if estimate["score"] >= WEAKEST_ACCEPTED:
        return None
    suggestions = " ".join(estimate["feedback"].get("suggestions", []))
    return (
        "That password would be easy for someone else to guess, so let's choose a stronger one. "
        + (suggestions or "A few words only you would put together make a strong one.")
    )
