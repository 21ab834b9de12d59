"""Every HTML page, signed out and as a member with data: each id once, each field with a label.

Two elements sharing an id break labels, anchors and the field an error highlights (the account
page once had two `id="password"`); a field without a label is a riddle to a screen reader.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup, Tag
from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy.orm import Session, sessionmaker

from tests.people import Person, api_token, csrf_token
from tests.routes import app_routes

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}
CHAT = "".join(
    f"13/03/24, 09:{minute:02d} - {'Ana' if minute % 2 else 'Sam'}: hello {minute}\n"
    for minute in range(20)
)
# Pages that are not HTML, or are only for coaches and admins (a member is refused them).
NOT_PAGES = {
    "/account/export",
    "/exit",
    "/healthz",
    "/guide/feed.xml",
    "/sitemap.xml",
    "/manifest.webmanifest",
    "/sw.js",
}


@pytest.fixture(autouse=True)
def frozen() -> object:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 120, 90)).save(out, "JPEG")
    return out.getvalue()


def _add_data(app: FastAPI, factory: sessionmaker[Session], alice: Person) -> dict[str, str]:
    """A bit of everything, through the API; returns the ids the addressed pages need."""
    with TestClient(app) as api:
        api.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
        first = NOW.date() - timedelta(days=20)
        api.post("/api/v1/nocontact", json={"started_on": str(first), "target_days": 30})
        for offset in range(3):
            api.put(f"/api/v1/checkins/{first + timedelta(days=offset)}", json={"mood": 5})
        api.post("/api/v1/urges", json={"intensity": 6, "message": "I miss you"})
        contact = {"at": f"{first + timedelta(days=2)}T12:00:00Z", "initiator": "him"}
        api.post("/api/v1/contacts", json=contact)
        goal = api.post("/api/v1/goals", json={"area": "career", "title": "Finish it"}).json()
        api.post(f"/api/v1/goals/{goal['id']}/milestones", json={"title": "Module 1"})
        api.post("/api/v1/habits", json={"title": "Walk", "per_week": 3, "goal_id": goal["id"]})
        api.post("/api/v1/qualities", json={"list": "i_value", "name": "Patient"})
        api.post("/api/v1/makeover", json={"category": "hair", "title": "A cut", "budget": 40})
        photo = api.post("/api/v1/photos", files={"file": ("me.jpg", _jpeg(), "image/jpeg")})
        chat = api.post("/api/v1/chats", files={"file": ("chat.txt", CHAT.encode())}).json()
    return {"chat_id": str(chat["id"]), "photo_id": str(photo.json()["id"])}


def _html_paths(app: FastAPI, ids: dict[str, str]) -> list[str]:
    """Every GET page the app serves, with the addressed ones filled in from her data."""
    slug = app.state.articles[0].slug
    quiz = next(iter(app.state.quizzes))
    fill = {**ids, "slug": slug}
    paths = []
    for method, path in app_routes(app):
        if method != "GET" or path.startswith("/api") or path in NOT_PAGES:
            continue
        if path.startswith("/quizzes/{slug}"):
            fill["slug"] = quiz
        elif path.startswith(("/steps/{slug}", "/guide/{slug}")):
            fill["slug"] = "no-contact" if path.startswith("/steps") else slug
        try:
            paths.append(path.format(**fill))
        except KeyError:
            continue  # addressed by a secret (a feed, a confirmation) or a coach's id
    return paths


def _has_label(soup: BeautifulSoup, field: Tag) -> bool:
    if field.get("aria-label") or field.get("aria-labelledby"):
        return True
    if field.find_parent("label") is not None:
        return True
    field_id = field.get("id")
    return bool(field_id) and soup.find("label", attrs={"for": field_id}) is not None


def _problems(path: str, html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    ids = Counter(str(tag["id"]) for tag in soup.find_all(id=True))
    found = [
        f"{path}: id {name!r} is used {count} times" for name, count in ids.items() if count > 1
    ]
    for field in soup.find_all(["input", "select", "textarea"]):
        if field.name == "input" and str(field.get("type", "text")) in UNLABELLED_TYPES:
            continue
        if not _has_label(soup, field):
            found.append(f"{path}: {field.name} name={field.get('name')!r} has no label")
    return found


def _check_every_page(client: TestClient, paths: list[str]) -> list[str]:
    problems, seen = [], 0
    for path in paths:
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.headers["content-type"]:
            continue
        seen += 1
        problems.extend(_problems(path, response.text))
    assert seen >= 15, f"only {seen} pages answered with HTML"
    return problems


def test_every_page_as_a_member_with_data_has_unique_ids_and_labelled_fields(
    app: FastAPI, factory: sessionmaker[Session], alice: Person, alice_client: TestClient
) -> None:
    ids = _add_data(app, factory, alice)
    token = csrf_token(alice_client, "/quizzes")
    quiz = next(iter(app.state.quizzes.values()))
    answers = {q.id: q.options[0].id for q in quiz.questions}
    taken = alice_client.post(f"/quizzes/{quiz.slug}", data={"csrf_token": token, **answers})
    paths = [*_html_paths(app, ids), taken.url.path]
    assert _check_every_page(alice_client, paths) == []


def test_every_page_signed_out_has_unique_ids_and_labelled_fields(
    app: FastAPI, client: TestClient
) -> None:
    paths = _html_paths(app, {"chat_id": "1", "photo_id": "1"})
    assert _check_every_page(client, paths) == []


def test_the_delete_password_field_is_labelled_and_highlighted_when_wrong(
    alice_client: TestClient,
) -> None:
    token = csrf_token(alice_client, "/account")
    response = alice_client.post(
        "/account/delete", data={"csrf_token": token, "password": "guess", "confirm": "delete"}
    )
    assert response.status_code == 400
    soup = BeautifulSoup(response.text, "html.parser")
    field = soup.select_one("#delete-password")
    assert field is not None
    assert field.get("aria-invalid") == "true"
    assert soup.find("label", attrs={"for": "delete-password"}) is not None
    error = soup.select_one("#delete-password-error")
    assert error is not None
    assert error.get_text().strip()
