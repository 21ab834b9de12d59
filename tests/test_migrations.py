"""Every migration upgrades from the one before with data in the database, and downgrades again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from anew.db import alembic_config
from tests.databases import postgres_database, sqlite_database

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
# Data written right after a revision, using only the columns that revision knows.
SEEDS = {
    "0001": [
        "INSERT INTO users (id, email, password_hash, role, time_zone, created_at, "
        "password_changed_at) VALUES (1, 'ann@example.org', 'x', 'member', 'UTC', :now, :now)"
    ],
    "0002": [
        "INSERT INTO chat_imports (id, user_id, name, format, title, participants, me, "
        "message_count, keep_text, report, created_at) VALUES (1, 1, 'chat', 'whatsapp', '', "
        "'[\"Ann\", \"Sam\"]', 'Ann', 1, false, '{}', :now)",
        "INSERT INTO chat_messages (id, import_id, position, timestamp, sender, kind, chars, "
        "words) VALUES (1, 1, 0, '2024-03-13 09:00:00', 'Ann', 'text', 2, 1)",
    ],
    "0003": [
        "INSERT INTO nocontact_periods (id, user_id, started_on, target_days, his_name, status, "
        "created_at) VALUES (1, 1, '2026-11-01', 30, '', 'active', :now)"
    ],
    "0004": [
        "INSERT INTO safety_checks (id, user_id, taken_at, result) VALUES (1, 1, :now, 'clear')"
    ],
    "0005": [
        "INSERT INTO guide_responses (id, article_slug, name, email, website, body, html, status, "
        "is_author, browser_key, notify, unsubscribe_token, created_at, updated_at) VALUES "
        "(1, 'introduction', 'Ann', 'ann@example.org', '', 'hi', '<p>hi</p>', 'pending', false, "
        "'', false, '', :now, :now)"
    ],
    "0006": [
        "INSERT INTO habits (id, user_id, title, per_week, started_on, archived, created_at) "
        "VALUES (1, 1, 'Walk', 7, '2026-11-01', false, :now)"
    ],
    "0007": [
        "INSERT INTO calendar_feeds (user_id, token_hash, reminder_time, created_at) "
        "VALUES (1, 'abc', '09:00', :now)"
    ],
    "0008": [
        "INSERT INTO chat_import_progress (user_id, key, stage, done, total, error, updated_at) "
        "VALUES (1, 'upload-0001', 'storing', 100000, 400000, '', :now)"
    ],
    "0009": ["UPDATE users SET data_version = data_version + 1 WHERE id = 1"],
    "0010": [
        "INSERT INTO contacts (id, user_id, at, initiator, channel, logistics, note, "
        "broke_period) VALUES (1, 1, :now, 'him', 'call', false, '', false)"
    ],
    "0011": [
        "INSERT INTO pending_signups (id, token_hash, email, password_hash, created_at, "
        "expires_at) VALUES (1, 'abc', 'new@example.org', 'x', :now, :now)"
    ],
    "0012": ["UPDATE guide_responses SET confirm_token_hash = 'abc' WHERE id = 1"],
    "0013": ["UPDATE users SET welcomed = false WHERE id = 1"],
    "0014": [
        "INSERT INTO sent_keys (id, user_id, key, action, made_id, created_at) "
        "VALUES (1, 1, 'a1b2', 'urge', NULL, :now)"
    ],
    "0015": [
        "INSERT INTO journal_entries (id, user_id, text, mood, day, written_on, created_at, "
        "idempotency_key) VALUES (1, 1, 'A quiet Sunday', 6, 3, '2026-11-03', :now, 'k-1')"
    ],
    "0016": [
        "INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, label, created_at) "
        "VALUES (1, 1, 'https://push.example.org/a', 'k', 'a', 'phone', :now)"
    ],
    "0017": [
        "INSERT INTO notification_preferences (user_id, checkin_at, habits, milestones, "
        "hard_hours, quiet_from, quiet_to, plain_wording, updated_at) VALUES "
        "(1, '21:00', true, false, false, '22:00', '08:00', false, :now)",
        "INSERT INTO notification_sends (id, user_id, key, kind, due_at, status, attempts, "
        "next_try_at, last_error) VALUES (1, 1, 'checkin:2026-11-01', 'checkin', :now, "
        "'pending', 0, :now, '')",
    ],
    "0018": [
        "UPDATE habits SET remind_at = '07:30' WHERE id = 1",
        "INSERT INTO hard_hours_plans (user_id, text, updated_at) VALUES "
        "(1, 'Call Jo, then a walk', :now)",
    ],
    "0019": [
        'INSERT INTO urges (id, user_id, at, intensity, "trigger", instead, message) VALUES '
        "(1, 1, :now, 7, 'his song', 'a walk', 'I miss you')"
    ],
}


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all."""
    if request.param == "sqlite":
        with sqlite_database(tmp_path) as url:
            command.downgrade(alembic_config(url), "base")
            yield url
    else:
        with postgres_database() as url:
            command.downgrade(alembic_config(url), "base")
            yield url


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_the_seeds_cover_every_revision() -> None:
    assert list(SEEDS) == revisions()


def test_each_revision_upgrades_with_data_and_downgrades(empty_url: str) -> None:
    config = alembic_config(empty_url)
    engine = create_engine(empty_url)
    for revision in revisions():
        command.upgrade(config, revision)
        with engine.begin() as connection:
            for statement in SEEDS[revision]:
                connection.execute(text(statement), {"now": NOW})
    with engine.connect() as connection:
        user = connection.execute(
            text("SELECT email, country, safety_mode, data_version, vault_looks_back FROM users")
        ).one()
        period = connection.execute(text("SELECT change_mine FROM nocontact_periods")).one()
        messages = connection.execute(text("SELECT count(*) FROM chat_messages")).scalar()
    assert tuple(user) == ("ann@example.org", "", False, 1, False)  # new columns: their defaults
    assert period[0] == ""
    assert messages == 1
    for revision in reversed(revisions()):
        command.downgrade(config, f"{revision}-1" if revision != "0001" else "base")
    with engine.connect() as connection:
        left = connection.execute(text("SELECT count(*) FROM alembic_version")).scalar()
    engine.dispose()
    assert left == 0
