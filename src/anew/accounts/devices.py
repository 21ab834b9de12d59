"""Known devices: a browser that once signed in to an account holds a mark of it, so the owner
gets in with her right password even while someone elsewhere (or on her shared address) is
guessing. The mark is a random name for this browser and an HMAC of it with the user id under
the server secret: it names nobody, no one can make one without the secret, and each browser's
is its own, so guessing from one known browser (an ex's, who once signed in) is counted against
that browser alone, never against hers."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

MARK_LENGTH = 81  # 16 characters of name, a dot, 64 of HMAC


def _signature(secret: str, user_id: int, name: str) -> str:
    message = f"known-device\0{user_id}\0{name}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def device_mark(secret: str, user_id: int, name: str | None = None) -> str:
    """The value a browser that just signed in keeps for this account (a new name each time)."""
    name = name or secrets.token_urlsafe(12)
    return f"{name}.{_signature(secret, user_id, name)}"


@dataclass(frozen=True)
class Device:
    """The mark this browser sent (empty when none), and the secret to check it with."""

    mark: str
    secret: str

    @property
    def name(self) -> str:
        """This browser's own name, what its failed tries are counted under."""
        return self.mark.partition(".")[0]

    def knows(self, user_id: int) -> bool:
        """True when this browser signed in to the account before."""
        name, _, signature = self.mark.partition(".")
        if not name or not signature:
            return False
        expected = _signature(self.secret, user_id, name)
        # Bytes, not str: a cookie can carry any latin-1 character, which compare_digest refuses.
        return hmac.compare_digest(signature.encode(), expected.encode())
