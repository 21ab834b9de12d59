from __future__ import annotations

from datetime import date, datetime, timedelta

import polars as pl
import pytest

from anew.chats.metrics import Options, annotate, summarize
from anew.chats.model import Chat, finish
from anew.chats.report import CONTRACT_FIELDS, UnknownParticipant, analyze

T0 = datetime(2024, 3, 1, 9, 0)


def _chat(*rows: tuple[float, str, int]) -> Chat:
    """Rows of (minutes after T0, sender, words)."""
    frame = pl.DataFrame(
        {
            "timestamp": [T0 + timedelta(minutes=m) for m, _, _ in rows],
            "sender": [s for _, s, _ in rows],
            "kind": ["text"] * len(rows),
            "chars": [w * 4 for *_, w in rows],
            "words": [w for *_, w in rows],
            "text": [None] * len(rows),
        }
    )
    return Chat(format="test", messages=finish(frame, keep_text=False))


# Conversation 1: Ana starts, Sam replies after 10 min, Ana after 5, Sam ends after 30.
# Conversation 2 (7 h later): Sam starts again (he ended the last one: a double text),
# writes once more, and Ana ends it 60 min later.
CHAT = _chat(
    (0, "Ana", 3),
    (10, "Sam", 2),
    (15, "Ana", 1),
    (45, "Sam", 4),
    (45 + 7 * 60, "Sam", 2),
    (46 + 7 * 60, "Sam", 1),
    (106 + 7 * 60, "Ana", 5),
)


def test_conversations_start_after_the_gap_and_credit_their_initiator_and_ender() -> None:
    result = summarize(CHAT.messages, CHAT.participants, timedelta(hours=6))
    assert result["conversations"] == 2
    assert result["initiated"] == {"Ana": 1, "Sam": 1}
    assert result["ended"] == {"Ana": 1, "Sam": 1}
    assert result["double_texts"] == {"Ana": 0, "Sam": 1}
    assert result["messages"] == {"Ana": 3, "Sam": 4}
    assert result["words"] == {"Ana": 9, "Sam": 9}


def test_replies_are_measured_from_the_other_persons_last_message() -> None:
    result = summarize(CHAT.messages, CHAT.participants, timedelta(hours=6))
    # Ana replied after 5 and 60 min, Sam after 10 and 30 (his 46th-minute message follows his own).
    # p90 interpolates linearly, as numpy does: 300 + 0.9 * (3600 - 300) = 3270.
    assert result["reply_seconds"]["Ana"] == {"median": 1950.0, "p90": 3270.0, "count": 2}
    assert result["reply_seconds"]["Sam"] == {"median": 1200.0, "p90": 1680.0, "count": 2}


def test_a_longer_gap_joins_the_conversations() -> None:
    result = summarize(CHAT.messages, CHAT.participants, timedelta(hours=8))
    assert result["conversations"] == 1
    assert result["double_texts"] == {"Ana": 0, "Sam": 0}
    assert result["reply_seconds"]["Sam"]["count"] == 2


def test_messages_annotated_with_another_gap_are_annotated_again() -> None:
    six = annotate(CHAT.messages, timedelta(hours=6))
    assert annotate(six, timedelta(hours=6)) is six
    eight = annotate(six, timedelta(hours=8))
    assert summarize(six, CHAT.participants, timedelta(hours=6))["conversations"] == 2
    assert summarize(eight, CHAT.participants, timedelta(hours=8))["conversations"] == 1
    assert summarize(six, CHAT.participants, timedelta(hours=8))["conversations"] == 1


def test_a_silence_exactly_the_gap_long_starts_a_new_conversation() -> None:
    chat = _chat((0, "Ana", 1), (60, "Sam", 1))
    assert summarize(chat.messages, chat.participants, timedelta(hours=1))["conversations"] == 2
    assert summarize(chat.messages, chat.participants, timedelta(minutes=61))["conversations"] == 1


def test_the_report_holds_the_contract_fields_and_the_split() -> None:
    report = analyze(CHAT, me="Ana", options=Options(split=date(2024, 3, 1)))
    for key in (*CONTRACT_FIELDS, "by_hour", "by_weekday", "by_month"):
        assert key in report
    assert report["first"] == "2024-03-01T09:00:00"
    assert report["by_hour"]["Sam"][9] == 2
    assert report["by_weekday"]["Ana"]["Fri"] == 3
    assert report["by_month"][0]["month"] == "2024-03"
    assert report["split"]["before"]["conversations"] == 0
    assert report["split"]["after"]["conversations"] == 2


def test_me_must_be_a_participant() -> None:
    with pytest.raises(UnknownParticipant, match="'Ana', 'Sam'"):
        analyze(CHAT, me="Anna")


def test_nobody_replies_in_a_monologue() -> None:
    chat = _chat((0, "Ana", 1), (1, "Ana", 1))
    result = summarize(chat.messages, chat.participants, timedelta(hours=6))
    assert result["reply_seconds"]["Ana"] == {"median": None, "p90": None, "count": 0}


def test_charts_show_quiet_months_and_escape_names() -> None:
    from anew.chats.charts import initiations_chart, month_range

    assert month_range("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    chat = _chat((0, "<b>Ana</b>", 1), (60 * 24 * 62, "Sam", 1))
    svg = initiations_chart(analyze(chat))
    assert "April 2024" in svg  # the quiet month between, in words
    assert "<b>" not in svg
    assert "&lt;b&gt;Ana&lt;/b&gt;" in svg


def test_activity_counts_each_persons_messages_by_hour_and_weekday() -> None:
    # Names this process holds as categories already, in another order, must not swap anyone's
    # counts (Polars numbers categories once for every column that is alive).
    held = pl.Series(["Lev", "Noor"]).cast(pl.Categorical)
    lev, noor = held.to_physical().to_list()
    assert lev < noor  # while Noor writes first below
    rows = [(minutes, sender, 1) for minutes, sender in _WEEK_OF_MESSAGES]
    report = analyze(_chat(*rows))
    expected_hours = {"Noor": [0] * 24, "Lev": [0] * 24}
    expected_grid = [[0] * 24 for _ in range(7)]
    for minutes, sender in _WEEK_OF_MESSAGES:
        stamp = T0 + timedelta(minutes=minutes)
        expected_hours[sender][stamp.hour] += 1
        expected_grid[stamp.weekday()][stamp.hour] += 1
    assert report["by_hour"] == expected_hours
    assert report["by_weekday_hour"] == expected_grid
    assert report["by_weekday"]["Lev"] == {
        "Mon": 1,
        "Tue": 0,
        "Wed": 0,
        "Thu": 0,
        "Fri": 1,
        "Sat": 2,
        "Sun": 0,
    }


# (minutes after Friday 2024-03-01 09:00, sender): Friday, Saturday twice, Sunday, Monday.
_WEEK_OF_MESSAGES = [
    (0, "Noor"),
    (5, "Lev"),
    (24 * 60 + 14 * 60, "Lev"),
    (24 * 60 + 10 * 60, "Lev"),
    (2 * 24 * 60 + 60, "Noor"),
    (3 * 24 * 60 - 9 * 60, "Noor"),
    (3 * 24 * 60 + 13 * 60 + 59, "Lev"),
]
