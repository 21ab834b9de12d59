"""Step 3's page: paste a draft, see each flag highlighted in it, and one calm verdict."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Annotated, Any, Literal

from fastapi import Depends, Request
from pydantic import BaseModel, BeforeValidator, Field
from starlette.responses import JSONResponse, RedirectResponse, Response

from anew.accounts.clock import zone
from anew.db import utcnow
from anew.method.drafts import service
from anew.method.drafts.coach import MAX_CHARS, readable
from anew.method.drafts.service import FlagOut
from anew.method.drafts.suggestion import LONGEST as SUGGESTED_UP_TO
from anew.method.no_contact import service as no_contact
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, IdempotencyKey, OptionalUser, SessionDep
from anew.web.http.forms import PostedForm, read_form
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/before-you-send"


class DraftForm(BaseModel):
    text: Annotated[str, BeforeValidator(readable)] = Field(max_length=MAX_CHARS)
    his_last: str = Field(default="", max_length=MAX_CHARS)
    # Blank: as her contact log says, or him where she gave his last message.
    last_from: Literal["", "me", "him"] = ""
    logistics: bool = False


class VaultForm(BaseModel):
    """The draft she decided not to send, kept in her vault with how strong the urge was."""

    text: str = Field(min_length=1, max_length=20000)
    intensity: int = Field(default=5, ge=1, le=10)


def segments(text: str, flags: list[FlagOut]) -> list[dict[str, Any]]:
    """The draft cut into plain and highlighted pieces: every phrase of every flag, each piece
    naming the flags it belongs to (in the flags' order), so overlapping phrases stay marked.
    One sweep over the phrases' edges, however many phrases there are."""
    events: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for index, flag in enumerate(flags):
        for span in flag.spans:
            start, end = max(0, span.start), min(len(text), span.end)
            if start < end:
                events[start].append((index, 1))
                events[end].append((index, -1))
    cuts = sorted({0, len(text), *events})
    depth = [0] * len(flags)
    pieces: list[dict[str, Any]] = []
    for start, end in itertools.pairwise(cuts):
        for index, change in events.get(start, ()):
            depth[index] += change
        codes = [flag.code for index, flag in enumerate(flags) if depth[index] > 0]
        if pieces and pieces[-1]["codes"] == codes:
            pieces[-1]["text"] += text[start:end]
        else:
            pieces.append({"text": text[start:end], "codes": codes})
    return pieces


def _context(**extra: Any) -> dict[str, Any]:
    return {"step": STEPS_BY_SLUG["before-you-send"], "active_step": "before-you-send", **extra}


NONE_LEFT = (
    "There's no shorter version of this one to offer: what the notes above are about is all of "
    "it, or the practical details sit inside it. Your own rewrite, or your vault, can hold it."
)
NONE_FOR_LONG = (
    "This is long for a message, so there's no calmer version cut from it here: the notes above "
    "say what to take out, and your vault can hold the rest."
)


def _none_left(verdict: service.DraftCheck, text: str) -> str | None:
    """Why a rewrite comes without a suggestion, so its absence is not a puzzle."""
    if verdict.verdict != "rewrite" or verdict.suggestion is not None:
        return None
    return NONE_FOR_LONG if len(text) > SUGGESTED_UP_TO else NONE_LEFT


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
        last_from=result.data.last_from or None,
        logistics=result.data.logistics,
    )
    pieces = segments(result.data.text, verdict.flags)
    if "application/json" in request.headers.get("accept", ""):
        # The page's live check as she types: the same answer, for the script to draw.
        flags = [{"code": f.code, "message": f.message, "why": f.why} for f in verdict.flags]
        body = {
            "verdict": verdict.verdict,
            "headline": verdict.verdict.label,
            "pieces": pieces,
            "flags": flags,
            "suggestion": verdict.suggestion,
            "none_left": _none_left(verdict, result.data.text),
        }
        return JSONResponse(body)
    context = _context(
        values=result.values,
        errors={},
        verdict=verdict,
        headline=verdict.verdict.label,
        pieces=pieces,
        none_left=_none_left(verdict, result.data.text),
    )
    return render(request, "drafts/page.html", context)


@router.post(f"{PAGE}/vault", dependencies=[Depends(require_csrf)])
def keep_in_vault(
    request: Request,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Her draft goes into her vault by a post, never through an address that logs would keep.
    Pressed offline, the service worker queues it and sends it later with an Idempotency-Key:
    sent twice, it is kept once."""
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
        key=idempotency_key,
    )
    return RedirectResponse("/steps/no-contact?done=urge#write-it-down", status_code=303)
