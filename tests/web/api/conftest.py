"""What the API tests share: a client that speaks for Alice with her API token."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.people import Person, api_token


@pytest.fixture
def alice_api(client: TestClient, factory: sessionmaker[Session], alice: Person) -> TestClient:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    return client
