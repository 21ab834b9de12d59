"""Slow or stalled request bodies hold nothing that other requests need (a real server).

Before anew.web.http.bodies, ten anonymous uploads that sent one byte every second or two held
every place of anew.web.http.slots while their bodies trickled in, and the whole server, the
health check and the quick exit included, stopped answering until they ended."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from urllib.parse import urlsplit

import httpx2
import pytest

from anew.web.http.slots import REQUEST_SLOTS
from tests.databases import sqlite_database
from tests.servers import servers

pytestmark = pytest.mark.processes
HEAD = (
    b"POST /api/v1/import HTTP/1.1\r\nHost: anew.test\r\n"
    b"Content-Type: multipart/form-data; boundary=slow\r\nContent-Length: 1000\r\n\r\n"
)


def _trickle(connection: socket.socket, stop: threading.Event) -> None:
    """One byte a second until the server answers or closes, or the test ends."""
    while not stop.wait(1):
        try:
            connection.sendall(b"x")
        except OSError:
            return


def _answer(connection: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    connection.settimeout(60)
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    return received


def test_slow_bodies_leave_the_server_answering_and_are_ended(tmp_path: Path) -> None:
    settings = {"ANEW_BODY_TIMEOUT_S": "3", "ANEW_BODY_MIN_RATE_KB_S": "1"}
    with sqlite_database(tmp_path) as url, servers(url, tmp_path, 1, settings) as [base]:
        address = urlsplit(base)
        stop = threading.Event()
        slow = []
        for _ in range(REQUEST_SLOTS + 2):
            connection = socket.create_connection((address.hostname, address.port))
            connection.sendall(HEAD)
            threading.Thread(target=_trickle, args=(connection, stop), daemon=True).start()
            slow.append(connection)
        try:
            # Each of these would wait behind the slow bodies for a place (the timeout bounds the
            # wait so that a regression fails rather than hangs).
            with httpx2.Client(base_url=base, timeout=10) as client:
                health = client.get("/healthz")
                assert health.status_code == 200
                assert "server" not in health.headers  # no `Server: uvicorn`
                assert client.get("/exit", follow_redirects=False).status_code == 303
                assert client.get("/guide").status_code == 200  # a page with a place and queries
            answers = [_answer(connection) for connection in slow]
        finally:
            stop.set()
            for connection in slow:
                connection.close()
    for answer in answers:
        assert answer.startswith(b"HTTP/1.1 408 "), answer[:80]
        assert b"arrived too slowly" in answer
