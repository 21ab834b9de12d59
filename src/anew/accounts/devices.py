"""Known devices: a browser that once signed in to an account holds a mark of it, so the owner
gets in with her right password even while someone elsewhere (or on her shared address) is
guessing. The mark is an HMAC of the user id under the server secret: it names nobody, and no
one can make one without the secret."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass


def device_mark(secret: str, user_id: int) -> str:
    """The value a known device holds for this account."""
    message = f"known-device\0{user_id}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Device:
    """The mark this browser sent (empty when none), and the secret to check it with."""

    mark: str
    secret: str

    def knows(self, user_id: int) -> bool:
        """True when this browser signed in to the account before."""
        return bool(self.mark) and hmac.compare_digest(self.mark, device_mark(self.secret, user_id))
