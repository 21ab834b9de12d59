"""Claiming a key: two sends of the same write at the same moment make one row."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from anew.errors import Invalid
from anew.method.no_contact import service, store
from anew.method.no_contact.models import Urge
from anew.method.no_contact.service import UrgeOut
from anew.sent_once import service as sent_once
from tests.people import Person

KEY = "b0a7e9f2-0000-4000-8000-000000000001"


def test_the_send_that_loses_the_race_answers_with_what_the_winner_made(
    factory: sessionmaker[Session], alice: Person
) -> None:
    answers: list[UrgeOut] = []
    with factory() as first:
        claimed = sent_once.claim(first, alice.id, KEY, "urge")  # flushed, not yet committed
        second = threading.Thread(
            target=lambda: answers.append(_log_again(factory, alice.id)), daemon=True
        )
        second.start()  # it waits on the first's uncommitted key
        urge = store.add_urge(first, alice.id, intensity=4, message="the first copy")
        claimed.made(urge.id)
        first.commit()
        second.join(timeout=30)
    assert [answer.message for answer in answers] == ["the first copy"]
    with factory() as db:
        stored = db.scalar(select(func.count()).where(Urge.user_id == alice.id))
    assert stored == 1


def _log_again(factory: sessionmaker[Session], user_id: int) -> UrgeOut:
    with factory() as db:
        return service.log_urge(db, user_id, intensity=4, message="the first copy", key=KEY)


def test_a_write_without_a_key_claims_nothing(
    factory: sessionmaker[Session], alice: Person
) -> None:
    with factory() as db:
        claim = sent_once.claim(db, alice.id, None, "urge")
        assert claim.row is None
        assert not claim.done_before


def test_a_malformed_key_is_refused_by_name(factory: sessionmaker[Session], alice: Person) -> None:
    with factory() as db, pytest.raises(Invalid) as refused:
        sent_once.claim(db, alice.id, "two words", "urge")
    assert refused.value.field == "Idempotency-Key"
