"""Step 3's page: paste a draft, see each flag highlighted in it, and one calm verdict."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse, RedirectResponse, Response

from anew.accounts.clock import zone
from anew.db import utcnow
from anew.method.drafts import service
from anew.method.drafts.service import FlagOut
from anew.method.no_contact import service as no_contact
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, OptionalUser, SessionDep
from anew.web.http.forms import PostedForm, read_form
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/before-you-send"


class DraftForm(BaseModel):
    text: str = Field(min_length=1, max_length=20000)
    his_last: str = Field(default="", max_length=20000)
    logistics: bool = False


class VaultForm(BaseModel):
    """The draft she decided not to send, kept in her vault with how strong the urge was."""

    text: str = Field(min_length=1, max_length=20000)
    intensity: int = Field(default=5, ge=1, le=10)


def segments(text: str, flags: list[FlagOut]) -> list[dict[str, Any]]:
    """The draft cut into plain and highlighted pieces (overlapping flags merge into one mark)."""
    spans = sorted(
        (f.start, f.end, f.code) for f in flags if f.start is not None and f.end is not None
    )
    pieces: list[dict[str, Any]] = []
    cursor = 0
    for start, end, code in spans:
        if end <= cursor:
            continue
        start = max(start, cursor)
        if start > cursor:
            pieces.append({"text": text[cursor:start], "codes": []})
        pieces.append({"text": text[start:end], "codes": [code]})
        cursor = end
    if cursor < len(text):
        pieces.append({"text": text[cursor:], "codes": []})
    return pieces


def _context(**extra: Any) -> dict[str, Any]:
    return {"step": STEPS_BY_SLUG["before-you-send"], "active_step": "before-you-send", **extra}


@router.get(PAGE)
def drafts_page(request: Request, user: OptionalUser) -> Response:
    if user is None:
        return render(request, "home/step.html", _context(available=True))
    return render(request, "drafts/page.html", _context(values={}, errors={}))


@router.post(PAGE, dependencies=[Depends(require_csrf)])
def check(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(DraftForm, form)
    if result.data is None and "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"verdict": None, "errors": result.errors}, status_code=400)
    if result.data is None:
        context = _context(values=result.values, errors=result.errors)
        return render(request, "drafts/page.html", context, status_code=400)
    verdict = service.check(
        db,
        user.id,
        text=result.data.text,
        at=utcnow().astimezone(zone(user.time_zone)),
        safety_mode=user.safety_mode,
        his_last=result.data.his_last or None,
        logistics=result.data.logistics,
    )
    pieces = segments(result.data.text, verdict.flags)
    if "application/json" in request.headers.get("accept", ""):
        # The page's live check as she types: the same answer, for the script to draw.
        flags = [{"code": f.code, "message": f.message} for f in verdict.flags]
        body = {
            "verdict": verdict.verdict,
            "headline": verdict.verdict.label,
            "pieces": pieces,
            "flags": flags,
        }
        return JSONResponse(body)
    context = _context(
        values=result.values,
        errors={},
        verdict=verdict,
        headline=verdict.verdict.label,
        pieces=pieces,
    )
    return render(request, "drafts/page.html", context)


@router.post(f"{PAGE}/vault", dependencies=[Depends(require_csrf)])
def keep_in_vault(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    """Her draft goes into her vault by a post, never through an address that logs would keep."""
    result = read_form(VaultForm, form)
    if result.data is None:
        context = _context(values=result.values, errors=result.errors)
        return render(request, "drafts/page.html", context, status_code=400)
    no_contact.log_urge(
        db,
        user.id,
        intensity=result.data.intensity,
        instead="Kept it in my vault instead of sending it",
        message=result.data.text,
    )
    return RedirectResponse("/steps/no-contact?done=urge#write-it-down", status_code=303)
