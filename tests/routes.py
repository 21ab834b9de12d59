"""Every route the app serves, for tests that must cover them all."""

from __future__ import annotations

from fastapi import FastAPI

from anew.web.routing import endpoints


def app_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) for every endpoint, sorted."""
    return sorted({(endpoint.method, endpoint.path) for endpoint in endpoints(app)})
