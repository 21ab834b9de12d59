"""The installable app in Chromium: nothing stops it installing, offline it shows a warm page
with Today's card and the path (never her words), what she writes offline is saved once when she
is back, and logging out or the quick exit leaves nothing of hers on the device."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.method.new_you.models import Habit, HabitDay
from anew.method.no_contact.models import CheckIn, NoContactPeriod, Urge
from anew.method.path.cards import deck
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serving
from tests.browser.flows import sign_up
from tests.browser.test_safety import answer_check, neutral_site
from tests.databases import unavailable

pytestmark = pytest.mark.browser
CONTROLLED = "() => Boolean(navigator.serviceWorker.controller)"
NOTE = "a note only she should ever read"
FOURTH = deck().first[3]  # she is on day 4 of her path


def on_day_four(factory: sessionmaker[Session], email: str) -> None:
    """Her path began three days ago; today she checked in with a note and walked."""
    today = datetime.now(UTC).date()  # her zone is UTC, as the server's clock reads it
    with factory() as db:
        user_id = db.scalar(select(User.id).where(User.email == email))
        assert user_id is not None
        db.add(
            NoContactPeriod(user_id=user_id, started_on=today - timedelta(days=3), target_days=30)
        )
        habit = Habit(user_id=user_id, title="Morning walk", per_week=7, started_on=today)
        db.add(habit)
        db.flush()
        db.add(HabitDay(user_id=user_id, habit_id=habit.id, day=today, status="done"))
        db.add(CheckIn(user_id=user_id, day=today, mood=3, note=NOTE))
        db.commit()


@pytest.fixture
def server(app: FastAPI) -> Iterator[str]:
    with serving(app) as url:
        yield url


@pytest.fixture
def context(server: str, tmp_path: Path) -> Iterator[BrowserContext]:
    """Chromium with a profile of its own on disk: an incognito context can't install apps."""
    if not CHROMIUM.exists():
        unavailable(f"Chromium is not installed at {CHROMIUM}")
    with sync_playwright() as playwright:
        made = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            base_url=server,
        )
        neutral_site(made)
        yield made
        made.close()


def eventually(page: Page, predicate: str) -> None:
    """Wait until an async predicate, evaluated in the page, holds (up to ten seconds)."""
    for _ in range(100):
        if page.evaluate(predicate):
            return
        page.wait_for_timeout(100)
    pytest.fail(f"never true: {predicate}")


def worker_ready(page: Page) -> None:
    """Wait until the service worker controls the page (a page load retries a failed install)."""
    for _ in range(3):
        try:
            page.wait_for_function(
                "() => Boolean(navigator.serviceWorker.controller)", timeout=8000
            )
        except PlaywrightTimeout:
            page.reload()
        else:
            return
    found = page.evaluate(
        """async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          if (!registration) { return "no registration"; }
          const worker = registration.active || registration.waiting || registration.installing;
          return worker ? worker.state : "no worker";
        }"""
    )
    pytest.fail(f"the service worker never took charge of the page: {found}")


def kept_copies(page: Page) -> dict[str, Any]:
    """Every cache the app holds on the device, with each entry's text (or its URL for files)."""
    return page.evaluate(
        """async () => {
          const found = {};
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            found[name] = {};
            for (const request of await cache.keys()) {
              const path = new URL(request.url).pathname;
              const kept = name === "anew-data" ? await cache.match(request) : null;
              found[name][path] = kept ? await kept.text() : "";
            }
          }
          return found;
        }"""
    )


def queued_writes(page: Page) -> list[dict[str, Any]]:
    return page.evaluate(
        """() => new Promise((resolve) => {
          const opening = indexedDB.open("anew-offline", 1);
          opening.onupgradeneeded = () => {
            opening.result.createObjectStore("state");
            opening.result.createObjectStore("queue", { keyPath: "key" });
          };
          opening.onsuccess = () => {
            const db = opening.result;
            const all = db.transaction("queue").objectStore("queue").getAll();
            all.onsuccess = () => { db.close(); resolve(all.result); };
          };
        })"""
    )


def put_queued(page: Page, item: dict[str, Any]) -> None:
    page.evaluate(
        """(item) => new Promise((resolve) => {
          const opening = indexedDB.open("anew-offline", 1);
          opening.onsuccess = () => {
            const db = opening.result;
            const tx = db.transaction("queue", "readwrite");
            tx.objectStore("queue").put(item);
            tx.oncomplete = () => { db.close(); resolve(true); };
          };
        })""",
        item,
    )


def wait_for_copies(page: Page, day: int | None = None) -> dict[str, str]:
    """The kept copies once both are kept, as they are now (asked for again through the worker,
    as a page of hers does, so what was kept at sign-up gives way to today's)."""
    page.evaluate("() => Promise.all([fetch('/api/v1/today'), fetch('/api/v1/path')])")
    eventually(
        page,
        """async () => {
          const cache = await caches.open("anew-data");
          const today = await cache.match("/api/v1/today");
          const kept = today ? await today.json() : null;
          return Boolean(kept && kept.day === DAY && (await cache.match("/api/v1/path")));
        }""".replace("DAY", json.dumps(day)),
    )
    return kept_copies(page)["anew-data"]


def test_chromium_finds_nothing_that_stops_installing(context: BrowserContext) -> None:
    page = context.new_page()
    page.goto("/")
    worker_ready(page)
    session = context.new_cdp_session(page)
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    manifest = session.send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest")
    assert not manifest["errors"]


def test_offline_she_reads_todays_card_and_her_path_but_never_her_words(
    context: BrowserContext, factory: sessionmaker[Session]
) -> None:
    page = context.new_page()
    sign_up(page, "offline-reader@example.org")
    on_day_four(factory, "offline-reader@example.org")
    worker_ready(page)
    page.reload()  # a page the worker controls tells it who is signed in
    copies = wait_for_copies(page, day=4)
    assert NOTE not in json.dumps(copies)
    kept_card = json.loads(copies["/api/v1/today"])["card"]
    assert (kept_card["day"], kept_card["title"]) == (4, FOURTH.title)
    assert all(
        not path.startswith(("/dashboard", "/steps"))
        for c in kept_copies(page).values()
        for path in c
    )

    context.set_offline(True)
    page.goto("/dashboard")
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    expect(page.locator("#offline-day")).to_have_text("Day 4")
    expect(page.locator("#offline-card-title")).to_have_text(FOURTH.title)
    expect(page.locator("#offline-habit-list")).to_contain_text("Morning walk")
    expect(page.locator("#offline-path-cards details")).to_have_count(4)
    assert NOTE not in page.content()
    assert "offline-reader@example.org" not in page.content()  # the signed-in page was never kept
    context.set_offline(False)


def test_the_kept_today_never_holds_the_message_her_vault_brought_back(
    context: BrowserContext, factory: sessionmaker[Session]
) -> None:
    words = "words from her vault that stay on the server"
    page = context.new_page()
    sign_up(page, "offline-looking-back@example.org")
    week_ago = datetime.now(UTC) - timedelta(days=7)  # her zone is UTC: today is day 8
    with factory() as db:
        user = db.scalar(select(User).where(User.email == "offline-looking-back@example.org"))
        assert user is not None
        user.vault_looks_back = True
        db.add(NoContactPeriod(user_id=user.id, started_on=week_ago.date(), target_days=30))
        db.add(Urge(user_id=user.id, at=week_ago, intensity=8, message=words))
        db.commit()
    worker_ready(page)
    page.reload()
    sent = page.evaluate("() => fetch('/api/v1/today').then((answer) => answer.json())")
    assert sent["looking_back"]["entry"]["text"] == words  # the server sends it to her page
    copies = wait_for_copies(page, day=8)
    assert words not in json.dumps(copies)
    assert "looking_back" not in json.loads(copies["/api/v1/today"])


def test_a_vault_message_written_offline_is_stored_exactly_once(
    context: BrowserContext, factory: sessionmaker[Session]
) -> None:
    page = context.new_page()
    page.clock.install()  # the vault's one-minute pause passes at once
    sign_up(page, "offline-writer@example.org")
    page.goto("/steps/no-contact")
    worker_ready(page)
    page.locator("#start-pause").click()
    page.get_by_label("What you wanted to say").fill("Written on the train with no signal")
    page.clock.run_for("01:01")

    context.set_offline(True)
    page.locator("#keep-in-vault").click()
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    expect(page.locator("#offline-kept")).to_be_visible()
    [waiting] = queued_writes(page)
    assert waiting["action"] == "urge"

    assert _back_online_and_sent_again(context, page, factory, waiting) == [
        "Written on the train with no signal"
    ]


def _back_online_and_sent_again(
    context: BrowserContext,
    page: Page,
    factory: sessionmaker[Session],
    waiting: dict[str, Any],
) -> list[str | None]:
    """Back online, the queued write goes out; then the same write is queued again, as if the
    first answer had been lost on the way, and goes out again. What the vault holds after both."""
    context.set_offline(False)  # the offline page takes her back, and the page sends it
    expect(page.get_by_text("What you wrote while offline is saved now.")).to_be_visible()
    assert queued_writes(page) == []
    put_queued(page, waiting)
    page.goto("/steps/no-contact")
    for _ in range(100):
        if not queued_writes(page):
            break
        page.wait_for_timeout(100)
    assert queued_writes(page) == []
    with factory() as db:
        return list(db.scalars(select(Urge.message)).all())


DRAFT = "I miss you so much, please call me tonight"


def _a_draft_to_keep(page: Page, factory: sessionmaker[Session], email: str) -> None:
    """She is in no contact and has checked a draft: the page offers "Keep it in your vault"."""
    sign_up(page, email)
    with factory() as db:
        user_id = db.scalar(select(User.id).where(User.email == email))
        today = datetime.now(UTC).date()  # her zone is UTC, as the server's clock reads it
        db.add(NoContactPeriod(user_id=user_id, started_on=today, target_days=30))
        db.commit()
    page.goto("/steps/before-you-send")
    worker_ready(page)
    page.get_by_label("Your draft").fill(DRAFT)
    page.get_by_role("button", name="Take a second look").click()
    expect(page.get_by_role("button", name="Keep it in your vault")).to_be_visible()


def _kept_offline(context: BrowserContext, page: Page) -> dict[str, Any]:
    """Offline, she keeps the draft: the offline page says it waits on the device; the write."""
    context.set_offline(True)
    page.get_by_role("button", name="Keep it in your vault").click()
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    expect(page.locator("#offline-kept")).to_be_visible()
    expect(page.locator("#offline-waiting")).to_contain_text("1 thing you wrote is waiting")
    [waiting] = queued_writes(page)
    return waiting


def test_a_draft_kept_in_the_vault_offline_is_stored_exactly_once(
    context: BrowserContext, factory: sessionmaker[Session]
) -> None:
    page = context.new_page()
    _a_draft_to_keep(page, factory, "offline-drafter@example.org")
    waiting = _kept_offline(context, page)
    assert (waiting["action"], waiting["path"]) == ("urge", "/steps/before-you-send/vault")
    assert ["text", DRAFT] in waiting["fields"]
    assert all(name != "csrf_token" for name, _ in waiting["fields"])  # a fresh one is sent
    assert _back_online_and_sent_again(context, page, factory, waiting) == [DRAFT]


def test_the_quick_exit_clears_a_draft_kept_offline(
    context: BrowserContext, factory: sessionmaker[Session]
) -> None:
    page = context.new_page()
    _a_draft_to_keep(page, factory, "offline-leaver@example.org")
    _kept_offline(context, page)
    page.get_by_role("link", name=re.compile("Quick exit")).click()
    page.wait_for_url(lambda url: "127.0.0.1" not in url)
    context.set_offline(False)
    # Read on a file of the app, where no script of it runs: nothing could send the queue first.
    page.goto("/manifest.webmanifest")
    _nothing_of_hers_left(page)
    with factory() as db:
        assert db.scalars(select(Urge)).all() == []


def test_the_offline_page_keeps_a_check_in_and_sends_it_once_back_online(
    context: BrowserContext, factory: sessionmaker[Session]
) -> None:
    page = context.new_page()
    sign_up(page, "offline-checkin@example.org")
    worker_ready(page)
    page.reload()
    context.set_offline(True)
    page.goto("/steps/no-contact")
    page.get_by_label("How are you feeling, 1 to 10").fill("3")
    page.get_by_label("A few words, if you like").fill("tired but here")
    page.get_by_role("button", name="Check in").click()
    expect(page.locator("#offline-kept")).to_be_visible()
    expect(page.locator("#offline-waiting")).to_contain_text("1 thing you wrote is waiting")
    context.set_offline(False)
    expect(page.get_by_text("What you wrote while offline is saved now.")).to_be_visible()
    with factory() as db:
        kept = db.scalars(select(CheckIn.note)).all()
    assert kept == ["tired but here"]


def _something_left_behind(page: Page) -> None:
    """Kept copies of Today and the path, and a write waiting to be sent (another account's, so
    that no page sends it first)."""
    page.reload()
    wait_for_copies(page)
    put_queued(
        page,
        {
            "key": "left-behind",
            "action": "urge",
            "path": "/steps/no-contact/urge",
            "fields": [["intensity", "5"], ["message", "words that must not stay"]],
            "account": "someone-else",
        },
    )
    assert len(queued_writes(page)) == 1


def _nothing_of_hers_left(page: Page) -> None:
    eventually(page, "async () => !(await caches.keys()).includes('anew-data')")
    kept = kept_copies(page)
    assert all(name.startswith("anew-shell-") for name in kept)
    assert queued_writes(page) == []


def test_logging_out_clears_the_kept_copies_and_the_queued_writes(
    context: BrowserContext,
) -> None:
    page = context.new_page()
    sign_up(page, "logs-out@example.org")
    worker_ready(page)
    _something_left_behind(page)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You have logged out.")).to_be_visible()
    _nothing_of_hers_left(page)


def test_the_quick_exit_clears_the_kept_copies_and_the_queued_writes(
    context: BrowserContext,
) -> None:
    page = context.new_page()
    sign_up(page, "leaves-fast@example.org")
    worker_ready(page)
    _something_left_behind(page)
    page.goto("/safety/private-browsing")
    page.get_by_role("link", name=re.compile("Quick exit")).click()
    expect(page).to_have_url(re.compile(r"bbc\.com"))
    page.goto("/")
    _nothing_of_hers_left(page)


def test_in_safety_mode_only_the_public_shell_is_kept(
    context: BrowserContext, factory: sessionmaker[Session]
) -> None:
    page = context.new_page()
    sign_up(page, "safety-first@example.org")
    on_day_four(factory, "safety-first@example.org")
    worker_ready(page)
    page.reload()
    wait_for_copies(page, day=4)
    answer_check(page, yes=("stalking",))  # safety mode comes on
    expect(page.get_by_role("heading", name="Your safety comes first")).to_be_visible()
    page.goto("/dashboard")
    eventually(page, "async () => !(await caches.keys()).includes('anew-data')")
    today = page.evaluate("() => fetch('/api/v1/today').then((r) => r.json())")
    assert (today["day"], today["stage"]) == (4, "safety")  # the server still answers it
    assert all(name.startswith("anew-shell-") for name in kept_copies(page))

    context.set_offline(True)
    page.goto("/dashboard")
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    expect(page.locator("#offline-safety-note")).to_be_visible()
    expect(page.locator("#offline-write")).to_be_hidden()
    expect(page.locator("#offline-today")).to_be_hidden()
    context.set_offline(False)


def test_a_push_shows_its_words_and_nothing_else(context: BrowserContext, server: str) -> None:
    """What the server sends (docs/notifications.md) reaches the worker as a push message, here
    delivered through Chromium's own devtools (headless Chromium can't subscribe without the
    internet), and is shown as one notification with its words."""
    context.grant_permissions(["notifications"], origin=server)
    page = context.new_page()
    page.goto("/")
    worker_ready(page)
    session = context.new_cdp_session(page)
    registrations: list[str] = []
    session.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(r["registrationId"] for r in event["registrations"]),
    )
    session.send("ServiceWorker.enable")
    for _ in range(50):  # the registration's event comes as the domain is enabled
        if registrations:
            break
        page.wait_for_timeout(100)
    assert registrations
    said = {"title": "Anew", "body": "A quiet minute for you: how is today going?"}
    said |= {"url": "/dashboard", "tag": "anew-checkin"}
    session.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": server, "registrationId": registrations[0], "data": json.dumps(said)},
    )
    eventually(
        page,
        "async () => (await (await navigator.serviceWorker.ready).getNotifications()).length === 1",
    )
    shown = page.evaluate(
        """async () => {
          const [n] = await (await navigator.serviceWorker.ready).getNotifications();
          return { title: n.title, body: n.body, tag: n.tag, url: n.data.url };
        }"""
    )
    assert shown == said
