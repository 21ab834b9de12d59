"""Kept reads (anew.web.http.read_cache): the dashboard, the program and a chat's metrics are made
once for her data as it stands, and made again as soon as anything of hers changes, wherever it
changed; a kept answer never outlives her session and is never anyone else's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import Role, SessionKind, UserSession
from anew.accounts.sessions import end_all_sessions
from anew.chats import service as chats_service
from anew.db import utcnow
from anew.method.dashboard import service as program_service
from anew.safety.models import SafetyCheck
from anew.web.http import signed_in
from anew.web.http.security import CSRF_COOKIE
from anew.web.pages import dashboard
from tests.chats.fixtures import WHATSTK
from tests.people import CSRF_PATTERN, Person, add_person, api_token, sign_in


def counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """Count the calls of module.name from now on."""
    calls: list[int] = []
    original: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def bearer(factory: sessionmaker[Session], person: Person) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_token(factory, person)}"}


def test_the_program_is_made_once_and_again_when_her_data_changes_anywhere(
    monkeypatch: pytest.MonkeyPatch,
    client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
) -> None:
    made = counting(monkeypatch, program_service, "program")
    headers = bearer(factory, alice)
    first = client.get("/api/v1/program", headers=headers)
    assert first.status_code == 200
    assert first.json()["safety_check"] == "not-taken"
    assert client.get("/api/v1/program", headers=headers).json() == first.json()
    assert len(made) == 1
    with factory() as db:  # as another server process would: nothing here is told of it
        db.add(SafetyCheck(user_id=alice.id, taken_at=utcnow(), result="clear"))
        db.commit()
    assert client.get("/api/v1/program", headers=headers).json()["safety_check"] == "clear"
    assert len(made) == 2
    started = client.post(
        "/api/v1/nocontact", headers=headers, json={"target_days": 30, "his_name": "Sam"}
    )
    assert started.status_code == 201, started.text
    assert client.get("/api/v1/program", headers=headers).json()["stage"] == "no-contact"
    assert len(made) == 3


def test_a_kept_answer_is_refused_once_her_sessions_are_revoked(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    headers = bearer(factory, alice)
    assert client.get("/api/v1/program", headers=headers).status_code == 200
    with factory() as db:
        end_all_sessions(db, alice.id)
        db.commit()
    refused = client.get("/api/v1/program", headers=headers)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/v1/program").status_code == 401


def test_an_expired_token_is_refused_and_a_due_touch_is_written(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    headers = bearer(factory, alice)
    an_hour_ago = utcnow() - timedelta(hours=1)
    with factory() as db:
        db.execute(update(UserSession).values(last_seen_at=an_hour_ago))
        db.commit()
    assert client.get("/api/v1/program", headers=headers).status_code == 200
    with factory() as db:
        seen = db.scalars(select(UserSession.last_seen_at)).one()
        assert seen > an_hour_ago + timedelta(minutes=59)
        db.execute(update(UserSession).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.commit()
    assert client.get("/api/v1/program", headers=headers).status_code == 401


def test_a_process_touches_a_session_once_however_many_requests_find_it_due(
    monkeypatch: pytest.MonkeyPatch,
    client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
) -> None:
    touched = counting(monkeypatch, signed_in, "_touch")
    headers = bearer(factory, alice)
    for _ in range(2):  # as if each request had read the session before the touch was written
        with factory() as db:
            db.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(hours=1)))
            db.commit()
        for _ in range(3):
            assert client.get("/api/v1/program", headers=headers).status_code == 200
    assert len(touched) == 1


def test_a_touch_that_fails_is_claimed_again_by_the_next_request() -> None:
    touches = signed_in.RecentTouches()
    assert touches.claim(7)
    assert not touches.claim(7)
    assert touches.claim(8)  # another session's own
    touches.release(7)
    assert touches.claim(7)


def test_the_dashboards_session_slides_as_on_every_other_page(
    alice_client: TestClient, factory: sessionmaker[Session]
) -> None:
    with factory() as db:
        soon = utcnow() + timedelta(days=1)
        db.execute(
            update(UserSession)
            .where(UserSession.kind == SessionKind.WEB.value)
            .values(last_seen_at=utcnow() - timedelta(hours=1), expires_at=soon)
        )
        db.commit()
    assert alice_client.get("/dashboard").status_code == 200
    with factory() as db:
        expires = db.scalars(
            select(UserSession.expires_at).where(UserSession.kind == SessionKind.WEB.value)
        ).one()
    assert expires > utcnow() + timedelta(days=29)


def test_metrics_are_kept_per_import_and_options_and_never_anyone_elses(
    monkeypatch: pytest.MonkeyPatch,
    client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    bob: Person,
) -> None:
    headers = bearer(factory, alice)
    chat = (WHATSTK / "chats" / "whatsapp" / "lorem-2000.txt").read_bytes()
    upload = client.post("/api/v1/chats", headers=headers, files={"file": ("lorem.txt", chat)})
    assert upload.status_code == 201, upload.text
    chat_id = upload.json()["id"]
    analysed = counting(monkeypatch, chats_service, "metrics")
    wide = [client.get(f"/api/v1/chats/{chat_id}/metrics?gap=24", headers=headers) for _ in "ab"]
    assert wide[0].status_code == 200
    assert wide[0].json() == wide[1].json()
    assert len(analysed) == 1  # the second came from what was kept
    assert client.get(f"/api/v1/chats/{chat_id}/metrics?gap=48", headers=headers).is_success
    assert len(analysed) == 2
    bobs = bearer(factory, bob)
    for path in (f"/api/v1/chats/{chat_id}/metrics", f"/api/v1/chats/{chat_id}/metrics?gap=24"):
        assert client.get(path, headers=bobs).status_code == 404
    assert client.get("/api/v1/program", headers=bobs).json()["stage"] == "not-started"
    deleted = client.delete(f"/api/v1/chats/{chat_id}", headers=headers)
    assert deleted.status_code == 204
    gone = client.get(f"/api/v1/chats/{chat_id}/metrics?gap=24", headers=headers)
    assert gone.status_code == 404


def test_each_browser_gets_its_own_csrf_token_in_the_kept_dashboard(
    monkeypatch: pytest.MonkeyPatch, app: FastAPI, alice: Person
) -> None:
    made = counting(monkeypatch, dashboard, "page")
    tokens = []
    for _browser in range(2):
        with TestClient(app) as browser:
            sign_in(browser, alice)
            page = browser.get("/dashboard")
            assert page.status_code == 200
            assert dashboard.CSRF_MARK.decode() not in page.text
            token = CSRF_PATTERN.search(page.text)
            assert token is not None
            tokens.append(token.group(1))
            logged_out = browser.post(
                "/logout", data={"csrf_token": token.group(1)}, follow_redirects=False
            )
            assert logged_out.status_code == 303  # the kept page's token works for its browser
            assert browser.cookies.get(CSRF_COOKIE)
    assert tokens[0] != tokens[1]
    assert len(made) == 1


def test_the_dashboard_shows_a_check_in_at_once(alice_client: TestClient) -> None:
    before = alice_client.get("/dashboard").text
    assert "You checked in" not in before
    page = alice_client.get("/steps/no-contact").text
    token = CSRF_PATTERN.search(page)
    assert token is not None
    alice_client.post(
        "/steps/no-contact/checkin", data={"csrf_token": token.group(1), "mood": "6", "note": ""}
    )
    assert "You checked in: mood 6 of 10." in alice_client.get("/dashboard").text


def test_a_coachs_dashboard_is_made_every_time(
    monkeypatch: pytest.MonkeyPatch, app: FastAPI, factory: sessionmaker[Session]
) -> None:
    coach = add_person(factory, "coach@example.org", Role.COACH)
    made = counting(monkeypatch, dashboard, "page")
    with TestClient(app) as browser:
        sign_in(browser, coach)
        for _ in range(2):
            assert browser.get("/dashboard").status_code == 200
    assert len(made) == 2  # its moderation badge moves with other people's data
