"""Step 5's page: the qualities board, three lists she writes and lives one week at a time."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request
from pydantic import BaseModel, Field
from starlette.responses import RedirectResponse, Response

from anew.accounts.sessions import Caller
from anew.method.best_self import service
from anew.method.best_self.vocabulary import QualityList
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, OptionalUser, SessionDep
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.step_pages import step_page
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/best-self"
GATED = [Depends(require_csrf)]


class QualityForm(BaseModel):
    list: QualityList
    name: str = Field(min_length=1, max_length=200)
    this_week: str = Field(default="", max_length=5000)


class QualityUpdate(BaseModel):
    this_week: str = Field(default="", max_length=5000)
    reflection: str = Field(default="", max_length=5000)
    done: bool = False


def _page(
    request: Request,
    db: SessionDep,
    user: Caller,
    *,
    result: FormResult[Any] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "step": STEPS_BY_SLUG["best-self"],
        "active_step": "best-self",
        "lists": [(kind.value, kind.label, kind.hint) for kind in QualityList],
        "qualities": service.by_list(db, user.id),
        "values": result.values if result else {},
        "errors": result.errors if result else {},
    }
    return render(request, "best_self/page.html", context, status_code=status_code)


@router.get(PAGE)
def best_self_page(request: Request, user: OptionalUser, db: SessionDep) -> Response:
    return step_page(request, db, user, "best-self", lambda her: _page(request, db, her))


@router.post(PAGE, dependencies=GATED)
def add_quality(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(QualityForm, form)
    if result.data is None:
        return _page(request, db, user, result=result, status_code=400)
    service.add_quality(db, user.id, **result.data.model_dump())
    return RedirectResponse(f"{PAGE}#{result.data.list}", status_code=303)


@router.post(f"{PAGE}/{{quality_id}}", dependencies=GATED)
def update_quality(
    request: Request,
    quality_id: int,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    if form.get("action") == "delete":
        service.delete_quality(db, user.id, quality_id)
    else:
        result = read_form(QualityUpdate, form)
        if result.data is None:
            return _page(request, db, user, result=result, status_code=400)
        service.change_quality(db, user.id, quality_id, result.data.model_dump())
    return RedirectResponse(f"{PAGE}#quality-{quality_id}", status_code=303)
