"""The API's interactive docs work in a real browser, from this server alone, under the strict
Content-Security-Policy: every operation shows, nothing is asked of another host, and no error
reaches the console."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_the_interactive_docs_list_every_operation_from_this_server_alone(
    browser_page: Page, live_server: str
) -> None:
    page = browser_page
    problems: list[str] = []
    hosts: set[str] = set()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto("/api/v1/docs")
    expect(page.locator(".opblock").first).to_be_visible(timeout=15_000)
    document = page.request.get("/api/v1/openapi.json").json()
    operations = sum(
        1 for item in document["paths"].values() for method in item if method != "parameters"
    )
    assert page.locator(".opblock").count() == operations
    expect(page.get_by_text("Anew API").first).to_be_visible()
    page.locator(".opblock-summary-path", has_text="/api/v1/program").first.click()
    expect(page.get_by_text("Where you are in the method").first).to_be_visible()
    assert hosts == {urlsplit(live_server).netloc}
    assert not problems
