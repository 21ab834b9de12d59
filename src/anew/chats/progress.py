"""Import progress that every server process can read: stage, rows stored, and how it ended.

An import is one transaction, so nothing of it is visible until it commits; progress is written
beside it in short transactions of its own. SQLite allows one writer at a time, so there the
import reports its stages but not its row count while it stores (the count would wait for the
import's own lock); PostgreSQL reports every chunk.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from anew.chats.models import ImportProgress
from anew.db import utcnow

PROGRESS_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"
KEY = re.compile(PROGRESS_PATTERN)
# No word for this long while reading or storing: the process that ran it has gone.
STALE_AFTER = timedelta(minutes=2)
FINISHED = ("done", "failed")


def _find(db: Session, user_id: int, key: str) -> ImportProgress | None:
    return db.scalar(
        select(ImportProgress).where(ImportProgress.user_id == user_id, ImportProgress.key == key)
    )


class ProgressReporter:
    """Writes one upload's progress; a reporter without a key writes nothing."""

    def __init__(self, maker: sessionmaker[Session], user_id: int, key: str | None) -> None:
        self.maker, self.user_id, self.key = maker, user_id, key
        self.counts_rows = maker.kw["bind"].dialect.name != "sqlite"

    def __call__(
        self,
        stage: str,
        *,
        done: int = 0,
        total: int = 0,
        import_id: int | None = None,
        error: str = "",
    ) -> None:
        if self.key is None or (stage == "storing" and done and not self.counts_rows):
            return
        try:
            with self.maker() as db:
                row = _find(db, self.user_id, self.key)
                if row is None:
                    row = ImportProgress(user_id=self.user_id, key=self.key)
                    db.add(row)
                row.stage, row.done, row.total = stage, done, total
                row.import_id, row.error, row.updated_at = import_id, error[:2000], utcnow()
                db.commit()
        except SQLAlchemyError:
            pass  # progress is a courtesy: it must never fail the import it describes


def read_progress(db: Session, user_id: int, key: str, now: datetime) -> dict[str, Any] | None:
    """Her upload's progress; `state` is running, done, failed, or interrupted when the process
    doing it stopped answering (a restart, a crash)."""
    row = _find(db, user_id, key)
    if row is None:
        return None
    if row.stage in FINISHED:
        state = row.stage
    else:
        state = "interrupted" if now - row.updated_at > STALE_AFTER else "running"
    return {
        "state": state,
        "stage": row.stage,
        "done": row.done,
        "total": row.total,
        "percent": round(100 * row.done / row.total) if row.total else None,
        "import_id": row.import_id,
        "error": row.error,
        "updated_at": row.updated_at.isoformat(),
    }
