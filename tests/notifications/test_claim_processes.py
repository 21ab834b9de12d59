"""Two `anew notify --once` processes at the same moment on one database (SQLite and PostgreSQL)
send every due notification exactly once between them: the outbox's claim holds."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from anew.db import make_engine
from anew.notifications.models import NotificationSend
from anew.push.models import PushSubscription
from anew.tables import make_sessionmaker
from tests.databases import postgres_database, sqlite_database
from tests.people import add_person
from tests.push_service import Browser, push_service

pytestmark = pytest.mark.processes

DUE = 40
LONG_AGO = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


@contextmanager
def database(kind: str, directory: Path) -> Iterator[str]:
    if kind == "sqlite":
        with sqlite_database(directory) as url:
            yield url
    else:
        with postgres_database() as url:
            yield url


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_two_senders_send_each_due_notification_once(kind: str, tmp_path: Path) -> None:
    with database(kind, tmp_path) as url, push_service() as stand_in:
        engine = make_engine(url)
        factory = make_sessionmaker(engine)
        alice = add_person(factory, "alice@example.org")
        browser = Browser()
        keys = browser.keys()
        with factory() as db:
            endpoint = f"{stand_in.base}/send/alice"
            db.add(PushSubscription(user_id=alice.id, endpoint=endpoint, label="phone", **keys))
            for number in range(DUE):
                db.add(
                    NotificationSend(
                        user_id=alice.id,
                        key=f"checkin:test-{number}",
                        kind="checkin",
                        due_at=LONG_AGO,
                        next_try_at=LONG_AGO,
                    )
                )
            db.commit()
        env = {
            **os.environ,
            "ANEW_DATABASE_URL": url,
            "ANEW_DATA_DIR": str(tmp_path),
            "ANEW_SECRET_KEY": "x" * 40,
            "ANEW_PUSH_ALLOW_LOOPBACK": "true",
            "ANEW_VAPID_SUBJECT": "mailto:admin@example.org",
        }
        command = [sys.executable, "-m", "anew", "notify", "--once"]
        senders = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE) for _ in range(2)]
        outputs = [sender.communicate(timeout=120)[0].decode() for sender in senders]
        assert [sender.returncode for sender in senders] == [0, 0], outputs
        sent = sum(int(output.split(", ")[1].split()[0]) for output in outputs)
        assert sent == DUE, outputs
        assert len(stand_in.received) == DUE
        assert {browser.read(r.body)["tag"] for r in stand_in.received} == {"anew-checkin"}
        with factory() as db:
            rows = db.scalars(select(NotificationSend)).all()
            assert {(row.status, row.attempts) for row in rows} == {("sent", 1)}
            assert all(row.claimed_by is None for row in rows)
        engine.dispose()
