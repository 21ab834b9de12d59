"""Her days begin at her own midnight: dates in the account's time zone."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# A time of day on her clock, as forms and the API take it.
HH_MM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
UNKNOWN_ZONE = (
    "We don't know that time zone. Start typing your city or region (for example Europe/Paris) "
    "and pick it from the list."
)


def zone(time_zone: str) -> ZoneInfo:
    """The account's zone; an unknown name (an old tz database) falls back to UTC."""
    try:
        return ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_date(moment: datetime, time_zone: str) -> date:
    """The calendar day a moment falls on, where she lives."""
    return moment.astimezone(zone(time_zone)).date()


@cache
def time_zone_names() -> tuple[str, ...]:
    """Every IANA time zone name this system knows, sorted for a searchable list."""
    return tuple(sorted(zoneinfo.available_timezones()))


def checked_time_zone(name: str) -> str:
    """A time zone as she typed it or her browser gave it: blank is UTC, unknown a ValueError."""
    name = name.strip()
    if not name:
        return "UTC"
    if name not in time_zone_names():
        raise ValueError(UNKNOWN_ZONE)
    return name
