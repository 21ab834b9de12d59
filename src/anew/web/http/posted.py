"""The form a request posted, read once and kept on the request's state: the route reads it, the
CSRF check reads it, and should the database fail, the error page hands her words back to her."""

from __future__ import annotations

from fastapi import Request
from starlette.datastructures import FormData

KEPT = "posted_form"


async def posted_form(request: Request) -> FormData:
    """The posted form, read in the event loop and kept for the error page."""
    form = await request.form()
    setattr(request.state, KEPT, form)
    return form


def kept_form(request: Request) -> FormData | None:
    """The form this request posted, if any was read."""
    form = getattr(request.state, KEPT, None)
    return form if isinstance(form, FormData) else None
