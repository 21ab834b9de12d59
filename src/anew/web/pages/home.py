"""Public pages: the home page and the six steps' pages."""

from __future__ import annotations

from fastapi import HTTPException, Request
from starlette.responses import Response

from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.deps import OptionalUser, SessionDep
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.step_pages import gate
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)


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


def _notice(request: Request) -> str:
    if request.query_params.get("signed_out"):
        return "You have logged out. Take good care of yourself."
    if request.query_params.get("deleted"):
        return "Your account and everything in it have been deleted."
    return ""
