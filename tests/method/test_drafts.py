from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from anew.method.draft_quality import evaluate
from anew.method.drafts import check_draft

DATA = Path(__file__).resolve().parents[1] / "data" / "drafts.jsonl"


def _codes(text: str, **context: object) -> set[str]:
    return {flag.code for flag in check_draft(text, **context).flags}  # type: ignore[arg-type]


def test_during_no_contact_the_answer_is_always_the_vault() -> None:
    verdict = check_draft("Sounds good, see you.", stage="no-contact")
    assert verdict.verdict == "dont_send"
    assert [flag.code for flag in verdict.flags] == ["no_contact"]
    assert check_draft("Pickup is at 4.", stage="no-contact", logistics=True).verdict == "send"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I still miss you, please come back.", "needy"),
        ("I'm so sorry about everything.", "apology"),
        ("How are you? Are you seeing someone?", "questions"),
        ("I've been crying since Sunday.", "overshare"),
        ("WHY ARE YOU DOING THIS", "intense"),
    ],
)
def test_each_flag_is_found_and_located(text: str, code: str) -> None:
    verdict = check_draft(text)
    flag = next(f for f in verdict.flags if f.code == code)
    assert verdict.verdict == "rewrite"
    assert flag.message
    if flag.start is not None:
        assert flag.end is not None
        assert text[flag.start : flag.end].strip()


def test_length_is_judged_against_his_message() -> None:
    short_his = "hey, you ok?"
    assert "too_long" in _codes(
        "I am fine, thank you, the week has been long but good in the end really",
        his_last=short_his,
    )
    assert "too_long" not in _codes("Fine thanks, busy week.", his_last=short_his)
    assert "too_long" in _codes(" ".join(["word"] * 51))


def test_timing_and_turn_taking_only_ask_her_to_wait() -> None:
    late = check_draft("See you tomorrow.", at=datetime(2026, 11, 26, 23, 30))
    assert late.verdict == "wait"
    assert check_draft("Did you get it.", last_from="me").verdict == "wait"
    assert (
        check_draft("See you tomorrow.", at=datetime(2026, 11, 26, 19, 0), last_from="him").verdict
        == "send"
    )


def test_everyday_messages_pass() -> None:
    for text in (
        "Happy birthday, hope it's a good one.",
        "Come back to the office whenever you like.",
        "Sure, 3pm.",
    ):
        assert check_draft(text).verdict == "send", text


def test_the_labelled_set_meets_the_quality_bar() -> None:
    for code, row in evaluate(DATA).items():
        assert row["precision"] >= 0.9, (code, row)
        assert row["recall"] >= 0.9, (code, row)
