"""Her dates as an iCalendar document: all-day milestones and plans, and repeating habit
reminders at her time of day. Plain functions of plain data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from icalendar import Calendar, Event

from anew.accounts.clock import zone


@dataclass(frozen=True)
class Item:
    """One thing to put in her calendar: an all-day date, or a repeating reminder."""

    uid: str
    summary: str
    on: date
    repeat: str = ""  # "DAILY" or "WEEKLY" for habit reminders at her chosen time
    description: str = ""


def build_calendar(
    items: Sequence[Item], *, time_zone: str, reminder_time: str, stamp: datetime
) -> bytes:
    """A valid iCalendar document; reminders start at her time of day in her time zone."""
    calendar = Calendar()
    calendar.add("prodid", "-//Anew//Private calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Anew")
    hour, minute = (int(part) for part in reminder_time.split(":"))
    for item in items:
        event = Event()
        event.add("uid", f"{item.uid}@anew")
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        if item.repeat:
            start = datetime.combine(item.on, time(hour, minute), tzinfo=zone(time_zone))
            event.add("dtstart", start)
            event.add("duration", timedelta(minutes=15))
            event.add("rrule", {"freq": item.repeat})
        else:
            event.add("dtstart", item.on)
            event.add("dtend", item.on + timedelta(days=1))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def nocontact_items(state: dict[str, Any] | None, today: date) -> list[Item]:
    """Her coming no-contact milestones and target, dated from today's count."""
    if not state or state.get("status") == "completed":
        return []
    counted = int(state["days_counted"])
    items = []
    for mark in state["milestones"]:
        if mark["reached"]:
            continue
        day = int(mark["day"])
        summary = (
            f"Your no-contact target: day {day}. You did this for you."
            if mark["is_target"]
            else f"Day {day} of your no contact. Be proud of yourself."
        )
        on = today + timedelta(days=day - counted)
        items.append(Item(f"nocontact-{state['started_on']}-{day}", summary, on))
    return items
