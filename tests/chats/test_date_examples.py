"""Dates that read two ways come with two of her own dates, read both ways, on both roads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from anew.chats.errors import AmbiguousDates
from anew.chats.formats.date_examples import in_words
from anew.chats.loading import load_chat
from tests.command_line import invoke

UNCLEAR = (
    "\u200e[03/04/2024, 09:00:00] Ana: morning!\n"
    "[03/04/2024, 09:10:00] Sam: hey you\n"
    "[05/06/2024, 10:00:00] Sam: long time\n"
    "[07/08/2024, 08:00:00] Ana: it has been\n"
)
EXAMPLES = [
    {"as_written": "03/04/2024", "day_first": "2024-04-03", "month_first": "2024-03-04"},
    {"as_written": "07/08/2024", "day_first": "2024-08-07", "month_first": "2024-07-08"},
]


@pytest.mark.parametrize("keep_text", [False, True])  # the scanner's road, the general road
def test_both_roads_give_the_first_and_last_of_her_dates(tmp_path: Path, keep_text: bool) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(UNCLEAR)
    with pytest.raises(AmbiguousDates) as raised:
        load_chat(path, keep_text=keep_text)
    assert raised.value.examples == EXAMPLES


def test_a_date_that_reads_the_same_both_ways_is_no_example(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("01/01/21, 10:00 - A: one\n02/03/21, 11:00 - B: two\n")
    with pytest.raises(AmbiguousDates) as raised:
        load_chat(path)
    assert raised.value.examples == [
        {"as_written": "02/03/21", "day_first": "2021-03-02", "month_first": "2021-02-03"}
    ]


def test_dates_in_words() -> None:
    assert in_words(date(2024, 4, 3)) == "3 April 2024"
    assert in_words(date(2021, 12, 31)) == "31 December 2021"


def test_the_command_line_shows_her_dates_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(UNCLEAR)
    result = invoke(["analyze", str(path)])
    assert result.exit_code == 2
    shown = " ".join(result.output.split())
    assert "say which with --dayfirst or --monthfirst" in shown
    assert "03/04/2024 is 3 April 2024 with --dayfirst, or 4 March 2024 with --monthfirst" in shown
    assert "07/08/2024 is 7 August 2024 with --dayfirst, or 8 July 2024 with --monthfirst" in shown
