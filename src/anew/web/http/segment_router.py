"""Routers that FastAPI can pass over at a glance, because each knows which paths it can serve.

FastAPI 0.163 finds a request's route by asking every route of every included router in turn, and
it asks twice (once to choose, once to serve): in a profile of a kept API read, a fifth of its
time. Every router here is a SegmentRouter: once the app is built (`settle`) it knows the first
path segments of its routes, and turns away a request whose first segment (below the prefix it is
served under) is none of them before a single route is asked. Matching inside a router, and the
order among routers, stay FastAPI's; only the public `matches` is overridden. BENCHMARKS.md has
the figures with and without it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.routing import Match
from starlette.types import Scope

API_PREFIX = "/api/v1"


class SegmentRouter(APIRouter):
    """An APIRouter that says Match.NONE at once to a path none of its routes can match, once it
    is settled. `mounted_at` is the prefix it is included under (the API's routers: API_PREFIX)."""

    def __init__(self, *args: Any, mounted_at: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mounted_at = mounted_at
        # The first path segments its routes start with; None (no guard) before it is settled,
        # or when a route starts with a path parameter or has no path of its own.
        self.segments: frozenset[str] | None = None
        self._settled_routes = -1

    def settle(self) -> None:
        """Learn the routes' first segments; a route added later lifts the guard again."""
        self.segments = _first_segments(self.routes)
        self._settled_routes = len(self.routes)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        guarded = self.segments is not None and len(self.routes) == self._settled_routes
        if guarded and first_segment(scope, self.mounted_at) not in (self.segments or ()):
            return Match.NONE, {}
        return super().matches(scope)


class PrefixRouter(APIRouter):
    """An APIRouter that turns away a path outside its prefix at once. FastAPI would otherwise try
    each of its routes in turn on every page request, since the API is tried before the pages."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if first_segment(scope, self.prefix) is None:
            return Match.NONE, {}
        return super().matches(scope)


def first_segment(scope: Scope, mounted_at: str) -> str | None:
    """The request path's first segment below `mounted_at` (and any root path the app is served
    under): "dashboard" for /dashboard, "" for /; None for a path outside `mounted_at`."""
    path: str = scope.get("path", "")
    root: str = scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root) :]
    if mounted_at:
        if path != mounted_at and not path.startswith(mounted_at + "/"):
            return None
        path = path[len(mounted_at) :]
    return path.lstrip("/").split("/", 1)[0]


def _first_segments(routes: list[Any]) -> frozenset[str] | None:
    segments = set()
    for route in routes:
        path = getattr(route, "path", None)
        if not isinstance(path, str):
            return None
        segment = path.lstrip("/").split("/", 1)[0]
        if "{" in segment:
            return None
        segments.add(segment)
    return frozenset(segments)
