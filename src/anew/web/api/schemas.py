"""Shapes shared by the API's endpoints: error answers, request bodies, and the field types that
never coerce silently (0 is not a date, "7" is not a number, "yes" is not true)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from fastapi import Path
from pydantic import AfterValidator, BaseModel, BeforeValidator, field_validator

from anew.db import utcnow
from anew.storable import storable


class Problem(BaseModel):
    """An error answer: what went wrong, in words a person can read."""

    detail: str


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Missing, wrong, revoked or expired credentials"},
}

# For endpoints that take a body: bytes that are not JSON (or not a form) are refused with 400.
BAD_BODY: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The body could not be read"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "Not yours"}}
RESPONSES = {**ERROR_RESPONSES, **BAD_BODY, **NOT_FOUND}
# For writes that take an Idempotency-Key: the same key already sent with a different kind of write.
KEY_REUSED: dict[int | str, dict[str, Any]] = {
    409: {"model": Problem, "description": "This Idempotency-Key came with a different write"}
}


# For endpoints where a bearer token is optional (anonymous callers are welcome): adds the
# empty security requirement next to the bearer one, so the document says "token or none".
OPTIONAL_AUTH: dict[str, Any] = {"security": [{}]}


class ApiModel(BaseModel):
    """A request body. Text may not carry NUL characters: no database can store them."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        return storable(value) if isinstance(value, str) else value


def _iso_day(value: object) -> object:
    """A day is written 2026-11-26; pydantic alone would also read 0 or "0" as a timestamp."""
    if isinstance(value, date) or (isinstance(value, str) and ISO_DAY.fullmatch(value)):
        return value
    raise ValueError("must be a date written as YYYY-MM-DD, e.g. 2026-11-26")


def _text_only(value: object) -> object:
    """A moment is ISO 8601 text; a bare number is not taken as a timestamp."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("must be a date and time written as text, e.g. 2026-11-26T21:30:00Z")
    return value


def _plausible(value: datetime) -> datetime:
    """A moment after 1970 and not in the future (a day's slack for time zones)."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    if not EARLIEST <= aware <= utcnow() + timedelta(days=1):
        raise ValueError("must be a real moment, not in the future")
    return aware


def _plausible_local(value: datetime) -> datetime:
    """As _plausible, but a moment written without an offset stays without one: the route reads
    it in her own time zone (the day's slack covers any zone)."""
    _plausible(value)
    return value


ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
IsoDate = Annotated[date, BeforeValidator(_iso_day)]
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
IsoDateTime = Annotated[datetime, BeforeValidator(_text_only), AfterValidator(_plausible)]
# A moment where one without an offset is her local time, not UTC (the draft check's `at`).
LocalIsoDateTime = Annotated[
    datetime, BeforeValidator(_text_only), AfterValidator(_plausible_local)
]
# Ids are database integers; anything outside their range can only be a 404 or a 422.
RowId = Annotated[int, Path(ge=1, le=2**31 - 1)]
