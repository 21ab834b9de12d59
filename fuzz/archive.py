"""The archive import's fuzz target: whatever an archive holds, the import either succeeds or
refuses with an ArchiveError that names the archive; any other exception is a crash.

Raw bytes that start like a zip are imported as they are; any other bytes become one file of an
otherwise sound archive (the first byte picks which), so most runs reach the rows' checks rather
than stopping at "not a zip".
"""

from __future__ import annotations

import io
import json
import zipfile
from functools import cache

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from anew.accounts.models import User
from anew.db import Base
from anew.tables import load_models
from anew.your_data.archive import ArchiveError, her_tables, import_archive
from anew.zips import MB, ZipLimits

NAME = "fuzzed.zip"
LIMITS = ZipLimits(MB, 4 * MB, what="an Anew archive")
ACCOUNT = {"email": "a@example.org", "time_zone": "Europe/Paris", "format_version": 1}


@cache
def sandbox() -> Engine:
    """An in-memory database with every table and one account (id 1) to import into."""
    load_models()
    engine = create_engine("sqlite://", poolclass=StaticPool)
    Base.metadata.create_all(engine)
    with Session(engine) as db:
        db.add(User(email="fuzz@example.org", password_hash="!"))  # noqa: S106 - no one signs in
        db.commit()
    return engine


def member_names() -> list[str]:
    """The files an archive may hold, in the order the first byte picks them."""
    return ["account.json", *(f"{table.name}.json" for table in her_tables()), "photos/1-data.bin"]


def as_archive(data: bytes) -> bytes:
    """The fuzzer's bytes as an archive: as they are when they look like a zip, else as one file."""
    if data.startswith(b"PK") or not data:
        return data
    names = member_names()
    name = names[data[0] % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if name != "account.json":
            archive.writestr("account.json", json.dumps(ACCOUNT))
        archive.writestr(name, data[1:])
    return out.getvalue()


SEED_ROWS = {
    "account.json": ACCOUNT,
    "checkins.json": [{"id": 1, "day": "2026-11-20", "mood": 6, "note": "ok"}],
    "goals.json": [{"id": 1, "area": "health", "title": "Run", "status": "active"}],
    "contacts.json": [{"id": 1, "at": "2026-11-20T10:00:00+00:00", "initiator": "him"}],
}


def seeds() -> dict[str, bytes]:
    """A start for the corpus: one sound file of each of a few kinds, as as_archive reads them."""
    names = member_names()
    return {
        f"seed-{name}": bytes([names.index(name)]) + json.dumps(rows).encode()
        for name, rows in SEED_ROWS.items()
    }


def archive_import(data: bytes) -> None:
    """Import, then roll back: the import succeeds or refuses, naming the archive."""
    with Session(sandbox()) as db:
        user = db.get(User, 1)
        assert user is not None
        try:
            import_archive(db, user, as_archive(data), name=NAME, limits=LIMITS)
        except ArchiveError as error:
            assert str(error).startswith(NAME), f"the error must name the archive: {error}"
        finally:
            db.rollback()
