"""Every page, looked at the way she does: on a 390 px phone in light and dark, and on a laptop.

Each page is checked for sideways scroll, console errors, failed requests and axe-core's serious
and critical violations (no rule disabled), and photographed into build/screenshots/ so a reviewer
can look at every page without signing up. The people and the pages are in every_page.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine
from axe_playwright_python.sync_playwright import Axe
from fastapi import FastAPI
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response
from sqlalchemy import make_url
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.vocabulary import SessionKind
from anew.config import load_settings
from anew.db import make_engine
from anew.web.app import create_app
from anew.web.http import safety_result
from anew.web.http.deps import SESSION_COOKIE
from tests.browser.conftest import chromium, serving
from tests.browser.every_page import (
    MEMBER,
    NOT_PAGES,
    NOW,
    SIGNED_OUT,
    VISITS,
    Seeded,
    Visit,
    safety_answers,
    seed,
)
from tests.conftest import TEST_SECRET
from tests.databases import BACKENDS, empty_all_tables
from tests.people import session_token
from tests.routes import app_routes

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}
SCHEMES = ("light", "dark")
SERIOUS = ("serious", "critical")
AXE = Axe()


@dataclass(frozen=True)
class World:
    """The seeded app, served, with a signed-in browser context per persona and scheme."""

    app: FastAPI
    seeded: Seeded
    contexts: dict[tuple[str, str], BrowserContext]
    photograph: bool


@pytest.fixture(scope="module")
def world(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One server and one browser for the whole module, on a clock stopped at NOW (it ticks on
    from there, so timeouts still pass)."""
    settings = load_settings(
        data_dir=tmp_path_factory.mktemp("every-page"),
        database_url=database_url,
        secret_key=TEST_SECRET,
    )
    with time_machine.travel(NOW, tick=True):
        app = create_app(settings)
        try:
            seeded = seed(app, app.state.sessionmaker)
            with serving(app) as url, chromium() as browser:
                contexts = _contexts(browser, url, app.state.sessionmaker, seeded)
                # The pages look the same on either database: one set of pictures is enough.
                photograph = make_url(database_url).get_backend_name() == BACKENDS[0]
                yield World(app, seeded, contexts, photograph)
                for context in contexts.values():
                    context.close()
        finally:
            app.state.engine.dispose()
            engine = make_engine(database_url)
            empty_all_tables(engine)
            engine.dispose()


def _contexts(
    browser: Browser, url: str, factory: sessionmaker[Session], seeded: Seeded
) -> dict[tuple[str, str], BrowserContext]:
    """A phone-sized context per persona and colour scheme, signed in as her."""
    contexts = {}
    for persona in {persona for visit in VISITS for persona in visit.personas}:
        for scheme in SCHEMES:
            context = browser.new_context(base_url=url, viewport=PHONE, color_scheme=scheme)
            if persona != SIGNED_OUT:
                token = session_token(factory, seeded.people[persona], SessionKind.WEB)
                context.add_cookies([{"name": SESSION_COOKIE, "value": token, "url": url}])
            contexts[persona, scheme] = context
    return contexts


def _name(route: str) -> str:
    """A file name for the route: /chats/{chat_id} is chats-chat_id, / is home."""
    return re.sub(r"[^a-z0-9_]+", "-", route.strip("/").replace("{", "").replace("}", "")) or "home"


CASES = [
    pytest.param(persona, visit, scheme, id=f"{persona}-{_name(visit.route)}-{scheme}")
    for visit in VISITS
    for persona in visit.personas
    for scheme in SCHEMES
]


@pytest.mark.parametrize(("persona", "visit", "scheme"), CASES)
def test_the_page_is_right_on_a_phone(
    world: World, persona: str, visit: Visit, scheme: str
) -> None:
    page = world.contexts[persona, scheme].new_page()
    try:
        problems = _look_at(page, persona, world.seeded.address(visit.route, persona), visit.status)
        if world.photograph:
            _photograph(page, f"{persona}-{_name(visit.route)}-{scheme}", laptop=scheme == "light")
    finally:
        page.close()
    assert not problems, "\n".join(problems)


def _photograph(page: Page, stem: str, *, laptop: bool) -> None:
    """The whole page at 390 px, and on a laptop (once per page and persona, in light)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{stem}-390.png", full_page=True)
    if laptop:
        page.set_viewport_size(LAPTOP)
        page.screenshot(path=SCREENSHOTS / f"{stem}-1280.png", full_page=True)


def _look_at(page: Page, persona: str, address: str, status: int) -> list[str]:
    """Everything wrong with the page at 390 px: each problem as one line."""
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and not _is_the_pages_own_status(message, address, status):
            if urlsplit(message.location.get("url", "")).path == "/favicon.ico":
                return  # asked for once per browser, whichever page is first: its own test
            problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def on_response(response: Response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"request failed: {response.status} {response.url}")

    def on_failed(request: Request) -> None:
        problems.append(f"request failed: {request.failure} {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    answered = _arrive(page, persona, address)
    if answered.status != status:
        problems.append(f"the page answered {answered.status}, not {status}")
    if urlsplit(page.url).path != address:
        problems.append(f"redirected to {page.url}")
    width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if width[0] > width[1]:
        problems.append(f"scrolls sideways: {width[0]} px wide in a {width[1]} px window")
    problems.extend(_axe(page))
    return problems


def _arrive(page: Page, persona: str, address: str) -> Response:
    """Open the page; the safety check's result is shown once, to whoever just took it (danger
    for safety mode and for a visitor, clear for the member)."""
    if address != safety_result.PATH:
        answered = page.goto(address, wait_until="load")
        assert answered is not None
        return answered
    page.goto("/safety-check")
    answers = safety_answers(physical="no" if persona == MEMBER else "yes")
    for question, answer in answers.items():
        page.locator(f"input[name='{question}'][value='{answer}']").check()
    with page.expect_navigation(url=f"**{address}", wait_until="load") as navigation:
        page.get_by_role("button", name="See my result").click()
    return navigation.value


def _is_the_pages_own_status(message: ConsoleMessage, address: str, status: int) -> bool:
    """Chromium logs a page answered with 404 as an error; that status is the one expected."""
    own = message.location.get("url", "").endswith(address)
    return status >= 400 and own and f"status of {status}" in message.text


def _axe(page: Page) -> list[str]:
    """axe-core's serious and critical violations, with the elements they were found on."""
    violations = AXE.run(page).response["violations"]
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']} at {', '.join(_targets(v))}"
        for v in violations
        if v["impact"] in SERIOUS
    ]


def _targets(violation: dict[str, object]) -> list[str]:
    nodes = violation["nodes"]
    assert isinstance(nodes, list)
    return [" ".join(map(str, node["target"])) for node in nodes]


def test_the_browser_finds_the_sites_icon(world: World) -> None:
    """Every tab shows the icon; without one, each first page of a visit logs a 404."""
    page = world.contexts[SIGNED_OUT, "light"].new_page()
    try:
        page.goto("/")
        declared = page.evaluate("() => document.querySelector('link[rel~=icon]')?.href ?? null")
        icon = page.request.get(declared or "/favicon.ico")
    finally:
        page.close()
    assert icon.status == 200, f"{declared or '/favicon.ico'} answered {icon.status}"
    assert icon.headers["content-type"].startswith("image/")


def test_every_page_of_the_app_is_looked_at(world: World) -> None:
    """A new page can't be forgotten: every GET route is visited or says why it is no page."""
    routes = {
        path
        for method, path in app_routes(world.app)
        if method == "GET" and (not path.startswith("/api/") or path in NOT_PAGES)
    }
    visited = {visit.route for visit in VISITS}
    assert routes - visited - set(NOT_PAGES) == set(), "pages nobody looks at"
    assert (visited | set(NOT_PAGES)) - routes == set(), "listed routes the app no longer has"
    for visit in VISITS:
        for persona in visit.personas:
            assert "{" not in world.seeded.address(visit.route, persona), visit.route
