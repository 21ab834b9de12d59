"""Her data's version: `users.data_version` moves in the same transaction as any change to a row
of hers, so a server process may keep what it computed from her data (anew.web.http.read_cache) for
as long as the number stays put, and every process sees the move on its very next request.

The bump is hooked into every ORM session rather than into each service function, so a feature
added later cannot forget it: rows added, changed or deleted through the session, and bulk ORM
UPDATE and DELETE statements on a table with a `user_id`. Writes the session cannot see the
owners of (statements on bare tables, as in the account archive's import, or an ORM INSERT
statement) say so with `changed`.

The owners are gathered as the session flushes and their versions moved just before it commits:
on PostgreSQL that UPDATE locks her row, and taken at the first flush of a long transaction (an
import of a million messages) it would hold up her every other write until the import ended.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Table, event, inspect, select, update
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction

from anew.accounts.models import User, UserSession
from anew.chats.models import ImportProgress

# Signing in (and the once-a-minute touch of a session) and an upload's progress bar change
# nothing that is shown from her data.
NOT_HER_DATA: frozenset[type[Any]] = frozenset({UserSession, ImportProgress})
USERS = cast(Table, User.__table__)
OWED = "anew.data_version.owed"


def owners(objects: Iterable[object]) -> set[int]:
    """The users whose data these ORM objects are."""
    found: set[int] = set()
    for obj in objects:
        if type(obj) in NOT_HER_DATA:
            continue
        owner = obj.id if isinstance(obj, User) else getattr(obj, "user_id", None)
        if isinstance(owner, int):
            found.add(owner)
    return found


def changed(session: Session, user_ids: Iterable[int]) -> None:
    """These users' data changed in ways the session cannot see: their versions move at commit."""
    _owed(session).update(user_ids)


def _bump(session: Session, user_ids: Iterable[int]) -> None:
    """Move these users' data version on, in the session's transaction, now."""
    ids = sorted(set(user_ids))
    if ids:
        session.connection().execute(
            update(USERS).where(USERS.c.id.in_(ids)).values(data_version=USERS.c.data_version + 1)
        )


def _owed(session: Session) -> set[int]:
    """The users whose version this session's transaction is to move when it commits."""
    owed: set[int] = session.info.setdefault(OWED, set())
    return owed


def _changed(session: Session) -> list[object]:
    dirty = [obj for obj in session.dirty if session.is_modified(obj, include_collections=False)]
    return [*session.new, *dirty, *session.deleted]


@event.listens_for(Session, "before_flush")
def _on_flush(session: Session, _context: UOWTransaction, _instances: object) -> None:
    _owed(session).update(owners(_changed(session)))


@event.listens_for(Session, "do_orm_execute")
def _on_bulk_statement(state: ORMExecuteState) -> None:
    """A bulk UPDATE or DELETE names no objects: ask which users its rows belong to, first."""
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return
    model = state.bind_mapper.class_
    if model in NOT_HER_DATA or model is User or "user_id" not in inspect(model).columns:
        return
    rows = select(model.user_id).distinct()
    where = getattr(state.statement, "whereclause", None)
    if where is not None:
        rows = rows.where(where)
    found = state.session.scalars(rows)
    _owed(state.session).update(owner for owner in found if owner is not None)


@event.listens_for(Session, "before_commit")
def _on_commit(session: Session) -> None:
    session.flush()  # the commit's own flush comes after this event; its owners count too
    _bump(session, session.info.pop(OWED, set()))


@event.listens_for(Session, "after_transaction_end")
def _on_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # rolled back, or closed without a commit: nothing is owed
        session.info.pop(OWED, None)
