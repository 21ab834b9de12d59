"""Two real `anew serve` processes on one PostgreSQL database share everything: sessions, logout,
rate limits and what one of them stored."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest

from anew.accounts.service import LOGIN_PER_ACCOUNT
from tests.databases import postgres_database, sqlite_database

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
SECRET = "a-shared-secret-key-for-both-processes-0123456789"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"the server stopped: {process.stdout.read() if process.stdout else ''}"
            )
        try:
            if httpx2.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx2.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within 60 seconds")


@contextmanager
def servers(url: str, data_dir: Path, count: int = 2) -> Iterator[list[str]]:
    """`count` real server processes, each on its own port, on one database."""
    env = {**os.environ, "ANEW_DATABASE_URL": url, "ANEW_SECRET_KEY": SECRET}
    env["ANEW_DATA_DIR"] = str(data_dir)
    processes, urls = [], []
    try:
        for _ in range(count):
            port = _free_port()
            command = [sys.executable, "-m", "anew", "serve", "--port", str(port)]
            processes.append(
                subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            )
            urls.append(f"http://127.0.0.1:{port}")
        for address, process in zip(urls, processes, strict=True):
            _wait(address, process)
        yield urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)


@pytest.fixture
def two_servers(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two server processes on one fresh PostgreSQL database."""
    with postgres_database() as url, servers(url, tmp_path) as (first, second):
        yield first, second


def _token(client: httpx2.Client, path: str) -> str:
    found = CSRF.search(client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def test_two_processes_share_sessions_logout_rate_limits_and_data(
    two_servers: tuple[str, str],
) -> None:
    first, second = two_servers
    with httpx2.Client(base_url=first) as one:
        signed_up = one.post(
            "/signup",
            data={
                "csrf_token": _token(one, "/signup"),
                "email": "ann@example.org",
                "password": "a long and gentle phrase",
            },
        )
        assert signed_up.status_code in (200, 303)
        one.post(
            "/steps/no-contact/start",
            data={"csrf_token": _token(one, "/steps/no-contact"), "target_days": "30"},
        )
        cookies = dict(one.cookies)
    with httpx2.Client(base_url=second, cookies=cookies) as two:
        dashboard = two.get("/dashboard")
        assert dashboard.status_code == 200  # the session made by the first process works here
        assert "Day 0 of your no-contact period" in dashboard.text  # and so does its data
        two.post("/logout", data={"csrf_token": _token(two, "/dashboard")})
    with httpx2.Client(base_url=first, cookies=cookies) as one_again:
        after = one_again.get("/dashboard")
        assert after.status_code == 303  # logged out everywhere
        assert after.headers["location"].startswith("/login")

    answers = []
    for attempt in range(LOGIN_PER_ACCOUNT.limit + 1):
        with httpx2.Client(base_url=(first, second)[attempt % 2]) as either:
            answers.append(
                either.post(
                    "/login",
                    data={
                        "csrf_token": _token(either, "/login"),
                        "email": "ann@example.org",
                        "password": "not the password",
                    },
                ).status_code
            )
    assert answers[-1] == 429  # attempts counted across both processes
    assert 429 not in answers[:-1]


def test_two_processes_writing_to_one_sqlite_file_lose_nothing(tmp_path: Path) -> None:
    """Many check-ins and urges at once from two processes: no 500, no lost write."""
    with sqlite_database(tmp_path) as url, servers(url, tmp_path) as urls:
        with httpx2.Client(base_url=urls[0]) as client:
            client.post(
                "/signup",
                data={
                    "csrf_token": _token(client, "/signup"),
                    "email": "ann@example.org",
                    "password": "a long and gentle phrase",
                },
            )
            token = client.post(
                "/api/v1/auth/token",
                json={"email": "ann@example.org", "password": "a long and gentle phrase"},
            ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}

        def write(number: int) -> int:
            base = urls[number % 2]
            with httpx2.Client(base_url=base, headers=headers, timeout=30) as writer:
                if number % 3 == 0:
                    day = f"2026-{1 + number // 28:02d}-{1 + number % 28:02d}"
                    answer = writer.put(f"/api/v1/checkins/{day}", json={"mood": 5})
                else:
                    answer = writer.post(
                        "/api/v1/urges", json={"intensity": 3, "message": f"note {number}"}
                    )
            return answer.status_code

        with ThreadPoolExecutor(max_workers=12) as pool:
            codes = list(pool.map(write, range(120)))
        with httpx2.Client(base_url=urls[1], headers=headers) as reader:
            urges = reader.get("/api/v1/urges").json()
            checkins = reader.get("/api/v1/checkins").json()
    assert set(codes) <= {200, 201}, sorted(set(codes))
    assert len(urges) == 80
    assert len(checkins) == 40
