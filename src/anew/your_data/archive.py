"""Her data as one archive, and back: a zip with a JSON file per table she has rows in, her
photos as files, and a README saying what each file holds.

The tables are found from the models themselves (every table with a user_id, and the tables that
hang off those, such as an import's messages), so a new feature's data is exported without anyone
remembering to add it. Importing into a fresh account gives every row a new id and maps the
references between them; it happens in one transaction, so a bad archive changes nothing.
"""

from __future__ import annotations

import io
import json
import re
import secrets
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from typing import IO, Any

from pydantic import ValidationError
from sqlalchemy import Date, DateTime, LargeBinary, Table, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.data_version import changed
from anew.db import Base
from anew.method.new_look.photos import PhotoError, process_photo
from anew.tables import load_models
from anew.your_data.json_rows import NotAList, items
from anew.your_data.rows import Account, checked_row
from anew.zips import MB, SafeZip, ZipLimits, ZipRefused, open_zip

VERSION = 1
# Sessions and the calendar feed's address are secrets (she makes a new feed in a new account),
# and guide responses belong to the public guide: exported, not re-posted.
# Import progress is a courtesy while an upload runs, not her data; nor are the keys her phone
# sent with writes (what they made is exported with the rest).
NOT_EXPORTED = {
    "users",
    "user_sessions",
    "calendar_feeds",
    "chat_import_progress",
    "sent_keys",
    "push_subscriptions",  # a browser's own keys, useless on another server
    "notification_channels",  # her channel URLs hold passwords and tokens
    "notification_sends",  # when each reminder went out: the server's log, not her data
}
NOT_IMPORTED = {"guide_responses"}
ACCOUNT_FIELDS = (
    "email",
    "time_zone",
    "country",
    "safety_mode",
    "vault_looks_back",
    "created_at",
)
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
BATCH = 5000
PHOTO_BATCH = 8  # photos are megabytes each: a few at a time in memory
MAX_PHOTOS = 1000  # each is decoded and re-encoded; more would hold the import for hours
PEEK = 256 * 1024  # enough of a file's start to see how its rows are written
# The defaults of ANEW_ARCHIVE_MAX_FILE_MB, ANEW_ARCHIVE_MAX_UNPACKED_MB and ANEW_ZIP_MAX_RATIO.
LIMITS = ZipLimits(256 * MB, 2048 * MB, what="an Anew archive")
DESCRIPTIONS = {
    "nocontact_periods": "Your no-contact periods (with your 'will he change too?' reflections).",
    "nocontact_pauses": "Pauses you took on purpose during no contact.",
    "contacts": "Contacts with him you logged.",
    "urges": "Urges you logged, and the unsent messages in your vault.",
    "checkins": "Your daily check-ins (mood and note).",
    "chat_imports": "Chat exports you imported, with their metrics.",
    "chat_messages": "The messages of those imports (text only where you chose to keep it).",
    "safety_checks": "Your safety check results (answers only where you chose to keep them).",
    "quiz_attempts": "Your quiz results.",
    "guide_responses": "Responses you posted in the guide while signed in.",
    "goals": "Your goals.",
    "goal_milestones": "The milestones of your goals.",
    "habits": "Your habits.",
    "habit_days": "Your habit check-ins, day by day.",
    "qualities": "Your qualities board.",
    "makeover_items": "Your makeover plan.",
    "photos": "Your before/after photos; the images themselves are in photos/.",
    "journal_entries": "Your journal: free entries and answers to the path's questions, "
    "with your mood.",
    "hard_hours_plans": "Your plan for your hard hours.",
    "notification_preferences": "What you chose to be reminded of, and your quiet hours (the "
    "channels you entered are left out: they can hold passwords).",
}


class ArchiveError(ValueError):
    """The archive can't be imported; the message names the file, the row and the field."""


def her_tables() -> list[Table]:
    """Her tables, parents before children."""
    load_models()
    found: list[Table] = []
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_EXPORTED:
            continue
        if "user_id" in table.c or any(key.column.table in found for key in table.foreign_keys):
            found.append(table)
    return found


def _query(table: Table, user_id: int, kept: dict[str, set[Any]]) -> Any:
    """Her rows of the table, without their binary columns (each file is read on its own)."""
    columns = [c for c in table.c if not isinstance(c.type, LargeBinary)]
    if "user_id" in table.c:
        query = select(*columns).where(table.c.user_id == user_id)
    else:
        key = next(k for k in table.foreign_keys if k.column.table.name in kept)
        query = select(*columns).where(key.parent.in_(kept[key.column.table.name] or {-1}))
    return query.order_by(*table.primary_key.columns)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (datetime, date)) else value


def _parents(tables: list[Table]) -> set[str]:
    """The tables whose ids another of her tables points at (their ids are kept while writing)."""
    return {key.column.table.name for table in tables for key in table.foreign_keys} & {
        table.name for table in tables
    }


def write_archive(db: Session, user: User, *, now: datetime, out: IO[bytes]) -> None:
    """Everything of hers as a zip archive (see the README inside), written to `out` as it is
    read: a table's rows come in batches and go straight into their member, so a chat of a
    million messages never sits in memory whole."""
    tables = her_tables()
    parents = _parents(tables)
    kept: dict[str, set[Any]] = {}
    listed = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        account = {name: _plain(getattr(user, name)) for name in ACCOUNT_FIELDS}
        account |= {"exported_at": now.isoformat(), "format_version": VERSION}
        archive.writestr("account.json", json.dumps(account, indent=2, ensure_ascii=False))
        for table in tables:
            ids: set[Any] = set()
            binary = [c for c in table.c if isinstance(c.type, LargeBinary)]
            files: list[tuple[str, Any, Any]] = []  # (path, row id, column): written after
            rows = db.execute(_query(table, user.id, kept), execution_options={"yield_per": BATCH})
            with archive.open(f"{table.name}.json", "w", force_zip64=True) as member:
                text = io.TextIOWrapper(member, encoding="utf-8", newline="\n")
                text.write("[")
                for number, row in enumerate(rows.mappings()):
                    item = {name: _plain(value) for name, value in row.items()}
                    for column in binary:
                        item[column.name] = f"{table.name}/{row['id']}-{column.name}.bin"
                        files.append((item[column.name], row["id"], column))
                    text.write(",\n" if number else "\n")
                    text.write(json.dumps(item, ensure_ascii=False))
                    if table.name in parents:
                        ids.add(row["id"])
                text.write("\n]\n")
                text.flush()
                text.detach()
            for path, row_id, column in files:
                value = db.scalar(select(column).where(table.c.id == row_id))
                archive.writestr(path, value or b"")
            kept[table.name] = ids
            listed.append(table.name)
        archive.writestr("README.md", _readme(listed))


def _readme(tables: list[str]) -> str:
    lines = [
        "# Your Anew archive",
        "",
        "Everything Anew keeps about you, as JSON (one file per kind of data) and your photos as",
        "files. Ids are the ones on the server; `*_id` fields point at rows in the other files.",
        "Import this archive into a fresh Anew account to bring everything back.",
        "",
        "- `account.json`: your account settings (never your password), and whether your vault",
        "  looks back with you on days 7, 30 and 90 (`vault_looks_back`).",
    ]
    for name in tables:
        what = DESCRIPTIONS.get(name, "More of your data.")
        lines.append(f"- `{name}.json`: {what}")
    lines.append("- `photos/`: the photo and thumbnail files named in `photos.json`.")
    return "\n".join(lines) + "\n"


def _value(table: Table, name: str, value: Any, archive: SafeZip, where: str) -> Any:
    kind = table.c[name].type
    base = getattr(kind, "impl", kind)
    if value is None:
        return None
    try:
        if isinstance(base, LargeBinary):
            return archive.read_once(str(value))
        if isinstance(base, DateTime):
            return datetime.fromisoformat(str(value))
        if isinstance(base, Date):
            return date.fromisoformat(str(value))
    except (KeyError, ValueError) as error:
        raise ArchiveError(f"{where}, field {name!r}: {error}") from None
    return value


def _account(archive: SafeZip) -> Account:
    where = archive.where("account.json")
    try:
        return Account.model_validate(json.loads(archive.read("account.json")))
    except ValidationError as error:
        raise ArchiveError(f"{where}: {_first_problem(error)}") from None
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise ArchiveError(f"{where}: not valid JSON ({error})") from None


def _checked(table: Table, row: dict[str, Any], where: str) -> dict[str, Any]:
    try:
        return checked_row(table, row)
    except ValidationError as error:
        raise ArchiveError(f"{where}, {_first_problem(error)}") from None


def _first_problem(error: ValidationError) -> str:
    """The first problem in words, naming the field (and where inside it, for JSON fields)."""
    problem = error.errors()[0]
    field, *inside = problem["loc"] or ("?",)
    at = "".join(f"[{part!r}]" for part in inside)
    if problem["type"] == "extra_forbidden":
        return f"unknown field {field!r}"
    return f"field {field!r}{at}: {problem['msg']}"


def _clean_photo(values: dict[str, Any], where: str) -> dict[str, Any]:
    """An imported photo is decoded, type-checked and re-encoded exactly as an upload is: the
    archive's word for its type, and its thumbnail, are never kept."""
    try:
        media_type, clean, thumbnail = process_photo(values.get("data") or b"")
    except PhotoError as error:
        raise ArchiveError(f"{where}, field 'data': {error}") from None
    return {"media_type": media_type, "data": clean, "thumbnail": thumbnail}


def _one_row_a_line(archive: SafeZip, name: str) -> bool:
    """Whether the file is written as Export writes it: "[", then one row on each line (its
    first lines tell, and reading them costs a few KB however the file is written)."""
    head = archive.head(name, PEEK)
    lines = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 2)
    if len(lines) < 3 or lines[0].strip() != b"[":
        return False
    second = lines[1].strip().removesuffix(b",")
    return second == b"]" or (second.startswith(b"{") and second.endswith(b"}"))


def _rows_by_line(archive: SafeZip, name: str, max_row: int) -> Iterator[Any]:
    """The rows of a file written one to a line, read line by line: however many rows a file
    holds, only one is ever in memory."""
    where = archive.where(name)
    ended = False
    for number, line in enumerate(archive.lines(name, max_line=max_row), start=1):
        text = line.strip()
        if number == 1 or not text:
            continue
        if ended:
            raise ArchiveError(f"{where}, line {number}: there is more after the closing ']'")
        if text == b"]":
            ended = True
            continue
        try:
            yield json.loads(text.removesuffix(b","))
        except (ValueError, UnicodeDecodeError) as error:
            raise ArchiveError(f"{where}, line {number}: not valid JSON ({error})") from None
    if not ended:
        raise ArchiveError(f"{where}: the list of rows is cut off (no closing ']')")


def _archived_rows(archive: SafeZip, name: str) -> Iterator[dict[str, Any]]:
    """The file's rows one at a time (none when the archive has no such file): line by line
    when it is written one row to a line, as Export writes it, else read whole (an archive from
    before that, or one written by hand) within the limit for one file."""
    where = archive.where(name)
    if name not in archive.namelist():
        return
    max_row = archive.limits.max_member_bytes
    try:
        if _one_row_a_line(archive, name):
            rows: Iterator[Any] = _rows_by_line(archive, name, max_row)
        else:
            rows = items(archive.read(name).decode("utf-8-sig"))
        for row in rows:
            if not isinstance(row, dict):
                raise NotAList("expected a list of objects")
            yield row
    except ArchiveError:
        raise
    except NotAList as error:
        raise ArchiveError(f"{where}: {error}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ArchiveError(f"{where}: not valid JSON ({error})") from None
    except RecursionError:
        raise ArchiveError(f"{where}: nested too deeply to be an archive") from None


def _import_table(
    db: Session,
    archive: SafeZip,
    table: Table,
    user_id: int,
    ids: dict[str, dict[Any, Any]],
) -> int:
    mapping = ids.setdefault(table.name, {})
    rows = _archived_rows(archive, f"{table.name}.json")
    # Rows nothing points at (an import's messages) go in batches; the others one by one, to
    # learn their new ids.
    referenced = any(
        key.column.table is table
        for other in Base.metadata.tables.values()
        for key in other.foreign_keys
    )
    batch: list[dict[str, Any]] = []
    number = 0
    for number, row in enumerate(rows, start=1):
        where = f"{archive.where(table.name + '.json')}, row {number}"
        row = _checked(table, row, where)
        values = {n: _value(table, n, v, archive, where) for n, v in row.items() if n != "id"}
        if "user_id" in table.c:
            values["user_id"] = user_id
        for key in table.foreign_keys:
            column, target = key.parent.name, key.column.table.name
            if column == "user_id" or values.get(column) is None:
                continue
            if values[column] not in ids.get(target, {}):
                raise ArchiveError(f"{where}, field {column!r}: refers to a missing row")
            values[column] = ids[target][values[column]]
        if table.name == "photos":
            if number > MAX_PHOTOS:
                raise ArchiveError(
                    f"{where}: an archive can bring back up to {MAX_PHOTOS:,} photos; this one "
                    "holds more"
                )
            values |= _clean_photo(values, where)
        if table.name == "quiz_attempts":
            values["token"] = secrets.token_urlsafe(24)
        if referenced:
            new_id = db.execute(insert(table).values(**values).returning(table.c.id)).scalar_one()
            mapping[row.get("id")] = new_id
        else:
            batch.append(values)
            if len(batch) >= (PHOTO_BATCH if table.name == "photos" else BATCH):
                db.execute(insert(table), batch)
                batch.clear()
    if batch:
        db.execute(insert(table), batch)
    return number


def _size(source: IO[bytes]) -> int:
    size = source.seek(0, io.SEEK_END)
    source.seek(0)
    return size


def import_archive(
    db: Session,
    user: User,
    source: bytes | IO[bytes],
    *,
    name: str = "archive.zip",
    limits: ZipLimits = LIMITS,
) -> dict[str, int]:
    """Restore an archive (named `name` in messages) into her fresh account, reading it from the
    file, a member at a time, within `limits`; returns rows imported per table. The caller
    commits; on ArchiveError nothing has been written that it won't roll back."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    if _size(handle) > MAX_ARCHIVE_BYTES:
        raise ArchiveError(f"{name}: the archive is too large to import here.")
    if not zipfile.is_zipfile(handle):
        raise ArchiveError(f"{name}: this file isn't an Anew archive (a .zip from Export).")
    try:
        tables = [f"{table.name}.json" for table in her_tables()]
        with open_zip(handle, name, limits, by_line=tables) as archive:
            counts = _import_all(db, user, archive)
    except ZipRefused as error:
        raise ArchiveError(str(error)) from None
    except IntegrityError as error:  # checked row by row, yet two rows may clash
        table = re.search(r"INSERT INTO (\w+)", str(error.statement or ""))
        where = f"{name}!{table.group(1)}.json" if table else name
        raise ArchiveError(
            f"{where}: two of its rows are the same, or one points at a row the archive doesn't "
            "hold, so nothing was imported"
        ) from None
    db.flush()
    changed(db, [user.id])  # the rows went in around the ORM, which would have said so itself
    return counts


def _import_all(db: Session, user: User, archive: SafeZip) -> dict[str, int]:
    if "account.json" not in archive.namelist():
        raise ArchiveError(
            f"{archive.name}: account.json is missing, so this isn't an Anew archive."
        )
    account = _account(archive)
    user.time_zone, user.country = account.time_zone, account.country
    user.vault_looks_back = account.vault_looks_back
    # Safety mode comes along if it was on: an import never switches it off.
    user.safety_mode = user.safety_mode or account.safety_mode
    ids: dict[str, dict[Any, Any]] = {}
    counts = {}
    for table in her_tables():
        if table.name not in NOT_IMPORTED:
            counts[table.name] = _import_table(db, archive, table, user.id, ids)
    return counts


def has_data(db: Session, user_id: int) -> bool:
    """Whether she already has rows of her own (an import needs a fresh account)."""
    return any(
        db.execute(select(table.c.user_id).where(table.c.user_id == user_id).limit(1)).first()
        for table in her_tables()
        if "user_id" in table.c
    )
