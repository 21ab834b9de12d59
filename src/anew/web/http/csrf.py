"""CSRF protection for HTML forms: a token derived from the browser's seed cookie and our secret.

An attacker's page can make the browser send the cookie but can neither read it nor compute the
token without the server's secret, so a forged form post never carries a matching token.
"""

from __future__ import annotations

import hashlib
import hmac

from fastapi import HTTPException, Request

from anew.web.http.posted import posted_form

CSRF_FIELD = "csrf_token"


def csrf_token_for(seed: str, secret: str) -> str:
    """The token a form must carry for this browser."""
    return hmac.new(secret.encode(), f"csrf\0{seed}".encode(), hashlib.sha256).hexdigest()


def request_csrf_token(request: Request) -> str:
    """The token to embed in forms rendered for this request."""
    seed: str = request.state.csrf_seed
    return csrf_token_for(seed, request.app.state.settings.resolved_secret_key)


async def require_csrf(request: Request) -> None:
    """Refuse a state-changing form post whose token does not match this browser's."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    form = await posted_form(request)
    sent = form.get(CSRF_FIELD)
    expected = request_csrf_token(request)
    if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise HTTPException(
            status_code=403,
            detail="This form has expired. Please go back, reload the page and try again.",
        )
