"""Word counts: the fast count agrees with the WORD_PATTERN definition on any text."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from anew.chats.model import WORD_PATTERN, word_counts

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
