"""Her place in the method through the API: `GET /api/v1/program`, answered from a kept read."""

from __future__ import annotations

from collections.abc import Hashable

from fastapi import Request, Response

from anew.accounts.sessions import Caller
from anew.method.dashboard import service
from anew.web.api.schemas import ERROR_RESPONSES
from anew.web.http.deps import BearerToken, SessionDep, user_today
from anew.web.http.read_cache import json_body, kept_api_read
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["program"], mounted_at=API_PREFIX)


@router.get(
    "/program",
    response_model=service.Program,
    summary="Where you are in the method",
    responses=ERROR_RESPONSES,
)
async def read_program(request: Request, credentials: BearerToken) -> Response:
    """`stage` is not-started, no-contact, reconnecting once the target is reached, or safety
    while safety mode is on. `safety_check` is the newest check's result, or not-taken."""

    def make(db: SessionDep, caller: Caller) -> bytes:
        today = user_today(caller)
        return json_body(
            service.program(db, caller.id, today=today, safety_mode=caller.safety_mode)
        )

    def key(caller: Caller) -> tuple[Hashable, ...]:
        return ("program", caller.id, caller.data_version, user_today(caller))

    body = await kept_api_read(request, credentials, key, make)
    return Response(body, media_type="application/json")
