"""What a set-aside notice was about: the keys of `set_aside.notices` in every report.

Here, apart from anew.chats.model, so that the WhatsApp table loader needs no Polars (the
compiled scanner's thread imports it while Polars is still loading)."""

from __future__ import annotations

NOTICE_KINDS = (
    "encryption",  # end-to-end encryption and security notices
    "security_code",  # a contact's security code changed
    "members",  # someone added, removed, left, joined, became an admin
    "group",  # a group created, its subject, description, icon or settings changed
    "call",  # calls and missed calls
    "disappearing",  # disappearing messages turned on or off
    "number_change",  # someone changed their phone number
    "business",  # business-account and contact-card notices
    "reaction",  # a reaction or "liked a message" written as an entry of its own
    "pending",  # "Waiting for this message" and the like
    "service",  # any other entry the app wrote itself (Telegram's service entries)
)
