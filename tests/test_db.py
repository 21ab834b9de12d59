from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.db import Base, make_engine, upgrade
from anew.tables import load_models


def test_the_migrations_match_the_models(app: object) -> None:
    engine: Engine = app.state.engine  # type: ignore[attr-defined]
    load_models()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_it_stores_timestamps_as_aware_utc(db: Session) -> None:
    created = datetime(2026, 11, 26, 23, 30, tzinfo=timezone(timedelta(hours=2)))
    db.add(User(email="tz@example.org", password_hash="x", created_at=created))
    db.commit()
    db.expunge_all()
    stored = db.query(User).filter_by(email="tz@example.org").one()
    assert stored.created_at == created
    assert stored.created_at.tzinfo == UTC


def test_it_refuses_naive_timestamps(db: Session) -> None:
    db.add(User(email="naive@example.org", password_hash="x", created_at=datetime(2026, 1, 1)))
    with pytest.raises(Exception, match="naive datetimes"):
        db.commit()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nested' / 'anew.db'}"
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_deleting_a_user_cascades_to_her_rows_on_every_backend(db: Session) -> None:
    from anew.accounts.models import SessionKind
    from anew.accounts.sessions import start_session

    user = User(email="gone@example.org", password_hash="x")
    db.add(user)
    db.flush()
    start_session(db, user, SessionKind.WEB, datetime.now(UTC))
    db.commit()
    db.execute(text("DELETE FROM users WHERE email = 'gone@example.org'"))
    db.commit()
    assert db.execute(text("SELECT count(*) FROM user_sessions")).scalar() == 0
