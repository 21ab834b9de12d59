"""Shared fixtures: every database test runs once on SQLite and once on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts import passwords
from anew.accounts.models import Role
from anew.config import Settings, load_settings
from anew.db import make_engine
from anew.web.app import create_app
from tests.databases import (
    ALL_BACKENDS,
    BACKENDS,
    empty_all_tables,
    in_ci,
    postgres_database,
    sqlite_database,
)
from tests.people import Person, add_person, sign_in
from tests.push_service import PushService, push_service

TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"

# Tests never assert wall-clock times, so Hypothesis's per-example deadline is off everywhere (a
# busy machine once failed a property on it); under CI the examples are the same on every run.
hypothesis_settings.register_profile("anew", deadline=None, derandomize=in_ci())
hypothesis_settings.load_profile("anew")


@pytest.fixture(autouse=True)
def quick_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real Argon2id, with the memory and time cost lowered so the suite stays quick."""
    monkeypatch.setattr(
        passwords, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated database for the whole run, one per backend."""
    if request.param == "sqlite":
        with sqlite_database(tmp_path_factory.mktemp("sqlite")) as url:
            yield url
    else:
        with postgres_database() as url:
            yield url


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Iterator[Settings]:
    """Settings on the backend's database; every row a test wrote is removed after it."""
    yield load_settings(data_dir=tmp_path, database_url=database_url, secret_key=TEST_SECRET)
    engine = make_engine(database_url)
    empty_all_tables(engine)
    engine.dispose()


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    application = create_app(settings)
    yield application
    application.state.engine.dispose()


@pytest.fixture
def factory(app: FastAPI) -> sessionmaker[Session]:
    maker: sessionmaker[Session] = app.state.sessionmaker
    return maker


@pytest.fixture
def db(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory() as session:
        yield session


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def alice(factory: sessionmaker[Session]) -> Person:
    return add_person(factory, "alice@example.org")


@pytest.fixture
def bob(factory: sessionmaker[Session]) -> Person:
    return add_person(factory, "bob@example.org")


@pytest.fixture
def carol(factory: sessionmaker[Session]) -> Person:
    return add_person(factory, "carol@example.org", Role.COACH)


@pytest.fixture
def alice_client(app: FastAPI, alice: Person) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield sign_in(test_client, alice)


@pytest.fixture
def bob_client(app: FastAPI, bob: Person) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield sign_in(test_client, bob)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI=true a skipped test is a failure: every backend and the browser must run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if in_ci() and set(BACKENDS) != set(ALL_BACKENDS) and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if reporter:
            reporter.write_line("CI=true: every backend must run (ANEW_TEST_BACKENDS).", red=True)
    if in_ci() and skipped and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if reporter:
            reporter.write_line(
                f"CI=true: {skipped} test(s) were skipped; that fails the run.", red=True
            )


@pytest.fixture
def stand_in() -> Iterator[PushService]:
    """A push service (and ntfy, Gotify) stand-in on the loopback (tests/push_service.py)."""
    with push_service() as service:
        yield service
