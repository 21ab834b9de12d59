"""Session lookups for kept reads on PostgreSQL, asked in rounds: one query for all who wait.

A kept read (anew.web.http.read_cache) still asks the database whether its session is live on every
request, so that a logout or a revoked token ends access at once in every process. On PostgreSQL
that question is a trip to the thread pool and a round trip to the server, and under load it was
most of what a kept read cost. Here the requests that arrive while one round is out wait for the
next, and the next asks about all of them in one query from one pool thread. A round starts only
after every request in it arrived, so its answer is never older than the request: a session ended
before a request was sent is refused, exactly as with a lookup of its own. Rounds that follow each
other without a pause share one connection in autocommit (one round trip each); it goes back to
the pool as soon as no request waits.
"""

from __future__ import annotations

import asyncio
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine
from starlette.concurrency import run_in_threadpool

from anew.accounts.sessions import Caller, find_callers
from anew.accounts.vocabulary import SessionKind
from anew.db import utcnow

Wanted = tuple[str, SessionKind]


class SessionRounds:
    """Groups one process's session lookups into rounds (one queue per event loop)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._queues: WeakKeyDictionary[asyncio.AbstractEventLoop, _Queue] = WeakKeyDictionary()

    async def find(self, token: str, kind: SessionKind) -> Caller | None:
        """The live session's caller for the token, as find_caller would answer it now."""
        loop = asyncio.get_running_loop()
        queue = self._queues.get(loop)
        if queue is None:
            queue = self._queues[loop] = _Queue(self.engine)
        return await queue.find((token, kind))


class _Queue:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.next_round: dict[Wanted, asyncio.Future[Caller | None]] = {}
        self.asking: asyncio.Task[None] | None = None

    async def find(self, wanted: Wanted) -> Caller | None:
        answer = self.next_round.get(wanted)
        if answer is None:
            answer = asyncio.get_running_loop().create_future()
            answer.add_done_callback(_seen)
            self.next_round[wanted] = answer
        if self.asking is None:
            self.asking = asyncio.ensure_future(self._ask())
        # A request that gives up (its client left) must not take the answer from the others.
        return await asyncio.shield(answer)

    async def _ask(self) -> None:
        asked: dict[Wanted, asyncio.Future[Caller | None]] = {}
        held = _Held(self.engine)
        try:
            while self.next_round:
                asked, self.next_round = self.next_round, {}
                try:
                    callers = await run_in_threadpool(held.lookup, list(asked))
                except Exception as error:  # each waiting request answers it as its own
                    held.drop()
                    _settle(asked, error)
                else:
                    _settle(asked, callers)
        except BaseException:
            _settle({**asked, **self.next_round}, asyncio.CancelledError())
            self.next_round = {}
            raise
        finally:
            self.asking = None
            held.drop()


class _Held:
    """One connection for rounds that follow each other without a pause: checked out (and
    pinged) once, in autocommit, so that each round is one round trip to the server rather than
    a ping, a BEGIN, the query and a ROLLBACK. Handed back to the pool as soon as no one waits."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.connection: Connection | None = None

    def lookup(self, wanted: list[Wanted]) -> dict[Wanted, Caller | None]:
        if self.connection is None:
            self.connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        return find_callers(self.connection, wanted, utcnow())

    def drop(self) -> None:
        if self.connection is not None:
            connection, self.connection = self.connection, None
            connection.close()


def _settle(
    asked: dict[Wanted, asyncio.Future[Caller | None]],
    outcome: dict[Wanted, Caller | None] | BaseException,
) -> None:
    for wanted, answer in asked.items():
        if answer.done():
            continue
        if isinstance(outcome, dict):
            answer.set_result(outcome[wanted])
        elif isinstance(outcome, asyncio.CancelledError):
            answer.cancel()
        else:
            answer.set_exception(outcome)


def _seen(answer: asyncio.Future[Caller | None]) -> None:
    """Mark an error as read even when every request that waited for it has gone."""
    if not answer.cancelled():
        answer.exception()
