from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anew.your_data.json_rows import NotAList, items

SCALARS = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(st.lists(VALUES, max_size=8), st.sampled_from([None, 0, 1, 2]))
def test_it_reads_what_json_reads_one_item_at_a_time(rows: list[Any], indent: int | None) -> None:
    text = json.dumps(rows, indent=indent)
    assert list(items(text)) == json.loads(text)


def test_it_reads_items_before_it_sees_the_end() -> None:
    reading = items('[{"a": 1}, {"b": 2}, broken')
    assert next(reading) == {"a": 1}
    assert next(reading) == {"b": 2}
    with pytest.raises(json.JSONDecodeError):
        next(reading)


@pytest.mark.parametrize("text", ['{"a": 1}', "3", '"rows"'])
def test_a_document_that_is_no_list_is_named_so(text: str) -> None:
    with pytest.raises(NotAList):
        list(items(text))


@pytest.mark.parametrize("text", ["", "[1, 2", "[1 2]", "[1] [2]", "[1,]", "{", "[1,, 2]"])
def test_broken_json_is_refused_with_its_place(text: str) -> None:
    with pytest.raises(json.JSONDecodeError):
        list(items(text))
