from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.login_limits import LOGIN_PER_ACCOUNT_AND_ADDRESS
from anew.accounts.models import User, UserSession
from anew.config import Settings
from anew.web.app import create_app
from anew.web.http.deps import SESSION_COOKIE
from tests.people import Person, csrf_token, page_text, sign_in
from tests.windows import clear_of_a_window_edge

PASSWORD = "walking by the sea"


def _field(html: str, name: str) -> tuple[str | None, str]:
    """The value an input shows and the error printed under it."""
    soup = BeautifulSoup(html, "html.parser")
    field = soup.find("input", attrs={"name": name})
    assert field is not None, f"no input named {name}"
    error = soup.find(id=f"{name}-error")
    value = field.get("value")
    return (value if isinstance(value, str) else None), (
        error.get_text(strip=True) if error else ""
    )


def _signup(client: TestClient, **form: str) -> object:
    return client.post("/signup", data={"csrf_token": csrf_token(client, "/signup"), **form})


def test_it_signs_her_up_and_takes_her_to_the_dashboard(client: TestClient, db: Session) -> None:
    response = client.post(
        "/signup",
        data={
            "csrf_token": csrf_token(client, "/signup"),
            "email": "New@Example.org",
            "password": PASSWORD,
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/dashboard?welcome=1"
    cookie = response.headers["set-cookie"]
    assert f"{SESSION_COOKIE}=" in cookie
    assert "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower()
    assert "Secure" not in cookie
    assert db.scalar(select(User.email)) == "new@example.org"
    dashboard = client.get(response.headers["location"])
    assert dashboard.status_code == 200
    assert "Welcome to Anew" in dashboard.text


def test_the_cookie_is_secure_behind_https(settings: Settings) -> None:
    https_app = create_app(settings.model_copy(update={"base_url": "https://anew.example.org"}))
    with TestClient(https_app, base_url="https://anew.example.org") as https_client:
        response = https_client.post(
            "/signup",
            data={
                "csrf_token": csrf_token(https_client, "/signup"),
                "email": "secure@example.org",
                "password": PASSWORD,
            },
            follow_redirects=False,
        )
    assert response.status_code == 303
    session_cookie = [c for c in response.headers.get_list("set-cookie") if SESSION_COOKIE in c]
    assert session_cookie
    assert "Secure" in session_cookie[0]
    https_app.state.engine.dispose()


def test_signup_errors_keep_what_she_typed(client: TestClient, db: Session) -> None:
    response = _signup(client, email="not-an-email", password="short")
    assert response.status_code == 400  # type: ignore[attr-defined]
    html = response.text  # type: ignore[attr-defined]
    assert _field(html, "email") == (
        "not-an-email",
        "Please enter an email address like name@example.com.",
    )
    value, _error = _field(html, "password")
    assert value is None  # passwords are never echoed back
    assert db.scalar(select(func.count()).select_from(User)) == 0


def test_signup_refuses_a_password_anyone_would_guess_and_keeps_her_email(
    client: TestClient, db: Session
) -> None:
    response = _signup(client, email="new@example.org", password="password")
    assert response.status_code == 400  # type: ignore[attr-defined]
    _value, error = _field(response.text, "password")  # type: ignore[attr-defined]
    assert "easy for someone else to guess" in error
    assert "Add another word or two" in error
    assert _field(response.text, "email")[0] == "new@example.org"  # type: ignore[attr-defined]
    assert db.scalar(select(func.count()).select_from(User)) == 0


def test_signup_says_when_a_field_is_missing(client: TestClient) -> None:
    response = _signup(client, email="", password="")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert _field(response.text, "email")[1] == "Please fill this in."  # type: ignore[attr-defined]
    assert _field(response.text, "password")[1] == "Please fill this in."  # type: ignore[attr-defined]


def test_signup_with_a_taken_email_suggests_logging_in(client: TestClient, alice: Person) -> None:
    response = _signup(client, email="ALICE@example.org", password=PASSWORD)
    assert response.status_code == 400  # type: ignore[attr-defined]
    value, error = _field(response.text, "email")  # type: ignore[attr-defined]
    assert value == "ALICE@example.org"
    assert "already exists" in error


def test_signup_can_be_closed(settings: Settings) -> None:
    closed = create_app(settings.model_copy(update={"open_signup": False}))
    with TestClient(closed) as visitor:
        assert "ask them for an invitation" in visitor.get("/signup").text
        response = visitor.post(
            "/signup",
            data={
                "csrf_token": csrf_token(visitor, "/login"),
                "email": "x@example.org",
                "password": PASSWORD,
            },
        )
        assert response.status_code == 403
        assert 'href="/signup"' not in visitor.get("/").text
    closed.state.engine.dispose()


def test_login_takes_her_back_where_she_was_going(client: TestClient, alice: Person) -> None:
    first = client.get("/account", follow_redirects=False)
    assert first.headers["location"] == "/login?next=/account"
    response = client.post(
        "/login",
        data={
            "csrf_token": csrf_token(client, "/login"),
            "email": alice.email,
            "password": alice.password,
            "next": "/account",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/account"
    assert client.get("/account").status_code == 200


def test_login_never_redirects_off_site(client: TestClient, alice: Person) -> None:
    for target in ("https://evil.example", "//evil.example", "/\\evil.example"):
        response = client.post(
            "/login",
            data={
                "csrf_token": csrf_token(client, "/login"),
                "email": alice.email,
                "password": alice.password,
                "next": target,
            },
            follow_redirects=False,
        )
        assert response.headers["location"] == "/dashboard"


def test_a_wrong_password_keeps_the_email_and_explains(client: TestClient, alice: Person) -> None:
    response = client.post(
        "/login",
        data={
            "csrf_token": csrf_token(client, "/login"),
            "email": alice.email,
            "password": "nope nope",
        },
    )
    assert response.status_code == 400
    assert _field(response.text, "email")[0] == alice.email
    assert "That email and password don't match." in page_text(response.text)
    assert SESSION_COOKIE not in client.cookies


def test_login_is_rate_limited(client: TestClient, alice: Person) -> None:
    clear_of_a_window_edge(LOGIN_PER_ACCOUNT_AND_ADDRESS)
    token = csrf_token(client, "/login")
    for _ in range(LOGIN_PER_ACCOUNT_AND_ADDRESS.limit):
        client.post(
            "/login", data={"csrf_token": token, "email": alice.email, "password": "wrong pass"}
        )
    response = client.post(
        "/login", data={"csrf_token": token, "email": alice.email, "password": alice.password}
    )
    assert response.status_code == 429
    assert "Too many login attempts" in page_text(response.text)
    assert SESSION_COOKIE not in client.cookies


def test_logout_revokes_the_session_on_the_server(
    alice_client: TestClient, app: FastAPI, factory: sessionmaker[Session]
) -> None:
    stolen = alice_client.cookies[SESSION_COOKIE]
    response = alice_client.post(
        "/logout",
        data={"csrf_token": csrf_token(alice_client, "/dashboard")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    with factory() as db:
        assert db.scalar(select(func.count()).select_from(UserSession)) == 0
    with TestClient(app) as thief:
        thief.cookies.set(SESSION_COOKIE, stolen)
        assert thief.get("/dashboard", follow_redirects=False).status_code == 303


def test_logout_by_link_asks_first(alice_client: TestClient) -> None:
    page = alice_client.get("/logout")
    assert page.status_code == 200
    assert 'action="/logout"' in page.text
    assert alice_client.get("/dashboard").status_code == 200


def test_a_signed_in_user_skips_the_login_and_signup_pages(alice_client: TestClient) -> None:
    assert alice_client.get("/login", follow_redirects=False).headers["location"] == "/dashboard"
    assert alice_client.get("/signup", follow_redirects=False).headers["location"] == "/dashboard"


def test_logging_out_on_one_server_process_ends_the_session_on_the_others(
    settings: Settings, alice: Person
) -> None:
    first, second = create_app(settings), create_app(settings)  # two workers, one database
    with TestClient(first) as on_first, TestClient(second) as on_second:
        sign_in(on_first, alice)
        on_second.cookies.set(SESSION_COOKIE, on_first.cookies[SESSION_COOKIE])
        assert on_second.get("/dashboard", follow_redirects=False).status_code == 200
        on_second.post("/logout", data={"csrf_token": csrf_token(on_second, "/dashboard")})
        assert on_first.get("/dashboard", follow_redirects=False).status_code == 303
    for application in (first, second):
        application.state.engine.dispose()


def test_a_nul_character_in_a_form_is_explained(client: TestClient) -> None:
    response = _signup(client, email="a\u0000b@example.org", password=PASSWORD)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "can't be saved" in page_text(response.text)  # type: ignore[attr-defined]


def test_signup_keeps_the_time_zone_her_browser_gave(client: TestClient, db: Session) -> None:
    page = BeautifulSoup(client.get("/signup").text, "html.parser")
    field = page.find("input", attrs={"name": "time_zone"})
    assert field is not None
    assert field["list"] == "time-zones"
    assert page.find("select", attrs={"name": "time_zone"}) is None
    assert len(page.select("datalist#time-zones option")) > 300
    assert page.find("script", src=lambda src: bool(src and src.endswith("js/time-zone.js")))
    response = _signup(
        client, email="zone@example.org", password=PASSWORD, time_zone="Europe/Paris"
    )
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert db.scalar(select(User.time_zone).where(User.email == "zone@example.org")) == (
        "Europe/Paris"
    )


def test_an_unknown_time_zone_is_explained_and_kept(client: TestClient, db: Session) -> None:
    response = _signup(client, email="zone@example.org", password=PASSWORD, time_zone="Mars/Base")
    assert response.status_code == 400  # type: ignore[attr-defined]
    value, error = _field(response.text, "time_zone")  # type: ignore[attr-defined]
    assert value == "Mars/Base"
    assert "We don't know that time zone" in error
    assert db.scalar(select(func.count()).select_from(User)) == 0


def test_a_blank_time_zone_is_utc(client: TestClient, db: Session) -> None:
    _signup(client, email="utc@example.org", password=PASSWORD, time_zone="")
    assert db.scalar(select(User.time_zone).where(User.email == "utc@example.org")) == "UTC"


def test_a_form_without_a_time_zone_is_utc(client: TestClient, db: Session) -> None:
    _signup(client, email="plain@example.org", password=PASSWORD)  # no script filled it in
    assert db.scalar(select(User.time_zone).where(User.email == "plain@example.org")) == "UTC"
