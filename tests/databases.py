"""Test databases: a fresh, migrated SQLite file and a fresh, migrated PostgreSQL database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text

from anew.db import Base, upgrade
from anew.tables import load_models

POSTGRES_ADMIN_URL = os.environ.get(
    "ANEW_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
ALL_BACKENDS = ("sqlite", "postgresql")
# `make test-fast` runs on SQLite alone (ANEW_TEST_BACKENDS=sqlite); `make test` and CI on both.
BACKENDS = tuple(
    name
    for name in os.environ.get("ANEW_TEST_BACKENDS", ",".join(ALL_BACKENDS)).split(",")
    if name in ALL_BACKENDS
)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(reason: str) -> None:
    """Skip on a developer's machine without the server; under CI=true that is a failure."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true requires every backend)", pytrace=False)
    pytest.skip(reason)


@contextmanager
def sqlite_database(directory: Path) -> Iterator[str]:
    url = f"sqlite:///{directory / 'anew-test.db'}"
    upgrade(url)
    yield url


@contextmanager
def postgres_database() -> Iterator[str]:
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"anew_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        admin.dispose()
        unavailable(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}: {error}")
    url = make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def empty_all_tables(engine: Engine) -> None:
    """Remove every row, so the next test starts from a clean, migrated schema."""
    load_models()
    tables = list(Base.metadata.sorted_tables)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                connection.execute(table.delete())
