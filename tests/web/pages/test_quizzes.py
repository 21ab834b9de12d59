from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from anew.quizzes.engine import BUILT_IN_DIR, load_quizzes
from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text, sign_in

SLUG = "holding-you-back"
QUIZ = load_quizzes([BUILT_IN_DIR])[SLUG]


def form_answers(pick: int) -> dict[str, str]:
    return {q.id: q.options[pick].id for q in QUIZ.questions}


def test_the_quiz_is_linked_from_the_home_page(client: TestClient) -> None:
    assert f'href="/quizzes/{SLUG}"' in client.get("/").text


def test_a_visitor_takes_the_quiz_and_lands_on_a_shareable_outcome(client: TestClient) -> None:
    page = client.get(f"/quizzes/{SLUG}")
    assert page.status_code == 200
    assert 'type="checkbox" name="hobbies"' in page.text
    token = csrf_token(client, f"/quizzes/{SLUG}")
    response = client.post(
        f"/quizzes/{SLUG}", data={"csrf_token": token, **form_answers(-1)}, follow_redirects=False
    )
    assert response.status_code == 303
    link = response.headers["location"]
    assert link.startswith(f"/quizzes/{SLUG}/results/")
    with TestClient(client.app) as stranger:  # a friend opening the shared link
        text = page_text(stranger.get(link).text)
    assert "You're more ready than you think" in text
    assert "step 6, A new look" in text
    assert "never the answers" in text


def test_a_missing_answer_is_marked_and_her_choices_are_kept(client: TestClient) -> None:
    token = csrf_token(client, f"/quizzes/{SLUG}")
    answers = {k: v for k, v in form_answers(0).items() if k != "mirror"}
    answers["need"] = ["distance", "confidence"]  # type: ignore[assignment]
    response = client.post(f"/quizzes/{SLUG}", data={"csrf_token": token, **answers})
    assert response.status_code == 400
    assert 'id="mirror-error"' in response.text
    assert 'name="thoughts" value="constantly" checked' in response.text
    assert 'name="need" value="distance" checked' in response.text
    assert 'name="need" value="confidence" checked' in response.text
    assert 'name="need" value="boundaries" checked' not in response.text


def test_her_results_are_listed_for_her_and_a_coach_sees_counts(
    app: FastAPI, alice_client: TestClient, carol: Person
) -> None:
    token = csrf_token(alice_client, f"/quizzes/{SLUG}")
    alice_client.post(f"/quizzes/{SLUG}", data={"csrf_token": token, **form_answers(0)})
    listing = page_text(alice_client.get("/quizzes").text)
    assert "Your results" in listing
    assert "Part of you is still living in the past relationship" in listing
    assert alice_client.get(f"/quizzes/{SLUG}/counts").status_code == 403
    coach = sign_in(TestClient(app), carol)
    counts = coach.get(f"/quizzes/{SLUG}/counts")
    assert counts.status_code == 200
    assert "<svg" in counts.text
    assert "1 result in all" in page_text(counts.text)


def test_bob_never_sees_alices_quiz_results(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    token = csrf_token(alice_client, f"/quizzes/{SLUG}")
    response = alice_client.post(
        f"/quizzes/{SLUG}", data={"csrf_token": token, **form_answers(0)}, follow_redirects=False
    )
    share = response.headers["location"].rsplit("/", 1)[-1]
    engine = app.state.engine
    listing = assert_isolated(
        engine, bob_client, alice, "GET", "/quizzes", expect_status=[200], secrets=[share]
    )
    assert "Your results" not in page_text(listing.text)
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        f"/quizzes/{SLUG}",
        form=form_answers(1),
        expect_status=[303],
        secrets=[share],
    )
