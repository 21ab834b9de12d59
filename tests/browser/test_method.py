from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.flows import sign_up

pytestmark = pytest.mark.browser


def test_she_starts_no_contact_and_logs_his_message(browser_page: Page) -> None:
    page = browser_page
    sign_up(page, "steps@example.org")
    page.get_by_role("link", name="Start your no-contact period").click()
    page.get_by_label("How long").select_option("21")
    page.get_by_role("button", name="Begin").click()
    expect(page.get_by_role("status")).to_contain_text("One day at a time")
    page.get_by_label("He did").check()
    page.get_by_role("button", name="Log contact").click()
    expect(page.locator("#advice")).to_contain_text("You don't need to answer yet")

    page.get_by_label("I did").check()
    page.get_by_role("button", name="Log contact").click()
    expect(page.locator("#confirm-restart")).to_contain_text("doesn't undo how far you've come")
    page.get_by_role("button", name="Yes, log it").click()
    expect(page.get_by_role("status")).to_contain_text("not proof you failed")


def test_she_checks_a_draft_and_sees_what_to_soften(browser_page: Page) -> None:
    page = browser_page
    sign_up(page, "steps@example.org")
    page.goto("/steps/before-you-send")
    page.get_by_label("Your draft").fill(
        "I'm sorry, I miss you. Are you there? Why won't you answer?"
    )
    page.get_by_role("button", name="Take a second look").click()
    expect(page.locator("#verdict h2")).to_have_text("Worth a gentle rewrite before it goes.")
    expect(page.locator(".draft-preview mark.flag-apology")).to_have_text("I'm sorry")
    expect(page.get_by_label("Your draft")).to_have_value(
        "I'm sorry, I miss you. Are you there? Why won't you answer?"
    )
