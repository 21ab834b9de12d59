"""The health check a proxy or an orchestrator polls."""

from __future__ import annotations

from starlette.responses import JSONResponse

from anew.db import answers
from anew.web.http.deps import SessionDep
from anew.web.http.segment_router import SegmentRouter

router = SegmentRouter()


@router.get("/healthz", include_in_schema=False)
def healthz(db: SessionDep) -> JSONResponse:
    """Answer ok only after the database has answered a query."""
    if not answers(db):
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})
