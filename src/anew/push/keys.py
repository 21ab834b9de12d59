"""The server's VAPID key pair: it signs every push so a push service knows the sender, and its
public half is what her browser subscribes with.

Given as ANEW_VAPID_PRIVATE_KEY (the private number, base64url, as `vapid --gen` and most guides
print it) or generated once and kept beside the secret key in the data directory, readable by the
server's user only. Concurrent workers agree on one key: the first to write it wins.
"""

from __future__ import annotations

import base64
import functools
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02

from anew.config import ConfigError, kept_file

KEY_FILE = "vapid_private_key.pem"


def _urlsafe(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _new_key() -> bytes:
    return ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@functools.cache
def vapid(private_key: str | None, data_dir: Path) -> Vapid02:
    """The key pair: the configured one, or the one kept in the data directory."""
    if private_key:
        try:
            return Vapid02.from_raw(private_key.strip().encode())
        except (ValueError, TypeError) as error:
            raise ConfigError(
                "ANEW_VAPID_PRIVATE_KEY must be a P-256 private key in base64url (32 bytes), "
                f"as `vapid --gen` prints it: {error}"
            ) from error
    return Vapid02.from_file(str(kept_file(data_dir, KEY_FILE, _new_key)))


def public_key(key: Vapid02) -> str:
    """The application server key her browser subscribes with: the public point, base64url."""
    point = key.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _urlsafe(point)
