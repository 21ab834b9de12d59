from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import time_machine
from defusedxml import ElementTree as ET
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.roles import Role
from tests.isolation import assert_isolated
from tests.people import Person, add_person, csrf_token, page_text, sign_in
from tests.web.api.test_guide_mail import use_mail

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
PAGE = "/guide/be-busier"
ANN = {"name": "Ann", "email": "ann@example.org", "website": "", "body": "So true, thank you."}


def respond(client: TestClient, page: str = PAGE, wait: int = 10, **fields: str):  # type: ignore[no-untyped-def]
    """Open the article, wait like a person would, then post the form."""
    with time_machine.travel(NOW, tick=False):
        html = client.get(page).text
    stamp = re.search(r'name="shown_at" value="([^"]+)"', html)
    assert stamp
    data = {"csrf_token": csrf_token(client, page), "shown_at": stamp.group(1), **ANN, **fields}
    with time_machine.travel(NOW + timedelta(seconds=wait), tick=False):
        return client.post(f"{page}/responses", data=data, follow_redirects=False)


def coach_client(app: FastAPI, carol: Person) -> TestClient:
    return sign_in(TestClient(app), carol)


def test_the_index_lists_every_article_and_the_quiz(client: TestClient) -> None:
    text = page_text(client.get("/guide").text)
    assert "Before the six steps" in text
    assert "Step 6: A new look" in text
    assert "What's holding you back" in text


def test_an_article_has_its_description_author_box_tool_and_neighbours(
    client: TestClient,
) -> None:
    html = client.get(PAGE).text
    assert '<meta name="description" content="Being less available is not a game.' in html
    assert 'href="/steps/reply-coach"' in html
    assert 'rel="prev" href="/guide/no-contact"' in html
    assert 'rel="next" href="/guide/be-mysterious"' in html
    text = page_text(html)
    assert "About the author" in text
    assert "Leave a response" in text
    assert "* denotes a required field" in text


def test_each_missing_field_is_marked_and_what_she_typed_is_kept(client: TestClient) -> None:
    for missing in ("name", "email", "body"):
        response = respond(client, **{missing: "", "website": "ann.example.org"})
        assert response.status_code == 400, missing
        assert f'id="response-{missing}-error"' in response.text
        for kept in ("Ann", "ann@example.org", "ann.example.org", "So true, thank you."):
            if ANN.get(missing) != kept:
                assert kept in response.text, (missing, kept)


def test_a_line_break_in_the_name_is_marked_beside_the_name(client: TestClient) -> None:
    response = respond(client, name="Ann\r\nBcc: everyone@example.org")
    assert response.status_code == 400
    assert 'id="response-name-error"' in response.text
    assert "on one line" in page_text(response.text)


def test_a_first_response_waits_and_only_her_browser_sees_it(
    app: FastAPI, client: TestClient
) -> None:
    response = respond(client)
    assert response.status_code == 303
    assert "posted=pending" in response.headers["location"]
    mine = page_text(client.get(PAGE).text)
    assert "awaiting moderation" in mine
    assert "So true, thank you." in mine
    with TestClient(app) as stranger:
        theirs = page_text(stranger.get(PAGE).text)
    assert "So true, thank you." not in theirs
    assert "0 responses" in theirs


def test_the_honeypot_and_a_too_quick_post_are_refused_kindly(client: TestClient) -> None:
    trapped = respond(client, nickname="bot")
    assert trapped.status_code == 400
    assert "leave the hidden field empty" in page_text(trapped.text)
    assert "So true, thank you." in trapped.text
    quick = respond(client, wait=1)
    assert quick.status_code == 400
    assert "That was very quick!" in page_text(quick.text)
    forged = client.post(
        f"{PAGE}/responses",
        data={"csrf_token": csrf_token(client, PAGE), "shown_at": "1.forged", **ANN},
    )
    assert "That was very quick!" in page_text(forged.text)


def test_a_coach_approves_and_replies_as_the_author(
    app: FastAPI, client: TestClient, carol: Person
) -> None:
    respond(client)
    coach = coach_client(app, carol)
    queue = coach.get("/moderation")
    assert 'aria-label="1 awaiting moderation"' in queue.text
    found = re.search(r'name="ids" value="(\d+)"', queue.text)
    assert found
    ann_id = found.group(1)
    token = csrf_token(coach, "/moderation")
    coach.post("/moderation", data={"csrf_token": token, "ids": [ann_id], "action": "approve"})
    reply = respond(
        coach,
        parent_id=ann_id,
        name="Carol",
        email="carol@example.org",
        body="Thank you for sharing this, Ann.",
    )
    assert "posted=published" in reply.headers["location"]
    html = client.get(PAGE).text
    text = page_text(html)
    assert "2 responses" in text
    assert re.search(r'class="plain replies">.*Thank you for sharing this', html, re.DOTALL)
    assert "author" in page_text(html.split('class="plain replies"')[1])


def test_replies_to_replies_are_shown_one_level_deep(
    app: FastAPI, client: TestClient, carol: Person
) -> None:
    respond(client)
    coach = coach_client(app, carol)
    token = csrf_token(coach, "/moderation")
    ids = re.findall(r'name="ids" value="(\d+)"', coach.get("/moderation").text)
    coach.post("/moderation", data={"csrf_token": token, "ids": ids, "action": "approve"})
    first_reply = respond(
        coach, parent_id=ids[0], name="Carol", email="carol@example.org", body="A reply"
    )
    reply_id = first_reply.headers["location"].rsplit("-", 1)[1]
    respond(client, parent_id=reply_id, body="A reply to the reply")
    html = client.get(PAGE).text
    replies = html.split('class="plain replies"')
    assert len(replies) == 2  # one nested list only
    assert "A reply to the reply" in replies[1]


def test_moderators_edit_bulk_act_and_members_may_not(
    app: FastAPI, client: TestClient, alice_client: TestClient, carol: Person
) -> None:
    respond(client)
    respond(client, email="zoe@example.org", name="Zoe", body="Another view")
    assert alice_client.get("/moderation").status_code == 403
    coach = coach_client(app, carol)
    ids = re.findall(r'name="ids" value="(\d+)"', coach.get("/moderation").text)
    edit_token = csrf_token(coach, f"/moderation/{ids[0]}/edit")
    coach.post(
        f"/moderation/{ids[0]}/edit",
        data={"csrf_token": edit_token, "body": "So true, *thank you*."},
    )
    token = csrf_token(coach, "/moderation")
    coach.post("/moderation", data={"csrf_token": token, "ids": ids, "action": "approve"})
    html = client.get(PAGE).text
    assert "<em>thank you</em>" in html
    assert "Another view" in html
    coach.post("/moderation", data={"csrf_token": token, "ids": ids, "action": "delete"})
    assert "0 responses" in page_text(client.get(PAGE).text)


def test_the_admin_edits_the_block_list_and_exports_everything(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session]
) -> None:
    admin = sign_in(TestClient(app), add_person(factory, "dana@example.org", Role.ADMIN))
    token = csrf_token(admin, "/moderation/block-list")
    admin.post(
        "/moderation/block-list",
        data={"csrf_token": token, "word": "casino\n\nCasino", "email": "", "address": ""},
    )
    assert "casino" in admin.get("/moderation/block-list").text
    refused = respond(client, body="Visit my casino")
    assert refused.status_code == 400
    assert "can't be published here" in page_text(refused.text)
    assert "Visit my casino" in refused.text
    respond(client)
    exported = admin.get("/moderation/export.json").json()
    assert exported[0]["email"] == "ann@example.org"
    rows = list(csv.DictReader(io.StringIO(admin.get("/moderation/export.csv").text)))
    assert rows[0]["body"] == "So true, thank you."
    coach_only = sign_in(TestClient(app), add_person(factory, "cora@example.org", Role.COACH))
    assert coach_only.get("/moderation/export.json").status_code == 403


FORMULA = '=HYPERLINK("https://evil.example/","Open me")'


def test_the_admins_csv_export_shows_formulas_as_text(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session]
) -> None:
    admin = sign_in(TestClient(app), add_person(factory, "dana@example.org", Role.ADMIN))
    posted = respond(client, name=FORMULA, website="", body="@SUM(1+1) thank you")
    assert posted.status_code == 303, posted.text
    [row] = list(csv.DictReader(io.StringIO(admin.get("/moderation/export.csv").text)))
    assert row["name"] == "'" + FORMULA
    assert row["body"] == "'@SUM(1+1) thank you"
    assert row["email"] == "ann@example.org"
    assert admin.get("/moderation/export.json").json()[0]["name"] == FORMULA  # JSON is data


def test_a_signed_in_reader_has_name_and_email_filled_in(alice_client: TestClient) -> None:
    html = alice_client.get(PAGE).text
    assert 'value="alice@example.org"' in html
    assert 'value="Alice"' in html


def test_the_feed_and_the_sitemap_are_valid(client: TestClient) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring(client.get("/guide/feed.xml").content)
    assert feed.tag == f"{atom}feed"
    for name in ("title", "id", "updated"):
        assert feed.find(f"{atom}{name}") is not None
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 8
    for entry in entries:
        for name in ("title", "id", "updated", "link", "author"):
            assert entry.find(f"{atom}{name}") is not None, name
        datetime.fromisoformat(entry.findtext(f"{atom}updated") or "")
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [url.findtext(f"{ns}loc") for url in sitemap.findall(f"{ns}url")]
    assert "http://testserver/guide/be-busier" in locs
    assert all(loc and loc.startswith("http://testserver/") for loc in locs)


def test_bob_cannot_touch_alices_responses_or_the_queue(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    respond(alice_client, body="alice-private-thought")
    engine = app.state.engine
    secrets = ["alice-private-thought"]
    assert_isolated(
        engine, bob_client, alice, "GET", "/guide/be-busier", expect_status=[200], secrets=secrets
    )
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        assert_isolated(
            engine,
            bob_client,
            alice,
            "POST",
            "/guide/be-busier/responses",
            form={**ANN, "name": "Bob", "email": "bob@example.org"},
            expect_status=[400],
        )
    assert_isolated(engine, bob_client, alice, "GET", "/moderation", expect_status=[403])
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/moderation",
        form={"ids": "1", "action": "approve"},
        expect_status=[403],
    )
    assert_isolated(engine, bob_client, alice, "GET", "/moderation/1/edit", expect_status=[403])
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/moderation/1/edit",
        form={"body": "x"},
        expect_status=[403],
    )
    assert_isolated(engine, bob_client, alice, "GET", "/moderation/block-list", expect_status=[403])
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/moderation/block-list",
        form={"word": "x"},
        expect_status=[403],
    )
    for path in ("/moderation/export.json", "/moderation/export.csv"):
        assert_isolated(engine, bob_client, alice, "GET", path, expect_status=[403])


def test_email_me_on_replies_is_offered_only_when_mail_is_set_up(
    app: FastAPI, client: TestClient
) -> None:
    article = app.state.articles[0].slug
    assert "Email me when someone replies" not in page_text(client.get(f"/guide/{article}").text)
    use_mail(app, 2525)
    assert "Email me when someone replies" in page_text(client.get(f"/guide/{article}").text)
