"""The installable app's public files: the manifest, the service worker and the offline page."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

from anew.web.http.app_shell import NO_STALE_COPY, manifest_json, worker_script
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)


@router.get("/manifest.webmanifest")
def web_app_manifest() -> Response:
    return Response(manifest_json(), media_type="application/manifest+json", headers=NO_STALE_COPY)


@router.get("/sw.js")
def service_worker() -> Response:
    """Served from the root so that it may look after every page (scope /); browsers check it for
    a new version at least daily, and no-cache makes every check reach the server."""
    headers = {**NO_STALE_COPY, "Service-Worker-Allowed": "/"}
    return Response(worker_script(), media_type="text/javascript", headers=headers)


@router.get("/offline")
def offline_page(request: Request) -> Response:
    """The page shown when she is offline. The same for everyone (nobody is looked up, no token is
    in it), since the service worker keeps it; what it shows of hers it reads on the device."""
    response = render(request, "offline/page.html", {"quick_exit": True, "offline_shell": True})
    response.headers.update(NO_STALE_COPY)
    return response
