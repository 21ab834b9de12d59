"""Routers that FastAPI can pass over at a glance (anew.web.http.segment_router): each turns away a
path none of its routes can match before asking one, through FastAPI's public `matches` only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, APIRouter
from fastapi.testclient import TestClient
from starlette.routing import Match

from anew.web.api import PrefixRouter
from anew.web.http.segment_router import API_PREFIX, SegmentRouter, first_segment


def _scope(path: str, root_path: str = "") -> dict[str, Any]:
    return {"type": "http", "path": path, "root_path": root_path, "method": "GET"}


def _included(routes: list[Any]) -> Iterator[Any]:
    for route in routes:
        router = getattr(route, "original_router", None)
        if router is not None:
            yield router
            yield from _included(router.routes)


def test_every_router_of_the_app_can_be_passed_over(app: FastAPI) -> None:
    routers = list(_included(app.router.routes))
    (api,) = [router for router in routers if isinstance(router, PrefixRouter)]
    assert api.prefix == API_PREFIX
    api_routers = list(_included(api.routes))
    assert len(routers) > 30
    for router in routers:
        if router is api:
            continue
        assert isinstance(router, SegmentRouter), router
        assert router.mounted_at == (API_PREFIX if router in api_routers else "")
        assert router.segments, "every router's routes start with a literal segment"


@pytest.mark.parametrize(
    ("path", "root_path", "mounted_at", "segment"),
    [
        ("/dashboard", "", "", "dashboard"),
        ("/", "", "", ""),
        ("/steps/no-contact/start", "", "", "steps"),
        ("/api/v1/program", "", API_PREFIX, "program"),
        ("/api/v1/chats/3/metrics", "", API_PREFIX, "chats"),
        ("/api/v1", "", API_PREFIX, ""),
        ("/api/v10/program", "", API_PREFIX, None),  # a prefix, not the start of a word
        ("/dashboard", "", API_PREFIX, None),
        ("/anew/api/v1/program", "/anew", API_PREFIX, "program"),
        ("/anew/dashboard", "/anew", "", "dashboard"),
    ],
)
def test_first_segment(path: str, root_path: str, mounted_at: str, segment: str | None) -> None:
    assert first_segment(_scope(path, root_path), mounted_at) == segment


def _routes_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the routes FastAPI asks from now on, in order."""
    asked: list[str] = []
    original = APIRoute.matches

    def counted(self: APIRoute, scope: Any) -> Any:
        asked.append(self.path)
        return original(self, scope)

    monkeypatch.setattr(APIRoute, "matches", counted)
    return asked


def _endpoint() -> dict[str, str]:
    return {}


def test_a_path_none_of_its_routes_start_with_is_turned_away_before_any_route_is_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    router = SegmentRouter(mounted_at=API_PREFIX)
    router.add_api_route("/habits/{habit_id}", _endpoint)
    router.add_api_route("/habits", _endpoint)
    router.settle()
    asked = _routes_asked(monkeypatch)
    assert router.segments == frozenset({"habits"})
    assert router.matches(_scope(f"{API_PREFIX}/program")) == (Match.NONE, {})
    assert router.matches(_scope("/habits")) == (Match.NONE, {})  # outside the API
    assert asked == []


def test_a_router_with_a_route_that_starts_with_a_parameter_is_never_turned_away() -> None:
    literal, open_ended = SegmentRouter(), SegmentRouter()
    for router in (literal, open_ended):
        router.add_api_route("/about", _endpoint)
    open_ended.add_api_route("/{slug}", _endpoint)
    assert literal.segments is None  # no guard until its routes are settled
    for router in (literal, open_ended):
        router.settle()
    assert literal.segments == frozenset({"about"})
    assert open_ended.segments is None


def test_the_dashboard_and_the_home_page_ask_at_most_two_routes(
    monkeypatch: pytest.MonkeyPatch, client: TestClient
) -> None:
    """Before, /dashboard asked 35 routes and / asked 27 (the page routers before them)."""
    asked = _routes_asked(monkeypatch)
    for path in ("/dashboard", "/"):
        asked.clear()
        client.get(path, follow_redirects=False)
        assert asked == [path, path]  # FastAPI asks once to choose and once to serve


def test_a_route_added_after_settling_lifts_the_guard_instead_of_hiding() -> None:
    router = SegmentRouter()
    router.add_api_route("/about", _endpoint)
    app = FastAPI()
    app.include_router(router)
    router.settle()
    assert router.matches(_scope("/contact")) == (Match.NONE, {})
    router.add_api_route("/contact", _endpoint)
    with TestClient(app) as client:
        assert client.get("/contact").status_code == 200
        assert client.get("/about").status_code == 200


def test_no_router_overrides_a_private_method_of_fastapi() -> None:
    """Only public methods (`matches`) are overridden, so a FastAPI upgrade can't quietly
    break what a private one was relied on to do."""
    for cls in (SegmentRouter, PrefixRouter):
        own = {name for name in vars(cls) if name.startswith("_") and not name.startswith("__")}
        overridden = {name for name in own if hasattr(APIRouter, name)}
        assert not overridden, f"{cls.__name__} overrides {overridden}"
