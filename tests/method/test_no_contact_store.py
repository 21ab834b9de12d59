from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from anew.method.no_contact import store as progress
from anew.method.no_contact.models import NoContactPeriod, Pause
from tests.people import Person


def test_her_summary_reads_every_pause_in_one_query(db: Session, alice: Person) -> None:
    start = date(2026, 1, 1)
    for number in range(6):
        first = start + timedelta(days=10 * number)
        status = "active" if number == 5 else "broken"
        period = NoContactPeriod(
            user_id=alice.id,
            started_on=first,
            target_days=30,
            status=status,
            ended_on=None if status == "active" else first + timedelta(days=9),
        )
        db.add(period)
        db.flush()
        db.add(
            Pause(
                user_id=alice.id,
                period_id=period.id,
                starts_on=first + timedelta(days=2),
                ends_on=first + timedelta(days=3),
            )
        )
    db.flush()
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(str(args[2]))

    engine = db.get_bind()
    event.listen(engine, "before_cursor_execute", seen)
    try:
        state = progress.state(db, alice.id, date(2026, 3, 10))
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert state is not None
    assert state["days_paused"] == 1
    assert sum("nocontact_pauses" in s for s in statements) == 1
