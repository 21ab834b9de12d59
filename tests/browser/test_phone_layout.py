"""The header and the form controls as she meets them on a 390 px phone."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.browser.flows import sign_up

PHONE = {"width": 390, "height": 844}


def test_the_phone_header_folds_both_menus_behind_one_button(
    browser: Browser, live_server: str
) -> None:
    context = browser.new_context(base_url=live_server, viewport=PHONE)
    page = context.new_page()
    page.goto("/guide")
    menu = page.get_by_role("button", name="Menu")
    steps = page.get_by_role("navigation", name="The six steps")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(steps).to_be_hidden()
    header_height = page.locator(".site-header").bounding_box()
    assert header_height is not None
    assert header_height["height"] < 80

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(steps).to_be_visible()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()

    page.keyboard.press("Escape")
    expect(steps).to_be_hidden()
    expect(menu).to_be_focused()
    context.close()


def test_without_javascript_the_menus_stay_open(browser: Browser, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto("/guide")
    expect(page.get_by_role("navigation", name="The six steps")).to_be_visible()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    expect(page.locator(".menu-toggle")).to_be_hidden()
    context.close()


def test_the_laptop_shows_the_menus_without_a_button(browser: Browser, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/guide")
    expect(page.get_by_role("navigation", name="The six steps")).to_be_visible()
    expect(page.locator(".menu-toggle")).to_be_hidden()
    context.close()


def test_each_radio_sits_beside_its_words_and_the_label_is_a_big_target(
    browser: Browser, live_server: str
) -> None:
    context = browser.new_context(base_url=live_server, viewport=PHONE)
    page = context.new_page()
    page.goto("/quizzes/holding-you-back")
    labels = page.locator("label:has(> input[type=radio])")
    assert labels.count() > 10
    for index in range(labels.count()):
        label = labels.nth(index)
        box = label.bounding_box()
        control = label.locator("input").bounding_box()
        assert box is not None
        assert control is not None
        assert box["height"] >= 44, f"label {index} is {box['height']} px tall"
        # Beside, not above: the control's middle is inside the label's height, at its left edge.
        middle = control["y"] + control["height"] / 2
        assert box["y"] <= middle <= box["y"] + box["height"]
        assert control["x"] - box["x"] < 8
        assert control["width"] < 40, "the control is not stretched across the line"
    first = labels.first
    first.locator("xpath=.").click(position={"x": 200, "y": 10})
    expect(first.locator("input")).to_be_checked()
    context.close()


LAPTOP = {"width": 1280, "height": 900}
# Every page a new member meets before she has added anything.
FIRST_PAGES = (
    "/dashboard",
    "/steps/no-contact",
    "/steps/reply-coach",
    "/steps/before-you-send",
    "/steps/new-you",
    "/steps/best-self",
    "/steps/new-look",
    "/chats",
    "/journal",
    "/account",
    "/safety-check",
    "/quizzes/holding-you-back",
    "/guide",
)


def test_no_page_is_over_two_laptop_screens_before_she_adds_anything(
    browser: Browser, live_server: str
) -> None:
    context = browser.new_context(base_url=live_server, viewport=LAPTOP)
    page = context.new_page()
    sign_up(page, "new@example.org")
    heights = {}
    for path in FIRST_PAGES:
        page.goto(path)
        heights[path] = page.evaluate("document.documentElement.scrollHeight")
    context.close()
    too_long = {path: height for path, height in heights.items() if height > 2 * LAPTOP["height"]}
    assert not too_long, f"over two screens of {LAPTOP['height']} px: {too_long}"
