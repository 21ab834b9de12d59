"""Her password asked again (deleting the account) can't be used to guess it (review item 16)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.accounts.service import PASSWORD_CHECKS_PER_ACCOUNT
from tests.people import Person, api_token
from tests.windows import clear_of_a_window_edge


def test_guessing_her_password_through_account_deletion_is_limited(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    clear_of_a_window_edge(PASSWORD_CHECKS_PER_ACCOUNT)
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    for _ in range(PASSWORD_CHECKS_PER_ACCOUNT.limit):
        assert client.request("DELETE", "/api/v1/me", json={"password": "guess"}).status_code == 403
    refused = client.request("DELETE", "/api/v1/me", json={"password": alice.password})
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) > 0
    with factory() as db:
        assert db.get(User, alice.id) is not None
