from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from anew.method.steps import STEPS
from anew.web.app import STATIC_DIR
from tests.people import page_text

# Steps whose tools have landed; the others still say "Coming soon."


def test_the_home_page_invites_a_visitor_to_sign_up(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'href="/signup"' in page.text
    assert 'href="/login"' in page.text


def test_the_navigation_lists_the_six_steps_in_order(client: TestClient) -> None:
    html = client.get("/").text
    positions = [html.index(f'href="/steps/{step.slug}"') for step in STEPS]
    assert positions == sorted(positions)
    assert len(STEPS) == 6


def test_each_step_page_says_what_it_will_do(client: TestClient) -> None:
    for step in STEPS:
        page = client.get(f"/steps/{step.slug}")
        assert page.status_code == 200
        text = page_text(page.text)
        assert f"Step {step.number} of 6" in text
        assert step.summary in text
        assert 'aria-current="page"' in page.text
        assert "Log in to begin" in text, step.slug


def test_an_unknown_step_is_a_404(client: TestClient) -> None:
    assert client.get("/steps/win-him-back-fast").status_code == 404


def test_pages_load_nothing_from_other_sites(client: TestClient) -> None:
    for path in ["/", "/signup", "/login", "/steps/no-contact"]:
        html = client.get(path).text
        assert "http://" not in html.replace("http://testserver", "")
        assert "https://" not in html


ICON_LINK = re.compile(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">')


def test_every_page_names_the_icon_and_the_icon_is_there(
    client: TestClient, alice_client: TestClient
) -> None:
    for browser, path in [(client, "/"), (client, "/login"), (alice_client, "/dashboard")]:
        found = ICON_LINK.search(browser.get(path).text)
        assert found, f"{path} names no icon"
        icon = browser.get(found.group(1))
        assert icon.status_code == 200
        assert icon.headers["content-type"] == "image/svg+xml"
        assert "#8a3f6b" in icon.text  # the accent colour


@pytest.mark.parametrize("signed_in", [False, True])
def test_browsers_asking_for_favicon_ico_get_the_icon_and_may_keep_it(
    client: TestClient, alice_client: TestClient, signed_in: bool
) -> None:
    browser = alice_client if signed_in else client
    icon = browser.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.headers["content-type"] == "image/svg+xml"
    assert icon.headers["cache-control"] == "public, max-age=604800"
    assert icon.text == (STATIC_DIR / "img" / "favicon.svg").read_text()
