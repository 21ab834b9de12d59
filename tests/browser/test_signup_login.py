from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


def test_she_signs_up_logs_out_and_logs_back_in(browser_page: Page) -> None:
    page = browser_page
    page.goto("/")
    page.get_by_role("link", name="Create your private space").click()
    expect(page).to_have_url("/signup")

    page.get_by_label("Email").fill("maya@example.org")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("#password-error")).to_have_text("Please use at least 8 characters.")
    expect(page.get_by_label("Email")).to_have_value("maya@example.org")

    page.get_by_label("Password").fill("a long and gentle phrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Welcome to Anew")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("status")).to_contain_text("You have logged out")
    page.goto("/dashboard")
    expect(page).to_have_url("/login?next=/dashboard")

    page.get_by_label("Email").fill("maya@example.org")
    page.get_by_label("Password").fill("a long and gentle phrase")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url("/dashboard")
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()


def test_the_pages_work_with_javascript_off(browser: Browser, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    failed: list[str] = []
    outside: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith(live_server) else None
        ),
    )
    page.goto("/signup")
    page.get_by_label("Email").fill("noscript@example.org")
    page.get_by_label("Password").fill("works without scripts")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    assert failed == []
    assert outside == []
    context.close()


def test_sign_up_takes_her_time_zone_from_the_browser(browser: Browser, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.goto("/signup")
    expect(page.get_by_label("Your time zone")).to_have_value("Asia/Tokyo")
    page.get_by_label("Email").fill("tokyo@example.org")
    page.get_by_label("Password").fill("a long and gentle phrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    page.goto("/account")
    expect(page.locator("select[name=time_zone], input[name=time_zone]")).to_have_value(
        "Asia/Tokyo"
    )
    context.close()


def test_without_javascript_the_time_zone_is_typed_and_checked(
    browser: Browser, live_server: str
) -> None:
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/signup")
    zone = page.get_by_label("Your time zone")
    expect(zone).to_have_value("")
    expect(zone).to_have_attribute("list", "time-zones")
    page.get_by_label("Email").fill("typed@example.org")
    page.get_by_label("Password").fill("a long and gentle phrase")
    zone.fill("Europe/Pariss")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("#time_zone-error")).to_contain_text("We don't know that time zone")
    expect(page.get_by_label("Your time zone")).to_have_value("Europe/Pariss")
    context.close()
