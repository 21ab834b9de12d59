"""What every face asks of the checker: refusals in one wording, and the stage verdicts that
still show what her words say."""

from __future__ import annotations

from datetime import datetime

import pytest

from anew.method.drafts.coach import EMPTY, MAX_CHARS, TOO_LONG, coach, readable, refusal
from anew.method.drafts.rules import Context


def test_an_empty_or_over_long_draft_is_refused_with_its_reason() -> None:
    assert refusal("") == EMPTY
    assert refusal(" \n\t ") == EMPTY
    assert refusal("x" * MAX_CHARS) is None
    assert refusal("x" * (MAX_CHARS + 1)) == TOO_LONG
    with pytest.raises(ValueError, match="nothing to look at"):
        coach("   ")
    with pytest.raises(ValueError, match="over 20,000 characters"):
        readable("x" * (MAX_CHARS + 1))
    assert readable(42) == 42  # not text: left for the field's own type to refuse


def test_during_no_contact_the_words_are_still_read() -> None:
    verdict = coach("I miss you so much!!", Context(stage="no-contact"))
    assert verdict.verdict == "dont_send"
    codes = [flag.code for flag in verdict.flags]
    assert codes[0] == "no_contact"
    assert {"needy", "intense"} <= set(codes[1:])
    assert verdict.suggestion is None


def test_in_safety_mode_nothing_is_said_about_when_to_send_him_anything() -> None:
    late = datetime(2026, 11, 26, 23, 30)
    verdict = coach("I miss you so much!!", Context(stage="safety", at=late, last_from="me"))
    codes = [flag.code for flag in verdict.flags]
    assert verdict.verdict == "dont_send"
    assert codes[0] == "safety"
    assert "needy" in codes
    assert "late_night" not in codes
    assert "double_text" not in codes
    assert verdict.suggestion is None


def test_logistics_during_no_contact_are_judged_on_their_words() -> None:
    verdict = coach("Sure, Saturday works.", Context(stage="no-contact", logistics=True))
    assert verdict.verdict == "send"
    assert verdict.flags == []
