"""What a notification says. By default only words that are safe on a lock screen anyone may
glance at: never his name, never her vault or journal text, nothing about a breakup. Plain
wording, which she can choose, says what it is about; in safety mode only neutral words go out,
never anything about him or reconnecting."""

from __future__ import annotations

from dataclasses import dataclass

from anew.notifications.vocabulary import NoticeKind

TITLE = "Anew"


@dataclass(frozen=True)
class Words:
    safe: str
    plain: str
    url: str


WORDS = {
    NoticeKind.CHECKIN: Words(
        safe="A quiet minute for you: how is today going?",
        plain="Time for your daily check-in: how are you feeling today?",
        url="/dashboard",
    ),
    NoticeKind.HABITS: Words(
        safe="A small step is waiting for you today.",
        plain="One of your habits is still open for today. A small step counts.",
        url="/steps/new-you",
    ),
    NoticeKind.MILESTONE: Words(
        safe="Something worth a moment today. Open Anew when you like.",
        plain="You reached a no-contact milestone today. Take a moment to notice how far "
        "you've come.",
        url="/dashboard",
    ),
    NoticeKind.HARD_HOURS: Words(
        safe="A gentle heads-up: this time of day has been harder lately. Your plan is here.",
        plain="A gentle heads-up: urges have come around this time lately. Your plan is one tap "
        "away.",
        url="/dashboard",
    ),
}
NEUTRAL_IN_SAFETY_MODE = (NoticeKind.CHECKIN, NoticeKind.HABITS)


def message(kind: NoticeKind, *, plain: bool, safety_mode: bool) -> dict[str, str] | None:
    """The notification's title, words, link and tag; None for what safety mode never sends."""
    if safety_mode and kind not in NEUTRAL_IN_SAFETY_MODE:
        return None
    words = WORDS[kind]
    body = words.plain if plain and not safety_mode else words.safe
    return {"title": TITLE, "body": body, "url": words.url, "tag": f"anew-{kind.value}"}
