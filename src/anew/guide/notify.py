"""Who hears about a response by email: the coach about every new one, and a commenter who asked,
when someone replies to her. The texts are written here; sending is anew.mail's job."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from anew.guide.models import GuideResponse
from anew.mail import Mail


def new_token() -> str:
    """An unguessable unsubscribe token."""
    return secrets.token_urlsafe(24)


def to_coach(row: GuideResponse, *, coach_email: str | None, title: str, base: str) -> list[Mail]:
    """Tell the coach about a new response (not about her own replies)."""
    if not coach_email or row.is_author:
        return []
    waiting = row.status == "pending"
    text = (
        f"{row.name} responded to \u201c{title}\u201d:\n\n{row.body}\n\n"
        + (f"It is waiting for you: {base}/moderation\n" if waiting else "It is published.\n")
        + f"Read it in place: {base}/guide/{row.article_slug}#response-{row.id}\n"
    )
    subject = f"New response from {row.name}" + (" (awaiting moderation)" if waiting else "")
    return [Mail(coach_email, subject, text)]


def confirm_link(row: GuideResponse, *, token: str, title: str, base: str) -> Mail:
    """Ask the poster to prove her address; following the link is what lets a response from an
    approved email appear without waiting for a coach."""
    text = (
        f"Hello {row.name},\n\nThank you for your response to \u201c{title}\u201d. To confirm "
        f"that it was you, please open this link:\n\n{base}/guide/confirm/{token}\n\n"
        "If you didn't write it, you can simply ignore this email.\n\nTake care,\nAnew\n"
    )
    return Mail(row.email, "Please confirm your response", text)


def to_parents(
    db: Session, replies: Iterable[GuideResponse], *, titles: dict[str, str], base: str
) -> list[Mail]:
    """For each published reply, tell the person replied to, if she asked and it isn't herself."""
    mails = []
    for reply in replies:
        if reply.status != "published" or reply.parent_id is None:
            continue
        parent = db.get(GuideResponse, reply.parent_id)
        if parent is None or not parent.notify or parent.email == reply.email:
            continue
        title = titles.get(reply.article_slug, reply.article_slug)
        stop = f"{base}/guide/unsubscribe/{parent.unsubscribe_token}"
        text = (
            f"Hello {parent.name},\n\n{reply.name} replied to your response on \u201c{title}\u201d:"
            f"\n\n{reply.body}\n\nRead it here: {base}/guide/{reply.article_slug}"
            f"#response-{reply.id}\n\nYou asked to hear about replies. To stop these emails: "
            f"{stop}\n"
        )
        mails.append(Mail(parent.email, f"{reply.name} replied to you", text, unsubscribe=stop))
    return mails


def unsubscribe(db: Session, token: str) -> str | None:
    """Stop reply emails to the address behind this token (all its responses); returns it."""
    if not token:
        return None
    row = db.scalar(select(GuideResponse).where(GuideResponse.unsubscribe_token == token))
    if row is None:
        return None
    db.execute(update(GuideResponse).where(GuideResponse.email == row.email).values(notify=False))
    return row.email
