"""Routers that FastAPI can pass over at a glance, because each knows which paths it can serve.

FastAPI 0.163 finds a request's route by asking every route of every included router in turn, and
it asks twice (once to choose, once to serve): in a profile of a kept API read, a fifth of its
time. Every router here is a SegmentRouter: it knows the first path segments of its routes, and
turns away a request whose first segment (below the prefix it is served under) is none of them
before a single route is asked. The dashboard, the tenth router, was asked of ~33 routes before.
Matching inside a router, and the order among routers, stay FastAPI's. Every router is also a
SettledRouter, which spares FastAPI a walk over all routes per router per request.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.routing import Match
from starlette.types import Scope

API_PREFIX = "/api/v1"


class SettledRouter(APIRouter):
    """An APIRouter whose routes stop changing once the app is built (`settle`). FastAPI 0.163
    finds out whether a router's routes changed by walking them, and every router included in
    it, each time it is asked for a route (APIRouter._get_routes_version): twice per router on
    the way to each request's route. Once settled the answer is kept; adding a route after that
    is a mistake, and says so."""

    _settled_version: int | None = None

    def settle(self) -> None:
        """Keep today's routes version, this router's and that of every router it includes."""
        for route in self.routes:
            included = getattr(route, "original_router", None)
            if isinstance(included, SettledRouter):
                included.settle()
        self._settled_version = None
        self._settled_version = self._get_routes_version()

    def _get_routes_version(self, seen: set[int] | None = None) -> int:
        if self._settled_version is not None:
            return self._settled_version
        return super()._get_routes_version(seen)

    def _mark_routes_changed(self) -> None:
        if self._settled_version is not None:
            raise RuntimeError("a route was added to a router after the app was built")
        super()._mark_routes_changed()


class SegmentRouter(SettledRouter):
    """An APIRouter that says Match.NONE at once to a path none of its routes can match, once it
    is settled (its routes, and so their first segments, no longer change). `mounted_at` is the
    prefix it is included under (the API's routers: API_PREFIX)."""

    def __init__(self, *args: Any, mounted_at: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mounted_at = mounted_at
        # The first path segments its routes start with; None (no guard) before it is settled,
        # or when a route starts with a path parameter or has no path of its own.
        self.segments: frozenset[str] | None = None

    def settle(self) -> None:
        super().settle()
        self.segments = _first_segments(self.routes)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if self.segments is not None and first_segment(scope, self.mounted_at) not in self.segments:
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
