"""Session lookups in rounds (anew.web.http.session_rounds): one query answers every request
waiting, each answer is the one find_caller would give, and no answer is older than its request."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import Engine, event, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts import sessions
from anew.accounts.models import SessionKind, UserSession
from anew.accounts.sessions import end_session, find_caller, find_callers
from anew.db import utcnow
from anew.web.http import session_rounds
from anew.web.http.session_rounds import SessionRounds
from tests.people import Person, api_token, session_token


@pytest.fixture
def token(factory: sessionmaker[Session], alice: Person) -> str:
    """An API token of alice's."""
    return api_token(factory, alice)


@pytest.fixture
def rounds(app: FastAPI) -> SessionRounds:
    """Session rounds on the app's database."""
    return SessionRounds(app.state.engine)


def _expired_token(factory: sessionmaker[Session], person: Person) -> str:
    token = api_token(factory, person)
    with factory() as db:
        db.execute(update(UserSession).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.commit()
    return token


def test_find_callers_answers_each_pair_as_find_caller_does(
    app: FastAPI, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    expired = _expired_token(factory, bob)  # expires every session there is so far
    alice_api, alice_web, bob_api = (
        api_token(factory, alice),
        session_token(factory, alice, SessionKind.WEB),
        api_token(factory, bob),
    )
    wanted = [
        (alice_api, SessionKind.API),
        (alice_web, SessionKind.WEB),
        (alice_web, SessionKind.API),  # a browser's secret is not a bearer token
        (bob_api, SessionKind.API),
        (expired, SessionKind.API),
        ("not-a-token", SessionKind.API),
        ("", SessionKind.WEB),
    ]
    engine: Engine = app.state.engine
    now = utcnow()
    with engine.connect() as connection:
        together = find_callers(connection, wanted, now)
        alone = {pair: find_caller(connection, *pair, now) for pair in wanted}
    assert together == alone
    assert together[(alice_api, SessionKind.API)] is not None
    assert together[(alice_api, SessionKind.API)].id == alice.id  # type: ignore[union-attr]
    assert together[(bob_api, SessionKind.API)].id == bob.id  # type: ignore[union-attr]
    assert [pair for pair, caller in together.items() if caller is None] == wanted[2:3] + wanted[4:]


def _counting_lookups(monkeypatch: pytest.MonkeyPatch) -> list[list[Any]]:
    asked: list[list[Any]] = []
    original = sessions.find_callers

    def counted(connection: Any, wanted: Any, now: Any) -> Any:
        asked.append(list(wanted))
        return original(connection, wanted, now)

    monkeypatch.setattr(session_rounds, "find_callers", counted)
    return asked


@dataclass
class _Gate:
    """The first round, held in its pool thread once it has its answer until `go_on` is set;
    `asked` is what every round asked for."""

    in_flight: threading.Event = field(default_factory=threading.Event)
    go_on: threading.Event = field(default_factory=threading.Event)
    asked: list[Any] = field(default_factory=list)


def _hold_first_round(monkeypatch: pytest.MonkeyPatch) -> _Gate:
    gate = _Gate()
    original = sessions.find_callers

    def held_back(connection: Any, wanted: Any, now: Any) -> Any:
        gate.asked.append(wanted)
        answer = original(connection, wanted, now)
        if not gate.in_flight.is_set():
            gate.in_flight.set()
            gate.go_on.wait(timeout=10)
        return answer

    monkeypatch.setattr(session_rounds, "find_callers", held_back)
    return gate


def test_requests_that_wait_together_are_answered_by_one_query(
    monkeypatch: pytest.MonkeyPatch, alice: Person, token: str, rounds: SessionRounds
) -> None:
    asked = _counting_lookups(monkeypatch)

    async def twenty() -> list[Any]:
        finds = [rounds.find(token, SessionKind.API) for _ in range(19)]
        return await asyncio.gather(*finds, rounds.find("unknown", SessionKind.API))

    *callers, stranger = asyncio.run(twenty())
    assert len(asked) == 1  # one round, and in it each token once
    assert sorted(asked[0]) == sorted([(token, SessionKind.API), ("unknown", SessionKind.API)])
    assert {caller.id for caller in callers} == {alice.id}
    assert stranger is None


def test_a_request_that_arrives_during_a_round_waits_for_the_next_one(
    monkeypatch: pytest.MonkeyPatch,
    factory: sessionmaker[Session],
    alice: Person,
    token: str,
    rounds: SessionRounds,
) -> None:
    """A round asked before she logged out may still find her session; a request sent after
    the logout never joins it, so it is refused, as a lookup of its own would refuse it."""
    gate = _hold_first_round(monkeypatch)

    async def around_a_logout() -> tuple[Any, Any]:
        before = asyncio.ensure_future(rounds.find(token, SessionKind.API))
        await asyncio.to_thread(gate.in_flight.wait, 10)
        with factory() as db:
            end_session(db, token)
            db.commit()
        after = asyncio.ensure_future(rounds.find(token, SessionKind.API))
        await asyncio.sleep(0.05)
        gate.go_on.set()
        return await before, await after

    before, after = asyncio.run(around_a_logout())
    assert before is not None
    assert before.id == alice.id
    assert after is None
    assert len(gate.asked) == 2


def test_a_failed_round_fails_each_request_in_it_and_the_next_round_is_asked_afresh(
    monkeypatch: pytest.MonkeyPatch, alice: Person, token: str, rounds: SessionRounds
) -> None:
    original = sessions.find_callers
    down = OperationalError("SELECT", {}, Exception("the database is down"))

    def failing(connection: Any, wanted: Any, now: Any) -> Any:
        raise down

    async def while_down_then_up() -> tuple[list[Any], Any]:
        monkeypatch.setattr(session_rounds, "find_callers", failing)
        finds = [rounds.find(token, SessionKind.API) for _ in range(3)]
        failed = await asyncio.gather(*finds, return_exceptions=True)
        monkeypatch.setattr(session_rounds, "find_callers", original)
        return failed, await rounds.find(token, SessionKind.API)

    failed, later = asyncio.run(while_down_then_up())
    assert failed == [down, down, down]
    assert later is not None
    assert later.id == alice.id


def test_a_request_that_gives_up_leaves_the_others_their_answer(
    monkeypatch: pytest.MonkeyPatch, alice: Person, token: str, rounds: SessionRounds
) -> None:
    gate = _hold_first_round(monkeypatch)

    async def one_leaves() -> Any:
        leaving = asyncio.ensure_future(rounds.find(token, SessionKind.API))
        staying = asyncio.ensure_future(rounds.find(token, SessionKind.API))
        await asyncio.to_thread(gate.in_flight.wait, 10)
        leaving.cancel()  # her client went away mid-request
        gate.go_on.set()
        with pytest.raises(asyncio.CancelledError):
            await leaving
        return await staying

    stayed = asyncio.run(one_leaves())
    assert stayed is not None
    assert stayed.id == alice.id


def test_rounds_that_follow_each_other_share_one_connection_given_back_when_no_one_waits(
    monkeypatch: pytest.MonkeyPatch, alice: Person, token: str, rounds: SessionRounds
) -> None:
    engine: Engine = rounds.engine
    checkouts: list[object] = []
    event.listen(engine, "engine_connect", lambda connection: checkouts.append(connection))
    gate = _hold_first_round(monkeypatch)

    async def three_rounds() -> list[Any]:
        first = asyncio.ensure_future(rounds.find(token, SessionKind.API))
        await asyncio.to_thread(gate.in_flight.wait, 10)
        second = asyncio.ensure_future(rounds.find(token, SessionKind.API))
        await asyncio.sleep(0.05)
        gate.go_on.set()
        answers = [await first, await second]
        return [*answers, await rounds.find(token, SessionKind.API)]  # after a pause

    answers = asyncio.run(three_rounds())
    assert [caller.id for caller in answers] == [alice.id] * 3
    assert len(checkouts) == 2  # the first two rounds back to back on one, the third afresh
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_a_failed_round_gives_its_connection_back(
    monkeypatch: pytest.MonkeyPatch, token: str, rounds: SessionRounds
) -> None:
    engine: Engine = rounds.engine

    def failing(connection: Any, wanted: Any, now: Any) -> Any:
        raise OperationalError("SELECT", {}, Exception("the connection was lost"))

    monkeypatch.setattr(session_rounds, "find_callers", failing)
    with pytest.raises(OperationalError):
        asyncio.run(rounds.find(token, SessionKind.API))
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
