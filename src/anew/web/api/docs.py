"""The API's interactive docs at /api/v1/docs: Swagger UI over /api/v1/openapi.json, its files
served by Anew itself from the fastapi-offline package (nothing is loaded from elsewhere), and
started by a script of ours rather than an inline one, so the strict Content-Security-Policy
holds on this page too."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from anew.web.http.security import SECURITY_HEADERS
from anew.web.http.segment_router import API_PREFIX, SegmentRouter
from anew.web.http.templating import render

DOCS = f"{API_PREFIX}/docs"
ASSETS = f"{DOCS}/assets"
router = SegmentRouter(include_in_schema=False, mounted_at=API_PREFIX)


# Swagger UI's style sheet draws its icons as data: images; nothing else is let in.
POLICY = SECURITY_HEADERS["Content-Security-Policy"] + "; img-src 'self' data:"


@router.get("/docs")
def api_docs(request: Request) -> Response:
    context = {"openapi_url": f"{API_PREFIX}/openapi.json", "assets": ASSETS}
    page = render(request, "api/docs.html", context)
    page.headers["Content-Security-Policy"] = POLICY
    return page


def mount_assets(app: FastAPI) -> None:
    """Swagger UI's script and style sheet, from the installed package."""
    app.mount(ASSETS, StaticFiles(packages=[("fastapi_offline", "static")]), name="api-docs")
