"""The places a path card can send her: each tool belongs to one of the six steps, and the
safety path may only use those that never coach toward him."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tool:
    """Where a card's "try it" link goes: the step it belongs to, the address and its label."""

    step: str
    href: str
    label: str
    safe: bool = True


TOOLS: dict[str, Tool] = {
    "vault": Tool("no-contact", "/steps/no-contact#write-it-down", "Open your vault", safe=False),
    "checkin": Tool("no-contact", "/steps/no-contact#checkin", "Check in"),
    "days": Tool("no-contact", "/steps/no-contact", "See your days"),
    "log-contact": Tool("no-contact", "/steps/no-contact#contact", "Log a contact", safe=False),
    "reflection": Tool(
        "no-contact", "/steps/no-contact#will-he-change", "What must be different", safe=False
    ),
    "reply-coach": Tool("reply-coach", "/steps/reply-coach", "Open the reply coach", safe=False),
    "draft-check": Tool(
        "before-you-send", "/steps/before-you-send#draft-form", "Check a draft", safe=False
    ),
    "goals": Tool("new-you", "/steps/new-you#goals", "Your goals"),
    "habits": Tool("new-you", "/steps/new-you#habits", "Your habits"),
    "qualities": Tool("best-self", "/steps/best-self", "Your qualities"),
    "makeover": Tool("new-look", "/steps/new-look#plan", "Your makeover plan"),
    "photos": Tool("new-look", "/steps/new-look#photos", "Your photos"),
    "help": Tool("no-contact", "/safety/help", "Who can help"),
    "private-browsing": Tool("no-contact", "/safety/private-browsing", "Browsing privately"),
}
