from __future__ import annotations

import pytest

from anew.csv_cells import safe_cell, safe_text


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_a_spreadsheet_would_run_gets_a_quote_in_front(start: str) -> None:
    assert safe_text(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


def test_other_text_and_numbers_are_left_as_they_are() -> None:
    assert safe_text("Ann = Sam") == "Ann = Sam"
    assert safe_text("") == ""
    assert safe_cell(-5) == -5
    assert safe_cell(None) is None
    assert safe_cell("-5") == "'-5"
