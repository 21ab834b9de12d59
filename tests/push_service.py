"""A push service stand-in on the loopback, and a browser's side of a subscription.

Headless Chromium cannot subscribe without the internet, so the tests play the browser here: a
P-256 key pair and an auth secret make the subscription, and the key decrypts what the stand-in
received, exactly as her browser would (RFC 8291, aes128gcm).
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from anew.config import Settings

LOOPBACK = {"push_allow_loopback": True, "vapid_subject": "mailto:admin@example.org"}


def loopback(settings: Settings) -> Settings:
    """The test settings, letting pushes reach the stand-in on the loopback as development does."""
    return settings.model_copy(update=LOOPBACK)


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@dataclass
class Browser:
    """One browser's subscription keys; `read` decrypts a payload meant for it."""

    private_key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth_secret: bytes = field(default_factory=lambda: os.urandom(16))

    def keys(self) -> dict[str, str]:
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {"p256dh": b64url(point), "auth": b64url(self.auth_secret)}

    def subscription(self, endpoint: str) -> dict[str, Any]:
        return {"endpoint": endpoint, "expirationTime": None, "keys": self.keys()}

    def read(self, body: bytes) -> dict[str, Any]:
        clear = http_ece.decrypt(
            body, private_key=self.private_key, auth_secret=self.auth_secret, version="aes128gcm"
        )
        found: dict[str, Any] = json.loads(clear)
        return found


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class PushService:
    """What the stand-in received. Paths under /send/ answer 201 as a push service does,
    /gone/ 410, /down/ 503, any other 200 (ntfy and Gotify channels)."""

    base: str
    received: list[Received]


@contextmanager
def push_service() -> Iterator[PushService]:
    received: list[Received] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            received.append(Received(self.path, headers, body))
            status = 201 if self.path.startswith("/send/") else 200  # push services answer 201
            status = 410 if self.path.startswith("/gone/") else status
            status = 503 if self.path.startswith("/down/") else status
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield PushService(f"http://127.0.0.1:{server.server_address[1]}", received)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
