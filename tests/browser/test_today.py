"""Today on a 390 px phone and the path across a slip, in real Chromium. The server's clock is set
to a fixed day; the browser only clicks and reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
import time_machine
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.method.no_contact.models import CheckIn, NoContactPeriod, Urge
from anew.method.path.cards import deck
from tests.browser.flows import sign_up

pytestmark = pytest.mark.browser
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser, live_server: str) -> Iterator[Page]:
    with time_machine.travel(NOW, tick=True):
        context = browser.new_context(base_url=live_server, viewport=PHONE)
        yield context.new_page()
        context.close()


def fits_the_screen(page: Page) -> bool:
    return bool(page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"))


def test_today_on_a_phone_counts_the_day_checks_in_and_opens_the_pause(phone: Page) -> None:
    page = phone
    sign_up(page, "today@example.org")
    page.get_by_role("button", name="Yes, start today").click()
    expect(page.locator("#path-day")).to_have_text("Day 1 of your path")
    expect(page.locator("#day-card h2")).to_have_text(deck().first[0].title)
    assert fits_the_screen(page)
    urge = page.get_by_role("link", name="I want to text him")
    expect(urge).to_be_in_viewport()
    box = urge.bounding_box()
    assert box is not None
    assert box["height"] >= 44  # a comfortable target for a thumb

    page.get_by_role("button", name="Mood 7 of 10").click()
    expect(page.locator("#checked-in")).to_have_text("You checked in: mood 7 of 10.")
    expect(page.get_by_role("button", name="Mood 7 of 10")).to_have_attribute(
        "aria-pressed", "true"
    )

    page.get_by_role("link", name="I want to text him").click()
    expect(page.locator("#pause-timer")).to_contain_text("Your vault opens in")
    expect(page.locator("#keep-in-vault")).to_be_disabled()


def test_the_path_keeps_counting_across_a_slip(phone: Page) -> None:
    page = phone
    sign_up(page, "path@example.org")
    page.goto("/steps/no-contact")
    page.get_by_label("How long").select_option("30")
    page.get_by_label("Starting on").fill("2026-11-01")
    page.get_by_role("button", name="Begin").click()
    page.get_by_text("He reached out, or I did").click()
    page.get_by_label("When").fill("2026-11-20")
    page.get_by_label("I did").check()
    page.get_by_role("button", name="Log contact").click()
    page.get_by_role("button", name="Yes, log it").click()
    expect(page.get_by_role("status")).to_contain_text("not proof you failed")

    page.goto("/dashboard")
    expect(page.locator("#path-day")).to_have_text("Day 26 of your path")
    expect(page.locator("#stage")).to_contain_text("Day 6 of your no-contact period")
    expect(page.locator("#day-card h2")).to_have_text(deck().first[25].title)

    page.get_by_role("link", name="All your cards").click()
    expect(page.locator(".path-list li")).to_have_count(26)
    assert fits_the_screen(page)
    page.get_by_role("link", name=f"Day 3 {deck().first[2].title}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(deck().first[2].title)
    page.get_by_role("link", name="Day 4 →").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(deck().first[3].title)


def test_her_vault_looks_back_on_day_eight_and_the_journal_takes_the_question(
    phone: Page, factory: sessionmaker[Session]
) -> None:
    page = phone
    sign_up(page, "looking-back@example.org")
    with factory() as db:
        user_id = db.scalar(select(User.id).where(User.email == "looking-back@example.org"))
        assert user_id is not None
        db.add(NoContactPeriod(user_id=user_id, started_on=date(2026, 11, 19), target_days=30))
        db.add(
            Urge(
                user_id=user_id,
                at=datetime(2026, 11, 19, 21, 0, tzinfo=UTC),
                intensity=8,
                message="Can we just talk once more?",
            )
        )
        db.add(CheckIn(user_id=user_id, day=date(2026, 11, 19), mood=3))
        db.commit()
    page.goto("/dashboard")
    expect(page.locator("#looking-back")).to_have_count(0)  # off until she turns it on

    page.goto("/steps/no-contact")
    page.get_by_text("Let your vault look back (off)").click()  # a fold, like the vault itself
    page.get_by_role("button", name="Yes, let my vault look back").click()
    expect(page.locator("#looking-back-state")).to_have_text("It's on.")
    page.goto("/dashboard")
    card = page.locator("#looking-back")
    expect(card.get_by_role("heading")).to_have_text("A week ago, you wrote this")
    expect(card.locator("#looking-back-text")).to_have_text("Can we just talk once more?")
    expect(card.locator("#mood-then")).to_have_text("3 of 10")
    expect(card.get_by_role("link", name="Check in for today")).to_be_visible()
    assert fits_the_screen(page)

    card.get_by_role("link", name="Write about it in your journal").click()
    expect(page.locator("#entry-text")).to_have_value("How does this read to you now?\n\n")
    page.locator("#entry-text").press("End")
    page.locator("#entry-text").type("Softer than I remembered.")
    page.get_by_role("button", name="Keep this entry").click()
    expect(page.locator(".journal-entries li").first).to_contain_text("Softer than I remembered.")
