"""CSRF protection for HTML forms: a token derived from the browser's seed cookie and our secret.

An attacker's page can make the browser send the cookie but can neither read it nor compute the
token without the server's secret, so a forged form post never carries a matching token.

Pages are compressed, and a page that holds a secret and echoes what a visitor can choose would
let another site read the secret from the compressed sizes (BREACH). So no page ever holds the
token itself: each response gets it masked with a fresh one-time pad, sent as
base64(pad || token XOR pad); the check takes the pad off again before comparing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

from fastapi import HTTPException, Request

from anew.web.http.posted import posted_form

CSRF_FIELD = "csrf_token"
TOKEN_BYTES = hashlib.sha256().digest_size
MASKED_LENGTH = len(base64.urlsafe_b64encode(bytes(2 * TOKEN_BYTES)))


def csrf_token_for(seed: str, secret: str) -> bytes:
    """The token a form must carry for this browser, unmasked (never put into a page as such)."""
    return hmac.new(secret.encode(), f"csrf\0{seed}".encode(), hashlib.sha256).digest()


def _xor(data: bytes, pad: bytes) -> bytes:
    """Masking and unmasking are the same operation."""
    return bytes(a ^ b for a, b in zip(data, pad, strict=True))


def masked(token: bytes, pad: bytes) -> str:
    """The token under a one-time pad, as a form carries it."""
    return base64.urlsafe_b64encode(pad + _xor(token, pad)).decode()


def unmasked(sent: str) -> bytes | None:
    """The token a masked form value stands for; None when it is no masked token at all.

    A token sent as the bare hex digest, as pages made before masking carried it, is taken as
    itself: no response holds that form any more, so compression can't reveal it, and a form
    left open across the upgrade still posts."""
    if len(sent) == 2 * TOKEN_BYTES:
        try:
            return bytes.fromhex(sent)
        except ValueError:
            return None
    if len(sent) != MASKED_LENGTH:
        return None
    try:
        both = base64.b64decode(sent, altchars=b"-_", validate=True)
    except binascii.Error:
        return None
    if len(both) != 2 * TOKEN_BYTES:
        return None
    pad, hidden = both[:TOKEN_BYTES], both[TOKEN_BYTES:]
    return _xor(hidden, pad)


def _browser_token(request: Request) -> bytes:
    seed: str = request.state.csrf_seed
    return csrf_token_for(seed, request.app.state.settings.resolved_secret_key)


def request_csrf_token(request: Request) -> str:
    """The token to embed in the forms of this response, under a pad of its own."""
    return masked(_browser_token(request), secrets.token_bytes(TOKEN_BYTES))


async def require_csrf(request: Request) -> None:
    """Refuse a state-changing form post whose token does not match this browser's."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    form = await posted_form(request)
    sent = form.get(CSRF_FIELD)
    token = unmasked(sent) if isinstance(sent, str) else None
    if token is None or not hmac.compare_digest(token, _browser_token(request)):
        raise HTTPException(
            status_code=403,
            detail="This form has expired. Please go back, reload the page and try again.",
        )
