from __future__ import annotations

import pytest

from anew.wording import counted, how_often, plural


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 restarts"), (1, "1 restart"), (2, "2 restarts")]
)
def test_a_count_takes_the_noun_that_goes_with_it(count: int, expected: str) -> None:
    assert counted(count, "restart") == expected


def test_an_irregular_plural_can_be_given() -> None:
    assert plural("person", 3, "people") == "people"
    assert plural("person", 1, "people") == "person"


@pytest.mark.parametrize(
    ("per_week", "expected"),
    [(1, "once a week"), (2, "twice a week"), (3, "3 times a week"), (7, "every day")],
)
def test_how_often_reads_as_people_say_it(per_week: int, expected: str) -> None:
    assert how_often(per_week) == expected
