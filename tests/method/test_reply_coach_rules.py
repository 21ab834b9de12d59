from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from anew.method.reply_coach.rules import reply_window, when_words

PARIS = ZoneInfo("Europe/Paris")
RECEIVED = datetime(2026, 11, 26, 18, 0, tzinfo=PARIS)


def _advice(**kw: object) -> object:
    defaults: dict[str, object] = {
        "his_words": 12,
        "received_at": RECEIVED,
        "now": RECEIVED,
        "time_zone": "Europe/Paris",
        "stage": "reconnecting",
    }
    return reply_window(**{**defaults, **kw})  # type: ignore[arg-type]


def test_during_no_contact_the_coach_says_no_need_to_reply() -> None:
    advice = _advice(stage="no-contact", days_left=9)
    assert advice.verdict == "dont_reply"  # type: ignore[attr-defined]
    assert "9 days of your no-contact remain" in advice.reasons[0]  # type: ignore[attr-defined]
    assert _advice(stage="no-contact", logistics=True).verdict == "wait"  # type: ignore[attr-defined]


def test_she_waits_as_long_as_he_usually_does_but_at_least_an_hour() -> None:
    assert _advice(his_median_reply=3 * 3600).earliest == RECEIVED + timedelta(hours=3)  # type: ignore[attr-defined]
    assert _advice(his_median_reply=60).earliest == RECEIVED + timedelta(hours=1)  # type: ignore[attr-defined]
    default = _advice()
    assert default.earliest == RECEIVED + timedelta(hours=2)  # type: ignore[attr-defined]
    assert "No imported chat yet" in default.reasons[0]  # type: ignore[attr-defined]


def test_never_between_eleven_at_night_and_seven_in_the_morning() -> None:
    late = _advice(received_at=datetime(2026, 11, 26, 22, 30, tzinfo=PARIS), his_median_reply=3600)
    assert late.earliest == datetime(2026, 11, 27, 7, 0, tzinfo=PARIS)  # type: ignore[attr-defined]
    early = _advice(received_at=datetime(2026, 11, 27, 3, 0, tzinfo=PARIS))
    assert early.earliest == datetime(2026, 11, 27, 7, 0, tzinfo=PARIS)  # type: ignore[attr-defined]


def test_the_verdict_turns_to_reply_now_once_the_time_has_come() -> None:
    assert _advice(now=RECEIVED + timedelta(hours=1)).verdict == "wait"  # type: ignore[attr-defined]
    advice = _advice(now=(RECEIVED + timedelta(hours=2)).astimezone(UTC))
    assert advice.verdict == "reply_now"  # type: ignore[attr-defined]
    assert advice.max_words == 12  # type: ignore[attr-defined]
    assert any("ends the conversation" in r for r in advice.reasons)  # type: ignore[attr-defined]
    assert len(advice.closing_lines) >= 3  # type: ignore[attr-defined]


def test_the_earliest_time_says_today_or_tomorrow_in_words() -> None:
    thursday = datetime(2026, 11, 26, 9, 0, tzinfo=PARIS)  # a Thursday
    assert when_words(thursday.replace(hour=11, minute=4), thursday) == "today at 11:04"
    assert when_words(thursday + timedelta(hours=22), thursday) == "tomorrow at 07:00"
    assert when_words(thursday + timedelta(days=3), thursday) == "Sunday at 09:00"
    later = when_words(thursday + timedelta(days=8), thursday)
    assert later == "Friday 4 December at 09:00"
