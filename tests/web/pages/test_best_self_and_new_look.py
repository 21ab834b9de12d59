from __future__ import annotations

import io
import re

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image

from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text, take_safety_check
from tests.web.api.test_new_look_photos import jpeg_with_location


def post(client: TestClient, path: str, **data: str):  # type: ignore[no-untyped-def]
    return client.post(path, data={"csrf_token": csrf_token(client, "/dashboard"), **data})


def test_the_qualities_board_takes_a_quality_and_its_week(alice_client: TestClient) -> None:
    take_safety_check(alice_client)
    post(
        alice_client,
        "/steps/best-self",
        list="i_value",
        name="Curiosity",
        this_week="Try the pottery class",
    )
    html = alice_client.get("/steps/best-self").text
    found = re.search(r'action="/steps/best-self/(\d+)"', html)
    assert found
    post(
        alice_client,
        f"/steps/best-self/{found.group(1)}",
        this_week="Try the pottery class",
        reflection="It felt like me again",
        done="true",
    )
    text = page_text(alice_client.get("/steps/best-self").text)
    assert "What I value in myself" in text
    assert "Curiosity lived this week" in text
    assert "It felt like me again" in alice_client.get("/steps/best-self").text
    assert "never lasts" in text


def test_the_makeover_plan_totals_and_keeps_typed_values(alice_client: TestClient) -> None:
    take_safety_check(alice_client)
    post(
        alice_client,
        "/steps/new-look/items",
        category="hair",
        title="New cut",
        budget="80",
        planned_on="2026-12-05",
    )
    html = alice_client.get("/steps/new-look").text
    item = re.search(r'action="/steps/new-look/items/(\d+)"', html)
    assert item
    post(alice_client, f"/steps/new-look/items/{item.group(1)}", cost="95.50", done="true")
    totals = page_text(alice_client.get("/steps/new-look").text)
    assert "Totals 80.00 95.50 spent · 15.50 over" in totals  # not "-15.50 over"
    bad = post(alice_client, "/steps/new-look/items", category="hair", title="", budget="12")
    assert bad.status_code == 400
    assert 'value="12"' in bad.text


def test_a_photo_is_uploaded_cleaned_and_shown_side_by_side(alice_client: TestClient) -> None:
    take_safety_check(alice_client)
    response = alice_client.post(
        "/steps/new-look/photos",
        data={
            "csrf_token": csrf_token(alice_client, "/dashboard"),
            "kind": "before",
            "caption": "Day one",
        },
        files={"file": ("IMG.jpg", jpeg_with_location(), "image/jpeg")},
    )
    assert response.status_code == 200  # followed the redirect back to the page
    img = re.search(r'src="(/steps/new-look/photos/\d+)\?size=thumb"', response.text)
    assert img
    full = alice_client.get(img.group(1))
    assert dict(Image.open(io.BytesIO(full.content)).getexif()) == {}
    assert full.headers["content-type"] == "image/jpeg"
    assert full.headers["x-content-type-options"] == "nosniff"
    assert full.headers["content-disposition"].startswith('inline; filename="photo-')
    assert full.headers["content-disposition"].endswith('.jpg"')
    assert "Before photo: Day one" in response.text
    refused = alice_client.post(
        "/steps/new-look/photos",
        data={"csrf_token": csrf_token(alice_client, "/dashboard")},
        files={"file": ("notes.jpg", b"hello", "image/jpeg")},
    )
    assert refused.status_code == 400
    assert "isn't a photo we can read" in page_text(refused.text)


def test_steps_five_and_six_stay_open_in_safety_mode(alice_client: TestClient) -> None:
    # Issue 21 reversed the old 403: her qualities, plan and photos are never locked away.
    take_safety_check(alice_client)
    post(alice_client, "/steps/best-self", list="he_valued", name="Patience-he-liked")
    take_safety_check(alice_client, phone=True)
    added = post(alice_client, "/steps/best-self", list="i_value", name="Courage")
    assert added.status_code == 200
    board = alice_client.get("/steps/best-self")
    assert board.status_code == 200
    assert "Courage" in page_text(board.text)
    assert 'id="he_valued"' not in board.text  # hidden in safety mode, not deleted
    assert "Patience-he-liked" not in board.text
    assert "for you alone" in page_text(board.text)
    plan = alice_client.get("/steps/new-look")
    assert plan.status_code == 200
    assert "for you alone" in page_text(plan.text)
    assert (
        post(alice_client, "/steps/new-look/items", category="hair", title="Cut").status_code == 200
    )


def test_steps_five_and_six_ask_for_no_safety_check_first(alice_client: TestClient) -> None:
    for path in ("/steps/best-self", "/steps/new-look"):
        page = alice_client.get(path)
        assert page.status_code == 200, path
        assert "first, a short safety check" not in page_text(page.text), path
        assert 'action="' + path in page.text, path


def test_the_he_valued_list_comes_back_when_safety_mode_ends(alice_client: TestClient) -> None:
    post(alice_client, "/steps/best-self", list="he_valued", name="Patience-he-liked")
    take_safety_check(alice_client, money=True)
    assert "Patience-he-liked" not in alice_client.get("/steps/best-self").text
    take_safety_check(alice_client)
    token = csrf_token(alice_client, "/safety-check")
    alice_client.post("/safety-check/leave", data={"csrf_token": token, "confirm": "yes"})
    assert "Patience-he-liked" in alice_client.get("/steps/best-self").text


def test_bob_never_sees_or_changes_alices_board_plan_or_photos(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    take_safety_check(alice_client)
    take_safety_check(bob_client)
    post(alice_client, "/steps/best-self", list="i_value", name="alice-quality")
    post(alice_client, "/steps/new-look/items", category="hair", title="alice-item")
    alice_client.post(
        "/steps/new-look/photos",
        data={"csrf_token": csrf_token(alice_client, "/dashboard"), "caption": "alice-photo"},
        files={"file": ("a.jpg", jpeg_with_location(), "image/jpeg")},
    )
    board = alice_client.get("/steps/best-self").text
    plan = alice_client.get("/steps/new-look").text
    quality = re.search(r"/steps/best-self/(\d+)", board)
    item = re.search(r"/steps/new-look/items/(\d+)", plan)
    photo = re.search(r"/steps/new-look/photos/(\d+)", plan)
    assert quality
    assert item
    assert photo
    engine, secrets = app.state.engine, ["alice-quality", "alice-item", "alice-photo"]
    for path in ("/steps/best-self", "/steps/new-look"):
        assert_isolated(
            engine, bob_client, alice, "GET", path, expect_status=[200], secrets=secrets
        )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/steps/best-self",
        form={"list": "i_value", "name": "bob"},
        expect_status=[303],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        f"/steps/best-self/{quality.group(1)}",
        form={"action": "delete"},
        expect_status=[404],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/steps/new-look/items",
        form={"category": "hair", "title": "bob"},
        expect_status=[303],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        f"/steps/new-look/items/{item.group(1)}",
        form={"action": "delete"},
        expect_status=[404],
    )
    assert_isolated(
        engine, bob_client, alice, "POST", "/steps/new-look/photos", form={}, expect_status=[400]
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "GET",
        f"/steps/new-look/photos/{photo.group(1)}",
        expect_status=[404],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        f"/steps/new-look/photos/{photo.group(1)}/delete",
        form={},
        expect_status=[404],
    )


def test_a_negative_budget_is_explained_kindly_and_kept(alice_client: TestClient) -> None:
    take_safety_check(alice_client)
    response = post(
        alice_client, "/steps/new-look/items", category="hair", title="Cut", budget="-5"
    )
    assert response.status_code == 400
    text = page_text(response.text)
    assert "An amount can't be below zero. Enter 0 or more, or leave it empty." in text
    assert "greater than or equal" not in text
    assert 'value="-5"' in response.text
    for typed in ("nan", "inf"):
        refused = post(
            alice_client, "/steps/new-look/items", category="hair", title="Cut", budget=typed
        )
        assert refused.status_code == 400
        assert "Please enter a number." in page_text(refused.text)


def test_removing_asks_once_and_photos_are_never_stretched(alice_client: TestClient) -> None:
    take_safety_check(alice_client)
    post(alice_client, "/steps/new-look/items", category="hair", title="New cut")
    files = {"file": ("me.jpg", jpeg_with_location(), "image/jpeg")}
    token = csrf_token(alice_client, "/dashboard")
    alice_client.post("/steps/new-look/photos", data={"csrf_token": token}, files=files)
    post(alice_client, "/steps/best-self", list="i_value", name="Curiosity")
    for page in ("/steps/new-look", "/steps/best-self"):
        soup = BeautifulSoup(alice_client.get(page).text, "html.parser")
        deleting = soup.select('button[value="delete"]')
        assert deleting
        # Each delete button waits inside a <details>: a first tap asks, the second deletes.
        assert all(b.find_parent("details", class_="ask-first") for b in deleting)
    soup = BeautifulSoup(alice_client.get("/steps/new-look").text, "html.parser")
    assert [img.get("class") for img in soup.select(".photo-pair img")] == [["photo-thumb"]]
