"""Dashboard latency as a ratio to a bare ASGI endpoint, both through one client in one run.

    .venv/bin/python bench/bench_dashboard.py [--requests 500] [--database-url URL]

The bare endpoint costs only the ASGI round trip, so the ratio is what Anew itself adds: the session
lookup in the database, the middleware, and rendering the page.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send

from anew.accounts.models import SessionKind
from anew.accounts.service import create_user
from anew.accounts.sessions import start_session
from anew.config import load_settings
from anew.db import upgrade, utcnow
from anew.web.app import create_app
from anew.web.http.deps import SESSION_COOKIE


async def bare_endpoint(scope: Scope, receive: Receive, send: Send) -> None:
    """The competitor: the cheapest possible ASGI answer."""
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def timed(call: Callable[[], object], count: int) -> list[float]:
    """Per-call wall-clock seconds, after a short warm-up."""
    for _ in range(min(20, count)):
        call()
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="anew-bench-"))
    settings = load_settings(data_dir=data_dir, database_url=args.database_url)
    upgrade(settings.resolved_database_url)
    app = create_app(settings)
    with app.state.sessionmaker() as db:
        user = create_user(
            db, email=f"bench-{time.time_ns()}@example.org", password="bench password"
        )
        token = start_session(db, user, SessionKind.WEB, utcnow())
        db.commit()

    with TestClient(app) as anew_client, TestClient(bare_endpoint) as bare_client:
        anew_client.cookies.set(SESSION_COOKIE, token)
        assert anew_client.get("/dashboard").status_code == 200
        dashboard = timed(lambda: anew_client.get("/dashboard"), args.requests)
        bare = timed(lambda: bare_client.get("/"), args.requests)

    def row(name: str, samples: list[float]) -> str:
        ordered = sorted(samples)
        p90 = ordered[int(len(ordered) * 0.9) - 1]
        return f"| {name} | {statistics.median(samples) * 1000:.2f} | {p90 * 1000:.2f} |"

    database = "PostgreSQL" if settings.resolved_database_url.startswith("postgresql") else "SQLite"
    print(
        f"GET /dashboard vs a bare ASGI endpoint, {args.requests} sequential requests, {database}"
    )
    print("| endpoint | median ms | p90 ms |")
    print("|---|---|---|")
    print(row("Anew /dashboard (signed in)", dashboard))
    print(row("bare ASGI endpoint", bare))
    ratio = statistics.median(dashboard) / statistics.median(bare)
    print(f"ratio (median dashboard / median bare): {ratio:.1f}x")
    app.state.engine.dispose()


if __name__ == "__main__":
    main()
