"""Every route, read from the router, tried by strangers: nothing of hers is shown or changed.

Two sweeps, so that a route added tomorrow is covered without anyone remembering to:
- a visitor with no session or token tries every route that is not public: the API answers 401,
  a page sends her to the login page (or refuses with 403/404), and no row anywhere changes;
- Bob, signed in, addresses every one of Alice's things by its id (or her feed by a guessed
  token): 403 or 404, and none of her rows change.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from PIL import Image
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from anew.db import Base
from anew.safety.questions import QUESTIONS
from anew.tables import load_models
from anew.web.http.deps import optional_api_user
from tests.isolation import assert_isolated, owned_rows
from tests.people import Person, api_token, csrf_token, sign_in
from tests.push_service import Browser
from tests.routes import app_routes, routes_depending_on
from tests.web.test_route_coverage import PUBLIC_ROUTES

PARAMETER = re.compile(r"{(\w+)}")
QUIZ = "holding-you-back"
STEP_PAGES = ("no-contact", "reply-coach", "before-you-send", "new-you", "best-self", "new-look")
STEP = "no-contact"
# The bodies that would change something, were the route to let a stranger through.
API_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("PATCH", "/api/v1/chats/{chat_id}"): {"name": "taken"},
    ("PATCH", "/api/v1/goals/{goal_id}"): {"title": "taken"},
    ("POST", "/api/v1/goals/{goal_id}/milestones"): {"title": "taken"},
    ("PATCH", "/api/v1/goals/{goal_id}/milestones/{milestone_id}"): {"done": True},
    ("PATCH", "/api/v1/habits/{habit_id}"): {"title": "taken"},
    ("PUT", "/api/v1/habits/{habit_id}/days/{day}"): {"status": "done"},
    ("PATCH", "/api/v1/makeover/{item_id}"): {"title": "taken"},
    ("PATCH", "/api/v1/qualities/{quality_id}"): {"name": "taken"},
    ("PATCH", "/api/v1/journal/{entry_id}"): {"text": "taken"},
}
# Pages anyone may use; signed in, they also read her own data (never another's).
OPEN_PAGES = {
    ("GET", "/guide/{slug}"),  # an article; signed in, she also sees her own pending response
    ("POST", "/guide/{slug}/responses"),  # "Leave a response" is open to readers
    ("GET", "/quizzes"),  # the quizzes; signed in, also her own results
    ("POST", "/quizzes/{slug}"),  # taking a quiz
    ("GET", "/safety-check"),  # the check can be taken before signing up
    ("POST", "/safety-check"),
    ("GET", "/safety-check/result"),  # shows a visitor her own result, from her own cookie
    ("GET", "/safety/help"),  # help resources, for her country when signed in
    *(("GET", f"/steps/{step}") for step in STEP_PAGES),  # each step explained, tools when in
}
PAGE_FORMS: dict[tuple[str, str], dict[str, str]] = {
    ("POST", "/chats/{chat_id}/settings"): {"name": "taken", "me": ""},
    ("POST", "/moderation/{response_id}/edit"): {"body": "taken"},
}


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "pink").save(buffer, "PNG")
    return buffer.getvalue()


def _made(response: Any) -> dict[str, Any]:
    assert response.status_code in (200, 201), response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture
def alices_things(app: FastAPI, factory: sessionmaker[Session], alice: Person) -> dict[str, str]:
    """One of everything Alice can own, made through the API; path parameter -> value."""
    with TestClient(app) as api:
        api.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
        answers = {"answers": {question.id: "no" for question in QUESTIONS}}
        _made(api.post("/api/v1/safety-check", json=answers))
        chat = "13/03/24, 09:00 - Ana: hi\n13/03/24, 09:05 - Sam: hello\n"
        chat_id = _made(
            api.post(
                "/api/v1/chats",
                files={"file": ("c.txt", chat.encode())},
                data={"progress": "her-upload-01"},
            )
        )["id"]
        goal = _made(api.post("/api/v1/goals", json={"area": "career", "title": "Her goal"}))
        milestone = _made(
            api.post(f"/api/v1/goals/{goal['id']}/milestones", json={"title": "Her step"})
        )
        habit = _made(api.post("/api/v1/habits", json={"title": "Her habit"}))
        item = _made(api.post("/api/v1/makeover", json={"category": "hair", "title": "Her cut"}))
        quality = _made(
            api.post("/api/v1/qualities", json={"list": "i_value", "name": "Her kindness"})
        )
        photo = _made(api.post("/api/v1/photos", files={"file": ("me.png", _png())}))
        entry = _made(api.post("/api/v1/journal", json={"text": "Her journal", "mood": 5}))
        article = api.get("/api/v1/guide").json()[0]["slug"]
        response = _made(
            api.post(
                f"/api/v1/guide/{article}/responses",
                json={"name": "Alice", "email": "alice@example.org", "body": "Her words"},
            )
        )
        _made(api.post("/api/v1/calendar", json={}))
        device = _made(
            api.post(
                "/api/v1/push/subscriptions",
                json=Browser().subscription("https://push.example.org/her-phone"),
            )
        )
    return {
        "chat_id": str(chat_id),
        "progress_id": "her-upload-01",
        "goal_id": str(goal["id"]),
        "milestone_id": str(milestone["id"]),
        "habit_id": str(habit["id"]),
        "item_id": str(item["id"]),
        "quality_id": str(quality["id"]),
        "photo_id": str(photo["id"]),
        "entry_id": str(entry["id"]),
        "response_id": str(response["id"]),
        "subscription_id": str(device["id"]),
        "day": date.today().isoformat(),
        "token": "a-guessed-token-0123456789",
        "article": article,
    }


def _fill(path: str, things: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "slug":
            if "/quizzes/" in path:
                return QUIZ
            return things["article"] if "/guide/" in path else STEP
        return things[name]

    return PARAMETER.sub(value, path)


def _everything(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    load_models()
    with engine.connect() as connection:
        return {
            table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def visitor(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _as_visitor(visitor: TestClient, method: str, template: str, path: str, token: str) -> Response:
    api = template.startswith("/api/")
    return visitor.request(
        method,
        path,
        json=API_BODIES.get((method, template), {}) if api and method != "GET" else None,
        data={"csrf_token": token, "action": "delete"} if not api and method == "POST" else None,
        follow_redirects=False,
    )


def test_a_visitor_is_refused_by_every_route_that_is_not_public(
    app: FastAPI, visitor: TestClient, alices_things: dict[str, str]
) -> None:
    engine: Engine = app.state.engine
    token = csrf_token(visitor, "/login")  # a real token, so CSRF is not what stops her
    optional = routes_depending_on(app, optional_api_user) | OPEN_PAGES
    before = _everything(engine)
    tried, wrong = 0, []
    for method, template in app_routes(app):
        if (method, template) in PUBLIC_ROUTES | optional:
            continue
        path = _fill(template, alices_things)
        response = _as_visitor(visitor, method, template, path, token)
        tried += 1
        where = f"{method} {path}: {response.status_code}"
        if template.startswith("/api/"):
            refused = response.status_code == 401
        elif response.status_code == 303:
            refused = response.headers["location"].startswith("/login")
        else:
            refused = response.status_code in (401, 403, 404)
        if not refused or "alice@example.org" in response.text:
            wrong.append(where)
    assert not wrong, f"a visitor was let through: {wrong}"
    assert tried > 100
    assert _everything(engine) == before, "a visitor's request changed the database"


def test_routes_open_to_visitors_never_show_or_change_hers(
    app: FastAPI, visitor: TestClient, alice: Person, alices_things: dict[str, str]
) -> None:
    """Help resources, quiz attempts, guide responses: anyone may use them, and they read or
    write only what the visitor herself sends."""
    engine: Engine = app.state.engine
    token = csrf_token(visitor, "/login")
    optional = sorted((routes_depending_on(app, optional_api_user) | OPEN_PAGES) - PUBLIC_ROUTES)
    assert len(optional) >= 4
    for method, template in optional:
        before = owned_rows(engine, alice.id)
        path = _fill(template, alices_things)
        response = _as_visitor(visitor, method, template, path, token)
        where = f"{method} {path} as a visitor"
        assert response.status_code < 500, where
        for secret in ("alice@example.org", "Her words", "Her goal"):
            assert secret not in response.text, where
        assert owned_rows(engine, alice.id) == before, f"{where} changed her data"


def test_bob_is_refused_everything_of_alices_that_is_addressed_by_id(
    app: FastAPI,
    factory: sessionmaker[Session],
    alice: Person,
    bob: Person,
    alices_things: dict[str, str],
) -> None:
    engine: Engine = app.state.engine
    addressed = [
        (method, template)
        for method, template in app_routes(app)
        if any(name.endswith("_id") or name == "token" for name in PARAMETER.findall(template))
        and (method, template) not in PUBLIC_ROUTES
    ]
    assert len(addressed) > 30
    with TestClient(app) as page, TestClient(app) as api:
        sign_in(page, bob)
        api.headers["Authorization"] = f"Bearer {api_token(factory, bob)}"
        answers = {"answers": {question.id: "no" for question in QUESTIONS}}
        _made(api.post("/api/v1/safety-check", json=answers))  # the gate is not what stops him
        for method, template in addressed:
            path = _fill(template, alices_things)
            if template.startswith("/api/"):
                body = API_BODIES.get((method, template), {}) if method != "GET" else None
                assert_isolated(
                    engine,
                    api,
                    alice,
                    method,
                    path,
                    expect_status=(403, 404),
                    json=body,
                    secrets=("Her goal", "Her habit", "Her cut", "Her kindness", "Her step"),
                )
            else:
                form = PAGE_FORMS.get((method, template), {"action": "delete"})
                assert_isolated(
                    engine,
                    page,
                    alice,
                    method,
                    path,
                    expect_status=(403, 404),
                    form=form if method == "POST" else None,
                    secrets=("Her goal", "Her habit", "Her cut", "Her kindness", "Her words"),
                )
