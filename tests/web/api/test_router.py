from __future__ import annotations

from fastapi.testclient import TestClient

from anew.web.api import API_PREFIX, outside


def _scope(path: str, root_path: str = "") -> dict[str, object]:
    return {"type": "http", "method": "GET", "path": path, "root_path": root_path}


def test_the_api_router_turns_pages_away_at_its_prefix() -> None:
    assert outside(_scope("/dashboard"), API_PREFIX)
    assert outside(_scope("/api/v10/program"), API_PREFIX)  # a prefix, not the start of a word
    assert not outside(_scope(f"{API_PREFIX}/program"), API_PREFIX)
    assert not outside(_scope(API_PREFIX), API_PREFIX)
    assert not outside(_scope(f"/anew{API_PREFIX}/program", "/anew"), API_PREFIX)
    assert outside(_scope("/anew/dashboard", "/anew"), API_PREFIX)


def test_api_first_keeps_pages_and_the_api_answering(alice_client: TestClient) -> None:
    """The API router is tried before the pages; both still answer, and an unknown API path is
    the API's JSON 404, an unknown page the friendly one."""
    assert alice_client.get("/dashboard").status_code == 200
    assert alice_client.get("/api/v1/program").status_code in (200, 401)
    missing_api = alice_client.get("/api/v1/no-such-thing")
    assert missing_api.status_code == 404
    assert missing_api.headers["content-type"].startswith("application/json")
    missing_page = alice_client.get("/no-such-page")
    assert missing_page.status_code == 404
    assert missing_page.headers["content-type"].startswith("text/html")
