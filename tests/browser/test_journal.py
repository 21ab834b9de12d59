from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.flows import sign_up

pytestmark = pytest.mark.browser


def test_she_writes_searches_edits_and_deletes_a_journal_entry(browser_page: Page) -> None:
    page = browser_page
    sign_up(page, "journal@example.org")
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Journal").click()
    expect(page.get_by_role("heading", name="Your journal")).to_be_visible()

    page.get_by_label("What's on your mind?").fill("Sunday evening.\nThe flat felt very quiet.")
    page.locator(".mood-picker label", has_text="4").click()
    page.get_by_role("button", name="Keep this entry").click()
    page.get_by_label("What's on your mind?").fill("Lunch with Émilie: I laughed twice.")
    page.get_by_role("button", name="Keep this entry").click()
    entries = page.locator(".journal-entries > li")
    expect(entries).to_have_count(2)
    expect(entries.first).to_contain_text("Lunch with Émilie")  # newest first
    expect(entries.nth(1)).to_contain_text("Mood 4 of 10")

    page.get_by_label("Search your entries").fill("QUIET")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_contain_text("1 entry holding")
    expect(entries).to_have_count(1)
    expect(entries.first).to_contain_text("The flat felt very quiet.")

    entries.first.get_by_role("link", name="Edit or delete").click()
    page.get_by_label("Your entry").fill("Sunday evening. Quiet, and I was all right.")
    page.locator(".mood-picker label", has_text="Not now").click()
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".journal-entries")).to_contain_text("I was all right.")
    expect(page.locator(".journal-entries")).not_to_contain_text("Mood 4")

    page.locator(".journal-entries > li", has_text="I was all right.").get_by_role("link").click()
    page.get_by_text("Delete this entry", exact=True).click()
    expect(page.get_by_text("Delete this entry for good?")).to_be_visible()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(entries).to_have_count(1)
    expect(entries.first).to_contain_text("Lunch with Émilie")
