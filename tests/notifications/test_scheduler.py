"""The scheduler inside `anew serve`: it runs rounds until the server stops, and a database that
goes away is logged when it goes and when it comes back, not at every round in between."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from anew.config import Settings
from anew.notifications import scheduler
from anew.notifications.sender import Round

LOGGER = "anew.notifications.scheduler"


def the_thread() -> threading.Thread:
    (found,) = [t for t in threading.enumerate() if t.name == "anew-notifications"]
    return found


@pytest.fixture
def rounds(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Rounds that fail twice as if the database were away, then go well; the sixth ends the
    test's wait."""
    outcomes = ["away", "away", "ok", "ok", "away", "ok"]
    seen: list[str] = []
    enough = threading.Event()

    def fake_round(*args: Any, **kwargs: Any) -> Round:
        outcome = outcomes[len(seen)] if len(seen) < len(outcomes) else "ok"
        seen.append(outcome)
        if len(seen) == len(outcomes):
            enough.set()
        if outcome == "away":
            raise OperationalError("SELECT 1", {}, Exception('database "anew" does not exist'))
        return Round(made=0, sent=0, failed=0)

    monkeypatch.setattr(scheduler, "run_once", fake_round)
    yield seen
    assert enough.wait(10), "the scheduler stopped running rounds"


def test_it_logs_an_outage_once_and_its_end_once(
    settings: Settings, rounds: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    stop = scheduler.start(settings.model_copy(update={"notify_every_s": 0.01}))
    while len(rounds) < 6:
        threading.Event().wait(0.01)
    stop.set()
    the_thread().join(10)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert [w.split(":")[0] for w in warnings] == [
        "Notifications skipped a round",
        "Notifications are running again",
        "Notifications skipped a round",
        "Notifications are running again",
    ]
    assert 'database "anew" does not exist' in warnings[0]
    debug = [r for r in caplog.records if r.levelno == logging.DEBUG and "skipped" in r.msg]
    assert len(debug) == 1  # the second round of the first outage


def test_it_stops_when_its_event_is_set(settings: Settings, rounds: list[str]) -> None:
    stop = scheduler.start(settings.model_copy(update={"notify_every_s": 0.01}))
    while len(rounds) < 6:
        threading.Event().wait(0.01)
    stop.set()
    thread = the_thread()
    thread.join(10)
    assert not thread.is_alive()


def test_worker_names_say_which_machine_and_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scheduler.socket, "gethostname", lambda: "h" * 80)
    assert scheduler.worker_name() == "h" * 64
