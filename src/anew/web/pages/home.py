"""Public pages: the home page, the six steps' pages, and the icon browsers ask for."""

from __future__ import annotations

from pathlib import Path

from fastapi import HTTPException, Request
from starlette.responses import FileResponse, Response

from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.deps import OptionalUser, SessionDep
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.step_pages import gate
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
FAVICON = Path(__file__).parent / "static" / "img" / "favicon.svg"
# The same for everyone and rarely changed: any cache may keep it for a week.
FAVICON_CACHE = {"Cache-Control": "public, max-age=604800"}


@router.get("/")
def home(request: Request, user: OptionalUser) -> Response:
    return render(request, "home/index.html", {"notice": _notice(request)})


@router.get("/steps/{slug}")
def step_page(request: Request, slug: str, user: OptionalUser, db: SessionDep) -> Response:
    """Every step has its own page now; this answers the addresses that are no step at all."""
    step = STEPS_BY_SLUG.get(slug)
    if step is None:
        raise HTTPException(status_code=404)
    shown = gate(request, db, user, slug)
    return shown or render(request, "home/step.html", {"step": step, "available": True})


@router.get("/favicon.ico")
def favicon() -> Response:
    """The icon, for browsers that ask the old address before (or without) reading the page's
    <link rel="icon">: one that shows SVG icons goes by the type, whatever the name; one that
    does not shows none, as it would have after a 404."""
    return FileResponse(FAVICON, media_type="image/svg+xml", headers=FAVICON_CACHE)


def _notice(request: Request) -> str:
    if request.query_params.get("signed_out"):
        return "You have logged out. Take good care of yourself."
    if request.query_params.get("deleted"):
        return "Your account and everything in it have been deleted."
    return ""
