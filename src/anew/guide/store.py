"""Responses in the database: posting, threading, moderation, the block list and export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from anew.csv_cells import safe_cell
from anew.guide.models import BlockedTerm, GuideResponse
from anew.guide.notify import new_token
from anew.guide.rendering import render_response
from anew.guide.rules import Fields, Refusal

EXPORT_FIELDS = (
    "id",
    "article_slug",
    "parent_id",
    "name",
    "email",
    "website",
    "body",
    "status",
    "is_author",
    "created_at",
)


@dataclass
class Thread:
    """A top-level response and every reply below it, flattened to one level, oldest first."""

    response: GuideResponse
    replies: list[GuideResponse] = field(default_factory=list)


def _approved_email(db: Session, email: str) -> bool:
    query = select(func.count()).where(
        GuideResponse.email == email, GuideResponse.status == "published"
    )
    return bool(db.scalar(query))


def _parent(db: Session, slug: str, parent_id: int | None) -> int | None:
    if parent_id is None:
        return None
    parent = db.get(GuideResponse, parent_id)
    if parent is None or parent.article_slug != slug or parent.status != "published":
        raise Refusal({"parent_id": "The response you are replying to isn't there any more."})
    return parent.id


def add_response(
    db: Session,
    slug: str,
    fields: Fields,
    *,
    parent_id: int | None,
    user_id: int | None,
    is_author: bool,
    always_moderate: bool,
    browser_key: str,
    now: datetime,
    notify: bool = False,
    proven: bool = False,
    confirm_token_hash: str = "",
) -> GuideResponse:
    """Store a response. The author's replies appear at once, and so do those whose poster
    proved an approved email (`proven`: signed in with it); every other one waits for a coach
    (every response does with `always_moderate`)."""
    published = is_author or (proven and not always_moderate and _approved_email(db, fields.email))
    row = GuideResponse(
        article_slug=slug,
        parent_id=_parent(db, slug, parent_id),
        name=fields.name,
        email=fields.email,
        website=fields.website,
        body=fields.body,
        html=render_response(fields.body),
        status="published" if published else "pending",
        is_author=is_author,
        user_id=user_id,
        browser_key=browser_key,
        notify=notify,
        unsubscribe_token=new_token() if notify else "",
        confirm_token_hash=confirm_token_hash,
        created_at=now,
        updated_at=now,
    )
    db.add(row)
    db.flush()
    return row


def confirm(db: Session, token_hash: str, *, always_moderate: bool, now: datetime) -> GuideResponse:
    """Follow a confirmation link: the address is proven, so a response from an approved email
    is published (unless `always_moderate`); others go on waiting. Refusal for an unknown link."""
    row = db.scalar(
        select(GuideResponse).where(
            GuideResponse.confirm_token_hash == token_hash, GuideResponse.status == "pending"
        )
    )
    if not token_hash or row is None:
        raise Refusal({"form": "This link has already been used, or its response is gone."})
    row.confirm_token_hash = ""
    if not always_moderate and _approved_email(db, row.email):
        row.status, row.updated_at = "published", now
    db.flush()
    return row


def published(db: Session, slug: str) -> Sequence[GuideResponse]:
    """The article's published responses, oldest first."""
    query = select(GuideResponse).where(
        GuideResponse.article_slug == slug, GuideResponse.status == "published"
    )
    return db.scalars(query.order_by(GuideResponse.created_at, GuideResponse.id)).all()


def waiting_for(db: Session, slug: str, browser_key: str) -> Sequence[GuideResponse]:
    """Her own responses still awaiting moderation (recognised by her browser), oldest first."""
    if not browser_key:
        return []
    query = select(GuideResponse).where(
        GuideResponse.article_slug == slug,
        GuideResponse.status == "pending",
        GuideResponse.browser_key == browser_key,
    )
    return db.scalars(query.order_by(GuideResponse.created_at, GuideResponse.id)).all()


def threads(rows: Iterable[GuideResponse]) -> list[Thread]:
    """One level of nesting: a reply to a reply is shown under the top-level response."""
    rows = list(rows)
    by_id = {row.id: row for row in rows}
    result: dict[int, Thread] = {}
    for row in rows:
        root = row
        seen = {row.id}
        while root.parent_id is not None and root.parent_id in by_id:
            root = by_id[root.parent_id]
            if root.id in seen:  # a loop could only come from hand-edited data
                break
            seen.add(root.id)
        if root is row:
            result.setdefault(row.id, Thread(row))
        else:
            result.setdefault(root.id, Thread(root)).replies.append(row)
    return sorted(result.values(), key=lambda t: (t.response.created_at, t.response.id))


def by_status(db: Session, status: str) -> Sequence[GuideResponse]:
    """The moderation queue (or any other status), oldest first."""
    query = select(GuideResponse).where(GuideResponse.status == status)
    return db.scalars(query.order_by(GuideResponse.created_at, GuideResponse.id)).all()


def pending_count(db: Session) -> int:
    """For the badge in the coach's navigation."""
    query = select(func.count()).where(GuideResponse.status == "pending")
    return int(db.scalar(query) or 0)


def set_status(
    db: Session, ids: Sequence[int], status: str, *, now: datetime
) -> list[GuideResponse]:
    """Approve, reject or mark as spam many at once; returns the rows whose status changed."""
    if not ids:
        return []
    query = select(GuideResponse).where(GuideResponse.id.in_(ids), GuideResponse.status != status)
    changed = list(db.scalars(query))
    for row in changed:
        row.status, row.updated_at = status, now
    db.flush()
    return changed


def remove(db: Session, ids: Sequence[int]) -> int:
    """Delete responses (their replies go with them)."""
    if not ids:
        return 0
    result = db.execute(delete(GuideResponse).where(GuideResponse.id.in_(ids)))
    return int(getattr(result, "rowcount", 0) or 0)


def edit(db: Session, row: GuideResponse, body: str, *, now: datetime) -> None:
    """A moderator's edit of the text, rendered and sanitised like any response."""
    row.body, row.html, row.updated_at = body.strip(), render_response(body.strip()), now
    db.flush()


def block_list(db: Session) -> dict[str, list[str]]:
    """The block list by kind, sorted."""
    found: dict[str, list[str]] = {"word": [], "address": [], "email": []}
    for term in db.scalars(select(BlockedTerm).order_by(BlockedTerm.value)):
        found[term.kind].append(term.value)
    return found


def replace_block_list(db: Session, kind: str, values: Iterable[str]) -> None:
    """Set one kind of the block list to these values (blank lines and repeats dropped)."""
    clean = sorted({v.strip().lower()[:254] for v in values if v.strip()})
    db.execute(delete(BlockedTerm).where(BlockedTerm.kind == kind))
    db.add_all(BlockedTerm(kind=kind, value=value) for value in clean)
    db.flush()


def export_rows(db: Session) -> list[dict[str, Any]]:
    """Every response with every field, for the admin's export."""
    rows = db.scalars(select(GuideResponse).order_by(GuideResponse.id)).all()
    return [
        {
            name: value.isoformat() if isinstance(value, datetime) else value
            for name in EXPORT_FIELDS
            for value in [getattr(row, name)]
        }
        for row in rows
    ]


def export_csv(rows: list[dict[str, Any]]) -> str:
    """The same rows as CSV, one header line first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    writer.writerows({key: safe_cell(value) for key, value in row.items()} for row in rows)
    return out.getvalue()
