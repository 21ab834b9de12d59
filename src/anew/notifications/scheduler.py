"""The scheduler inside `anew serve`: a thread of the main process that runs a round of
notifications every minute. Several servers on one database may each run one; the outbox's
claim lets exactly one of them send each notification."""

from __future__ import annotations

import logging
import os
import socket
import threading

from sqlalchemy.exc import SQLAlchemyError

from anew.config import Settings
from anew.db import make_engine, utcnow
from anew.notifications.sender import run_once
from anew.tables import make_sessionmaker

logger = logging.getLogger(__name__)


def worker_name() -> str:
    """Who holds a claim: this machine and process, for the log and the outbox row."""
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


def start(settings: Settings) -> threading.Event:
    """Run rounds every `notify_every_s` seconds in a daemon thread; set the event to stop."""
    stop = threading.Event()
    engine = make_engine(settings.resolved_database_url)
    factory = make_sessionmaker(engine)
    worker = worker_name()

    def loop() -> None:
        away = False  # an outage is logged when it starts and when it ends, not every round
        while not stop.wait(settings.notify_every_s):
            try:
                done = run_once(factory, settings, worker, utcnow())
            except SQLAlchemyError as error:  # the database is away: the next round retries
                log = logger.debug if away else logger.warning
                log("Notifications skipped a round: %s", error)
                away = True
                continue
            if away:
                logger.warning("Notifications are running again: the database is back")
                away = False
            if done.made or done.sent or done.failed:
                logger.info("Notifications: %d due, %d sent, %d to retry", *done.__dict__.values())
        engine.dispose()

    threading.Thread(target=loop, name="anew-notifications", daemon=True).start()
    return stop
