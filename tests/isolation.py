"""Proof that a route never shows or changes another user's data.

`assert_isolated` snapshots every row that belongs to the owner (her users row and every row of any
table with a user_id column), makes the request as the intruder, and checks that the snapshot is
unchanged, that the status is the expected one (404 for anything addressed by id) and that none
of the owner's identifying text appears in the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import Engine, select

from anew.db import Base
from anew.tables import load_models
from tests.people import Person, csrf_token


def owned_rows(engine: Engine, owner_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that belongs to the owner, table by table: her users row, rows with her user_id,
    and rows that hang off those through a foreign key (an import's messages)."""
    load_models()
    snapshot: dict[str, list[tuple[Any, ...]]] = {}
    owned_ids: dict[str, set[Any]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:  # parents before children
            condition = None
            if table.name == "users":
                condition = table.c.id == owner_id
            elif "user_id" in table.c:
                condition = table.c.user_id == owner_id
            else:
                for key in table.foreign_keys:
                    parent = key.column.table.name
                    if parent in owned_ids:
                        condition = key.parent.in_(owned_ids[parent] or {None})
                        break
            if condition is None:
                continue
            rows = connection.execute(select(table).where(condition)).all()
            snapshot[table.name] = sorted((tuple(row) for row in rows), key=repr)
            if "id" in table.c:
                owned_ids[table.name] = {row._mapping["id"] for row in rows}
    return snapshot


def assert_isolated(
    engine: Engine,
    intruder: TestClient,
    owner: Person,
    method: str,
    path: str,
    *,
    expect_status: Iterable[int] = (404,),
    form: dict[str, str] | None = None,
    json: Any = None,
    headers: dict[str, str] | None = None,
    files: dict[str, Any] | None = None,
    secrets: Iterable[str] = (),
) -> Response:
    """Make the request as the intruder and prove the owner's data was neither shown nor changed."""
    before = owned_rows(engine, owner.id)
    assert before.get("users"), "the owner must exist before the probe"
    data = None
    if form is not None:
        data = {"csrf_token": csrf_token(intruder), **form}
    response = intruder.request(
        method, path, data=data, json=json, headers=headers, files=files, follow_redirects=False
    )
    allowed = tuple(expect_status)
    assert response.status_code in allowed, (
        f"{method} {path} as another user answered {response.status_code}, expected {allowed}"
    )
    for text in (owner.email, *secrets):
        assert text not in response.text, f"{method} {path} showed the owner's {text!r}"
    assert owned_rows(engine, owner.id) == before, f"{method} {path} changed the owner's data"
    return response
