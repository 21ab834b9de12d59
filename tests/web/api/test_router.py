from __future__ import annotations

from fastapi.testclient import TestClient
from starlette.routing import Match

from anew.web.api import router as api_router


def _scope(path: str, root_path: str = "") -> dict[str, object]:
    return {"type": "http", "method": "GET", "path": path, "root_path": root_path}


def test_the_api_router_turns_pages_away_at_its_prefix() -> None:
    for outside in ("/dashboard", "/api/v10/program", "/anew/dashboard"):
        root = "/anew" if outside.startswith("/anew") else ""
        assert api_router.matches(_scope(outside, root)) == (Match.NONE, {}), outside


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
