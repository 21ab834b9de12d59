"""Her data archive's import, with every row checked: a chat of N messages restored into an
in-memory SQLite database, median of several runs.

    .venv/bin/python bench/archive_import.py [--messages 100000] [--runs 5]

The baseline in the same run is json.loads of the same chat_messages.json, the least any import
of the file must do, so the figures can be compared across machines.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import time
import zipfile
from collections.abc import Callable

from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from anew.accounts.models import User
from anew.db import Base
from anew.tables import load_models
from anew.your_data.archive import import_archive

REPORT = {
    **{name: {"Ana": 1} for name in ("messages", "words")},
    **{name: {} for name in ("initiated", "ended", "double_texts", "reply_seconds")},
    "conversations": 1,
    "first": None,
    "last": None,
    "format": "whatsapp",
    "title": "",
    "participants": ["Ana", "Sam"],
    "me": None,
    "gap_hours": 6.0,
}


def archive(messages: int, *, by_line: bool = False) -> tuple[bytes, bytes]:
    """The archive, and its chat_messages.json alone: written whole (indented, as older exports
    were), or one row to a line as Export writes it now."""
    chat = {"id": 1, "name": "Chat", "format": "whatsapp", "title": "", "me": None}
    chat |= {"participants": ["Ana", "Sam"], "message_count": messages, "keep_text": False}
    chat |= {"report": REPORT, "created_at": "2026-11-20T10:00:00+00:00"}
    rows = [
        {"id": n, "import_id": 1, "position": n, "timestamp": "2024-03-13T09:00:00"}
        | {"sender": "Ana" if n % 2 else "Sam", "kind": "text", "chars": 10, "words": 2}
        | {"text": None}
        for n in range(messages)
    ]
    if by_line:
        listed = ("[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n").encode()
    else:
        listed = json.dumps(rows, indent=1).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("account.json", json.dumps({"time_zone": "Europe/Paris"}))
        zipped.writestr("chat_imports.json", json.dumps([chat]))
        zipped.writestr("chat_messages.json", listed)
    return out.getvalue(), listed


def median_seconds(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    load_models()
    engine = create_engine("sqlite://", poolclass=StaticPool)
    Base.metadata.create_all(engine)
    with Session(engine) as db:
        db.add(User(email="bench@example.org", password_hash="!"))
        db.commit()
    data, listed = archive(options.messages)
    by_line, _ = archive(options.messages, by_line=True)

    def restore(archived: bytes) -> None:
        with Session(engine) as db:
            user = db.get(User, 1)
            assert user is not None
            import_archive(db, user, archived)
            db.rollback()

    baseline = median_seconds(lambda: json.loads(listed), options.runs)
    whole = median_seconds(lambda: restore(data), options.runs)
    lines = median_seconds(lambda: restore(by_line), options.runs)
    print(f"{options.messages:,} messages, archive {len(data) / 1e6:.1f} MB")
    print(f"json.loads of chat_messages.json (baseline): {baseline:.2f} s")
    print(f"import, every row checked, file written whole: {whole:.2f} s")
    print(f"import, every row checked, one row a line (as Export writes): {lines:.2f} s")


if __name__ == "__main__":
    main()
