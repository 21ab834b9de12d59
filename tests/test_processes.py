"""Two real `anew serve` processes on one PostgreSQL database share everything: sessions, logout,
rate limits and what one of them stored."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2
import pytest

from anew.accounts.login_limits import LOGIN_PER_ACCOUNT_AND_ADDRESS
from tests.databases import postgres_database, sqlite_database
from tests.servers import (
    child_pids,
    connections_by_process,
    server_processes,
    servers,
    signed_up_token,
    token_from,
)
from tests.windows import clear_of_a_window_edge

pytestmark = pytest.mark.processes


@pytest.fixture
def two_servers(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two server processes on one fresh PostgreSQL database."""
    with postgres_database() as url, servers(url, tmp_path) as (first, second):
        yield first, second


def test_two_processes_share_sessions_logout_rate_limits_and_data(
    two_servers: tuple[str, str],
) -> None:
    first, second = two_servers
    with httpx2.Client(base_url=first) as one:
        signed_up = one.post(
            "/signup",
            data={
                "csrf_token": token_from(one, "/signup"),
                "email": "ann@example.org",
                "password": "a long and gentle phrase",
            },
        )
        assert signed_up.status_code in (200, 303)
        one.post(
            "/steps/no-contact/start",
            data={"csrf_token": token_from(one, "/steps/no-contact"), "target_days": "30"},
        )
        cookies = dict(one.cookies)
    with httpx2.Client(base_url=second, cookies=cookies) as two:
        dashboard = two.get("/dashboard")
        assert dashboard.status_code == 200  # the session made by the first process works here
        assert "Your no-contact period begins today" in dashboard.text  # and so does its data
        two.post("/logout", data={"csrf_token": token_from(two, "/dashboard")})
    with httpx2.Client(base_url=first, cookies=cookies) as one_again:
        after = one_again.get("/dashboard")
        assert after.status_code == 303  # logged out everywhere
        assert after.headers["location"].startswith("/login")

    clear_of_a_window_edge(LOGIN_PER_ACCOUNT_AND_ADDRESS)
    answers = []
    for attempt in range(LOGIN_PER_ACCOUNT_AND_ADDRESS.limit + 1):
        with httpx2.Client(base_url=(first, second)[attempt % 2]) as either:
            answers.append(
                either.post(
                    "/login",
                    data={
                        "csrf_token": token_from(either, "/login"),
                        "email": "ann@example.org",
                        "password": "not the password",
                    },
                ).status_code
            )
    assert answers[-1] == 429  # attempts counted across both processes
    assert 429 not in answers[:-1]


def test_what_one_process_keeps_is_made_again_when_the_other_changes_her_data(
    two_servers: tuple[str, str],
) -> None:
    first, second = two_servers
    token = signed_up_token(first, "cai@example.org", "a long and gentle phrase")
    headers = {"Authorization": f"Bearer {token}"}
    with (
        httpx2.Client(base_url=first, headers=headers) as one,
        httpx2.Client(base_url=second, headers=headers) as two,
    ):
        for _ in range(2):  # the second answer is the one the first process kept
            assert one.get("/api/v1/program").json()["stage"] == "not-started"
        started = two.post("/api/v1/nocontact", json={"target_days": 30, "his_name": "Sam"})
        assert started.status_code == 201
        assert one.get("/api/v1/program").json()["stage"] == "no-contact"
        assert two.delete("/api/v1/auth/token").status_code == 204
        assert one.get("/api/v1/program").status_code == 401  # revoked in the other process


def test_an_import_through_one_process_can_be_followed_from_the_other(
    two_servers: tuple[str, str],
) -> None:
    first, second = two_servers
    token = signed_up_token(first, "bea@example.org", "a long and gentle phrase")
    headers = {"Authorization": f"Bearer {token}"}
    lines = (
        f"{1 + day % 28:02d}/{1 + day // 28 % 12:02d}/2024, 09:{day % 60:02d} - "
        f"{'Ana' if day % 2 else 'Sam'}: hello {day}\n"
        for day in range(300_000)
    )
    export = "".join(lines).encode()

    def upload() -> int:
        with httpx2.Client(base_url=first, headers=headers, timeout=120) as client:
            files = {"file": ("chat.txt", export)}
            answer = client.post("/api/v1/chats", files=files, data={"progress": "followed-1"})
            return answer.status_code

    seen: list[tuple[str, int]] = []
    with (
        ThreadPoolExecutor(max_workers=1) as pool,
        httpx2.Client(base_url=second, headers=headers) as watcher,
    ):
        uploaded = pool.submit(upload)
        while not uploaded.done() or not seen or seen[-1][0] != "done":
            answer = watcher.get("/api/v1/chats/progress/followed-1")
            if answer.status_code == 200:
                seen.append((answer.json()["state"], answer.json()["done"]))
            time.sleep(0.02)
        assert uploaded.result() == 201
        final = watcher.get("/api/v1/chats/progress/followed-1").json()
    assert ("running", 0) in seen  # read from the other process while it was under way
    assert any(state == "running" and 0 < done < 300_000 for state, done in seen)  # row by row
    assert final["state"] == "done"
    assert final["done"] == final["total"] == 300_000
    assert final["import_id"] is not None


def test_two_processes_writing_to_one_sqlite_file_lose_nothing(tmp_path: Path) -> None:
    """Many check-ins and urges at once from two processes: no 500, no lost write."""
    with sqlite_database(tmp_path) as url, servers(url, tmp_path) as urls:
        token = signed_up_token(urls[0], "ann@example.org", "a long and gentle phrase")
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


def test_a_flood_of_requests_never_starves_the_server_of_connections(tmp_path: Path) -> None:
    """Far more requests at once than threads and database connections: every one is answered.

    Before anew.web.http.slots, requests holding a connection waited for a thread while every thread
    waited for a connection, and the server hung for good after its first 15 answers."""
    with sqlite_database(tmp_path) as url, servers(url, tmp_path, count=1) as [base]:
        token = signed_up_token(base, "ann@example.org", "a long and gentle phrase")
        headers = {"Authorization": f"Bearer {token}"}

        def read(_number: int) -> int:
            with httpx2.Client(base_url=base, headers=headers, timeout=60) as reader:
                return reader.get("/api/v1/program").status_code

        with ThreadPoolExecutor(max_workers=96) as pool:
            codes = list(pool.map(read, range(600)))
    assert set(codes) == {200}


def test_one_server_with_two_workers_spreads_its_connections_over_both(tmp_path: Path) -> None:
    """Each worker listens on a socket of its own (anew.web.http.server), so the kernel hands new
    connections to both; the parent, which only holds the address, takes none."""
    with (
        sqlite_database(tmp_path) as url,
        server_processes(url, tmp_path, count=1, workers=2) as [(address, process)],
    ):
        workers = child_pids(process.pid)
        clients = [httpx2.Client(base_url=address) for _ in range(24)]
        try:
            for client in clients:  # each keeps its connection open after answering
                assert client.get("/healthz").status_code == 200
            held = connections_by_process(int(address.rsplit(":", 1)[1]))
        finally:
            for client in clients:
                client.close()
    server_side = {pid: count for pid, count in held.items() if pid != os.getpid()}
    assert sum(server_side.values()) == 24
    assert set(server_side) <= workers
    assert len(server_side) == 2, server_side  # all on one worker: 2 chances in 2**24
