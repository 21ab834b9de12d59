"""Places the server connects to on her behalf (a push service, a channel she entered), checked
each time a connection is made, not only when the address is saved: a name that pointed to a push
service yesterday may point into the server's own network today.

Only public addresses are let through, unless whoever runs the server allows her own network
(ANEW_NOTIFY_ALLOW_PRIVATE, for an ntfy or Gotify at home) or the loopback
(ANEW_PUSH_ALLOW_LOOPBACK, for tests and local development, which also admits plain http there).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class UnsafeAddress(ValueError):
    """An address the server must not connect to; the message says which and why."""


@dataclass(frozen=True)
class AddressPolicy:
    allow_private: bool = False
    allow_loopback: bool = False

    def admits(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        if address.is_loopback:
            return self.allow_loopback
        if address.is_global:
            return True
        return self.allow_private and address.is_private and not address.is_unspecified


def _host(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    if not parts.hostname:
        raise UnsafeAddress(f"{url[:80]!r} has no host name")
    return parts.scheme.lower(), parts.hostname.lower()


def check_push_endpoint(url: str, policy: AddressPolicy) -> None:
    """A push endpoint as the browser gave it: https, or http on the loopback where that is
    allowed; a literal address must be one the policy admits. Names are resolved when sending."""
    scheme, host = _host(url)
    loopback_http = scheme == "http" and policy.allow_loopback and host in LOOPBACK_NAMES
    if scheme != "https" and not loopback_http:
        raise UnsafeAddress(f"a push endpoint must be an https:// address, not {scheme}://")
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        return
    if not policy.admits(literal):
        raise UnsafeAddress(f"{host} is a private or loopback address")


def check_connect(url: str, policy: AddressPolicy) -> None:
    """Resolve the address's host now and refuse it if any of its addresses is not admitted."""
    _, host = _host(url)
    try:
        found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as error:
        raise UnsafeAddress(f"{host} could not be found ({error.strerror or error})") from error
    for *_, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])  # drop an IPv6 scope
        if not policy.admits(address):
            raise UnsafeAddress(f"{host} leads to {address}, a private or loopback address")
