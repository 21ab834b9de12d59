"""Loopback load on a real `anew serve`, beside a bare Starlette endpoint under the same server.

    .venv/bin/python bench/web.py [--seconds 10] [--connections 32] [--messages 100000]
                                  [--rounds 3] [--postgres-url URL] [--only sqlite|postgresql]
                                  [--compare]

For each database (the embedded SQLite default with one worker, PostgreSQL with --workers 4) it
seeds one user with a year of data through the API (a chat import, a no-contact period with
contacts and daily check-ins, habits, urges), starts the server and drives each route with wrk
(Debian's package): 32 connections, two threads. The floor is bench/web_floor.py served by the
same code as `anew serve` (anew.web.http.server.run, same worker count, same access log), running
beside the app and measured in every round after the routes; each route's throughput is reported
as the median of its shares of the floor of the same round. Errors are socket errors plus every
answer that is not 200 (bench/web_count.lua).

With --compare, the same run also serves the app without each piece of its speed machinery
(bench/without/sitecustomize.py switches one off per server: the segment routers, the kept reads,
PostgreSQL's session rounds, a listener per worker), each variant measured in turn within every
round beside the same floor, so each piece's gain is read against the same minutes of the machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from statistics import median

import httpx2
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text

from anew.accounts.models import SessionKind
from anew.accounts.service import create_user
from anew.accounts.sessions import start_session
from anew.config import load_settings
from anew.db import upgrade, utcnow
from anew.safety.questions import QUESTIONS
from anew.web.app import create_app
from anew.web.http.deps import SESSION_COOKIE
from chats import generate  # bench/chats.py, beside this script

HERE = Path(__file__).resolve().parent
SECRET = "bench-web-secret-key-0123456789abcdef0123456789"  # noqa: S105 - a throwaway database
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/anew_bench_web"


@dataclass(frozen=True)
class Seeded:
    """What the load needs to act as her: a browser session, an API token, her chat's id."""

    cookie: str
    token: str
    chat_id: int


@dataclass(frozen=True)
class Result:
    route: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def seed(database_url: str, data_dir: Path, chat_file: Path) -> Seeded:
    """A year of her data, written through the same API a client would use."""
    settings = load_settings(data_dir=data_dir, database_url=database_url, secret_key=SECRET)
    upgrade(settings.resolved_database_url)
    app = create_app(settings)
    with app.state.sessionmaker() as db:
        user = create_user(db, email="load@example.org", password="a long bench phrase")
        cookie = start_session(db, user, SessionKind.WEB, utcnow())
        token = start_session(db, user, SessionKind.API, utcnow())
        db.commit()
    today = date.today()
    year_ago = today - timedelta(days=364)
    with TestClient(app, headers={"Authorization": f"Bearer {token}"}) as client:

        def send(method: str, path: str, **kwargs: object) -> httpx2.Response:
            response = client.request(method, path, **kwargs)  # type: ignore[arg-type]
            assert response.status_code < 300, f"{method} {path}: {response.text}"
            return response

        answers = {question.id: "no" for question in QUESTIONS}
        send("POST", "/api/v1/safety-check", json={"answers": answers})
        with chat_file.open("rb") as handle:
            chat_id = send("POST", "/api/v1/chats", files={"file": ("chat.txt", handle)}).json()[
                "id"
            ]
        send(
            "POST",
            "/api/v1/nocontact",
            json={"started_on": year_ago.isoformat(), "target_days": 365, "his_name": "Sam"},
        )
        habits = [
            send("POST", "/api/v1/habits", json={"title": title, "started_on": str(year_ago)})
            for title in ("Morning walk", "Journal", "Call a friend")
        ]
        for offset in range(365):
            day = year_ago + timedelta(days=offset)
            send("PUT", f"/api/v1/checkins/{day}", json={"mood": 3 + offset % 7, "note": ""})
            for number, habit in enumerate(habits):
                if (offset + number) % 3:
                    send(
                        "PUT",
                        f"/api/v1/habits/{habit.json()['id']}/days/{day}",
                        json={"status": "done"},
                    )
            if offset % 9 == 0:
                send(
                    "POST",
                    "/api/v1/contacts",
                    json={"at": f"{day}T18:00:00", "initiator": "him", "logistics": True},
                )
            if offset % 5 == 0:
                send("POST", "/api/v1/urges", json={"intensity": 1 + offset % 10})
    app.state.engine.dispose()
    return Seeded(cookie=cookie, token=token, chat_id=chat_id)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(command: list[str], env: dict[str, str], port: int) -> Iterator[str]:
    """A server process on the port until the block ends; its URL."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                said = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise RuntimeError(f"{command} stopped: {said}")
            try:
                httpx2.get(url + "/", timeout=1)
                break
            except httpx2.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, headers: dict[str, str], seconds: int, connections: int, route: str) -> Result:
    """One wrk run against one URL, parsed."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    command += ["-s", str(HERE / "web_count.lua")]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    not_ok = re.search(r"NOT_OK (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if rate is None or not_ok is None:
        raise RuntimeError(f"wrk printed something unexpected:\n{output}")
    latencies = {pct: float(value) * UNITS[unit] for pct, value, unit in LATENCY.findall(output)}
    errors = int(not_ok.group(1)) + (
        sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    )
    return Result(route, float(rate.group(1)), latencies["50"], latencies["99"], errors)


def fresh_postgres(url: str) -> str:
    """Drop and create the benchmark database, so every run starts from the same state."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()
    return url


# The machinery bench/without can switch off, and where each piece can matter.
PIECES = {
    "segment_router": ("sqlite", "postgresql"),
    "read_cache": ("sqlite", "postgresql"),
    "session_rounds": ("postgresql",),
    "worker_sockets": ("postgresql",),
}


def measure(
    database_url: str, workers: int, chat_file: Path, options: argparse.Namespace
) -> dict[str, list[list[Result]]]:
    """`options.rounds` rounds, each every route of every variant of the app, then the floor
    (every server up all along, so a slow or quick stretch of the machine shows in the floor of
    the same round). Variants: "app", and with --compare "without <piece>" for each piece."""
    data_dir = Path(tempfile.mkdtemp(prefix="anew-web-bench-"))
    try:
        seeded = seed(database_url, data_dir, chat_file)
        env = {
            **os.environ,
            "ANEW_DATABASE_URL": database_url,
            "ANEW_DATA_DIR": str(data_dir),
            "ANEW_SECRET_KEY": SECRET,
        }
        cookie = {"Cookie": f"{SESSION_COOKIE}={seeded.cookie}"}
        bearer = {"Authorization": f"Bearer {seeded.token}"}
        routes = [
            ("GET /dashboard", "/dashboard", cookie),
            ("GET /api/v1/program", "/api/v1/program", bearer),
            ("GET /api/v1/chats/{id}/metrics", f"/api/v1/chats/{seeded.chat_id}/metrics", bearer),
            ("GET / (public home)", "/", {}),
        ]
        backend = make_url(database_url).get_backend_name()
        variants = {"app": ""}
        if options.compare:
            variants |= {f"without {p}": p for p, where in PIECES.items() if backend in where}
        floor_port = _free_port()
        # The same server as `anew serve`: anew.web.http.server.run, same workers, same access log.
        serve_floor = (
            "from anew.web.http.server import run; "
            f"run('web_floor:app', host='127.0.0.1', port={floor_port}, workers={workers})"
        )
        floor_env = {**env, "PYTHONPATH": os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")])}
        rounds: dict[str, list[list[Result]]] = {name: [] for name in variants}
        with running([sys.executable, "-c", serve_floor], floor_env, floor_port) as floor_url:
            floor = ("floor", floor_url + "/", {})
            for _ in range(options.rounds):
                # One variant up at a time (four workers each hold up to 20 PostgreSQL
                # connections), in turns within the round, each measured beside the floor.
                for name, without in variants.items():
                    with serve_app(env, workers, without) as url:
                        targets = [(route, url + path, headers) for route, path, headers in routes]
                        for route, target, headers in [*targets, floor]:
                            check = httpx2.get(target, headers=headers, timeout=30)
                            status = f"{route}: {check.status_code} {check.text[:200]}"
                            assert check.status_code == 200, status
                            wrk(target, headers, 2, options.connections, route)  # warm it up
                        rounds[name].append(
                            [
                                wrk(target, headers, options.seconds, options.connections, route)
                                for route, target, headers in [*targets, floor]
                            ]
                        )
        return rounds
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


@contextmanager
def serve_app(env: dict[str, str], workers: int, without: str) -> Iterator[str]:
    """`anew serve` on a free port, with one piece of its machinery switched off if asked."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "anew",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    if without:
        switched = os.pathsep.join([str(HERE / "without"), env.get("PYTHONPATH", "")])
        env = {**env, "ANEW_BENCH_WITHOUT": without, "PYTHONPATH": switched}
    with running(command, env, port) as url:
        yield url


def report(label: str, rounds: list[list[Result]]) -> None:
    """Medians over the rounds; each route's share of the floor is the median of its shares of
    the floor measured in the same round."""
    print(f"\n{label} ({len(rounds)} rounds; medians, and the worst p99 of any round)")
    print("| route | requests/s | p50 ms | p99 ms | worst p99 ms | errors | share of floor |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for position, route in enumerate(result.route for result in rounds[0]):
        mine = [results[position] for results in rounds]
        shares = [results[position].requests_per_second / _floor(results) for results in rounds]
        name = "bare Starlette JSON (floor)" if route == "floor" else route
        print(
            f"| {name} | {median(r.requests_per_second for r in mine):.0f} "
            f"| {median(r.p50_ms for r in mine):.1f} | {median(r.p99_ms for r in mine):.1f} "
            f"| {max(r.p99_ms for r in mine):.1f} | {sum(r.errors for r in mine)} "
            f"| {median(shares):.0%} |"
        )


def _floor(results: list[Result]) -> float:
    return next(r.requests_per_second for r in results if r.route == "floor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    parser.add_argument("--only", choices=["sqlite", "postgresql"], default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--compare", action="store_true", help="also serve the app without each piece of machinery"
    )
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("bench/web.py needs wrk: apt-get install wrk")
    with tempfile.TemporaryDirectory() as folder:
        chat_file = Path(folder) / "chat.txt"
        generate(chat_file, options.messages)
        print(
            f"wrk -t2 -c{options.connections} -d{options.seconds}s on loopback, "
            f"{options.rounds} rounds; "
            f"a year of data with a {options.messages:,}-message chat"
        )
        if options.only in (None, "sqlite"):
            sqlite_url = f"sqlite:///{folder}/anew.db"
            for name, results in measure(sqlite_url, 1, chat_file, options).items():
                report(f"SQLite (the embedded default), anew serve --workers 1, {name}", results)
        if options.only in (None, "postgresql"):
            postgres_url = fresh_postgres(options.postgres_url)
            for name, results in measure(postgres_url, 4, chat_file, options).items():
                report(f"PostgreSQL, anew serve --workers 4, {name}", results)


if __name__ == "__main__":
    main()
