"""Form errors in plain words: bounds and numbers say what to type, never pydantic's wording."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field
from starlette.datastructures import FormData

from anew.web.http.forms import read_form


class Mood(BaseModel):
    mood: int = Field(ge=1, le=10)
    budget: float = Field(default=0, ge=0, le=2.5)
    big: float = Field(default=0, le=10_000_000)
    note: str = Field(default="", max_length=5000)


@pytest.mark.parametrize(
    ("posted", "field", "message"),
    [
        ({"mood": "0"}, "mood", "Please enter 1 or more."),
        ({"mood": "11"}, "mood", "Please enter 10 or less."),
        ({"mood": "five"}, "mood", "Please enter a whole number."),
        ({"mood": "5", "budget": "-1"}, "budget", "Please enter 0 or more."),
        ({"mood": "5", "budget": "3"}, "budget", "Please enter 2.5 or less."),
        ({"mood": "5", "budget": "-1", "big": "2e7"}, "big", "Please enter 10,000,000 or less."),
        ({"mood": "5", "budget": "lots"}, "budget", "Please enter a number."),
        (
            {"mood": "5", "note": "x" * 5001},
            "note",
            "Please keep this to 5,000 characters or fewer.",
        ),
    ],
)
def test_a_value_out_of_bounds_is_explained_in_words(
    posted: dict[str, str], field: str, message: str
) -> None:
    result = read_form(Mood, FormData(posted))
    assert result.data is None
    assert result.errors[field] == message
    assert result.values == posted  # what she typed is kept
