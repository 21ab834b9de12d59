"""In-process chat timings: parse + every metric, and a whole web import (upload to stored rows).

    .venv/bin/python bench/chat_import.py [--messages 1000000] [--runs 3] [--database-url URL]

The baseline in the same run is reading the same file's bytes from disk, so the figures can be
compared across machines. A PostgreSQL database named in the URL is dropped and made afresh.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from anew.accounts.models import SessionKind
from anew.accounts.service import create_user
from anew.accounts.sessions import start_session
from anew.chats.loading import load_chat
from anew.chats.report import analyze
from anew.config import load_settings
from anew.db import upgrade, utcnow
from anew.web.app import create_app
from chats import generate  # bench/chats.py, beside this script
from web import fresh_postgres  # bench/web.py, beside this script


def median_seconds(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def web_import(path: Path, database_url: str | None) -> float:
    """Seconds for POST /api/v1/chats with the file, on a fresh data directory."""
    data_dir = Path(tempfile.mkdtemp(prefix="anew-import-bench-"))
    settings = load_settings(data_dir=data_dir, database_url=database_url)
    upgrade(settings.resolved_database_url)
    app = create_app(settings)
    with app.state.sessionmaker() as db:
        user = create_user(
            db, email=f"bench{time.time_ns()}@example.org", password="bench password"
        )
        token = start_session(db, user, SessionKind.API, utcnow())
        db.commit()
    with TestClient(app) as client, path.open("rb") as handle:
        start = time.perf_counter()
        response = client.post(
            "/api/v1/chats",
            files={"file": (path.name, handle)},
            headers={"Authorization": f"Bearer {token}"},
        )
        seconds = time.perf_counter() - start
    assert response.status_code == 201, response.text
    app.state.engine.dispose()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    if (args.database_url or "").startswith("postgresql"):
        fresh_postgres(args.database_url)  # dropped and made again: every run starts empty
    path = Path(tempfile.mkdtemp(prefix="anew-import-bench-")) / "chat.txt"
    generate(path, args.messages)
    read = median_seconds(path.read_bytes, args.runs)
    parse_and_measure = median_seconds(lambda: analyze(load_chat(path)), args.runs)
    imports = [web_import(path, args.database_url) for _ in range(args.runs)]
    database = "PostgreSQL" if (args.database_url or "").startswith("postgresql") else "SQLite"
    print(f"| {args.messages:,} messages | median s |")
    print("|---|---|")
    print(f"| read the file's bytes (baseline) | {read:.2f} |")
    print(f"| parse + every metric, in process | {parse_and_measure:.2f} |")
    print(
        f"| web import via POST /api/v1/chats into {database} | {statistics.median(imports):.2f} |"
    )


if __name__ == "__main__":
    main()
