from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, sessionmaker

from anew.config import Settings
from anew.db import Base
from anew.tables import load_models
from tests.command_line import invoke
from tests.databases import postgres_database, sqlite_database
from tests.people import Person, api_token
from tests.web.api.test_your_data import fill_every_area


@contextmanager
def empty_database(settings: Settings, tmp_path: Path) -> Iterator[str]:
    """A second, empty and migrated database on the same backend as the test's."""
    if settings.resolved_database_url.startswith("sqlite"):
        directory = tmp_path / "restored"
        directory.mkdir()
        with sqlite_database(directory) as url:
            yield url
    else:
        with postgres_database() as url:
            yield url


def every_row(url: str) -> dict[str, list[Any]]:
    load_models()
    engine = create_engine(url)
    with engine.connect() as connection:
        result = {
            table.name: [
                tuple(row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }
    engine.dispose()
    return result


def run(monkeypatch: pytest.MonkeyPatch, settings: Settings, url: str, *args: str) -> Any:
    monkeypatch.setenv("ANEW_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ANEW_DATABASE_URL", url)
    return invoke(list(args))


def test_a_backup_restores_into_an_empty_database_exactly(
    client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    fill_every_area(client)
    file = tmp_path / "backup.zip"
    made = run(monkeypatch, settings, settings.resolved_database_url, "backup", str(file))
    assert made.exit_code == 0, made.output
    original = every_row(settings.resolved_database_url)
    with empty_database(settings, tmp_path) as url:
        restored = run(monkeypatch, settings, url, "restore", str(file))
        assert restored.exit_code == 0, restored.output
        copy = every_row(url)
        assert copy == original
        assert copy["photos"]  # binary data came back too
        twice = run(monkeypatch, settings, url, "restore", str(file))
        assert twice.exit_code == 1
        assert "the database is not empty" in twice.output
        if url.startswith("postgresql"):  # new rows get fresh ids after a restore
            engine = create_engine(url)
            with engine.begin() as connection:
                from sqlalchemy import insert

                from anew.method.best_self.models import Quality

                table = Quality.__table__
                highest = max(row[0] for row in copy["qualities"])
                new_id = connection.execute(
                    insert(table)
                    .values(user_id=alice.id, list="i_value", name="x")
                    .returning(table.c.id)
                ).scalar_one()
            engine.dispose()
            assert new_id > highest


def test_a_file_that_is_not_a_backup_is_refused(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    result = run(monkeypatch, settings, settings.resolved_database_url, "restore", str(junk))
    assert result.exit_code == 1
    assert "not an Anew backup" in result.output


def test_a_zip_bomb_is_refused_by_name_before_anything_is_unpacked(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b" " * (64 * 1024 * 1024))
    result = run(monkeypatch, settings, settings.resolved_database_url, "restore", str(bomb))
    assert result.exit_code == 1
    assert f"{bomb}!manifest.json" in result.output
    assert "zip bomb" in result.output
