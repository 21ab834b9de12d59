from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from anew.web.security import CSRF_COOKIE


@pytest.mark.parametrize(
    "path", ["/", "/login", "/healthz", "/api/v1/openapi.json", "/static/css/anew.css", "/missing"]
)
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_the_csrf_seed_cookie_is_http_only_and_lax(client: TestClient) -> None:
    response = client.get("/")
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith(CSRF_COOKIE))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    again = client.get("/")
    assert not any(c.startswith(CSRF_COOKIE) for c in again.headers.get_list("set-cookie"))


def test_a_malformed_cookie_header_is_survived(client: TestClient) -> None:
    response = client.get("/", headers={"cookie": 'a="unterminated; \\x00; =='})
    assert response.status_code == 200
