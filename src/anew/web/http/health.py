"""The health check a proxy or an orchestrator polls."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import JSONResponse

from anew.web.http.deps import SessionDep
from anew.web.http.segment_router import SegmentRouter

router = SegmentRouter()


@router.get("/healthz", include_in_schema=False)
def healthz(db: SessionDep) -> JSONResponse:
    """Answer ok only after the database has answered a query."""
    try:
        db.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})
