from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.config import load_settings
from anew.db import upgrade
from anew.web.app import create_app
from anew.web.http.security import CSRF_COOKIE
from tests.people import CSRF_PATTERN, Person, api_token, sign_in


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


def test_https_sites_tell_browsers_to_stay_on_https(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, base_url="https://anew.example.org")
    upgrade(settings.resolved_database_url)
    with TestClient(create_app(settings)) as client:
        assert client.get("/").headers["strict-transport-security"] == "max-age=31536000"


def test_plain_http_sites_do_not_claim_https(client: TestClient) -> None:
    assert "strict-transport-security" not in client.get("/").headers


def test_what_a_signed_in_person_sees_is_never_cached(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    assert "cache-control" not in client.get("/guide").headers  # a visitor's page may be cached
    sign_in(client, alice)
    for path in ("/dashboard", "/guide", "/steps/no-contact"):
        assert client.get(path).headers["cache-control"] == "no-store", path
    assert "no-store" not in client.get("/static/css/anew.css").headers.get("cache-control", "")
    token = api_token(factory, alice)
    answer = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert answer.headers["cache-control"] == "no-store"


def test_another_apps_cookie_with_a_space_or_quote_breaks_nothing(
    client: TestClient, alice: Person
) -> None:
    """Another app on the same host may set cookies the strict standard parser refuses whole;
    her session must still be seen as private and her forms must still pass the CSRF check."""
    sign_in(client, alice)
    ours = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
    client.cookies.clear()
    header = f'theme=dark mode; note="a "quoted" word; {ours}'
    page = client.get("/steps/no-contact", headers={"cookie": header})
    assert page.headers["cache-control"] == "no-store"
    token = CSRF_PATTERN.search(page.text)
    assert token
    saved = client.post(
        "/account/time-zone",
        data={"csrf_token": token.group(1), "time_zone": "Europe/London"},
        headers={"cookie": header},
        follow_redirects=False,
    )
    assert saved.status_code == 303


@pytest.mark.parametrize(
    ("method", "path", "cookie", "expected"),
    [
        ("POST", "/login", "anew_device=\u00e9", 400),
        ("GET", "/safety-check/result", "anew_safety_result=a.\u00e9", 303),
    ],
)
def test_a_cookie_with_a_latin1_character_is_refused_not_a_crash(
    client: TestClient, alice: Person, method: str, path: str, cookie: str, expected: int
) -> None:
    """Another app on the host can set any latin-1 character in a cookie; a signature check
    must compare bytes (compare_digest refuses non-ASCII text with a TypeError)."""
    token = CSRF_PATTERN.search(client.get("/login").text)
    assert token
    data = {"csrf_token": token.group(1), "email": alice.email, "password": "wrong"}
    seed = f"{CSRF_COOKIE}={client.cookies[CSRF_COOKIE]}"
    headers = {b"cookie": f"{seed}; {cookie}".encode("latin-1")}
    client.cookies.clear()
    answer = client.request(
        method,
        path,
        data=data if method == "POST" else None,
        headers=headers,
        follow_redirects=False,
    )
    assert answer.status_code == expected


def test_a_csrf_token_with_a_latin1_character_is_refused_not_a_crash(client: TestClient) -> None:
    answer = client.post("/login", data={"csrf_token": "\u00e9", "email": "a@b.c", "password": "x"})
    assert answer.status_code == 403
