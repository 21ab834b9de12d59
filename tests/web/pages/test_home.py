from __future__ import annotations

from fastapi.testclient import TestClient

from anew.method.steps import STEPS
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
