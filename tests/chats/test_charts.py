from __future__ import annotations

from typing import Any

import pytest

from anew.chats.charts import MAX_MONTHS, initiations_chart, month_range
from anew.method.reply_coach.adherence import reply_speed_chart


def report_with_months(*months: str) -> dict[str, Any]:
    return {
        "participants": ["Ana", "Sam"],
        "by_month": [
            {
                "month": month,
                "messages": {"Ana": 1},
                "initiated": {"Ana": 1},
                "ended": {"Sam": 1},
                "reply_median_seconds": {"Ana": 60.0},
            }
            for month in months
        ],
    }


@pytest.mark.parametrize(
    ("first", "last"), [("2024-01", "ÿ"), ("ÿ", "2024-01"), ("2024-13", "2025-01")]
)
def test_a_label_that_is_not_a_month_is_refused_before_any_loop(first: str, last: str) -> None:
    with pytest.raises(ValueError, match="is not a month"):
        month_range(first, last)


def test_a_span_of_millennia_is_cut_to_the_last_hundred_years() -> None:
    labels = month_range("0001-01", "9999-12")
    assert len(labels) == MAX_MONTHS
    assert labels[-1] == "9999-12"
    assert month_range("2024-03", "2024-01") == []


def test_charts_of_a_stored_report_leave_out_labels_that_are_not_months() -> None:
    report = report_with_months("ÿ", "2024-01", "2024-03")
    svg = initiations_chart(report)
    assert "February 2024" in svg
    assert "ÿ" not in svg
    speed = reply_speed_chart(report)
    assert speed is not None
    assert "March 2024" in speed
    assert "ÿ" not in speed
