"""The guide's responses for both faces: posting one (the form and the API meet the same rules),
reading an article's threads, moderation, the block list and the admin's export. Writes are one
transaction each, and answer the mails to send once it is stored (sending is the caller's)."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.db import transaction
from anew.errors import NotFound
from anew.guide import notify, rules, store
from anew.guide.models import GuideResponse
from anew.guide.vocabulary import BlockKind, ResponseStatus
from anew.mail import Mail


class ResponseOut(BaseModel):
    """One response with every field a moderator sees; the public faces show fewer."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    article_slug: str
    parent_id: int | None
    name: str
    email: str
    website: str
    body: str
    html: str
    status: ResponseStatus
    is_author: bool
    created_at: datetime


@dataclass(frozen=True)
class Thread:
    """A top-level response and every reply below it, flattened to one level, oldest first."""

    response: ResponseOut
    replies: list[ResponseOut] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleResponses:
    """What an article's page shows: the threads, how many, and her own awaiting moderation."""

    threads: list[Thread]
    published: list[ResponseOut]
    mine: list[ResponseOut]


@dataclass(frozen=True)
class Posting:
    """A response as it was sent, by whom, and from where."""

    slug: str
    name: str
    email: str
    website: str
    body: str
    parent_id: int | None
    notify: bool
    user_id: int | None
    is_author: bool
    browser_key: str
    address: str


@dataclass(frozen=True)
class Mailing:
    """What the emails need to know: the coach's address, the titles, the public address, and
    whether mail is set up at all (so a link can prove a poster's address)."""

    coach_email: str | None
    titles: dict[str, str]
    base: str
    can_send: bool = False


@dataclass(frozen=True)
class Posted:
    response: ResponseOut
    mails: list[Mail]


def _out(rows: Iterable[GuideResponse]) -> list[ResponseOut]:
    return [ResponseOut.model_validate(row) for row in rows]


def article_responses(db: Session, slug: str, *, browser_key: str) -> ArticleResponses:
    published = _out(store.published(db, slug))
    threads = [
        Thread(ResponseOut.model_validate(t.response), _out(t.replies))
        for t in store.threads(store.published(db, slug))
    ]
    return ArticleResponses(threads, published, _out(store.waiting_for(db, slug, browser_key)))


def published(db: Session, slug: str) -> list[ResponseOut]:
    """The article's published responses, oldest first."""
    return _out(store.published(db, slug))


def post(
    db: Session, posting: Posting, *, always_moderate: bool, mailing: Mailing, now: datetime
) -> Posted:
    """Check and store a response; rules.Refusal says, per field, why one can't be taken."""
    fields = rules.check_fields(posting.name, posting.email, posting.website, posting.body)
    with transaction(db):
        rules.check_spam(db, posting.slug, fields, address=posting.address, now=now)
        proven = _signed_in_as(db, posting.user_id, fields.email)
        token = ""
        if mailing.can_send and not (proven or posting.is_author):
            token = secrets.token_urlsafe(32)
        row = store.add_response(
            db,
            posting.slug,
            fields,
            parent_id=posting.parent_id,
            user_id=posting.user_id,
            is_author=posting.is_author,
            always_moderate=always_moderate,
            browser_key=posting.browser_key,
            now=now,
            notify=posting.notify,
            proven=proven,
            confirm_token_hash=_hash(token) if token else "",
        )
        title = mailing.titles.get(row.article_slug, row.article_slug)
        mails = notify.to_coach(
            row, coach_email=mailing.coach_email, title=title, base=mailing.base
        ) + notify.to_parents(db, [row], titles=mailing.titles, base=mailing.base)
        if token:
            mails.append(notify.confirm_link(row, token=token, title=title, base=mailing.base))
        return Posted(ResponseOut.model_validate(row), mails)


def confirm(
    db: Session, token: str, *, always_moderate: bool, mailing: Mailing, now: datetime
) -> Posted:
    """Follow the link that proves a poster's address; rules.Refusal for an unknown one."""
    with transaction(db):
        row = store.confirm(db, _hash(token[:64]), always_moderate=always_moderate, now=now)
        mails = notify.to_parents(db, [row], titles=mailing.titles, base=mailing.base)
        return Posted(ResponseOut.model_validate(row), mails)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _signed_in_as(db: Session, user_id: int | None, email: str) -> bool:
    """True when the poster is signed in to the account with this email: her proof of it."""
    user = db.get(User, user_id) if user_id is not None else None
    return user is not None and user.email == email


def queue(db: Session, status: ResponseStatus) -> list[ResponseOut]:
    """The moderation queue (or any other status), oldest first."""
    return _out(store.by_status(db, status))


def pending_count(db: Session) -> int:
    """For the badge in the coach's navigation."""
    return store.pending_count(db)


def response(db: Session, response_id: int) -> ResponseOut:
    return ResponseOut.model_validate(_row(db, response_id))


def _row(db: Session, response_id: int) -> GuideResponse:
    row = db.get(GuideResponse, response_id) if 0 < response_id < 2**31 else None
    if row is None:
        raise NotFound("There is no such response.")
    return row


def moderate(
    db: Session,
    ids: Sequence[int],
    status: ResponseStatus,
    *,
    mailing: Mailing,
    now: datetime,
) -> list[Mail]:
    """Approve, reject or mark as spam many at once; replies just published reach the people
    they answer, who asked to hear."""
    with transaction(db):
        changed = store.set_status(db, ids, status, now=now)
        if status != ResponseStatus.PUBLISHED:
            return []
        return notify.to_parents(db, changed, titles=mailing.titles, base=mailing.base)


def remove(db: Session, ids: Sequence[int]) -> int:
    """Delete responses (their replies go with them)."""
    with transaction(db):
        return store.remove(db, ids)


def edit(db: Session, response_id: int, body: str, *, now: datetime) -> ResponseOut:
    """A moderator's edit of the text, rendered and sanitised like any response."""
    with transaction(db):
        row = _row(db, response_id)
        store.edit(db, row, body, now=now)
        return ResponseOut.model_validate(row)


def block_list(db: Session) -> dict[BlockKind, list[str]]:
    """The block list by kind, sorted."""
    found = store.block_list(db)
    return {kind: found[kind] for kind in BlockKind}


def replace_block_list(db: Session, lists: dict[BlockKind, list[str]]) -> None:
    """Set each kind of the block list to its values (blank lines and repeats dropped)."""
    with transaction(db):
        for kind, values in lists.items():
            store.replace_block_list(db, kind, values)


class ExportedResponse(BaseModel):
    """One response as the admin's export writes it (JSON and CSV alike)."""

    id: int
    article_slug: str
    parent_id: int | None
    name: str
    email: str
    website: str
    body: str
    status: ResponseStatus
    is_author: bool
    created_at: str = Field(description="ISO 8601, with its offset")


def export_rows(db: Session) -> list[ExportedResponse]:
    """Every response with every field, for the admin's export."""
    return [ExportedResponse.model_validate(row) for row in store.export_rows(db)]


def export_csv(db: Session) -> str:
    return store.export_csv(store.export_rows(db))


def unsubscribe(db: Session, token: str) -> str:
    """Stop reply emails to the address behind this token; NotFound for an unknown token."""
    with transaction(db):
        email = notify.unsubscribe(db, token[:64])
        if email is None:
            raise NotFound("That link doesn't unsubscribe anyone.")
        return email
