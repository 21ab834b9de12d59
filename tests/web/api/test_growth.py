from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.isolation import assert_isolated
from tests.people import Person, api_token


def signed_in(client: TestClient, factory: sessionmaker[Session], person: Person) -> TestClient:
    client.headers["Authorization"] = f"Bearer {api_token(factory, person)}"
    return client


def test_a_goal_with_milestones_that_tick_off(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    goal = client.post(
        "/api/v1/goals",
        json={
            "area": "career",
            "title": "Finish the course",
            "why": "For me",
            "target_on": "2027-03-01",
        },
    )
    assert goal.status_code == 201
    gid = goal.json()["id"]
    client.post(f"/api/v1/goals/{gid}/milestones", json={"title": "Module 1"})
    after = client.post(f"/api/v1/goals/{gid}/milestones", json={"title": "Module 2"}).json()
    first = after["milestones"][0]["id"]
    ticked = client.patch(f"/api/v1/goals/{gid}/milestones/{first}", json={"done": True}).json()
    assert ticked["progress"] == 0.5
    assert ticked["milestones"][0]["done_on"] is not None
    done = client.patch(f"/api/v1/goals/{gid}", json={"status": "done"}).json()
    assert done["done_at"] is not None
    assert client.post("/api/v1/goals", json={"area": "space", "title": "x"}).status_code == 422
    assert client.delete(f"/api/v1/goals/{gid}/milestones/{first}").status_code == 204
    assert client.delete(f"/api/v1/goals/{gid}").status_code == 204
    assert client.get("/api/v1/goals").json() == []


def test_the_qualities_board_keeps_three_lists(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    made = client.post(
        "/api/v1/qualities",
        json={"list": "i_value", "name": "Curiosity", "this_week": "Start the pottery class"},
    ).json()
    client.post("/api/v1/qualities", json={"list": "he_valued", "name": "Calm"})
    updated = client.patch(
        f"/api/v1/qualities/{made['id']}", json={"done": True, "reflection": "Loved it"}
    ).json()
    assert updated["reflection"] == "Loved it"
    assert [q["list"] for q in client.get("/api/v1/qualities").json()] == ["he_valued", "i_value"]
    assert client.post("/api/v1/qualities", json={"list": "his", "name": "x"}).status_code == 422


def test_the_makeover_plan_totals_against_the_budget(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    hair = client.post(
        "/api/v1/makeover", json={"category": "hair", "title": "New cut", "budget": 80.5}
    ).json()
    client.post(
        "/api/v1/makeover",
        json={"category": "wardrobe", "title": "Coat", "budget": 150, "cost": 139.99, "done": True},
    )
    client.patch(f"/api/v1/makeover/{hair['id']}", json={"cost": 95.25, "done": True})
    plan = client.get("/api/v1/makeover").json()
    assert plan["total_budget"] == 230.5
    assert plan["total_cost"] == 235.24
    assert plan["left"] == -4.74
    assert (
        client.post(
            "/api/v1/makeover", json={"category": "hair", "title": "x", "budget": -1}
        ).status_code
        == 422
    )


def test_bob_never_sees_or_changes_alices_growth(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = signed_in(TestClient(app), factory, alice)
    gid = alices.post("/api/v1/goals", json={"area": "health", "title": "alice-goal"}).json()["id"]
    mid = alices.post(f"/api/v1/goals/{gid}/milestones", json={"title": "m"}).json()["milestones"][
        0
    ]["id"]
    qid = alices.post("/api/v1/qualities", json={"list": "i_value", "name": "alice-q"}).json()["id"]
    iid = alices.post("/api/v1/makeover", json={"category": "hair", "title": "alice-item"}).json()[
        "id"
    ]
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    engine, secrets = app.state.engine, ["alice-goal", "alice-q", "alice-item"]

    def probe(method: str, path: str, status: int, body: object = None) -> None:
        assert_isolated(
            engine,
            client,
            alice,
            method,
            path,
            headers=headers,
            json=body,
            expect_status=[status],
            secrets=secrets,
        )

    probe("GET", "/api/v1/goals", 200)
    probe("POST", "/api/v1/goals", 201, {"area": "health", "title": "his"})
    probe("GET", f"/api/v1/goals/{gid}", 404)
    probe("PATCH", f"/api/v1/goals/{gid}", 404, {"title": "x"})
    probe("DELETE", f"/api/v1/goals/{gid}", 404)
    probe("POST", f"/api/v1/goals/{gid}/milestones", 404, {"title": "x"})
    probe("PATCH", f"/api/v1/goals/{gid}/milestones/{mid}", 404, {"done": True})
    probe("DELETE", f"/api/v1/goals/{gid}/milestones/{mid}", 404)
    probe("GET", "/api/v1/qualities", 200)
    probe("POST", "/api/v1/qualities", 201, {"list": "i_value", "name": "his"})
    probe("PATCH", f"/api/v1/qualities/{qid}", 404, {"name": "x"})
    probe("DELETE", f"/api/v1/qualities/{qid}", 404)
    probe("GET", "/api/v1/makeover", 200)
    probe("POST", "/api/v1/makeover", 201, {"category": "hair", "title": "his"})
    probe("PATCH", f"/api/v1/makeover/{iid}", 404, {"title": "x"})
    probe("DELETE", f"/api/v1/makeover/{iid}", 404)
