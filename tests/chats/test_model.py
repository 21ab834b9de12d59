"""Word counts: the fast count agrees with the WORD_PATTERN definition on any text."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from anew.chats.model import (
    IRREGULAR_SPACING,
    OTHER_WHITE_SPACE,
    WORD_PATTERN,
    irregular_spacing,
    word_counts,
)

SPACING = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u202f", "\r\n", "\u3000"])
TEXTS = st.lists(st.one_of(st.text(max_size=8), SPACING), max_size=12).map("".join)


@given(st.lists(st.one_of(TEXTS, st.none()), max_size=30))
def test_word_counts_match_the_pattern_on_any_text(texts: list[str | None]) -> None:
    column = pl.Series("text", texts, dtype=pl.String)
    expected = column.str.count_matches(WORD_PATTERN).fill_null(0).cast(pl.UInt32)
    assert word_counts(column).to_list() == expected.to_list()


def test_word_counts_of_common_shapes() -> None:
    column = pl.Series(
        ["", None, "hi", "hi there", " hi", "hi ", "a  b", "a\nb c", "   ", "x\u00a0y"]
    )
    assert word_counts(column).to_list() == [0, 0, 1, 2, 1, 1, 2, 3, 0, 2]


def test_the_literal_white_space_list_is_what_the_word_pattern_splits_on() -> None:
    every = pl.Series([chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF])
    white = every.filter(every.str.contains(r"^\s$")).to_list()
    assert sorted([" ", *OTHER_WHITE_SPACE]) == sorted(white)


@given(st.lists(st.one_of(TEXTS, st.none()), max_size=30))
def test_irregular_spacing_by_literals_matches_the_pattern(texts: list[str | None]) -> None:
    frame = pl.DataFrame({"text": texts}, schema={"text": pl.String})
    found = frame.select(
        fast=irregular_spacing(pl.col("text")),
        pattern=pl.col("text").str.contains(IRREGULAR_SPACING).fill_null(False),
    )
    assert found["fast"].to_list() == found["pattern"].to_list()
