"""Real `anew serve` processes for tests that need more than one process, or a process to kill."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ESTABLISHED = "01"  # the state column of /proc/net/tcp
SECRET = "a-shared-secret-key-for-both-processes-0123456789"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def log_file(data_dir: Path, port: int) -> Path:
    """Where the server on this port writes its output."""
    return data_dir / f"server-{port}.log"


def _wait(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped: {log.read_text(errors='replace')}")
        try:
            if httpx2.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx2.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within 60 seconds")


@contextmanager
def server_processes(
    url: str,
    data_dir: Path,
    count: int = 2,
    workers: int = 1,
    settings: dict[str, str] | None = None,
) -> Iterator[list[tuple[str, subprocess.Popen[bytes]]]]:
    """`count` real servers (`anew serve --workers N`), each on its own port, on one database:
    (url, process). `settings` adds environment variables (ANEW_...)."""
    env = {**os.environ, "ANEW_DATABASE_URL": url, "ANEW_SECRET_KEY": SECRET, **(settings or {})}
    env["ANEW_DATA_DIR"] = str(data_dir)
    started: list[tuple[str, subprocess.Popen[bytes]]] = []
    try:
        for _ in range(count):
            port = _free_port()
            command = [sys.executable, "-m", "anew", "serve", "--port", str(port)]
            command += ["--workers", str(workers)]
            # A file, not a pipe: nobody drains a pipe while the test runs, and a server whose
            # log pipe is full stops answering.
            with log_file(data_dir, port).open("wb") as log:
                process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
            started.append((f"http://127.0.0.1:{port}", process))
        for address, process in started:
            _wait(address, process, log_file(data_dir, int(address.rsplit(":", 1)[1])))
        yield started
    finally:
        for _, process in started:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=20)


@contextmanager
def servers(
    url: str, data_dir: Path, count: int = 2, settings: dict[str, str] | None = None
) -> Iterator[list[str]]:
    """`count` real server processes on one database; their URLs."""
    with server_processes(url, data_dir, count, settings=settings) as started:
        yield [address for address, _ in started]


def token_from(client: httpx2.Client, path: str) -> str:
    """The CSRF token on a page."""
    found = CSRF.search(client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def signed_up_token(base_url: str, email: str, password: str) -> str:
    """Sign up through the form, then return an API token for the new account."""
    with httpx2.Client(base_url=base_url) as client:
        signed_up = client.post(
            "/signup",
            data={
                "csrf_token": token_from(client, "/signup"),
                "email": email,
                "password": password,
            },
        )
        assert signed_up.status_code in (200, 303), signed_up.text
        answer = client.post("/api/v1/auth/token", json={"email": email, "password": password})
        assert answer.status_code == 200, answer.text
        return str(answer.json()["access_token"])


def connections_by_process(port: int) -> Counter[int]:
    """How many established connections to the port each process holds, by pid (from the
    kernel's own tables: /proc/net/tcp and each process's open files)."""
    local = f":{port:04X}"
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[1].endswith(local) and fields[3] == ESTABLISHED:
                inodes.add(f"socket:[{fields[9]}]")
    held: Counter[int] = Counter()
    for fd_folder in Path("/proc").glob("[0-9]*/fd"):
        with contextlib.suppress(OSError):  # a process that ended while we looked
            for fd in fd_folder.iterdir():
                with contextlib.suppress(OSError):
                    if os.readlink(fd) in inodes:
                        held[int(fd_folder.parent.name)] += 1
    return held


def child_pids(pid: int) -> set[int]:
    """The processes a process started (uvicorn's workers, for a server)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return {int(child) for child in children}
