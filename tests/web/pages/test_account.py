from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.accounts.service import PASSWORD_CHECKS_PER_ACCOUNT
from anew.web.http.deps import SESSION_COOKIE
from tests.isolation import assert_isolated
from tests.people import Person, add_person, csrf_token, page_text, sign_in
from tests.windows import clear_of_a_window_edge
from tests.your_data.test_hostile_archives import archive


def _post(client: TestClient, path: str, **form: str) -> object:
    return client.post(
        path, data={"csrf_token": csrf_token(client, "/account"), **form}, follow_redirects=False
    )


def test_the_account_page_needs_a_login(client: TestClient) -> None:
    assert (
        client.get("/account", follow_redirects=False).headers["location"] == "/login?next=/account"
    )


def test_the_account_page_shows_only_her_own_email(alice_client: TestClient, bob: Person) -> None:
    page = alice_client.get("/account")
    assert "alice@example.org" in page.text
    assert bob.email not in page.text


def test_changing_the_password_logs_out_her_other_devices(
    app: FastAPI, alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    with TestClient(app) as other_device:
        sign_in(other_device, alice)
        assert other_device.get("/dashboard", follow_redirects=False).status_code == 200
        response = _post(
            alice_client,
            "/account/password",
            current_password=alice.password,
            new_password="a whole new start",
        )
        assert response.status_code == 303  # type: ignore[attr-defined]
        assert other_device.get("/dashboard", follow_redirects=False).status_code == 303
    confirmation = alice_client.get("/account?done=password")
    assert confirmation.status_code == 200
    assert "Your password has been changed" in page_text(confirmation.text)


def test_a_wrong_current_password_changes_nothing(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    with factory() as db:
        before = db.scalar(select(User.password_hash).where(User.id == alice.id))
    response = _post(
        alice_client,
        "/account/password",
        current_password="guess",
        new_password="a whole new start",
    )
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "Your current password isn't right." in page_text(response.text)  # type: ignore[attr-defined]
    with factory() as db:
        assert db.scalar(select(User.password_hash).where(User.id == alice.id)) == before


def test_she_can_set_her_time_zone(alice_client: TestClient, db: Session, alice: Person) -> None:
    response = _post(alice_client, "/account/time-zone", time_zone="Europe/Paris")
    assert response.headers["location"] == "/account?done=time_zone"  # type: ignore[attr-defined]
    assert db.scalar(select(User.time_zone).where(User.id == alice.id)) == "Europe/Paris"
    bad = _post(alice_client, "/account/time-zone", time_zone="Mars/Olympus")
    assert bad.status_code == 400  # type: ignore[attr-defined]
    assert "We don't know that time zone." in page_text(bad.text)  # type: ignore[attr-defined]
    assert 'value="Mars/Olympus"' in bad.text  # type: ignore[attr-defined]  # what she typed stays
    _post(alice_client, "/account/time-zone", time_zone=" Asia/Tokyo ")  # typed, so trimmed
    assert db.scalar(select(User.time_zone).where(User.id == alice.id)) == "Asia/Tokyo"
    empty = _post(alice_client, "/account/time-zone", time_zone=" ")
    assert empty.status_code == 400  # type: ignore[attr-defined]


def test_deleting_needs_her_password_and_the_word_delete(
    alice_client: TestClient, db: Session, alice: Person
) -> None:
    response = _post(alice_client, "/account/delete", password=alice.password, confirm="yes")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert 'value="yes"' in response.text  # type: ignore[attr-defined]
    assert db.get(User, alice.id) is not None
    response = _post(alice_client, "/account/delete", password="guess", confirm="delete")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert db.get(User, alice.id) is not None


def test_deleting_removes_the_account_and_logs_her_out(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    response = _post(alice_client, "/account/delete", password=alice.password, confirm="delete")
    assert response.headers["location"] == "/?deleted=1"  # type: ignore[attr-defined]
    with factory() as db:
        assert db.get(User, alice.id) is None
    assert SESSION_COOKIE not in alice_client.cookies
    assert "have been deleted" in page_text(alice_client.get("/?deleted=1").text)


def test_bob_cannot_see_or_change_alices_account(
    app: FastAPI, bob_client: TestClient, alice: Person
) -> None:
    engine = app.state.engine
    assert_isolated(engine, bob_client, alice, "GET", "/account", expect_status=[200])
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/account/time-zone",
        form={"time_zone": "Asia/Tokyo", "user_id": str(alice.id)},
        expect_status=[303],
    )
    exported = assert_isolated(
        engine, bob_client, alice, "GET", "/account/export", expect_status=[200]
    )
    assert b"alice" not in exported.content
    assert_isolated(
        engine, bob_client, alice, "POST", "/account/import", form={}, expect_status=[400]
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/account/country",
        form={"country": "NZ", "user_id": str(alice.id)},
        expect_status=[303],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/account/password",
        form={
            "current_password": alice.password,
            "new_password": "taking over now",
            "user_id": str(alice.id),
        },
        expect_status=[400],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/account/delete",
        form={"password": alice.password, "confirm": "delete", "user_id": str(alice.id)},
        expect_status=[400],
    )


def test_she_downloads_her_data_and_brings_it_back_into_a_fresh_account(
    app: FastAPI, alice_client: TestClient, factory: sessionmaker[Session]
) -> None:
    token = csrf_token(alice_client, "/steps/no-contact")
    alice_client.post(
        "/steps/no-contact/urge",
        data={"csrf_token": token, "intensity": "5", "message": "kept-in-vault"},
    )
    download = alice_client.get("/account/export")
    assert download.headers["content-disposition"].startswith('attachment; filename="anew-export-')
    again = alice_client.post(
        "/account/import",
        data={"csrf_token": csrf_token(alice_client, "/account")},
        files={"file": ("a.zip", download.content, "application/zip")},
    )
    assert again.status_code == 400
    assert "fresh account only" in page_text(again.text)
    fresh = sign_in(TestClient(app), add_person(factory, "erin@example.org"))
    done = fresh.post(
        "/account/import",
        data={"csrf_token": csrf_token(fresh, "/account")},
        files={"file": ("a.zip", download.content, "application/zip")},
    )
    assert "Everything is back." in page_text(done.text)
    assert "kept-in-vault" in fresh.get("/steps/no-contact").text


def test_a_new_password_anyone_would_guess_is_refused_kindly(
    alice_client: TestClient, alice: Person
) -> None:
    response = _post(
        alice_client,
        "/account/password",
        current_password=alice.password,
        new_password="12345678",
    )
    assert response.status_code == 400  # type: ignore[attr-defined]
    soup = BeautifulSoup(response.text, "html.parser")  # type: ignore[attr-defined]
    error = soup.find(id="new_password-error")
    assert error is not None
    assert "easy for someone else to guess" in error.get_text()


def test_guessing_her_password_on_the_delete_form_is_limited(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    clear_of_a_window_edge(PASSWORD_CHECKS_PER_ACCOUNT)
    for _ in range(PASSWORD_CHECKS_PER_ACCOUNT.limit):
        _post(alice_client, "/account/delete", password="guess", confirm="delete")
    response = _post(alice_client, "/account/delete", password=alice.password, confirm="delete")
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert "a few too many tries" in page_text(response.text)  # type: ignore[attr-defined]
    with factory() as db:
        assert db.get(User, alice.id) is not None


def test_a_zip_bomb_is_refused_beside_the_file_field_naming_the_member(
    alice_client: TestClient,
) -> None:
    bomb = archive({"checkins.json": b" " * (64 * 1024 * 1024)})
    refused = alice_client.post(
        "/account/import",
        data={"csrf_token": csrf_token(alice_client, "/account")},
        files={"file": ("her-archive.zip", bomb, "application/zip")},
    )
    assert refused.status_code == 400
    text = page_text(refused.text)
    assert "Nothing was imported: her-archive.zip!checkins.json" in text
    assert "zip bomb" in text
