"""Each form that changes her data answers with a redirect: reloading the page after it shows the
same thing and stores nothing twice (POST, then 303, then GET)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from anew.web.http import responding
from tests.browser.flows import sign_up

pytestmark = pytest.mark.browser


def _rows(factory: sessionmaker[Session], table: str) -> int:
    with factory() as db:
        return int(db.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608


def _reload_keeps(
    page: Page, factory: sessionmaker[Session], table: str, submit: Callable[[], None]
) -> None:
    """Submit once, see one more row; reload, still one more, and the same address."""
    before = _rows(factory, table)
    submit()
    page.wait_for_load_state()
    assert _rows(factory, table) == before + 1, f"{table}: the form stored nothing"
    shown_at = page.url
    page.reload()
    page.wait_for_load_state()
    assert _rows(factory, table) == before + 1, f"{table}: a reload stored it again"
    assert page.url == shown_at


def _photo(tmp_path: Path) -> str:
    path = tmp_path / "me.jpg"
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 120, 90)).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return str(path)


def test_the_no_contact_forms_never_post_twice_on_a_reload(
    browser_page: Page, factory: sessionmaker[Session]
) -> None:
    page = browser_page
    page.clock.install()  # the vault's one-minute pause passes at once
    sign_up(page, "reload@example.org")
    page.goto("/steps/no-contact")

    def begin() -> None:
        page.get_by_label("How long").select_option("30")
        page.get_by_role("button", name="Begin").click()

    def his_message() -> None:
        page.get_by_text("He reached out, or I did").click()
        page.get_by_label("He did").check()
        page.get_by_role("button", name="Log contact").click()
        expect(page.locator("#advice")).to_contain_text("You don't need to answer yet")

    def her_message() -> None:
        page.get_by_text("He reached out, or I did").click()
        page.get_by_label("I did").check()
        page.get_by_role("button", name="Log contact").click()
        page.get_by_role("button", name="Yes, log it").click()

    def urge() -> None:
        page.locator("#start-pause").click()
        page.get_by_label("What you wanted to say").fill("I still think about us")
        page.clock.run_for("01:01")
        page.locator("#keep-in-vault").click()

    def check_in() -> None:
        page.get_by_label("How are you feeling, 1 to 10").fill("4")
        page.get_by_role("button", name="Check in").click()

    _reload_keeps(page, factory, "nocontact_periods", begin)
    _reload_keeps(page, factory, "contacts", his_message)
    _reload_keeps(page, factory, "contacts", her_message)
    _reload_keeps(page, factory, "urges", urge)
    _reload_keeps(page, factory, "checkins", check_in)
    expect(page.locator("#mood")).to_have_value("4")

    def pause() -> None:
        page.locator("summary", has_text="Pause on purpose").click()
        page.get_by_role("button", name="Pause my count").click()

    _reload_keeps(page, factory, "nocontact_pauses", pause)


def test_the_calendar_address_and_a_guide_response_are_not_made_again_on_a_reload(
    browser_page: Page, factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = browser_page
    sign_up(page, "feed@example.org")
    page.goto("/account/calendar")
    page.get_by_role("button", name="Switch it on").click()
    address = page.locator("#feed-url code").inner_text()
    page.reload()
    # Had the reload posted again, the address she was shown would have stopped working.
    assert page.request.get(address).status == 200

    monkeypatch.setattr(responding, "MIN_SECONDS", 0)
    page.goto("/guide/no-contact")

    def respond() -> None:
        page.get_by_label("Comment").fill("Day 12 today. It helps to read this.")
        page.get_by_role("button", name="Post response").click()

    _reload_keeps(page, factory, "guide_responses", respond)


def test_the_growth_forms_never_post_twice_on_a_reload(
    browser_page: Page, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    page = browser_page
    sign_up(page, "growth@example.org")
    page.goto("/steps/new-you")

    def goal() -> None:
        page.get_by_label("Goal", exact=False).first.fill("Finish the course")
        page.get_by_role("button", name="Add goal").click()

    def milestone() -> None:
        page.get_by_label("A new milestone").fill("Module 1")
        page.get_by_role("button", name="Add milestone").click()

    def habit() -> None:
        page.locator("#habit-title").fill("Walk")
        page.get_by_role("button", name="Add habit").click()

    def done_today() -> None:
        page.get_by_role("button", name="Done today").click()

    _reload_keeps(page, factory, "goals", goal)
    _reload_keeps(page, factory, "goal_milestones", milestone)
    _reload_keeps(page, factory, "habits", habit)
    _reload_keeps(page, factory, "habit_days", done_today)

    page.goto("/safety-check")  # steps 5 and 6 open after the safety check
    for radio in page.locator("input[type=radio][value=no]").all():
        radio.check()
    page.get_by_role("button", name="See my result").click()
    page.goto("/steps/best-self")

    def quality() -> None:
        page.locator("form:has(input[name=list][value=i_value]) input[name=name]").fill("Patient")
        page.locator("form:has(input[name=list][value=i_value]) button[type=submit]").click()

    _reload_keeps(page, factory, "qualities", quality)

    page.goto("/steps/new-look")

    def item() -> None:
        page.get_by_label("What").fill("A new cut")
        page.get_by_role("button", name="Add", exact=True).click()

    def photo() -> None:
        page.get_by_label("Photo (JPEG, PNG, WebP or HEIC)").set_input_files(_photo(tmp_path))
        page.get_by_role("button", name="Upload").click()

    _reload_keeps(page, factory, "makeover_items", item)
    _reload_keeps(page, factory, "photos", photo)


def test_keeping_a_draft_in_the_vault_posts_it_and_shows_it_kept(
    browser_page: Page, factory: sessionmaker[Session]
) -> None:
    page = browser_page
    sign_up(page, "vault@example.org")
    page.goto("/steps/no-contact")  # during no contact, a pleading draft is one not to send
    page.get_by_role("button", name="Begin").click()
    page.goto("/steps/before-you-send")
    draft = "Why won't you answer me? I NEED you. Answer me now!!! Please please please"
    page.get_by_label("Your draft").fill(draft)
    page.get_by_role("button", name="Take a second look").click()

    def keep() -> None:
        page.get_by_role("button", name="Keep it in your vault").click()

    _reload_keeps(page, factory, "urges", keep)
    assert "answer" not in page.url.lower()  # her words never travel in the address
    expect(page.locator(".vault")).to_contain_text("I NEED you")
