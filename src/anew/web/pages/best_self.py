"""Step 5's page: the qualities board, three lists she writes and lives one week at a time."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import Depends, Request
from pydantic import BaseModel, Field
from starlette.responses import RedirectResponse, Response

from anew.accounts.models import User
from anew.method.best_self.models import Quality
from anew.method.owned import list_owned
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, OptionalUser, SessionDep
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.safety_gate import page_win_back
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.step_pages import mine_or_404, step_page
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/best-self"
LISTS = {
    "he_valued": (
        "What he valued in me, or wanted more of",
        "Be honest and discerning: keep what you would like to grow for yourself.",
    ),
    "i_value": (
        "What I value in myself",
        "Your kindness, your humour, your determination: write them down, even if it feels odd.",
    ),
    "my_strengths": (
        "My own strengths and personality",
        "What makes you you, whether or not anyone else noticed.",
    ),
}


class QualityForm(BaseModel):
    list: Literal["he_valued", "i_value", "my_strengths"]
    name: str = Field(min_length=1, max_length=200)
    this_week: str = Field(default="", max_length=5000)


class QualityUpdate(BaseModel):
    this_week: str = Field(default="", max_length=5000)
    reflection: str = Field(default="", max_length=5000)
    done: bool = False


def _page(
    request: Request,
    db: SessionDep,
    user: User,
    *,
    result: FormResult[Any] | None = None,
    status_code: int = 200,
) -> Response:
    rows = list_owned(db, Quality, user.id, Quality.id)
    context = {
        "step": STEPS_BY_SLUG["best-self"],
        "active_step": "best-self",
        "lists": LISTS,
        "qualities": {key: [q for q in rows if q.list == key] for key in LISTS},
        "values": result.values if result else {},
        "errors": result.errors if result else {},
    }
    return render(request, "best_self/page.html", context, status_code=status_code)


@router.get(PAGE)
def best_self_page(request: Request, user: OptionalUser, db: SessionDep) -> Response:
    return step_page(request, db, user, "best-self", lambda her: _page(request, db, her))


@router.post(PAGE, dependencies=[Depends(require_csrf), Depends(page_win_back)])
def add_quality(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(QualityForm, form)
    if result.data is None:
        return _page(request, db, user, result=result, status_code=400)
    db.add(Quality(user_id=user.id, **result.data.model_dump()))
    db.commit()
    return RedirectResponse(f"{PAGE}#{result.data.list}", status_code=303)


@router.post(f"{PAGE}/{{quality_id}}", dependencies=[Depends(require_csrf), Depends(page_win_back)])
def update_quality(
    request: Request,
    quality_id: int,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    row = mine_or_404(db, Quality, user, quality_id)
    if form.get("action") == "delete":
        db.delete(row)
    else:
        result = read_form(QualityUpdate, form)
        if result.data is None:
            return _page(request, db, user, result=result, status_code=400)
        row.this_week, row.reflection = result.data.this_week, result.data.reflection
        row.done = result.data.done
    db.commit()
    return RedirectResponse(f"{PAGE}#quality-{quality_id}", status_code=303)
