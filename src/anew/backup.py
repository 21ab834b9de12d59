"""Whole-database backup and restore for admins (`anew backup FILE`, `anew restore FILE`).

A backup is a zip: a manifest with the schema revision, and one JSON-lines file per table with
every row (timestamps as ISO text, binary data as base64). Restoring needs an empty database at
the same revision, happens in one transaction, and keeps every id; on PostgreSQL the id
sequences are moved past the restored rows.
"""

from __future__ import annotations

import base64
import json
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Engine, LargeBinary, Table, func, insert, select, text

from anew.db import Base
from anew.tables import load_models
from anew.zips import MB, SafeZip, ZipLimits, ZipRefused, open_zip

FORMAT = "anew-backup"
BATCH = 2000
MAX_ROW = 256 * MB
DEFAULT_LIMITS = ZipLimits(64 * 1024 * MB, 64 * 1024 * MB, what="an Anew backup")


class BackupError(ValueError):
    """The backup can't be made or restored; the message says what and where."""


def _revision(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(connection.execute(text("SELECT version_num FROM alembic_version")).scalar())


def _encode(table: Table, row: Any) -> str:
    item = {}
    for name, value in row.items():
        if isinstance(value, (bytes, memoryview)):
            item[name] = base64.b64encode(bytes(value)).decode()
        elif isinstance(value, (datetime, date)):
            item[name] = value.isoformat()
        else:
            item[name] = value
    return json.dumps(item, ensure_ascii=False)


def backup(engine: Engine, path: Path) -> dict[str, int]:
    """Write every table's rows to `path`; returns the row count per table."""
    load_models()
    counts = {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, engine.connect() as db:
        for table in Base.metadata.sorted_tables:
            rows = db.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            with archive.open(f"{table.name}.jsonl", "w") as out:
                count = 0
                for row in rows:
                    out.write((_encode(table, row) + "\n").encode())
                    count += 1
            counts[table.name] = count
        manifest = {"format": FORMAT, "revision": _revision(engine), "counts": counts}
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    return counts


def _decode(table: Table, item: dict[str, Any], where: str) -> dict[str, Any]:
    values = {}
    for name, value in item.items():
        if name not in table.c:
            raise BackupError(f"{where}: unknown column {name!r}")
        kind = table.c[name].type
        base = getattr(kind, "impl", kind)
        try:
            if value is not None and isinstance(base, LargeBinary):
                value = base64.b64decode(value)
            elif value is not None and isinstance(base, DateTime):
                value = datetime.fromisoformat(value)
            elif value is not None and isinstance(base, Date):
                value = date.fromisoformat(value)
        except (ValueError, TypeError) as error:
            raise BackupError(f"{where}, column {name!r}: {error}") from None
        values[name] = value
    return values


def _restore_table(connection: Any, archive: SafeZip, table: Table, max_row: int) -> int:
    batch: list[dict[str, Any]] = []
    count = 0
    lines = archive.lines(f"{table.name}.jsonl", max_line=max_row)
    for number, line in enumerate(lines, start=1):
        where = f"{table.name}.jsonl, line {number}"
        try:
            item = json.loads(line)
        except ValueError as error:
            raise BackupError(f"{where}: {error}") from None
        batch.append(_decode(table, item, where))
        count += 1
        if len(batch) >= BATCH:
            connection.execute(insert(table), batch)
            batch.clear()
    if batch:
        connection.execute(insert(table), batch)
    return count


def _move_sequences(connection: Any, table: Table) -> None:
    if "id" not in table.c:
        return
    highest = connection.execute(select(func.max(table.c.id))).scalar()
    if highest is not None:
        connection.execute(
            text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :value)"),
            {"table": table.name, "value": highest},
        )


def restore(
    engine: Engine, path: Path, *, limits: ZipLimits = DEFAULT_LIMITS, max_row: int = MAX_ROW
) -> dict[str, int]:
    """Load a backup into an empty database at the same schema revision, all or nothing. Its
    files are unpacked within `limits`, a row at a time, none longer than `max_row` bytes."""
    load_models()
    try:
        return _restore(engine, path, limits, max_row)
    except ZipRefused as error:
        raise BackupError(str(error)) from None


def _restore(engine: Engine, path: Path, limits: ZipLimits, max_row: int) -> dict[str, int]:
    if not zipfile.is_zipfile(path):
        raise BackupError(f"{path}: not an Anew backup (not a zip file)")
    with open_zip(path, str(path), limits) as archive:
        try:
            manifest = json.loads(archive.read("manifest.json"))
        except (KeyError, ValueError):
            raise BackupError(f"{path}: manifest.json is missing or unreadable") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{path}: not an Anew backup")
        if manifest.get("revision") != _revision(engine):
            raise BackupError(
                f"{path}: made at schema revision {manifest.get('revision')}, but this database "
                f"is at {_revision(engine)}; upgrade Anew to the same version first"
            )
        counts = {}
        with engine.begin() as connection:
            for table in Base.metadata.sorted_tables:
                if connection.execute(select(func.count()).select_from(table)).scalar():
                    raise BackupError(f"the database is not empty (table {table.name} has rows)")
            for table in Base.metadata.sorted_tables:
                if f"{table.name}.jsonl" in archive.namelist():
                    counts[table.name] = _restore_table(connection, archive, table, max_row)
                    if engine.dialect.name == "postgresql":
                        _move_sequences(connection, table)
    return counts
