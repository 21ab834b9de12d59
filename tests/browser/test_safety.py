from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from tests.browser.flows import sign_up

pytestmark = pytest.mark.browser
NEUTRAL = "https://www.bbc.com/weather"


def neutral_site(context: BrowserContext) -> None:
    """Answer the neutral site locally: the tests never reach the network."""

    def fulfil(route: Route) -> None:
        route.fulfill(content_type="text/html", body="<title>Weather</title><h1>Weather</h1>")

    context.route(re.compile(r"^https://www\.bbc\.com/.*"), fulfil)


def answer_check(page: Page, *, yes: tuple[str, ...] = ()) -> None:
    page.goto("/safety-check")
    for radio in page.locator("input[type=radio][value=no]").all():
        radio.check()
    for question in yes:
        page.locator(f"input[name={question}][value=yes]").check()
    page.get_by_role("button", name="See my result").click()


def test_escape_leaves_for_a_neutral_site_and_back_does_not_return(
    browser: Browser, live_server: str
) -> None:
    context = browser.new_context(base_url=live_server)
    neutral_site(context)
    page = context.new_page()
    sign_up(page, "safe@example.org")
    answer_check(page, yes=("stalking",))
    expect(page.get_by_role("heading", name="Your safety comes first")).to_be_visible()

    fresh = context.new_page()  # a tab she opens later, signed in
    fresh.goto("/dashboard")
    expect(fresh.locator("#help")).to_contain_text("Help when you need it")
    fresh.get_by_role("link", name="Help in other countries").click()
    expect(fresh.get_by_role("heading", name="Help if you feel unsafe")).to_be_visible()
    fresh.keyboard.press("Escape")
    expect(fresh).to_have_url(NEUTRAL)
    fresh.go_back()  # the tab's own start page, never an Anew page
    assert not fresh.url.startswith(live_server), fresh.url
    fresh.go_back()
    assert not fresh.url.startswith(live_server), fresh.url
    context.close()


def test_the_quick_exit_button_leaves_with_one_press(browser: Browser, live_server: str) -> None:
    context = browser.new_context(base_url=live_server)
    neutral_site(context)
    page = context.new_page()
    page.goto("/safety-check")
    page.get_by_role("link", name="Quick exit (or press Esc)").click()
    expect(page).to_have_url(NEUTRAL)
    expect(page).to_have_title("Weather")
    context.close()


def test_quick_exit_works_as_a_plain_link_without_javascript(
    browser: Browser, live_server: str
) -> None:
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    neutral_site(context)
    page = context.new_page()
    sign_up(page, "nojs-safe@example.org")
    answer_check(page, yes=("afraid",))
    expect(page.locator("#result")).to_have_attribute("data-result", "concerns")
    page.goto("/dashboard")
    page.get_by_role("link", name="Quick exit (or press Esc)").click()
    expect(page).to_have_url(NEUTRAL)
    context.close()


def test_she_takes_the_quiz_without_an_account(browser_page: Page) -> None:
    page = browser_page
    page.goto("/")
    page.get_by_role("link", name="Take the quiz").click()
    for question in page.locator("fieldset").all():
        question.locator("input").last.check()
    page.get_by_role("button", name="See my result").click()
    expect(page.locator("#outcome h1")).to_have_text("You're more ready than you think")
    expect(page).to_have_url(re.compile(r"/quizzes/holding-you-back/results/[\w-]+$"))


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
def test_back_after_a_quick_exit_shows_no_answer_ticked(
    browser: Browser, live_server: str, signed_in: bool
) -> None:
    context = browser.new_context(base_url=live_server)
    neutral_site(context)
    page = context.new_page()
    if signed_in:
        sign_up(page, "back-after-exit@example.org")
    page.goto("/steps")  # somewhere before the check, as she would come to it
    every = tuple(
        str(name)
        for name in page.goto("/safety-check")
        and page.locator("input[type=radio][value=yes]").evaluate_all("all => all.map(r => r.name)")
    )
    answer_check(page, yes=every)
    expect(page).to_have_url(re.compile(r"/safety-check/result$"))
    expect(page.get_by_role("heading", name="Your safety comes first")).to_be_visible()
    page.get_by_role("link", name=re.compile("Quick exit")).click()
    expect(page).to_have_url(NEUTRAL)
    page.go_back()
    expect(page).to_have_url(re.compile(r"/safety-check$"))
    expect(page.locator("input[type=radio]").first).to_be_visible()
    assert page.locator("input[type=radio]:checked").count() == 0
    context.close()


def test_escape_while_typing_keeps_her_on_the_page(browser: Browser, live_server: str) -> None:
    context = browser.new_context(base_url=live_server)
    neutral_site(context)
    page = context.new_page()
    sign_up(page, "typing@example.org")
    answer_check(page, yes=("stalking",))  # safety mode: the quick exit is on every page
    page.goto("/steps/no-contact")
    page.locator("#start-pause").click()
    message = page.locator("textarea#message")
    message.fill("half of what I wanted to say")
    message.press("Escape")
    expect(message).to_have_value("half of what I wanted to say")
    assert page.url.startswith(live_server)
    page.locator("h1").first.click()  # out of the field, Esc leaves as ever
    page.keyboard.press("Escape")
    expect(page).to_have_url(NEUTRAL)
    context.close()


def test_on_a_phone_the_help_lines_come_first_and_the_esc_hint_is_not_shown(
    browser: Browser, live_server: str
) -> None:
    phone = browser.new_context(
        base_url=live_server,
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
    )
    neutral_site(phone)
    page = phone.new_page()
    answer_check(page, yes=("choking",))
    expect(page.get_by_role("heading", name="Your safety comes first")).to_be_visible()
    help_box = page.locator("#help").bounding_box()
    why = page.locator("#why").bounding_box()
    assert help_box is not None
    assert why is not None
    assert help_box["y"] < why["y"]
    assert help_box["y"] < 844  # the help starts on the first screen
    expect(page.locator(".quick-exit-hint")).to_be_hidden()
    expect(page.get_by_role("link", name="Quick exit", exact=True)).to_be_visible()
    phone.close()

    laptop = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    desk = laptop.new_page()
    desk.goto("/safety-check")
    expect(desk.locator(".quick-exit-hint")).to_be_visible()
    laptop.close()
