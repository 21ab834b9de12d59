"""Steps the browser tests share."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def sign_up(page: Page, email: str) -> None:
    """Create an account through the real form and land on the dashboard."""
    page.goto("/signup")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("a long and gentle phrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
