"""Peak memory of a real `anew serve` while it takes an upload or sends an export.

    .venv/bin/python bench/memory.py [--messages 1500000] [--src PATH]

Each case runs in a server process of its own (one worker, SQLite), started fresh, and reads the
server's own high-water mark (VmHWM in /proc) once the request is answered: the target is at most
twice the input's (or output's) size plus 300 MB; a zip's size is what it unpacks to. `--src`
serves another checkout's `src/` (e.g. the commit before a change) with this script, to set the
two side by side.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2

from chats import generate  # bench/chats.py, beside this script

MB = 1024 * 1024
SECRET = "a-bench-secret-that-is-long-enough-0123456789"  # noqa: S105 - a bench server's
PASSWORD = "a long and gentle bench phrase"  # noqa: S105 - a bench account's


@dataclass(frozen=True)
class Case:
    """One measured request: what it sends or gets, and how big that is."""

    name: str
    size: int
    answer: int
    peak: int
    idle: int

    @property
    def target(self) -> int:
        return 2 * self.size + 300 * MB


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise LookupError(field)


@contextmanager
def server(src: Path | None, data_dir: Path | None = None) -> Iterator[tuple[str, int]]:
    """A fresh one-worker server, on a fresh SQLite data directory unless given one: (url, pid)."""
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="anew-memory-bench-"))
    port = _free_port()
    env = {**os.environ, "ANEW_DATA_DIR": str(data_dir), "ANEW_SECRET_KEY": SECRET}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    command = [sys.executable, "-m", "anew", "serve", "--port", str(port), "--workers", "1"]
    with (data_dir / "server.log").open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx2.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx2.HTTPError:
                time.sleep(0.2)
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def _token(url: str, email: str) -> str:
    with httpx2.Client(base_url=url, timeout=60) as client:
        page = client.get("/signup").text
        csrf = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        client.post("/signup", data={"csrf_token": csrf, "email": email, "password": PASSWORD})
        answer = client.post("/api/v1/auth/token", json={"email": email, "password": PASSWORD})
        answer.raise_for_status()
        return str(answer.json()["access_token"])


def _upload(url: str, token: str, path: Path, route: str, **form: str) -> int:
    with httpx2.Client(base_url=url, timeout=3600) as client, path.open("rb") as handle:
        answer = client.post(
            route,
            files={"file": (path.name, handle)},
            data=form,
            headers={"Authorization": f"Bearer {token}"},
        )
        return answer.status_code


def measured(
    src: Path | None,
    name: str,
    size: int,
    action: Callable[[str, str], tuple[int, int]],
    *,
    data_dir: Path | None = None,
    token: str = "",
) -> Case:
    """Run `action(url, token)` -> (status, size if it learnt it) on a freshly started server
    (on `data_dir` with its account's `token` when given, else on a new one)."""
    with server(src, data_dir) as (url, pid):
        token = token or _token(url, "bench@example.org")
        idle = _kb(pid, "VmRSS")
        status, learnt = action(url, token)
        return Case(name, learnt or size, status, _kb(pid, "VmHWM"), idle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_500_000)
    parser.add_argument("--src", type=Path, help="serve this checkout's src/ instead")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="anew-memory-data-"))
    chat = work / "chat.txt"
    generate(chat, args.messages)
    one_line = work / "one-line.txt"
    with one_line.open("wb") as out:
        out.write(b"13/03/24, 09:00 - Ana: ")
        for _ in range(30):
            out.write(b"a" * (10 * MB))
    zipped = work / "chat.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(chat, "WhatsApp Chat with Sam.txt")

    cases: list[Case] = []
    for path, keep in ((chat, ""), (chat, "on"), (zipped, "on"), (one_line, "on")):
        label = f"chat upload, {path.name}" + (", text kept" if keep else "")
        cases.append(
            measured(
                args.src,
                label,
                chat.stat().st_size if path == zipped else path.stat().st_size,
                lambda url, token, path=path, keep=keep: (
                    _upload(url, token, path, "/api/v1/chats", keep_text=keep or "false"),
                    0,
                ),
            )
        )

    stored = Path(tempfile.mkdtemp(prefix="anew-memory-stored-"))
    with server(args.src, stored) as (url, _pid):
        token = _token(url, "bench@example.org")
        _upload(url, token, chat, "/api/v1/chats", keep_text="on")
    archive = work / "export.zip"

    def export(url: str, token: str) -> tuple[int, int]:
        with (
            httpx2.Client(base_url=url, timeout=3600) as client,
            client.stream(
                "GET", "/api/v1/export", headers={"Authorization": f"Bearer {token}"}
            ) as answer,
            archive.open("wb") as out,
        ):
            written = sum(out.write(piece) for piece in answer.iter_bytes())
        return answer.status_code, written

    label = "export of that chat's account (text kept)"
    cases.append(measured(args.src, label, 0, export, data_dir=stored, token=token))

    def restore(url: str, token: str) -> tuple[int, int]:
        return _upload(url, token, archive, "/api/v1/import"), 0

    size = archive.stat().st_size
    cases.append(measured(args.src, "import of that export, fresh account", size, restore))

    print(f"{'case':44} {'answer':>6} {'size MB':>8} {'idle MB':>8} {'peak MB':>8} {'target':>8}")
    for case in cases:
        ok = "ok" if case.peak <= case.target else "OVER"
        print(
            f"{case.name:44} {case.answer:>6} {case.size / MB:>8.1f} {case.idle / MB:>8.0f} "
            f"{case.peak / MB:>8.0f} {case.target / MB:>8.0f} {ok}"
        )


if __name__ == "__main__":
    main()
