"""What a row of her archive may hold, as pydantic models made from the tables themselves.

An archive is input like any form: each field is checked for its column's type (strictly: "3" is
not a number), its length, the words a vocabulary allows and the range a check allows, and the
JSON columns for their own shape (a chat's report is a Report, so a chart never meets a month that
is not a month). A new column is checked the day it is added, with no one remembering to.
"""

from __future__ import annotations

import re
import zoneinfo
from functools import cache
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
)
from pydantic import create_model as create_pydantic_model
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
)

from anew.accounts.clock import HH_MM
from anew.chats.report_model import Report
from anew.insights.models import PLAN_MAX
from anew.journal import rules as journal
from anew.method.no_contact.rules import MAX_TARGET

DATE = r"^\d{4}-\d{2}-\d{2}$"
DATETIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$"
FILE_IN_ARCHIVE = r"^[a-z_]+/\d{1,19}-[a-z_]+\.bin$"
INT32 = 2**31 - 1
INT64 = 2**63 - 1
Name = Annotated[StrictStr, Field(max_length=200)]


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _a_zone(name: str) -> str:
    if not name.strip():  # an account made without a zone before sign-up filled one in: UTC
        return "UTC"
    if name not in _zones():
        raise ValueError(f"{name[:64]!r} is not a time zone (e.g. Europe/Paris)")
    return name


class Account(BaseModel):
    """account.json: her settings as exported (the email and dates are for her eyes only)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    email: Annotated[StrictStr, Field(max_length=320)] | None = None
    time_zone: Annotated[StrictStr, Field(max_length=64), AfterValidator(_a_zone)] = "UTC"
    country: Annotated[StrictStr, Field(pattern=r"^([A-Z]{2})?$")] = ""
    safety_mode: StrictBool = False
    vault_looks_back: StrictBool = False  # absent from archives made before it existed: off
    created_at: Annotated[StrictStr, Field(pattern=DATETIME, max_length=40)] | None = None
    exported_at: Annotated[StrictStr, Field(pattern=DATETIME, max_length=40)] | None = None
    format_version: Annotated[StrictInt, Field(ge=1, le=1)] = 1


# JSON columns, each with the shape it must have.
JSON_SHAPES: dict[tuple[str, str], Any] = {
    ("chat_imports", "report"): Report,
    ("chat_imports", "participants"): Annotated[list[Name], Field(max_length=10_000)],
    ("safety_checks", "answers"): dict[
        Annotated[StrictStr, Field(max_length=64)], Annotated[StrictStr, Field(max_length=64)]
    ],
}
# The ranges the app's own forms and API allow, where no check in the database holds them.
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("checkins", "mood"): (1, 10),
    ("urges", "intensity"): (1, 10),
    ("nocontact_periods", "target_days"): (1, MAX_TARGET),
    ("makeover_items", "budget_cents"): (0, 1_000_000_000),
    ("makeover_items", "cost_cents"): (0, 1_000_000_000),
    ("chat_imports", "message_count"): (0, INT32),
    ("chat_messages", "position"): (0, INT32),
    ("chat_messages", "chars"): (0, INT32),
    ("chat_messages", "words"): (0, INT32),
}
# Text the app's own forms and API hold to less than MAX_TEXT, and keys written in a set alphabet.
LENGTHS: dict[tuple[str, str], int] = {
    ("journal_entries", "text"): journal.MAX_TEXT,
    ("hard_hours_plans", "text"): PLAN_MAX,
}
PATTERNS: dict[tuple[str, str], str] = {
    ("journal_entries", "idempotency_key"): f"^{journal.KEY.pattern}$",
    ("habits", "remind_at"): HH_MM,
}
MAX_TEXT = 1_000_000  # characters in a text column; her longest note is far shorter
IN_LIST = re.compile(r"^(\w+) IN \((.*)\)$")
BETWEEN = re.compile(r"^(\w+) BETWEEN (-?\d+) AND (-?\d+)$")


def _checks(table: Table) -> dict[str, dict[str, Any]]:
    """The limits the table's check constraints put on a column, as Field arguments."""
    found: dict[str, dict[str, Any]] = {}
    for constraint in table.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        sql = str(constraint.sqltext).strip()
        if match := IN_LIST.match(sql):
            words = re.findall(r"'([^']*)'", match.group(2))
            pattern = "^(" + "|".join(re.escape(word) for word in words) + ")$"
            found[match.group(1)] = {"pattern": pattern}
        elif match := BETWEEN.match(sql):
            found[match.group(1)] = {"ge": int(match.group(2)), "le": int(match.group(3))}
    return found


def _kind(table: Table, column: Column[Any]) -> Any:
    kind = column.type
    base = getattr(kind, "impl", kind)
    if isinstance(base, JSON):
        if (table.name, column.name) not in JSON_SHAPES:
            raise TypeError(f"{table.name}.{column.name}: JSON with no shape in JSON_SHAPES")
        return JSON_SHAPES[(table.name, column.name)]
    if isinstance(base, Boolean):
        return StrictBool
    if isinstance(base, BigInteger):
        return Annotated[StrictInt, Field(ge=-INT64, le=INT64)]
    if isinstance(base, Integer):
        return Annotated[StrictInt, Field(ge=-INT32, le=INT32)]
    if isinstance(base, (Float, Numeric)):
        return StrictFloat | StrictInt
    if isinstance(base, LargeBinary):
        return Annotated[StrictStr, Field(pattern=FILE_IN_ARCHIVE, max_length=200)]
    if isinstance(base, DateTime):
        return Annotated[StrictStr, Field(pattern=DATETIME, max_length=40)]
    if isinstance(base, Date):
        return Annotated[StrictStr, Field(pattern=DATE)]
    if isinstance(base, String):
        return Annotated[StrictStr, Field(max_length=base.length or MAX_TEXT)]
    raise TypeError(f"{table.name}.{column.name}: no archive check for {kind!r}")


@cache
def row_model(table: Table) -> type[BaseModel]:
    """The model one row of `table` in an archive must fit; unknown fields are refused."""
    checks = _checks(table)
    fields: dict[str, Any] = {}
    for column in table.columns:
        kind = _kind(table, column)
        if column.name in checks:
            kind = Annotated[kind, Field(**checks[column.name])]
        if (table.name, column.name) in RANGES:
            low, high = RANGES[(table.name, column.name)]
            kind = Annotated[kind, Field(ge=low, le=high)]
        if (table.name, column.name) in LENGTHS:
            kind = Annotated[kind, Field(max_length=LENGTHS[(table.name, column.name)])]
        if (table.name, column.name) in PATTERNS:
            kind = Annotated[kind, Field(pattern=PATTERNS[(table.name, column.name)])]
        nullable = column.nullable or column.primary_key or column.name == "user_id"
        may_be_left_out = column.default is not None or column.server_default is not None
        if nullable:  # a primary key is made afresh, and she is whoever imports it
            fields[column.name] = (kind | None, None)
        elif may_be_left_out:  # left out, the database's default applies; null is refused
            fields[column.name] = (kind, None)
        else:
            fields[column.name] = (kind, ...)
    config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)
    return create_pydantic_model(f"ArchiveRow_{table.name}", __config__=config, **fields)


@cache
def _shaped_fields(table: Table) -> tuple[str, ...]:
    """The table's JSON columns whose shape is a model (written back in the model's own form)."""
    return tuple(
        name
        for (table_name, name), shape in JSON_SHAPES.items()
        if table_name == table.name and isinstance(shape, type) and issubclass(shape, BaseModel)
    )


def checked_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """The row's fields as given, once each has been checked (ValidationError when one is
    wrong); JSON columns come back in the shape their model writes."""
    model = row_model(table).model_validate(row)
    values = dict(row)
    for name in _shaped_fields(table):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            values[name] = value.model_dump(mode="json", exclude_unset=True)
    return values
