from __future__ import annotations

from datetime import UTC, datetime

from anew.method.reply_coach.adherence import before_and_after, contacts_chart


def test_no_contacts_draw_no_chart_and_gaps_between_months_show() -> None:
    assert contacts_chart([]) is None
    chart = contacts_chart(
        [(datetime(2026, 9, 3, tzinfo=UTC), "me"), (datetime(2026, 11, 3, tzinfo=UTC), "him")]
    )
    assert chart is not None
    assert "October 2026" in chart  # the quiet month is shown, not skipped
    assert "You reached out, September 2026: 1" in chart
    assert "He reached out, November 2026: 1" in chart


def test_before_and_after_reads_her_side_of_the_split() -> None:
    part = {
        "conversations": 4,
        "reply_seconds": {"Ana": {"median": 600.0}, "Sam": {"median": 60.0}},
        "initiated": {"Ana": 3, "Sam": 1},
        "ended": {"Ana": 1, "Sam": 3},
    }
    empty = {"conversations": 0, "reply_seconds": {}, "initiated": {}, "ended": {}}
    rows = before_and_after({"before": part, "after": empty}, "Ana")
    assert rows[0] == {
        "when": "before",
        "conversations": 4,
        "my_median_reply_seconds": 600.0,
        "share_i_started": 0.75,
        "share_i_ended": 0.25,
    }
    assert rows[1]["share_i_started"] is None
