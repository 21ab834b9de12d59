"""Insights for both faces: her check-ins' moods, her urges and slips by weekday and hour in her
own time zone, and the hours that stand out. Read-only, one transaction, typed results."""

from __future__ import annotations

from collections import Counter
from datetime import date

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from anew.accounts.clock import local_date
from anew.db import transaction
from anew.insights import rules
from anew.method.no_contact.models import CheckIn, Contact, Urge


class MoodDay(BaseModel):
    day: date
    mood: int


class HardHour(BaseModel):
    weekday: int  # 0 = Monday
    hour: int  # 0-23, her own clock
    why: str


class Insights(BaseModel):
    """GET /api/v1/insights: her moods oldest first; urges plus slips (contacts that broke a
    no-contact period) counted by weekday (0 = Monday) and hour in her time zone; hard hours."""

    mood: list[MoodDay]
    urges_by_weekday_hour: list[list[int]]
    hard_hours: list[HardHour]


class DayMarks(BaseModel):
    """What happened on one of her days, to mark on the mood line."""

    day: date
    urges: int
    contacts: int  # contacts that did not break a period
    slips: int


class Overview(BaseModel):
    insights: Insights
    days: list[DayMarks]


def overview(db: Session, user_id: int, *, time_zone: str) -> Overview:
    """Everything the insights page shows, read in one transaction."""
    with transaction(db):
        moods = db.execute(
            select(CheckIn.day, CheckIn.mood)
            .where(CheckIn.user_id == user_id)
            .order_by(CheckIn.day)
        ).all()
        urge_times = list(db.scalars(select(Urge.at).where(Urge.user_id == user_id)))
        contacts = db.execute(
            select(Contact.at, Contact.broke_period).where(Contact.user_id == user_id)
        ).all()
    slip_times = [at for at, broke in contacts if broke]
    urges = rules.place(urge_times, time_zone)
    slips = rules.place(slip_times, time_zone)
    hard = [
        HardHour(weekday=cell.weekday, hour=cell.hour, why=rules.why(cell))
        for cell in rules.hard_cells(urges, slips)
    ]
    insights = Insights(
        mood=[MoodDay(day=day, mood=mood) for day, mood in moods],
        urges_by_weekday_hour=rules.added(urges, slips),
        hard_hours=hard,
    )
    marks: dict[str, Counter[date]] = {
        "urges": Counter(),
        "contacts": Counter(),
        "slips": Counter(),
    }
    for at in urge_times:
        marks["urges"][local_date(at, time_zone)] += 1
    for at, broke in contacts:
        marks["slips" if broke else "contacts"][local_date(at, time_zone)] += 1
    days = sorted(set().union(*marks.values()))
    return Overview(
        insights=insights,
        days=[
            DayMarks(
                day=day,
                urges=marks["urges"][day],
                contacts=marks["contacts"][day],
                slips=marks["slips"][day],
            )
            for day in days
        ],
    )


def insights(db: Session, user_id: int, *, time_zone: str) -> Insights:
    return overview(db, user_id, time_zone=time_zone).insights
