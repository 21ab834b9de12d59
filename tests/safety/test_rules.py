from __future__ import annotations

import pytest

from anew.safety.questions import QUESTIONS
from anew.safety.rules import AnswerError, assess

DANGER_IDS = [q.id for q in QUESTIONS if q.level == "danger"]
CONCERN_IDS = [q.id for q in QUESTIONS if q.level == "concern"]


def answers(*yes: str) -> dict[str, str]:
    return {q.id: "yes" if q.id in yes else "no" for q in QUESTIONS}


def test_every_question_is_worded_so_that_yes_is_the_worrying_answer() -> None:
    assert len(QUESTIONS) >= 10
    areas = {q.area for q in QUESTIONS}
    for area in ("fear", "control", "isolation", "monitoring", "threats", "stalking"):
        assert area in areas
    assert all(q.text.endswith("?") and q.why for q in QUESTIONS)


def test_no_to_everything_is_clear() -> None:
    result = assess(answers())
    assert result.result == "clear"
    assert result.reasons == ()
    assert not result.safety_mode


@pytest.mark.parametrize("question", DANGER_IDS)
def test_any_sign_of_violence_threats_or_stalking_is_danger(question: str) -> None:
    result = assess(answers(question))
    assert result.result == "danger"
    assert [q.id for q in result.reasons] == [question]
    assert result.safety_mode


@pytest.mark.parametrize("question", CONCERN_IDS)
def test_one_sign_of_fear_or_control_is_concerns(question: str) -> None:
    result = assess(answers(question))
    assert result.result == "concerns"
    assert result.safety_mode


def test_control_without_fear_stays_concerns_however_many_signs() -> None:
    others = [q for q in CONCERN_IDS if q != "afraid"]
    assert assess(answers(*others)).result == "concerns"


def test_fear_with_one_more_sign_is_concerns_and_with_two_is_danger() -> None:
    assert assess(answers("afraid", "money")).result == "concerns"
    assert assess(answers("afraid", "money", "phone")).result == "danger"


def test_the_reasons_keep_the_order_she_saw_the_questions_in() -> None:
    result = assess(answers("stalking", "afraid", "phone"))
    assert [q.id for q in result.reasons] == ["afraid", "phone", "stalking"]


def test_a_missing_answer_names_the_question() -> None:
    given = answers()
    del given["choking"]
    with pytest.raises(AnswerError) as raised:
        assess(given)
    assert raised.value.question == "choking"


def test_an_answer_other_than_yes_or_no_names_the_question() -> None:
    with pytest.raises(AnswerError, match="'money' must be yes or no") as raised:
        assess({**answers(), "money": "sometimes"})
    assert raised.value.question == "money"


def test_an_unknown_question_is_refused() -> None:
    with pytest.raises(AnswerError) as raised:
        assess({**answers(), "mood": "no"})
    assert raised.value.question == "mood"
