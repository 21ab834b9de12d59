"""Routes that use the database run in the thread pool, never in the event loop.

A query or a password hash inside an `async def` route holds up every other request the process
is serving for as long as it takes (argon2 takes tens of milliseconds on purpose). Form posts read
their form in an async dependency (anew.web.http.forms.posted_form) and are plain `def`s; only
uploads and the kept reads stay `async`, and they hand their database work to the thread pool
themselves."""

from __future__ import annotations

from fastapi import FastAPI

from anew.web.http.deps import get_db
from tests.routes import coroutine_routes, routes_depending_on

# Uploads stream the file in the event loop; each hands its heavy work to the thread pool.
ASYNC_WITH_DATABASE = {
    ("POST", "/account/import"),
    ("POST", "/chats"),
    ("POST", "/steps/new-look/photos"),
    ("POST", "/api/v1/chats"),
    ("POST", "/api/v1/import"),
    ("POST", "/api/v1/photos"),
}


def test_no_route_queries_the_database_in_the_event_loop(app: FastAPI) -> None:
    blocking = coroutine_routes(app) & routes_depending_on(app, get_db)
    assert blocking == ASYNC_WITH_DATABASE


# Kept reads (anew.web.http.read_cache) look the session up with one prepared query, in the event
# loop only on SQLite (a local file read that never waits for a writer); what they make, and the
# session's touch, go to the thread pool.
KEPT_READS = {
    ("GET", "/dashboard"),
    ("GET", "/api/v1/program"),
    ("GET", "/api/v1/chats/{chat_id}/metrics"),
}


# The quick exit needs neither the database nor a thread: it answers however busy both are.
IN_THE_EVENT_LOOP = {("GET", "/exit")}


def test_every_other_async_route_is_a_kept_read_or_the_quick_exit(app: FastAPI) -> None:
    assert (
        coroutine_routes(app) - routes_depending_on(app, get_db) == KEPT_READS | IN_THE_EVENT_LOOP
    )
