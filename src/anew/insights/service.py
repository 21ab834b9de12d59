"""Insights for both faces: her check-ins' moods, her urges and slips by weekday and hour in her
own time zone, and the hours that stand out. Read-only, one transaction, typed results."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime

from pydantic import BaseModel
from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from anew.accounts.clock import local_date
from anew.chats.models import ChatImport, ChatMessage
from anew.db import transaction
from anew.insights import rules
from anew.method.no_contact.models import CheckIn, Contact, Urge

BATCH = 500  # members whose moments are read in one statement
TALK_TOO = " It is also when you two used to write most."


class MoodDay(BaseModel):
    day: date
    mood: int


class HardHour(BaseModel):
    weekday: int  # 0 = Monday
    hour: int  # 0-23, her own clock
    why: str


class Insights(BaseModel):
    """GET /api/v1/insights: her moods oldest first; urges plus slips (contacts that broke a
    no-contact period) counted by weekday (0 = Monday) and hour in her time zone; hard hours;
    and the messages of her imported chats by weekday and hour, on the exports' own clock
    (null without an imported chat, and always in safety mode)."""

    mood: list[MoodDay]
    urges_by_weekday_hour: list[list[int]]
    hard_hours: list[HardHour]
    talk_by_weekday_hour: list[list[int]] | None = None


class DayMarks(BaseModel):
    """What happened on one of her days, to mark on the mood line."""

    day: date
    urges: int
    contacts: int  # contacts that did not break a period
    slips: int


class Overview(BaseModel):
    insights: Insights
    days: list[DayMarks]
    talked_most: str = ""


def talk_grid(db: Session, user_id: int) -> list[list[int]] | None:
    """Her imported chats' messages by weekday (0 = Monday) and hour, as the exports wrote their
    times (the phone's clock); None when she has imported none."""
    weekday = extract("dow", ChatMessage.timestamp)  # 0 = Sunday on SQLite and PostgreSQL
    hour = extract("hour", ChatMessage.timestamp)
    counted = db.execute(
        select(weekday, hour, func.count())
        .join(ChatImport, ChatImport.id == ChatMessage.import_id)
        .where(ChatImport.user_id == user_id)
        .group_by(weekday, hour)
    ).all()
    if not counted:
        return None
    grid = rules.empty_grid()
    for day, at, count in counted:
        grid[(int(day) + 6) % 7][int(at)] += count
    return grid


def overview(db: Session, user_id: int, *, time_zone: str, safety_mode: bool = False) -> Overview:
    """Everything the insights page shows, read in one transaction. Safety mode shows nothing
    of him: no chat."""
    with transaction(db):
        talk = None if safety_mode else talk_grid(db, user_id)
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
    cells = rules.hard_cells(urges, slips)
    shared = set(rules.hard_when_you_talked(cells, talk) if talk else [])
    hard = [
        HardHour(
            weekday=cell.weekday,
            hour=cell.hour,
            why=rules.why(cell) + (TALK_TOO if cell in shared else ""),
        )
        for cell in cells
    ]
    insights = Insights(
        mood=[MoodDay(day=day, mood=mood) for day, mood in moods],
        urges_by_weekday_hour=rules.added(urges, slips),
        hard_hours=hard,
        talk_by_weekday_hour=talk,
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
        talked_most=rules.talked_most(talk) if talk else "",
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


def insights(db: Session, user_id: int, *, time_zone: str, safety_mode: bool = False) -> Insights:
    return overview(db, user_id, time_zone=time_zone, safety_mode=safety_mode).insights


def hard_hours_of(db: Session, zones: dict[int, str]) -> dict[int, list[rules.Cell]]:
    """The hard hours of many members at once (id -> her time zone), for the heads-up round:
    their urges and slips read in a few statements, not one per member."""
    moments: dict[int, tuple[list[datetime], list[datetime]]] = defaultdict(lambda: ([], []))
    ids = sorted(zones)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for user_id, at in db.execute(select(Urge.user_id, Urge.at).where(Urge.user_id.in_(chunk))):
            moments[user_id][0].append(at)
        slips = select(Contact.user_id, Contact.at).where(
            Contact.user_id.in_(chunk), Contact.broke_period.is_(True)
        )
        for user_id, at in db.execute(slips):
            moments[user_id][1].append(at)
    return {
        user_id: rules.hard_cells(
            rules.place(urges, zones[user_id]), rules.place(slips, zones[user_id])
        )
        for user_id, (urges, slips) in moments.items()
    }
