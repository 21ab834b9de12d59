"""Every route the app serves, for tests that must cover them all."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from anew.web.http.routing import endpoints


def app_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) for every endpoint, sorted."""
    return sorted({(endpoint.method, endpoint.path) for endpoint in endpoints(app)})


def _calls(dependant: Dependant) -> Iterator[object]:
    for dependency in dependant.dependencies:
        yield dependency.call
        yield from _calls(dependency)


def _api_routes(routes: list[BaseRoute], prefix: str) -> Iterator[tuple[str, APIRoute]]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix + route.path, route
        elif hasattr(route, "original_router"):
            context = getattr(route, "include_context", None)
            yield from _api_routes(
                route.original_router.routes, prefix + getattr(context, "prefix", "")
            )


def routes_depending_on(app: FastAPI, call: object) -> set[tuple[str, str]]:
    """(method, path) of every endpoint whose dependencies, at any depth, include `call`."""
    found = set()
    for path, route in _api_routes(app.router.routes, ""):
        if call in set(_calls(route.dependant)):
            found.update((method, path) for method in route.methods or ())
    return found


def coroutine_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every endpoint whose function is `async def` (run in the event loop)."""
    import inspect

    found = set()
    for path, route in _api_routes(app.router.routes, ""):
        if inspect.iscoroutinefunction(route.endpoint):
            found.update((method, path) for method in route.methods or ())
    return found
