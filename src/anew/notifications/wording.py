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
        safe="A gentle heads-up: the next hour has been a harder one lately. Be kind to "
        "yourself; something to help is one tap away.",
        plain="A gentle heads-up: urges have come around this time lately. Your plan for "
        "these hours is one tap away.",
        url="/insights#plan",
    ),
}
NEUTRAL_IN_SAFETY_MODE = (NoticeKind.CHECKIN, NoticeKind.HABITS)
PLAN_SHOWN = 160  # characters of her plan a plain heads-up carries


def _with_plan(plan: str) -> str:
    """The plain heads-up with her own plan in it, cut at a word if long."""
    shown = " ".join(plan.split())
    if len(shown) > PLAN_SHOWN:
        shown = shown[:PLAN_SHOWN].rsplit(" ", 1)[0] + "…"
    return f"A gentle heads-up: urges have come around this time lately. Your plan: {shown}"


def message(
    kind: NoticeKind, *, plain: bool, safety_mode: bool, plan: str | None = None
) -> dict[str, str] | None:
    """The notification's title, words, link and tag; None for what safety mode never sends.
    Her hard-hours plan is her own text, so only plain wording carries it."""
    if safety_mode and kind not in NEUTRAL_IN_SAFETY_MODE:
        return None
    words = WORDS[kind]
    body = words.plain if plain and not safety_mode else words.safe
    if kind == NoticeKind.HARD_HOURS and plain and plan:
        body = _with_plan(plan)
    return {"title": TITLE, "body": body, "url": words.url, "tag": f"anew-{kind.value}"}
