from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from anew.chats.progress import ProgressReporter
from tests.browser.flows import sign_up
from tests.chats.fixtures import WHATSTK

pytestmark = pytest.mark.browser


def test_she_imports_a_chat_and_reads_the_report(browser_page: Page) -> None:
    page = browser_page
    sign_up(page, "reader@example.org")
    page.get_by_role("link", name="Chats").click()
    page.get_by_label("Export file").set_input_files(
        str(WHATSTK / "chats" / "whatsapp" / "pokemon.txt")
    )
    page.get_by_label("Name it (optional)").fill("Old friends")
    page.get_by_role("button", name="Import").click()
    # Right after the upload, before the report: which one is her.
    expect(page.get_by_role("heading", name="Which one is you?")).to_be_visible()
    page.get_by_role("radio", name="Misty").check()
    page.get_by_role("button", name="See the report").click()
    expect(page.get_by_role("heading", name="Old friends")).to_be_visible()
    expect(page.get_by_role("row", name="Ash Ketchum")).to_contain_text("4")
    expect(page.get_by_role("row", name="Misty (you)")).to_be_visible()
    expect(page.locator("svg.chart-plot")).to_have_count(5)

    page.get_by_label("Which one is you?").select_option("Ash Ketchum")  # changed later
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("row", name="Ash Ketchum (you)")).to_be_visible()


def test_a_file_that_is_not_a_chat_is_explained(browser_page: Page, tmp_path: Path) -> None:
    page = browser_page
    sign_up(page, "reader@example.org")
    notes = tmp_path / "notes.txt"
    notes.write_text("Groceries\n- apples\n")
    page.goto("/chats")
    page.get_by_label("Export file").set_input_files(str(notes))
    page.get_by_label("Name it (optional)").fill("My notes")
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text("notes.txt, line 1")
    expect(page.get_by_label("Name it (optional)")).to_have_value("My notes")


def test_a_large_import_shows_how_far_the_server_has_come(
    browser_page: Page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = browser_page
    # The server holds its measuring stage a little longer than the page takes between two looks
    # at the progress, so the page sees it however fast this machine reads the chat.
    told = ProgressReporter.__call__

    def lingering(self: ProgressReporter, stage: str, **progress: Any) -> None:
        told(self, stage, **progress)
        if stage == "measuring":
            time.sleep(2.0)

    monkeypatch.setattr(ProgressReporter, "__call__", lingering)
    sign_up(page, "reader@example.org")
    export = tmp_path / "big.txt"
    export.write_text(
        "".join(
            f"{1 + n % 28:02d}/{1 + n // 28 % 12:02d}/2023, 10:{n % 60:02d} - "
            f"{'Ana' if n % 2 else 'Sam'}: message {n}\n"
            for n in range(50_000)
        )
    )
    page.goto("/chats")
    page.get_by_label("Export file").set_input_files(str(export))
    page.get_by_label("Name it (optional)").fill("A long story")
    page.get_by_role("button", name="Import").click()
    # Only the server's progress, polled from /chats/progress/..., says these words.
    expect(page.locator("#upload-status")).to_contain_text(
        "Measuring who reaches out", timeout=60_000
    )
    expect(page.get_by_role("heading", name="Which one is you?")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Imported: A long story")).to_be_visible()


def test_unclear_dates_are_asked_and_the_same_file_is_sent_again(
    browser_page: Page, tmp_path: Path
) -> None:
    page = browser_page
    sign_up(page, "reader@example.org")
    export = tmp_path / "WhatsApp Chat with Sam.txt"
    export.write_text(
        "03/04/24, 09:00 - Ana: morning!\n"
        "03/04/24, 09:10 - Sam: hey you\n"
        "07/08/24, 08:00 - Ana: it has been a while\n"
    )
    page.goto("/chats")
    page.get_by_label("Export file").set_input_files(str(export))
    page.get_by_label("Name it (optional)").fill("Sam, spring")
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text("can be read two ways")
    question = page.get_by_role("group", name="Which day is 03/04/24 in your file?")
    expect(question).to_be_visible()
    expect(question).not_to_contain_text("choose the file again")  # it is still chosen
    expect(page.get_by_label("Name it (optional)")).to_have_value("Sam, spring")
    page.get_by_role("radio", name="3 April 2024").check()
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", name="Which one is you?")).to_be_visible()
    page.get_by_role("radio", name="Ana").check()
    page.get_by_role("button", name="See the report").click()
    expect(page.get_by_role("heading", name="Sam, spring")).to_be_visible()
    expect(page.locator("p.lead")).to_contain_text("2024-04-03 to 2024-08-07")
