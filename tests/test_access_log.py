"""A real server's access log never holds a working secret from a path."""

from __future__ import annotations

from pathlib import Path

import httpx2
import pytest

from anew.web.http.log_redaction import redact
from tests.databases import sqlite_database
from tests.servers import log_file, server_processes

pytestmark = pytest.mark.processes

SECRETS = {
    "/calendar/feedsecret123.ics": "feedsecret123",
    "/guide/unsubscribe/unsubsecret456": "unsubsecret456",
    "/signup/confirm/signupsecret321": "signupsecret321",
    "/guide/confirm/confirmsecret654": "confirmsecret654",
    "/quizzes/holding-you-back/results/sharesecret789": "sharesecret789",
}


def test_secret_path_segments_are_hidden_and_the_rest_kept() -> None:
    assert redact("/calendar/abc.ics") == "/calendar/[hidden]"
    assert redact("/guide/unsubscribe/abc?x=1") == "/guide/unsubscribe/[hidden]?x=1"
    assert redact("/quizzes/q/results/abc") == "/quizzes/q/results/[hidden]"
    assert redact("/signup/confirm/abc") == "/signup/confirm/[hidden]"
    assert redact("/guide/confirm/abc") == "/guide/confirm/[hidden]"
    assert redact("/guide/introduction") == "/guide/introduction"


def test_the_access_log_of_a_running_server_hides_them(tmp_path: Path) -> None:
    with sqlite_database(tmp_path) as url, server_processes(url, tmp_path, 1) as started:
        base, process = started[0]
        for path in SECRETS:
            httpx2.get(base + path)
        process.terminate()
        process.wait(timeout=30)
        output = log_file(tmp_path, int(base.rsplit(":", 1)[1])).read_text()
    assert "/calendar/[hidden]" in output  # the request was logged, without its secret
    for secret in SECRETS.values():
        assert secret not in output
