from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.roles import Role
from anew.web.http import responding
from tests.people import add_person

pytestmark = pytest.mark.browser


def log_in(page: Page, email: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_a_response_is_moderated_then_published(
    browser: Browser,
    live_server: str,
    factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(responding, "MIN_SECONDS", 1)
    reader = browser.new_context(base_url=live_server).new_page()
    reader.goto("/guide/no-contact")
    reader.get_by_label("Name").fill("Ann")
    reader.get_by_role("textbox", name="Email (required)").fill("ann@example.org")
    # Without mail set up, "email me when someone replies" isn't offered (issue 21).
    expect(reader.get_by_label("Email me when someone replies")).to_have_count(0)
    reader.get_by_label("Comment").fill("Day 12 today. Writing in the vault *really* helps.")
    reader.wait_for_timeout(1200)  # a person takes a moment; a bot doesn't
    reader.get_by_role("button", name="Post response").click()
    expect(reader.get_by_role("status")).to_contain_text("awaiting moderation")
    expect(reader.locator(".badge-pending")).to_have_text("awaiting moderation")

    coach = add_person(factory, "coach@example.org", Role.COACH)
    moderator = browser.new_context(base_url=live_server).new_page()
    log_in(moderator, coach.email, coach.password)
    moderator.get_by_role("link", name="Responses").click()
    moderator.get_by_label("Ann").check()
    moderator.get_by_label("With the ticked responses").select_option("approve")
    moderator.get_by_role("button", name="Apply").click()
    expect(moderator.get_by_role("status")).to_contain_text("Done")

    visitor = browser.new_context(base_url=live_server).new_page()
    visitor.goto("/guide/no-contact")
    expect(visitor.locator("#responses h2")).to_have_text("1 response")
    expect(visitor.locator(".response-body em")).to_have_text("really")
    expect(visitor.locator(".badge-pending")).to_have_count(0)
