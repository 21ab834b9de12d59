"""What compression saves on the largest pages, and what it costs a request, in one run.

    .venv/bin/python bench/compression.py [--messages 100000] [--pages 6] [--requests 200]

Seeds the same year of her data as bench/web.py (through the API), then fetches every page she
can open as her, through the app in process: each page's size as sent to a browser that asks for
gzip and to one that does not, and the size and the time zlib takes at levels 1, 6 (the app's)
and 9. Last, the largest page is asked for `--requests` times each way, in turns, so both ways
share the same minutes of the machine: the difference of the medians is what compressing costs
a request.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import zlib
from pathlib import Path

from fastapi.testclient import TestClient

from anew.config import load_settings
from anew.web.app import create_app
from anew.web.http.compression import compression_options
from anew.web.http.deps import SESSION_COOKIE
from anew.web.http.routing import endpoints
from chats import generate  # bench/chats.py, beside this script
from web import SECRET, seed  # bench/web.py, beside this script

GZIP = {"Accept-Encoding": "gzip"}
PLAIN = {"Accept-Encoding": "identity"}
LEVELS = (1, 6, 9)
NOT_PAGES = ("/api/", "/static/", "/exit", "/logout", "/favicon.ico", "/healthz", "/calendar/")


def page_paths(client: TestClient, chat_id: int) -> list[str]:
    """Every GET page of the app with no parameter in its path, and her chat's report."""
    paths = {
        endpoint.path
        for endpoint in endpoints(client.app)  # type: ignore[arg-type]
        if endpoint.method == "GET"
        and "{" not in endpoint.path
        and not endpoint.path.startswith(NOT_PAGES)
    }
    return [*sorted(paths), f"/chats/{chat_id}"]


def wire_size(client: TestClient, path: str, headers: dict[str, str]) -> tuple[int, str]:
    """The answer's bytes as they leave the app, and its content encoding."""
    with client.stream("GET", path, headers=headers) as response:
        if response.status_code != 200 or "html" not in response.headers["content-type"]:
            return 0, ""
        return len(b"".join(response.iter_raw())), response.headers.get("content-encoding", "")


def zlib_at(level: int, body: bytes, repeats: int = 30) -> tuple[int, float]:
    """The gzip size at a level, and the median milliseconds it takes."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        squeezed = zlib.compressobj(level, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        size = len(squeezed.compress(body) + squeezed.flush())
        times.append(time.perf_counter() - start)
    return size, statistics.median(times) * 1000


def request_ms(client: TestClient, path: str, count: int) -> tuple[float, float]:
    """Median milliseconds for the page with and without compression, asked in turns."""
    gzipped, plain = [], []
    for _ in range(20):
        client.get(path, headers=GZIP)
        client.get(path, headers=PLAIN)
    for _ in range(count):
        for headers, samples in ((GZIP, gzipped), (PLAIN, plain)):
            start = time.perf_counter()
            client.get(path, headers=headers)
            samples.append(time.perf_counter() - start)
    return statistics.median(gzipped) * 1000, statistics.median(plain) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--requests", type=int, default=200)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        chat_file = Path(folder) / "chat.txt"
        generate(chat_file, options.messages)
        database_url = f"sqlite:///{folder}/anew.db"
        seeded = seed(database_url, Path(folder), chat_file)
        settings = load_settings(
            data_dir=Path(folder), database_url=database_url, secret_key=SECRET
        )
        with TestClient(create_app(settings)) as client:
            client.cookies.set(SESSION_COOKIE, seeded.cookie)
            sizes = []
            for path in page_paths(client, seeded.chat_id):
                plain, _ = wire_size(client, path, PLAIN)
                sent, encoding = wire_size(client, path, GZIP)
                if plain:
                    sizes.append((plain, sent, encoding, path))
            sizes.sort(reverse=True)
            report(client, sizes[: options.pages], options)


def report(
    client: TestClient, largest: list[tuple[int, int, str, str]], options: argparse.Namespace
) -> None:
    """The table for BENCHMARKS.md, and the cost per request of the largest page."""
    level = compression_options()["compresslevel"]
    print(f"A year of data, a {options.messages:,}-message chat; the app's level: {level}")
    print("| page | bytes | sent gzip'd | saved | level 1 bytes / ms | 6 | 9 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for plain, sent, encoding, path in largest:
        body = client.get(path, headers=PLAIN).content
        shown = "/chats/{id}" if path.startswith("/chats/") and path != "/chats/" else path
        levels = " | ".join(
            f"{size:,} / {ms:.2f}" for size, ms in (zlib_at(n, body) for n in LEVELS)
        )
        assert encoding == "gzip", f"{path} was not compressed"
        print(f"| {shown} | {plain:,} | {sent:,} | {1 - sent / plain:.0%} | {levels} |")
    path = largest[0][3]
    gzipped, plain_ms = request_ms(client, path, options.requests)
    print(f"\nThe largest page, {options.requests} requests each way, in turns:")
    print(f"gzip'd {gzipped:.2f} ms, plain {plain_ms:.2f} ms (median)")


if __name__ == "__main__":
    main()
