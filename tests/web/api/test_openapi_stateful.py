"""Schemathesis' stateful mode: sequences of calls linked through the ids the API hands out
(create a goal, then patch, milestone and delete it...), as a member and as a coach.

Every answer must keep to its OpenAPI description and none may be a 500. The links are the ones
schemathesis infers from the document, so a new route joins the walk without anyone listing it.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.roles import Role
from tests.databases import empty_all_tables
from tests.people import add_person, api_token

pytestmark = pytest.mark.schemathesis


@pytest.mark.parametrize("role", [Role.MEMBER, Role.COACH], ids=["member", "coach"])
def test_linked_calls_keep_to_the_openapi_document(
    app: FastAPI, factory: sessionmaker[Session], role: Role
) -> None:
    headers: dict[str, str] = {}
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    machine = schema.as_state_machine()
    assert len(machine.bundles) > 10, "schemathesis found too few links to walk"

    called: set[str] = set()

    class Walk(machine):  # type: ignore[misc, valid-type]
        def setup(self) -> None:
            """Each sequence starts from an empty database, so a replayed sequence meets the
            same state (hypothesis refuses data that depends on what earlier examples left)."""
            empty_all_tables(app.state.engine)
            person = add_person(factory, f"{role.value}-walker@example.org", role)
            headers["Authorization"] = f"Bearer {api_token(factory, person)}"

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            called.add(f"{case.method} {case.path}")
            return {"headers": headers}

        def validate_response(
            self, response: Any, case: schemathesis.Case, additional_checks: Any = None, **_: Any
        ) -> None:
            # As in test_openapi_fuzz: rules a schema cannot state are rightly answered 422.
            case.validate_response(response, excluded_checks=[positive_data_acceptance])

    # CI walks the same 25 sequences every time; ANEW_FUZZ_EXAMPLES=N walks N random ones
    # (the longer run in docs/fuzzing.md).
    longer = int(os.environ.get("ANEW_FUZZ_EXAMPLES", "0"))
    Walk.run(
        settings=settings(
            max_examples=longer or 25,
            stateful_step_count=10 if longer else 6,
            deadline=None,
            derandomize=not longer,
            suppress_health_check=list(HealthCheck),
        )
    )
    assert len(called) >= 20, f"the walk reached only {sorted(called)}"
