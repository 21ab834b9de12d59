from __future__ import annotations

from anew.chats.summary import reply_pace


def test_reply_times_are_said_in_words_not_as_a_percentile() -> None:
    said = reply_pace("Sam", 12 * 60, 3 * 3600)
    assert said == "Half of Sam's replies came within 12 min, and 9 in 10 within 3.0 h."
    assert "p90" not in said


def test_her_own_reply_times_speak_to_her() -> None:
    assert reply_pace("Ana", 45, 600, you=True) == (
        "Half of your replies came within 45 s, and 9 in 10 within 10 min."
    )


def test_someone_who_never_replied_is_said_so() -> None:
    assert reply_pace("Sam", None, None) == "Sam has no replies to measure yet."
    assert reply_pace("Ana", None, None, you=True) == "You have no replies to measure yet."
