"""Public pages: the home page and the six steps' pages."""

from __future__ import annotations

from fastapi import HTTPException, Request
from starlette.responses import Response

from anew.web.deps import OptionalUser, SessionDep
from anew.web.segment_router import SegmentRouter
from anew.web.step_pages import gate
from anew.web.steps import STEPS_BY_SLUG
from anew.web.templating import render

router = SegmentRouter(include_in_schema=False)


@router.get("/")
def home(request: Request, user: OptionalUser) -> Response:
    return render(request, "pages/home.html", {"notice": _notice(request)})


@router.get("/steps/{slug}")
def step_page(request: Request, slug: str, user: OptionalUser, db: SessionDep) -> Response:
    """Every step has its own page now; this answers the addresses that are no step at all."""
    step = STEPS_BY_SLUG.get(slug)
    if step is None:
        raise HTTPException(status_code=404)
    shown = gate(request, db, user, slug)
    return shown or render(request, "pages/step.html", {"step": step, "available": True})


def _notice(request: Request) -> str:
    if request.query_params.get("signed_out"):
        return "You have logged out. Take good care of yourself."
    if request.query_params.get("deleted"):
        return "Your account and everything in it have been deleted."
    return ""
