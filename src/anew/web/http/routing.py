"""A flat table of every endpoint, for a correct Allow header on 405 answers.

Starlette stops at the first route whose path matches, so a path served by two routes (POST and
DELETE of /api/v1/auth/token) would advertise only the first one's methods.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute, compile_path


@dataclass(frozen=True)
class Endpoint:
    """One method on one path, with the regex that matches concrete request paths."""

    method: str
    path: str
    pattern: re.Pattern[str]


def _walk(routes: Iterable[BaseRoute], prefix: str) -> Iterator[Endpoint]:
    for route in routes:
        if isinstance(route, APIRoute):
            pattern = compile_path(prefix + route.path)[0]
            for method in sorted(route.methods or ()):
                yield Endpoint(method, prefix + route.path, pattern)
        elif hasattr(route, "original_router"):  # FastAPI's wrapper around an included router
            context = getattr(route, "include_context", None)
            child_prefix = prefix + getattr(context, "prefix", "")
            yield from _walk(route.original_router.routes, child_prefix)


def endpoints(app: FastAPI) -> list[Endpoint]:
    """Every (method, path) the app serves, walked through included routers."""
    cached: list[Endpoint] | None = getattr(app.state, "endpoints", None)
    if cached is None:
        cached = sorted(set(_walk(app.router.routes, "")), key=lambda e: (e.path, e.method))
        app.state.endpoints = cached
    return cached


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    """The methods some endpoint accepts at this path."""
    return sorted({e.method for e in endpoints(app) if e.pattern.match(path)})
