"""Security headers on every response and each browser's CSRF seed cookie (plain ASGI)."""

from __future__ import annotations

import secrets

from starlette.datastructures import MutableHeaders
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "anew_csrf"
SESSION_COOKIE = "anew_session"  # the signed-in browser's secret (set in anew.web.http.cookies)
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
        "object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def read_cookie(scope: Scope, name: str) -> str | None:
    """One cookie's value from the raw request headers, read the way browsers send them and
    Starlette reads them: another app's cookie on the same host with a space or a quote in its
    value (which the strict standard-library parser refuses whole) leaves ours readable."""
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            found = cookie_parser(value.decode("latin-1")).get(name)
            if found is not None:
                return found
    return None


class SecurityMiddleware:
    """Adds the security headers, and gives each browser a random CSRF seed on first visit."""

    def __init__(self, app: ASGIApp, *, secure_cookies: bool = False) -> None:
        self.app = app
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seed = read_cookie(scope, CSRF_COOKIE)
        new_seed = None
        if not seed or len(seed) > 128:
            seed = new_seed = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf_seed"] = seed
        secure = self.secure_cookies or scope.get("scheme") == "https"
        # What a signed-in person sees must not outlive the visit in a shared browser's cache
        # (Back after logging out, or after the quick exit); static files are nobody's.
        private = not scope.get("path", "").startswith("/static/") and (
            read_cookie(scope, SESSION_COOKIE) is not None
            or any(key == b"authorization" for key, _ in scope.get("headers", []))
        )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if private:
                    headers.setdefault("Cache-Control", "no-store")
                if secure:  # browsers keep to https for a year once they have seen it here
                    headers.setdefault("Strict-Transport-Security", "max-age=31536000")
                if new_seed:
                    flags = "Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if secure else "")
                    headers.append("Set-Cookie", f"{CSRF_COOKIE}={new_seed}; {flags}")
            await send(message)

        await self.app(scope, receive, send_with_headers)


# A photo or an archive of hers: never kept by a shared cache, nor by her browser's.
PRIVATE = {"Cache-Control": "private, no-store"}
