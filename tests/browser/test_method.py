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
    page.get_by_text("He reached out, or I did").click()
    page.get_by_label("He did").check()
    page.get_by_role("button", name="Log contact").click()
    expect(page.locator("#advice")).to_contain_text("You don't need to answer yet")

    page.get_by_text("He reached out, or I did").click()
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


def test_a_flag_the_learned_model_finds_is_marked_on_its_sentence(browser_page: Page) -> None:
    page = browser_page
    sign_up(page, "model@example.org")
    page.goto("/steps/before-you-send")
    page.get_by_label("Your draft").fill("Work was fine. Nobody has ever made me feel how you did.")
    page.get_by_role("button", name="Take a second look").click()
    expect(page.locator(".draft-preview mark.flag-needy")).to_have_text(
        "Nobody has ever made me feel how you did."
    )


def test_the_urge_to_text_him_gets_a_one_minute_pause(browser_page: Page) -> None:
    page = browser_page
    page.clock.install()
    sign_up(page, "pause@example.org")
    page.goto("/steps/no-contact")
    page.locator("#start-pause").click()
    keep = page.locator("#keep-in-vault")
    expect(keep).to_be_disabled()
    expect(page.locator("#pause-timer")).to_contain_text("Your vault opens in 60 seconds")
    page.get_by_label("What you wanted to say").fill("I still think about us")
    page.get_by_label("What set it off").fill("Our song on the radio")
    page.clock.run_for("00:30")
    expect(keep).to_be_disabled()
    page.clock.run_for("00:31")
    expect(keep).to_be_enabled()
    expect(page.locator("#pause-timer")).to_contain_text("A minute has passed")
    keep.click()
    expect(page.locator(".vault")).to_contain_text("I still think about us")


def test_the_draft_is_checked_as_she_types(browser_page: Page) -> None:
    page = browser_page
    sign_up(page, "live@example.org")
    page.goto("/steps/before-you-send")
    page.get_by_label("Your draft").press_sequentially("I'm sorry, I miss you", delay=10)
    expect(page.locator("#live-check")).to_be_visible()
    expect(page.locator("#live-headline")).to_have_text("Worth a gentle rewrite before it goes.")
    expect(page.locator("#live-preview mark.flag-apology")).to_have_text("I'm sorry")
    expect(page.locator("#verdict")).to_have_count(0)  # nothing was submitted


def test_use_this_puts_the_calmer_version_in_her_draft(browser_page: Page) -> None:
    page = browser_page
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    sign_up(page, "calmer@example.org")
    page.goto("/steps/before-you-send")
    page.get_by_label("Your draft").fill("Sorry, could you move the van?")
    page.get_by_label("Who wrote last").select_option("him")
    page.get_by_role("button", name="Take a second look").click()
    offer = page.locator("#suggestion")
    expect(offer.locator("#suggestion-text")).to_have_text("Could you move the van?")
    offer.get_by_role("button", name="Use this").click()
    expect(page.get_by_label("Your draft")).to_have_value("Could you move the van?")
    expect(page.get_by_label("Your draft")).to_be_focused()
    # Put in her draft, it is checked again as she would type it: nothing left to soften.
    # (The hour is the server's own, so only what the words say is looked at here.)
    expect(page.locator("#live-check")).to_be_visible()
    expect(page.locator("#live-preview")).to_have_text("Could you move the van?")
    expect(page.locator("#live-preview mark")).to_have_count(0)
    expect(page.locator("#live-suggestion")).to_be_hidden()
    assert errors == []  # the strict CSP let the page's own script run, and nothing broke


def test_the_live_check_offers_its_own_use_this(browser_page: Page) -> None:
    page = browser_page
    sign_up(page, "livecalm@example.org")
    page.goto("/steps/before-you-send")
    page.get_by_label("Who wrote last").select_option("him")
    page.get_by_label("Your draft").press_sequentially("yay congrats!!!", delay=10)
    expect(page.locator("#live-suggestion-text")).to_have_text("yay congrats!")
    page.locator("#live-suggestion").get_by_role("button", name="Use this").click()
    expect(page.get_by_label("Your draft")).to_have_value("yay congrats!")
