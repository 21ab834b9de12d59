"""Sending the few emails Anew sends (guide notifications), only when an admin set up SMTP.

Mail goes out after the data it is about has been stored, and a failure is logged, never raised:
a mail server that is down must not lose a response or break a page.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import EmailMessage

from anew.config import Settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str
    unsubscribe: str = ""


def _message(settings: Settings, mail: Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = mail.to
    message["Subject"] = mail.subject
    if mail.unsubscribe:
        message["List-Unsubscribe"] = f"<{mail.unsubscribe}>"
    message.set_content(mail.text)
    return message


def deliver(settings: Settings, mails: Iterable[Mail]) -> int:
    """Send each mail; returns how many went out. Does nothing unless mail is set up, with the
    public address its links are built on (`Settings.mail_ready`)."""
    mails = list(mails)
    if not settings.mail_ready or not settings.smtp_host or not mails:
        return 0
    sent = 0
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=15) as server:
            if settings.smtp_starttls:
                server.starttls()
            if settings.smtp_user:
                server.login(settings.smtp_user, settings.smtp_password or "")
            for mail in mails:
                server.send_message(_message(settings, mail))
                sent += 1
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("Could not send %d notification email(s): %s", len(mails) - sent, error)
    return sent
