"""Searching her journal: the app's search (every word, folded in Python, the same answer on
SQLite and PostgreSQL) against SQL's LIKE doing the same search in the database, and against
listing her journal with no search at all, in one run, median of several.

    .venv/bin/python bench/journal_search.py [--entries 3650] [--runs 15] [--database-url URL]

One member with `--entries` entries of about 600 characters (ten years of one a day, by
default), in an in-memory SQLite database unless `--database-url` names another (an empty
PostgreSQL database, say). The LIKE baseline folds only A to Z on SQLite, so it is the floor of
a database-side search, not an equal one: the figures say what folding in Python costs over it.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import create_engine, func, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from anew.accounts.models import User
from anew.db import Base
from anew.journal import service
from anew.journal.models import JournalEntry
from anew.tables import load_models

WORDS = [
    "today",
    "the",
    "flat",
    "felt",
    "still",
    "and",
    "I",
    "wanted",
    "to",
    "write",
    "to",
    "him",
    "instead",
    "I",
    "made",
    "tea",
    "walked",
    "by",
    "the",
    "river",
    "called",
    "my",
    "sister",
    "read",
    "a",
    "chapter",
    "and",
    "the",
    "night",
    "passed",
    "slowly",
    "but",
    "it",
    "passed",
]
QUERY = "quiet evening"


def text_of(number: int) -> str:
    """About 600 characters, a little different each day; one in ten holds both query words."""
    words = [WORDS[(number * 7 + i * 3) % len(WORDS)] for i in range(110)]
    if number % 10 == 0:
        words[5:5] = ["quiet", "Evening"]
    return " ".join(words)[:600]


def seed(db: Session, entries: int) -> int:
    user = User(email="bench@example.org", password_hash="x", time_zone="UTC")
    db.add(user)
    db.flush()
    first = date(2016, 1, 1)
    db.add_all(
        JournalEntry(
            user_id=user.id,
            text=text_of(n),
            mood=1 + n % 10,
            written_on=first + timedelta(days=n),
            created_at=datetime(2016, 1, 1, tzinfo=UTC) + timedelta(days=n),
        )
        for n in range(entries)
    )
    db.commit()
    return user.id


def like_search(db: Session, user_id: int) -> int:
    """The same words found by the database: lower(text) LIKE '%word%' for each."""
    query = select(JournalEntry).where(JournalEntry.user_id == user_id)
    for word in QUERY.split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(func.lower(JournalEntry.text).like(f"%{escaped}%", escape="\\"))
    order = (JournalEntry.written_on.desc(), JournalEntry.id.desc())
    return len([service.EntryOut.model_validate(row) for row in db.scalars(query.order_by(*order))])


def median_ms(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=3650)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database-url", default="sqlite://")
    options = parser.parse_args()
    load_models()
    if options.database_url == "sqlite://":
        engine = create_engine("sqlite://", poolclass=StaticPool)
    else:
        engine = create_engine(options.database_url)
    if inspect(engine).get_table_names():
        raise SystemExit(f"{engine.url.database} has tables already: name an empty database")
    Base.metadata.create_all(engine)
    with Session(engine, expire_on_commit=False) as db:
        user_id = seed(db, options.entries)
        found = len(service.entries(db, user_id, query=QUERY))
        assert found == like_search(db, user_id), "both ways must find the same entries"
        cases = {
            "the page's first 30, no search": lambda: service.search(db, user_id, limit=30),
            "all of them, no search": lambda: service.entries(db, user_id),
            f"search {QUERY!r}, folded in Python (the app)": lambda: service.entries(
                db, user_id, query=QUERY
            ),
            f"search {QUERY!r}, SQL LIKE (baseline)": lambda: like_search(db, user_id),
            f"search {QUERY!r}, the page's first 30": lambda: service.search(
                db, user_id, query=QUERY, limit=30
            ),
        }
        results = {name: median_ms(action, options.runs) for name, action in cases.items()}
    Base.metadata.drop_all(engine)
    print(f"{engine.dialect.name}, {options.entries:,} entries, {found} found, {options.runs} runs")
    for name, ms in results.items():
        print(f"  {name:<52} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
