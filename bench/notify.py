"""Sending the notifications due at one moment for N members (10,000 by default), each with one
device, to a push-service stand-in on the loopback: one whole round as `anew notify --once` runs
it (rows made, claimed, encrypted, sent, written down), with its queries and memory. Every member
also asked for the heads-up before her hard hours and logged URGES urges, so the bench first times
a minute with nothing to send in which the heads-up must be worked out for everyone (at 20:45,
a quarter of an hour before a new hour): the cost each such minute adds to the round.

    .venv/bin/python bench/notify.py [--members 10000] [--database-url postgresql+psycopg://...]

The floor in the same run is pywebpush sending the same messages to the same devices in a bare
loop (no database at all): what any sender of these messages must spend.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import event, insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.push_service import Browser, push_service

from anew.accounts.models import User
from anew.config import load_settings
from anew.db import make_engine, upgrade
from anew.method.no_contact.models import Urge
from anew.notifications.models import NotificationPreferences
from anew.notifications.sender import make_due, run_once
from anew.notifications.vocabulary import NoticeKind
from anew.notifications.wording import message
from anew.push.delivery import Device, deliver
from anew.push.models import PushSubscription
from anew.push.service import setup
from anew.tables import make_sessionmaker

DUE = datetime(2026, 12, 4, 21, 0, 30, tzinfo=UTC)  # a Friday
QUIET_MINUTE = datetime(2026, 12, 4, 20, 45, 30, tzinfo=UTC)
URGES = 12  # each member's, on Sunday evenings: a hard hour, but not on a Friday
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def seed(url: str, members: int, base: str) -> list[Device]:
    """N members who chose a 21:00 check-in (UTC), each with one device of the stand-in's."""
    engine = make_engine(url)
    browsers = [Browser() for _ in range(min(members, 50))]  # keys reused: same work per message
    devices = []
    with engine.begin() as connection:
        connection.execute(
            insert(User),
            [
                {"email": f"m{n}@example.org", "password_hash": "x", "time_zone": "UTC"}
                | {"role": "member", "created_at": NOW, "password_changed_at": NOW}
                for n in range(1, members + 1)
            ],
        )
        connection.execute(
            insert(NotificationPreferences),
            [
                {"user_id": n, "checkin_at": "21:00", "habits": False, "milestones": False}
                | {"hard_hours": True, "quiet_from": "22:00", "quiet_to": "08:00"}
                | {"plain_wording": False, "updated_at": NOW}
                for n in range(1, members + 1)
            ],
        )
        rows = []
        for n in range(1, members + 1):
            keys = browsers[n % len(browsers)].keys()
            endpoint = f"{base}/send/{n}"
            devices.append(Device(endpoint, keys["p256dh"], keys["auth"]))
            rows.append(
                {"user_id": n, "endpoint": endpoint, "label": "phone", "created_at": NOW, **keys}
            )
        connection.execute(insert(PushSubscription), rows)
        sundays = [datetime(2026, 9, 6, 21, 10, tzinfo=UTC) + timedelta(weeks=w) for w in range(12)]
        connection.execute(
            insert(Urge),
            [
                {"user_id": n, "at": at, "intensity": 6}
                for n in range(1, members + 1)
                for at in sundays[:URGES]
            ],
        )
    engine.dispose()
    return devices


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--database-url", help="an empty database (default: a new SQLite file)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="anew-notify-bench-"))
    url = args.database_url or f"sqlite:///{folder / 'bench.db'}"
    upgrade(url)
    settings = load_settings(
        data_dir=folder,
        database_url=url,
        secret_key="b" * 40,
        push_allow_loopback=True,
        vapid_subject="mailto:admin@example.org",
    )
    with push_service() as stand_in:
        devices = seed(url, args.members, stand_in.base)
        engine = make_engine(url)
        queries = 0

        def count(*_: object) -> None:
            nonlocal queries
            queries += 1

        event.listen(engine, "before_cursor_execute", count)
        factory = make_sessionmaker(engine)
        start = time.perf_counter()
        with factory() as db:
            quiet_made = make_due(db, QUIET_MINUTE)
        quiet_s, quiet_queries = time.perf_counter() - start, queries
        queries = 0
        before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        done = run_once(factory, settings, "bench", DUE)
        anew_s = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        received = len(stand_in.received)
        push = setup(settings)
        assert push is not None
        words = message(NoticeKind.CHECKIN, plain=False, safety_mode=False)
        assert words is not None
        stand_in.received.clear()
        start = time.perf_counter()
        for device in devices:
            deliver(device, words, key=push.key, subject=push.subject, policy=push.policy)
        floor_s = time.perf_counter() - start
        floor_received = len(stand_in.received)
    print(
        json.dumps(
            {
                "members": args.members,
                "database": url.split(":", 1)[0],
                "quiet_minute": {"made": quiet_made, "s": round(quiet_s, 2)}
                | {"queries": quiet_queries},
                "round": {"made": done.made, "sent": done.sent, "failed": done.failed},
                "received": received,
                "anew_s": round(anew_s, 2),
                "per_member_ms": round(anew_s / args.members * 1000, 2),
                "queries": queries,
                "queries_per_member": round(queries / args.members, 1),
                "peak_rss_mb_before": round(before_mb),
                "peak_rss_mb_after": round(peak_mb),
                "floor_s": round(floor_s, 2),
                "floor_received": floor_received,
                "anew_over_floor": round(anew_s / floor_s, 2),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
