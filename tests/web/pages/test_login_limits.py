"""Sign-in guessing is slowed per address without locking the owner out (security review, 10)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from anew.accounts.login_limits import LOGIN_PER_ACCOUNT_AND_ADDRESS
from anew.config import Settings
from anew.web.app import create_app
from anew.web.http.cookies import DEVICE_COOKIE
from anew.web.http.deps import SESSION_COOKIE
from tests.people import Person, csrf_token, page_text
from tests.smtp_sink import smtp_sink
from tests.web.api.test_guide_mail import use_mail
from tests.windows import clear_of_a_window_edge


def _log_in(client: TestClient, email: str, password: str) -> object:
    token = csrf_token(client, "/login")
    return client.post(
        "/login",
        data={"csrf_token": token, "email": email, "password": password},
        follow_redirects=False,
    )


def _guess(app: FastAPI, email: str, times: int) -> None:
    """A stranger on the same address tries wrong passwords."""
    with TestClient(app) as stranger:
        for _ in range(times):
            _log_in(stranger, email, "maybe this one")


def test_a_browser_she_signed_in_with_gets_in_while_her_address_is_refused(
    app: FastAPI, alice_client: TestClient, client: TestClient, alice: Person
) -> None:
    clear_of_a_window_edge(LOGIN_PER_ACCOUNT_AND_ADDRESS)
    alice_client.post("/logout", data={"csrf_token": csrf_token(alice_client, "/dashboard")})
    _guess(app, alice.email, LOGIN_PER_ACCOUNT_AND_ADDRESS.limit)

    assert _log_in(client, alice.email, alice.password).status_code == 429  # type: ignore[attr-defined]
    again = _log_in(alice_client, alice.email, alice.password)
    assert again.status_code == 303  # type: ignore[attr-defined]
    assert SESSION_COOKIE in alice_client.cookies


def test_the_known_device_mark_names_nobody_and_opens_only_its_own_account(
    client: TestClient, alice: Person, bob: Person
) -> None:
    response = _log_in(client, alice.email, alice.password)
    [cookie] = [c for c in response.headers.get_list("set-cookie") if DEVICE_COOKIE in c]  # type: ignore[attr-defined]
    assert "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower()
    mark = client.cookies[DEVICE_COOKIE]
    name, signature = mark.split(".")
    assert len(name) == 16  # a random name of this browser's own
    assert len(signature) == 64
    assert set(signature) <= set("0123456789abcdef")  # an HMAC, never her email or id
    again = _log_in(client, alice.email, alice.password)
    assert again.status_code == 303  # type: ignore[attr-defined]
    assert client.cookies[DEVICE_COOKIE].split(".")[0] != name  # random, a new one each time

    clear_of_a_window_edge(LOGIN_PER_ACCOUNT_AND_ADDRESS)
    _guess(client.app, bob.email, LOGIN_PER_ACCOUNT_AND_ADDRESS.limit)  # type: ignore[arg-type]
    assert _log_in(client, bob.email, bob.password).status_code == 429  # type: ignore[attr-defined]


def test_the_device_mark_is_secure_behind_https(settings: Settings, alice: Person) -> None:
    https_app = create_app(settings.model_copy(update={"base_url": "https://anew.example.org"}))
    with TestClient(https_app, base_url="https://anew.example.org") as https_client:
        response = _log_in(https_client, alice.email, alice.password)
    [cookie] = [c for c in response.headers.get_list("set-cookie") if DEVICE_COOKIE in c]  # type: ignore[attr-defined]
    assert "Secure" in cookie
    https_app.state.engine.dispose()


def test_she_is_told_once_by_email_when_sign_ins_are_refused(
    app: FastAPI, client: TestClient, alice: Person
) -> None:
    clear_of_a_window_edge(LOGIN_PER_ACCOUNT_AND_ADDRESS)
    with smtp_sink() as sink:
        use_mail(app, sink.port)
        _guess(app, alice.email, LOGIN_PER_ACCOUNT_AND_ADDRESS.limit)
        assert sink.received == []
        for _ in range(3):
            refused = _log_in(client, alice.email, "still guessing")
            assert refused.status_code == 429  # type: ignore[attr-defined]
            assert "Too many login attempts" in page_text(refused.text)  # type: ignore[attr-defined]
    [(to, message)] = sink.received
    assert to == [alice.email]
    assert message["Subject"] == "Someone tried to sign in to your Anew account"
    assert "you don't need to do anything" in message.get_payload(decode=True).decode()
