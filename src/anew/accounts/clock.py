"""Her days begin at her own midnight: dates in the account's time zone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(time_zone: str) -> ZoneInfo:
    """The account's zone; an unknown name (an old tz database) falls back to UTC."""
    try:
        return ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_date(moment: datetime, time_zone: str) -> date:
    """The calendar day a moment falls on, where she lives."""
    return moment.astimezone(zone(time_zone)).date()
