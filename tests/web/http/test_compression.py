"""Compressed answers: pages and static files come gzip'd to a browser that asks, never to one that
doesn't, and downloads that are already compressed (her archive, her photos) pass untouched."""

from __future__ import annotations

import asyncio
import gzip
import io
import tempfile
import zipfile

import pytest
from fastapi.testclient import TestClient
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import Response
from starlette.types import Message, Scope

from anew.web.http.compression import compression_options
from anew.web.http.downloads import CHUNK, archive_response, image_response
from tests.people import CSRF_PATTERN

GZIP = {"Accept-Encoding": "gzip"}


def _raw(client: TestClient, path: str, headers: dict[str, str]) -> tuple[dict[str, str], bytes]:
    """The answer's headers and its bytes as they came over the wire, before any decoding."""
    with client.stream("GET", path, headers=headers) as response:
        assert response.status_code == 200, path
        return dict(response.headers), b"".join(response.iter_raw())


def _without_tokens(page: str) -> str:
    return CSRF_PATTERN.sub("csrf", page)


@pytest.mark.parametrize("path", ["/account", "/steps/no-contact", "/static/css/anew.css"])
def test_a_browser_that_asks_gets_gzip_that_decompresses_to_the_same_answer(
    alice_client: TestClient, path: str
) -> None:
    headers, body = _raw(alice_client, path, GZIP)
    assert headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in headers["vary"]
    assert int(headers["content-length"]) == len(body)
    plain_headers, plain = _raw(alice_client, path, {"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain_headers
    assert len(body) < len(plain) / 2
    assert _without_tokens(gzip.decompress(body).decode()) == _without_tokens(plain.decode())


def test_a_browser_that_does_not_ask_gets_no_compression(alice_client: TestClient) -> None:
    del alice_client.headers["accept-encoding"]
    with alice_client.stream("GET", "/account") as response:
        assert "accept-encoding" not in response.request.headers
        assert "content-encoding" not in response.headers
        assert b"</html>" in b"".join(response.iter_raw())


def test_a_small_answer_is_sent_as_it_is(client: TestClient) -> None:
    headers, body = _raw(client, "/favicon.ico", GZIP)
    assert len(body) < compression_options()["minimum_size"]
    assert "content-encoding" not in headers
    assert body.startswith(b"<svg")


def test_her_archive_comes_uncompressed_with_its_length(alice_client: TestClient) -> None:
    headers, body = _raw(alice_client, "/account/export", GZIP)
    assert "content-encoding" not in headers
    assert int(headers["content-length"]) == len(body)
    assert zipfile.ZipFile(io.BytesIO(body)).testzip() is None


def _through_compression(answer: Response) -> tuple[dict[bytes, bytes], list[bytes]]:
    """What a browser asking for gzip receives when the app's compression wraps `answer`: its
    headers, and each piece of its body as it was sent."""
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    scope: Scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "method": "GET",
        "path": "/",
        "headers": [(b"accept-encoding", b"gzip")],
    }
    asyncio.run(GZipMiddleware(answer, **compression_options())(scope, receive, send))
    start, *bodies = sent
    return dict(start["headers"]), [b["body"] for b in bodies if b.get("body")]


def test_an_archive_still_streams_in_pieces_through_the_compression() -> None:
    content = bytes(range(256)) * (3 * CHUNK // 256 + 1)
    with tempfile.TemporaryFile() as file:
        file.write(content)
        file.seek(0)
        headers, pieces = _through_compression(archive_response(file, "2026-12-03"))
    assert b"content-encoding" not in headers
    assert headers[b"content-length"] == str(len(content)).encode()
    assert len(pieces) == 4  # a piece a chunk, each sent as it was read
    assert b"".join(pieces) == content


@pytest.mark.parametrize("media_type", ["image/jpeg", "image/png", "image/webp", None])
def test_her_photos_pass_untouched(media_type: str | None) -> None:
    photo = bytes(range(256)) * 64  # as compressible as can be: only its type keeps it as it is
    headers, pieces = _through_compression(image_response(photo, media_type, "photo"))
    assert b"content-encoding" not in headers
    assert pieces == [photo]
