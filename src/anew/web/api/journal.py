"""Her private journal through the API: free entries and answers to the path's questions."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import Field, StrictInt, StrictStr

from anew.db import utcnow
from anew.journal import rules, service
from anew.journal.service import EntryOut
from anew.web.api.schemas import ERROR_RESPONSES, RESPONSES, ApiModel, RowId
from anew.web.http.deps import ApiUser, SessionDep, user_today
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["journal"], mounted_at=API_PREFIX)

Text = Annotated[StrictStr, Field(min_length=1, max_length=rules.MAX_TEXT)]
Mood = Annotated[StrictInt, Field(ge=1, le=10, description="How she feels, 1 to 10")]
Day = Annotated[
    StrictInt, Field(ge=1, le=rules.MAX_DAY, description="The path day whose question it answers")
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        pattern=rf"^[\x21-\x7e]{{1,{rules.LONGEST_KEY}}}$",
        description="Sent with a write made offline: the same key is stored once",
    ),
]


def only_q(request: Request) -> None:
    """A search takes `q` alone: a misspelt parameter is refused, not quietly ignored."""
    unknown = sorted(set(request.query_params) - {"q"})
    if unknown:
        raise RequestValidationError(
            [
                {"loc": ("query", name[:64]), "msg": "Unknown parameter", "type": "extra_forbidden"}
                for name in unknown
            ]
        )


class EntryIn(ApiModel):
    text: Text
    mood: Mood | None = None
    day: Day | None = None


class EntryPatch(ApiModel):
    text: Text | None = None
    mood: Mood | None = None
    day: Day | None = None


@router.post("/journal", status_code=201, response_model=EntryOut, responses=RESPONSES)
def create_entry(
    body: EntryIn,
    user: ApiUser,
    db: SessionDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> EntryOut:
    """A new entry, dated today in her time zone. Sent again with the same Idempotency-Key, it
    answers the entry first stored (with `Idempotent-Replayed: true`) and stores nothing new."""
    entry, made = service.write(
        db,
        user.id,
        today=user_today(user),
        now=utcnow(),
        idempotency_key=idempotency_key,
        **body.model_dump(),
    )
    if not made:
        response.headers["Idempotent-Replayed"] = "true"
    return entry


@router.get(
    "/journal",
    response_model=list[EntryOut],
    responses=ERROR_RESPONSES,
    dependencies=[Depends(only_q)],
)
def read_entries(
    user: ApiUser,
    db: SessionDep,
    q: Annotated[
        str,
        Query(
            max_length=rules.MAX_QUERY,
            description='Only entries holding every word (any case; "a phrase" in quotes)',
        ),
    ] = "",
) -> list[EntryOut]:
    """Her entries, newest first."""
    return service.entries(db, user.id, query=q)


@router.get("/journal/{entry_id}", response_model=EntryOut, responses=RESPONSES)
def read_entry(entry_id: RowId, user: ApiUser, db: SessionDep) -> EntryOut:
    return service.entry(db, user.id, entry_id)


@router.patch("/journal/{entry_id}", response_model=EntryOut, responses=RESPONSES)
def update_entry(entry_id: RowId, body: EntryPatch, user: ApiUser, db: SessionDep) -> EntryOut:
    """Only the fields sent change; a mood or day sent as null is cleared."""
    changes = body.model_dump(exclude_unset=True)
    return service.change(db, user.id, entry_id, changes, now=utcnow())


@router.delete("/journal/{entry_id}", status_code=204, responses=RESPONSES)
def delete_entry(entry_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    service.delete(db, user.id, entry_id)
    return Response(status_code=204)
