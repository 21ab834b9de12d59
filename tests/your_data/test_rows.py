from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from anew.db import Base
from anew.your_data.archive import her_tables
from anew.your_data.rows import Account, checked_row, row_model

CHECKIN = {"id": 1, "user_id": 1, "day": "2026-11-20", "mood": 6, "note": "ok"}


def table(name: str) -> Any:
    her_tables()  # loads the models
    return Base.metadata.tables[name]


def test_every_table_of_hers_has_a_row_model() -> None:
    for found in her_tables():
        assert set(row_model(found).model_fields) == set(found.c.keys())


@pytest.mark.parametrize(
    ("name", "row", "field"),
    [
        ("checkins", {**CHECKIN, "mood": "6"}, "mood"),
        ("checkins", {**CHECKIN, "mood": True}, "mood"),
        ("checkins", {**CHECKIN, "day": "20/11/2026"}, "day"),
        ("checkins", {**CHECKIN, "day": 20261120}, "day"),
        ("checkins", {**CHECKIN, "mood": 2**40}, "mood"),
        ("checkins", {**CHECKIN, "surprise": 1}, "surprise"),
        ("photos", {"kind": "sideways"}, "kind"),
        ("habits", {"per_week": 9}, "per_week"),
        ("photos", {"data": "../../etc/passwd"}, "data"),
        ("qualities", {"name": "x" * 500}, "name"),
        ("checkins", {**CHECKIN, "mood": 11}, "mood"),
        ("urges", {"intensity": 0}, "intensity"),
        ("nocontact_periods", {"target_days": 100_000}, "target_days"),
        ("makeover_items", {"budget_cents": -1}, "budget_cents"),
        ("checkins", {**CHECKIN, "note": "x" * 1_000_001}, "note"),
        ("journal_entries", {"text": "x" * 20_001}, "text"),
        ("journal_entries", {"text": "ok", "mood": 11}, "mood"),
        ("journal_entries", {"text": "ok", "day": 0}, "day"),
        ("journal_entries", {"text": "ok", "idempotency_key": "a key"}, "idempotency_key"),
        ("habits", {"remind_at": "7:30"}, "remind_at"),
        ("hard_hours_plans", {"text": "x" * 2001}, "text"),
    ],
)
def test_a_field_that_does_not_fit_its_column_is_refused(
    name: str, row: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        checked_row(table(name), row)
    assert field in {str(error["loc"][0]) for error in caught.value.errors()}


def test_a_row_that_fits_comes_back_as_given() -> None:
    assert checked_row(table("checkins"), CHECKIN) == CHECKIN


def test_an_account_made_without_a_time_zone_comes_back_as_utc() -> None:
    assert Account.model_validate({"time_zone": ""}).time_zone == "UTC"
    assert Account.model_validate({"time_zone": "Europe/Paris"}).time_zone == "Europe/Paris"
