"""How the answers become a result: clear, concerns or danger. Plain rules, explained to her."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from anew.safety.questions import QUESTIONS, QUESTIONS_BY_ID, Question
from anew.safety.vocabulary import SafetyResult

# Fear together with this many other signs of control is treated as danger even without violence.
FEAR_WITH_CONTROL = 2

RULES = (
    "Any yes about threats, a weapon, physical or sexual violence, choking, threats of self-harm "
    "or stalking since the breakup means danger.",
    f"Being afraid of him together with at least {FEAR_WITH_CONTROL} other signs of control "
    "(money, whom you see, isolation, monitoring, put-downs) also means danger: controlling "
    "behaviour you fear is serious even when there has been no violence.",
    "Any other yes means concerns.",
    "No to every question means clear.",
)


class AnswerError(ValueError):
    """An answer is missing, unknown or not yes/no; `question` names the one at fault."""

    def __init__(self, question: str, message: str) -> None:
        super().__init__(message)
        self.question = question


@dataclass(frozen=True)
class Assessment:
    """The result and the questions behind it, in the order she saw them."""

    result: SafetyResult
    reasons: tuple[Question, ...]

    @property
    def safety_mode(self) -> bool:
        """Concerns and danger both switch the win-back coaching off."""
        return self.result != SafetyResult.CLEAR


def validate(answers: Mapping[str, str]) -> dict[str, str]:
    """Every question answered with yes or no, and nothing else; raises AnswerError otherwise."""
    for key in answers:
        if key not in QUESTIONS_BY_ID:
            raise AnswerError(key, f"There is no question {key!r} in the safety check.")
    clean: dict[str, str] = {}
    for question in QUESTIONS:
        value = answers.get(question.id)
        if value is None:
            raise AnswerError(question.id, f"Please answer the question {question.id!r}.")
        if value not in ("yes", "no"):
            raise AnswerError(question.id, f"The answer to {question.id!r} must be yes or no.")
        clean[question.id] = value
    return clean


def assess(answers: Mapping[str, str]) -> Assessment:
    """Apply the rules in RULES to a complete set of answers."""
    clean = validate(answers)
    worrying = tuple(q for q in QUESTIONS if clean[q.id] == "yes")
    if any(q.level == "danger" for q in worrying):
        return Assessment(SafetyResult.DANGER, worrying)
    afraid = any(q.id == "afraid" for q in worrying)
    if afraid and len(worrying) - 1 >= FEAR_WITH_CONTROL:
        return Assessment(SafetyResult.DANGER, worrying)
    return Assessment(SafetyResult.CONCERNS if worrying else SafetyResult.CLEAR, worrying)
