"""Step 6 for both faces: the makeover plan with its budget, and before/after photos kept
private on the server. Each function is one request's work for her, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from anew.db import transaction
from anew.errors import Invalid
from anew.method.new_look.makeover import from_cents, to_cents, totals
from anew.method.new_look.models import MakeoverItem, Photo
from anew.method.new_look.photos import PhotoError, image_type, process_photo
from anew.method.new_look.vocabulary import MakeoverCategory, PhotoKind
from anew.method.owned import list_owned, mine, trimmed


class ItemOut(BaseModel):
    id: int
    category: MakeoverCategory
    title: str
    planned_on: date | None
    budget: float | None
    cost: float | None
    done: bool


class PlanOut(BaseModel):
    items: list[ItemOut]
    total_budget: float
    total_cost: float
    left: float = Field(description="Budget minus cost so far (negative when over)")


class PhotoOut(BaseModel):
    id: int
    kind: PhotoKind
    caption: str
    media_type: str
    created_at: datetime
    url: str
    thumbnail_url: str


@dataclass(frozen=True)
class PhotoFile:
    """A photo's bytes as she uploaded them, cleaned (or its thumbnail), with the image type its
    bytes show (None when they are no image Anew makes) and a file name without extension."""

    data: bytes
    media_type: str | None
    name: str


def _item_out(row: MakeoverItem) -> ItemOut:
    return ItemOut(
        id=row.id,
        category=MakeoverCategory(row.category),
        title=row.title,
        planned_on=row.planned_on,
        budget=from_cents(row.budget_cents),
        cost=from_cents(row.cost_cents),
        done=row.done,
    )


def _photo_out(row: Photo) -> PhotoOut:
    return PhotoOut(
        id=row.id,
        kind=PhotoKind(row.kind),
        caption=row.caption,
        media_type=row.media_type,
        created_at=row.created_at,
        url=f"/api/v1/photos/{row.id}",
        thumbnail_url=f"/api/v1/photos/{row.id}/thumbnail",
    )


def plan(db: Session, user_id: int) -> PlanOut:
    """Her items, by planned date, with totals against the budget."""
    rows = list_owned(db, MakeoverItem, user_id, MakeoverItem.planned_on, MakeoverItem.id)
    summed = totals(rows)
    return PlanOut(
        items=[_item_out(r) for r in rows],
        total_budget=summed.budget,
        total_cost=summed.cost,
        left=summed.left,
    )


def _money(changes: dict[str, Any]) -> dict[str, Any]:
    """Amounts as she types them (12.5), stored in cents; text without its outer spaces."""
    tidy = trimmed(changes)
    for name in ("budget", "cost"):
        if name in tidy:
            tidy[f"{name}_cents"] = to_cents(tidy.pop(name))
    return tidy


def add_item(db: Session, user_id: int, **fields: Any) -> ItemOut:
    with transaction(db):
        row = MakeoverItem(user_id=user_id, **_money(fields))
        db.add(row)
        db.flush()
        return _item_out(row)


def change_item(db: Session, user_id: int, item_id: int, changes: dict[str, Any]) -> ItemOut:
    with transaction(db):
        row = mine(db, MakeoverItem, user_id, item_id, "makeover item")
        for name, value in _money(changes).items():
            setattr(row, name, value)
        return _item_out(row)


def delete_item(db: Session, user_id: int, item_id: int) -> None:
    with transaction(db):
        db.delete(mine(db, MakeoverItem, user_id, item_id, "makeover item"))


def photos(db: Session, user_id: int) -> list[PhotoOut]:
    """Her photos, oldest first."""
    return [_photo_out(r) for r in list_owned(db, Photo, user_id, Photo.created_at, Photo.id)]


def keep_photo(db: Session, user_id: int, data: bytes, *, kind: str, caption: str) -> PhotoOut:
    """Check and clean the photo, and keep it; Invalid("file") says why one can't be used. Slow
    work (decoding, re-encoding, the thumbnail): callers in the event loop run it in the thread
    pool."""
    try:
        media_type, clean, thumb = process_photo(data)
    except PhotoError as error:
        raise Invalid("file", str(error)) from None
    with transaction(db):
        row = Photo(
            user_id=user_id,
            kind=kind,
            caption=caption.replace("\x00", "").strip()[:200],
            media_type=media_type,
            data=clean,
            thumbnail=thumb,
        )
        db.add(row)
        db.flush()
        return _photo_out(row)


def photo_file(db: Session, user_id: int, photo_id: int, *, thumbnail: bool = False) -> PhotoFile:
    """The cleaned photo, or its JPEG thumbnail."""
    row = mine(db, Photo, user_id, photo_id, "photo")
    if thumbnail:
        return PhotoFile(row.thumbnail, image_type(row.thumbnail), f"photo-{row.id}-thumbnail")
    return PhotoFile(row.data, image_type(row.data), f"photo-{row.id}")


def delete_photo(db: Session, user_id: int, photo_id: int) -> None:
    with transaction(db):
        db.delete(mine(db, Photo, user_id, photo_id, "photo"))
