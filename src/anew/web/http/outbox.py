"""Mail from the web faces: the address its links are built on, and sending after the answer."""

from __future__ import annotations

from fastapi import Request
from starlette.background import BackgroundTask

from anew.mail import Mail, deliver


def mail_base(request: Request) -> str:
    """The address links in emails are built on: ANEW_BASE_URL only. The Host header is the
    client's to set, so a link built on it could send her (and her unsubscribe token) anywhere;
    without a base URL no mail goes out at all (`Settings.mail_ready`)."""
    return str(request.app.state.settings.base_url or "").rstrip("/")


def send_later(request: Request, mails: list[Mail]) -> BackgroundTask | None:
    """Mail goes out after the answer has been sent, so it never delays or loses a response."""
    if not mails:
        return None
    return BackgroundTask(deliver, request.app.state.settings, mails)


def mail_is_set_up(request: Request) -> bool:
    """True when an admin set up mail, so Anew can send the emails that prove an address."""
    return bool(request.app.state.settings.mail_ready)
