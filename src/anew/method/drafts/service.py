"""Step 3 for both faces: check a draft with what her own data says about the moment (her stage,
who wrote last), unless the caller says otherwise."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from anew.method.drafts.coach import coach
from anew.method.drafts.rules import Context
from anew.method.drafts.vocabulary import DraftVerdict
from anew.method.no_contact import store as no_contact


class SpanOut(BaseModel):
    start: int
    end: int


class FlagOut(BaseModel):
    code: str
    message: str
    start: int | None
    end: int | None
    why: str = Field(description="the explanation for this draft, quoting her words")
    spans: list[SpanOut] = Field(description="every phrase of the draft the flag is about")


class DraftCheck(BaseModel):
    verdict: DraftVerdict = Field(
        description="dont_send, rewrite, wait, send, or unread (a draft not in English)"
    )
    flags: list[FlagOut]
    suggestion: str | None = Field(
        default=None,
        description="a calmer version of her draft, in her own words, to take, edit or leave; "
        "null where none is needed or none would keep her facts; never sent",
    )


def check(
    db: Session,
    user_id: int,
    *,
    text: str,
    at: datetime,
    safety_mode: bool,
    stage: str | None = None,
    his_last: str | None = None,
    last_from: str | None = None,
    logistics: bool = False,
) -> DraftCheck:
    """The draft's flags and verdict; `at` is her local time of sending. In safety mode her own
    stage outranks whatever the caller says; anything left out comes from her data. His last
    message given means he wrote last, unless she says otherwise."""
    if safety_mode:
        stage = "safety"
    elif stage is None:
        stage = no_contact.program_stage(db, user_id, at.date())
    found = coach(
        text,
        Context(
            stage=stage,
            his_last=his_last,
            at=at,
            last_from=last_from or ("him" if his_last else no_contact.last_from(db, user_id)),
            logistics=logistics,
        ),
    )
    return DraftCheck(
        verdict=DraftVerdict(found.verdict),
        flags=[
            FlagOut(
                code=f.code,
                message=f.message,
                start=f.start,
                end=f.end,
                why=f.why,
                spans=[SpanOut(start=start, end=end) for start, end in f.spans],
            )
            for f in found.flags
        ],
        suggestion=found.suggestion,
    )
