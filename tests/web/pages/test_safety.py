from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient

from anew.safety.questions import QUESTIONS
from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text, take_safety_check

QUICK_EXIT = 'id="quick-exit"'
WIN_BACK_PAGES = ["/steps/reply-coach"]
HER_OWN_STEPS = ["/steps/new-you", "/steps/best-self", "/steps/new-look"]


def test_the_check_page_has_every_question_and_a_quick_exit(client: TestClient) -> None:
    response = client.get("/safety-check")
    assert response.status_code == 200
    for question in QUESTIONS:
        assert f'name="{question.id}" value="yes"' in response.text
    assert QUICK_EXIT in response.text
    assert "nothing you answer is stored" in page_text(response.text)


def test_an_unanswered_question_is_marked_and_the_other_answers_are_kept(
    alice_client: TestClient,
) -> None:
    token = csrf_token(alice_client, "/safety-check")
    answers = {q.id: "no" for q in QUESTIONS[1:]} | {"money": "yes"}
    response = alice_client.post("/safety-check", data={"csrf_token": token, **answers})
    assert response.status_code == 400
    assert 'id="afraid-error"' in response.text
    assert 'name="money" value="yes" checked' in response.text
    assert "Please choose yes or no." in page_text(response.text)


def test_danger_explains_why_shows_help_and_turns_safety_mode_on(
    alice_client: TestClient,
) -> None:
    text = take_safety_check(alice_client, choking=True)
    assert "Your safety comes first" in text
    assert "Strangulation, even once" in text
    assert "Safety mode is now on" in text
    assert "Hot Peach Pages" in text
    assert "Any yes about threats" in text  # the rules are explained on the page
    assert "Only the result and the date were kept" in text


def test_in_safety_mode_every_win_back_page_is_closed_kindly(alice_client: TestClient) -> None:
    take_safety_check(alice_client, afraid=True)
    for path in WIN_BACK_PAGES:
        response = alice_client.get(path)
        assert response.status_code == 403, path
        assert "set aside while safety mode is on" in page_text(response.text)
        assert QUICK_EXIT in response.text
    token = csrf_token(alice_client, "/dashboard")
    posted = alice_client.post(
        "/steps/reply-coach", data={"csrf_token": token, "his_message": "hey"}
    )
    assert posted.status_code == 403


def test_in_safety_mode_the_steps_about_him_leave_the_navigation(
    alice_client: TestClient,
) -> None:
    before = alice_client.get("/dashboard").text
    assert 'href="/steps/reply-coach"' in before
    take_safety_check(alice_client, tracking=True)
    after = alice_client.get("/dashboard").text
    for path in WIN_BACK_PAGES:
        assert f'href="{path}"' not in after
    for path in ["/steps/no-contact", *HER_OWN_STEPS]:
        assert f'href="{path}"' in after, path


def test_every_page_carries_the_quick_exit_in_safety_mode(alice_client: TestClient) -> None:
    pages = ["/", "/dashboard", "/chats", "/account", "/steps/no-contact", "/quizzes"]
    assert QUICK_EXIT not in alice_client.get("/dashboard").text
    take_safety_check(alice_client, put_downs=True)
    for path in [*pages, "/steps/before-you-send", "/no-such-page"]:
        assert QUICK_EXIT in alice_client.get(path).text, path


def test_the_dashboard_shows_help_for_her_country_first(alice_client: TestClient) -> None:
    token = csrf_token(alice_client, "/account")
    alice_client.post("/account/country", data={"csrf_token": token, "country": "IE"})
    take_safety_check(alice_client, sexual=True)
    text = page_text(alice_client.get("/dashboard").text)
    assert "Help when you need it" in text
    assert text.index("1800 341 900") < text.index("Hot Peach Pages")
    assert "See who can help" in text


def test_no_contact_is_framed_as_protecting_herself(alice_client: TestClient) -> None:
    assert 'id="safety-framing"' not in alice_client.get("/steps/no-contact").text
    take_safety_check(alice_client, threats=True)
    page = alice_client.get("/steps/no-contact").text
    assert 'id="safety-framing"' in page
    assert "Space from him is protection for you" in page_text(page)


def test_the_win_back_steps_open_only_after_the_check(alice_client: TestClient) -> None:
    invited = page_text(alice_client.get("/steps/reply-coach").text)
    assert "first, a short safety check" in invited
    dashboard = page_text(alice_client.get("/dashboard").text)
    assert "Take the two-minute relationship safety check" in dashboard
    take_safety_check(alice_client)
    opened = alice_client.get("/steps/reply-coach")
    assert opened.status_code == 200
    assert 'name="his_message"' in opened.text


def test_leaving_safety_mode_takes_a_clear_result_and_a_tick(alice_client: TestClient) -> None:
    take_safety_check(alice_client, money=True)
    result = take_safety_check(alice_client)
    assert "Nothing here suggests the relationship was unsafe" in result
    assert "Leave safety mode?" in result
    token = csrf_token(alice_client, "/safety-check")
    unticked = alice_client.post("/safety-check/leave", data={"csrf_token": token})
    assert unticked.status_code == 400
    assert "Please confirm" in page_text(unticked.text)
    left = alice_client.post(
        "/safety-check/leave", data={"csrf_token": token, "confirm": "yes"}, follow_redirects=False
    )
    assert left.headers["location"] == "/dashboard?left_safety_mode=1"
    assert alice_client.get("/steps/reply-coach").status_code == 200


def test_she_can_delete_her_stored_checks(alice_client: TestClient) -> None:
    take_safety_check(alice_client, phone=True)
    token = csrf_token(alice_client, "/safety-check")
    response = alice_client.post("/safety-check/delete", data={"csrf_token": token})
    text = page_text(response.text)
    assert "Your stored checks and answers have been deleted." in text
    assert "Safety mode is on." in text


def test_quick_exit_without_javascript_is_a_plain_redirect(client: TestClient) -> None:
    response = client.get("/exit", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "https://www.bbc.com/weather"
    assert response.headers["cache-control"] == "no-store"


def test_the_private_browsing_page_is_honest_about_history(client: TestClient) -> None:
    text = page_text(client.get("/safety/private-browsing").text)
    assert "does not erase your browsing history" in text
    assert "private window" in text


def test_the_help_page_lists_any_country_on_request(client: TestClient) -> None:
    text = page_text(client.get("/safety/help", params={"country": "ca"}).text)
    assert "Assaulted Women's Helpline" in text
    assert "Hot Peach Pages" in text


def test_a_country_outside_the_list_is_refused_on_the_account_page(
    alice_client: TestClient,
) -> None:
    token = csrf_token(alice_client, "/account")
    response = alice_client.post("/account/country", data={"csrf_token": token, "country": "ZZ"})
    assert response.status_code == 400
    assert "Please pick a country from the list." in page_text(response.text)


def test_the_reflection_is_written_during_no_contact(alice_client: TestClient) -> None:
    token = csrf_token(alice_client, "/steps/no-contact")
    early = alice_client.post(
        "/steps/no-contact/reflection", data={"csrf_token": token, "change_mine": "x"}
    )
    assert early.status_code == 400
    alice_client.post("/steps/no-contact/start", data={"csrf_token": token, "target_days": "30"})
    saved = alice_client.post(
        "/steps/no-contact/reflection",
        data={"csrf_token": token, "change_mine": "Ask for what I need", "change_his": "Listen"},
    )
    assert "Your reflection is saved" in page_text(saved.text)
    assert "Ask for what I need" in saved.text


def test_bob_never_sees_or_changes_alices_safety_pages(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    token = csrf_token(alice_client, "/steps/no-contact")
    alice_client.post("/steps/no-contact/start", data={"csrf_token": token, "target_days": "30"})
    alice_client.post(
        "/steps/no-contact/reflection", data={"csrf_token": token, "change_mine": "alice-words"}
    )
    take_safety_check(alice_client, stalking=True)
    engine = app.state.engine
    secrets = ["alice-words"]
    page = assert_isolated(
        engine, bob_client, alice, "GET", "/safety-check", expect_status=[200], secrets=secrets
    )
    assert "Safety mode is off." in page_text(page.text)
    no = {q.id: "no" for q in QUESTIONS}
    assert_isolated(
        engine, bob_client, alice, "POST", "/safety-check", form=no, expect_status=[303]
    )
    result = assert_isolated(
        engine, bob_client, alice, "GET", "/safety-check/result", expect_status=[200]
    )
    assert "Nothing here suggests the relationship was unsafe" in page_text(result.text)
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/safety-check/leave",
        form={"confirm": "yes"},
        expect_status=[303],
    )
    assert_isolated(
        engine, bob_client, alice, "POST", "/safety-check/delete", form={}, expect_status=[303]
    )
    assert_isolated(engine, bob_client, alice, "GET", "/safety/help", expect_status=[200])
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/steps/no-contact/reflection",
        form={"change_mine": "bob"},
        expect_status=[400],
        secrets=secrets,
    )
    assert bob_client.get("/steps/reply-coach").status_code == 200


def test_on_danger_the_help_lines_come_before_any_explanation(alice_client: TestClient) -> None:
    token = csrf_token(alice_client, "/safety-check")
    answers = {q.id: "yes" if q.id == "choking" else "no" for q in QUESTIONS}
    html = alice_client.post("/safety-check", data={"csrf_token": token, **answers}).text
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main") or soup
    sections = [s.get("id") for s in main.find_all("section")]
    assert sections.index("help") == 1  # right after "Your safety comes first"
    assert sections.index("help") < sections.index("why") < sections.index("safety-mode")
    first_screen = page_text(str(main)).split("People who can help")[0]
    assert "serious warning signs" not in first_screen
    assert "Strangulation" not in first_screen


def test_after_the_check_a_step_asked_for_continue_returns_to_it(alice_client: TestClient) -> None:
    invite = alice_client.get("/steps/reply-coach").text
    assert 'href="/safety-check?next=/steps/reply-coach"' in invite
    check = alice_client.get("/safety-check?next=/steps/reply-coach").text
    assert 'name="next" value="/steps/reply-coach"' in check
    token = csrf_token(alice_client, "/safety-check")
    answers = {q.id: "no" for q in QUESTIONS}
    data = {"csrf_token": token, "next": "/steps/reply-coach", **answers}
    result = alice_client.post("/safety-check", data=data)
    link = BeautifulSoup(result.text, "html.parser").find(id="continue")
    assert link is not None
    assert link["href"] == "/steps/reply-coach"


def test_continue_never_leaves_the_site_or_opens_a_closed_step(alice_client: TestClient) -> None:
    answers = {q.id: "no" for q in QUESTIONS}
    for target in ("https://evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example"):
        token = csrf_token(alice_client, "/safety-check")
        result = alice_client.post(
            "/safety-check", data={"csrf_token": token, "next": target, **answers}
        )
        link = BeautifulSoup(result.text, "html.parser").find(id="continue")
        assert link is not None, target
        assert link["href"] == "/dashboard", target
    token = csrf_token(alice_client, "/safety-check")
    afraid = {**answers, "afraid": "yes"}
    data = {"csrf_token": token, "next": "/steps/reply-coach", **afraid}
    closed = alice_client.post("/safety-check", data=data)
    link = BeautifulSoup(closed.text, "html.parser").find(id="continue")
    assert link is not None
    assert link["href"] == "/dashboard"
