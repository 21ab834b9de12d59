from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from tests.browser.flows import sign_up

pytestmark = pytest.mark.browser


def test_goal_habit_photo_and_export(browser_page: Page, tmp_path: Path) -> None:
    page = browser_page
    sign_up(page, "growth@example.org")

    page.goto("/steps/new-you")
    page.get_by_label("Life area").select_option("hobbies")
    page.get_by_label("Goal", exact=False).first.fill("Learn to paint")
    page.get_by_role("button", name="Add goal").click()
    expect(page.locator("#goals h3").first).to_contain_text("Learn to paint")
    page.get_by_label("Habit", exact=False).first.fill("Sketch for ten minutes")
    page.get_by_role("button", name="Add habit").click()
    page.get_by_role("button", name="Done today").click()
    expect(page.locator(".habit")).to_contain_text("1 day in a row now")  # singular (issue 21)
    expect(page.locator(".habit .badge")).to_have_text("Done today")

    page.goto("/safety-check")
    for radio in page.locator("input[type=radio][value=no]").all():
        radio.check()
    page.get_by_role("button", name="See my result").click()
    photo = tmp_path / "before.png"
    Image.new("RGB", (120, 90), (200, 150, 120)).save(photo)
    page.goto("/steps/new-look")
    page.get_by_label("Photo (JPEG, PNG, WebP or HEIC)").set_input_files(str(photo))
    page.get_by_label("Caption (optional)").fill("Day one")
    page.get_by_role("button", name="Upload").click()
    image = page.get_by_role("img", name="Before photo: Day one")
    expect(image).to_be_visible()
    assert (
        page.evaluate("() => document.querySelector('.photo-pair img').naturalWidth") > 0
    )  # the image really loaded

    page.goto("/account")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download all my data").click()
    saved = tmp_path / "export.zip"
    download.value.save_as(saved)
    with zipfile.ZipFile(io.BytesIO(saved.read_bytes())) as archive:
        names = archive.namelist()
        assert "README.md" in names
        assert b"Learn to paint" in archive.read("goals.json")
        assert any(n.startswith("photos/") for n in names)
