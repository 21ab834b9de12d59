"""The program dashboard: where she is in the method and what comes next."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from anew.web.deps import CurrentUser
from anew.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/dashboard")
def dashboard(request: Request, user: CurrentUser) -> Response:
    welcome = bool(request.query_params.get("welcome"))
    return render(request, "dashboard/index.html", {"welcome": welcome})
