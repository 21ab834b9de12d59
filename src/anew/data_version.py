"""Her data's version: `users.data_version` moves in the same transaction as any change to a row
of hers, so a server process may keep what it computed from her data (anew.web.read_cache) for as
long as the number stays put, and every process sees the move on its very next request.

The bump is hooked into every ORM session rather than into each service function, so a feature
added later cannot forget it: rows added, changed or deleted through the session, and bulk ORM
UPDATE and DELETE statements on a table with a `user_id`. Writes that go around the ORM (the
account archive's import) call `bump` themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Table, event, inspect, select, update
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from anew.accounts.models import User, UserSession
from anew.chats.models import ImportProgress

# Signing in (and the once-a-minute touch of a session) and an upload's progress bar change
# nothing that is shown from her data.
NOT_HER_DATA: frozenset[type[Any]] = frozenset({UserSession, ImportProgress})
USERS = cast(Table, User.__table__)


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


def bump(session: Session, user_ids: Iterable[int]) -> None:
    """Move these users' data version on, in the session's transaction."""
    ids = sorted(set(user_ids))
    if ids:
        session.connection().execute(
            update(USERS).where(USERS.c.id.in_(ids)).values(data_version=USERS.c.data_version + 1)
        )


def _changed(session: Session) -> list[object]:
    dirty = [obj for obj in session.dirty if session.is_modified(obj, include_collections=False)]
    return [*session.new, *dirty, *session.deleted]


@event.listens_for(Session, "before_flush")
def _on_flush(session: Session, _context: UOWTransaction, _instances: object) -> None:
    bump(session, owners(_changed(session)))


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
    bump(state.session, [owner for owner in state.session.scalars(rows) if owner is not None])
