"""Her own channels besides her devices, as Apprise URLs she enters herself: ntfy, Gotify, Matrix
and email (`mailto://user:password@host`), or plain `mailto:her@address`, which goes out through
this server's own mail settings. A URL can hold a password or a token, so it is shown masked.

Every host is checked each time the server connects (anew.push.addresses): a channel reaches a
private network only where whoever runs the server allows it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import apprise
from email_validator import EmailNotValidError, validate_email

from anew.config import Settings
from anew.errors import Invalid
from anew.mail import Mail, deliver
from anew.push.addresses import AddressPolicy, UnsafeAddress, check_connect
from anew.push.delivery import Outcome

SCHEMES = ("ntfy", "ntfys", "gotify", "gotifys", "matrix", "matrixs", "mailto", "mailtos")
HIDDEN = "••••"
SERVER_MAIL = "mailto:"  # mailto:her@example.org: through this server's own SMTP settings


def _server_mail_address(url: str) -> str | None:
    """The address of a `mailto:her@address` channel, or None for any other URL."""
    if not url.startswith(SERVER_MAIL) or url.startswith(SERVER_MAIL + "//"):
        return None
    return url.removeprefix(SERVER_MAIL)


def checked_url(url: str) -> str:
    """Her channel URL as it will be kept; Invalid("channels", why) when it can't be used."""
    url = url.strip()
    address = _server_mail_address(url)
    if address is not None:
        try:
            return SERVER_MAIL + validate_email(address, check_deliverability=False).normalized
        except EmailNotValidError as error:
            raise Invalid("channels", f"{address!r} is not an email address: {error}") from error
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        kinds = ", ".join(f"{s}://" for s in SCHEMES)
        raise Invalid("channels", f"a channel must start with one of {kinds} or mailto:")
    if not urlsplit(url).hostname or apprise.Apprise.instantiate(url) is None:
        raise Invalid(
            "channels", f"this {scheme}:// address is not complete; see docs/notifications.md"
        )
    return url


def masked(url: str) -> str:
    """The URL with anything that could be a secret hidden: scheme and host stay readable."""
    if _server_mail_address(url) is not None:
        return url
    parts = urlsplit(url)
    who = f"{parts.username}:{HIDDEN}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    rest = f"/{HIDDEN}" if parts.path.strip("/") or parts.fragment or parts.query else ""
    return f"{parts.scheme}://{who}{parts.hostname}{port}{rest}"


def send(url: str, title: str, body: str, *, settings: Settings, policy: AddressPolicy) -> Outcome:
    """One message to one channel; a failure is answered, never raised."""
    address = _server_mail_address(url)
    if address is not None:
        if not settings.mail_ready:
            return Outcome("failed", "email is not set up on this server")
        sent = deliver(settings, [Mail(to=address, subject=title, text=body)])
        return (
            Outcome("sent", "handed to the mail server")
            if sent
            else Outcome("failed", "the mail server could not be reached")
        )
    try:
        check_connect(url, policy)
    except UnsafeAddress as error:
        return Outcome("failed", str(error))
    sender = apprise.Apprise()
    if not sender.add(url) or not sender.notify(title=title, body=body):
        return Outcome("failed", f"{urlsplit(url).hostname} did not take the message")
    return Outcome("sent", f"delivered to {urlsplit(url).hostname}")
