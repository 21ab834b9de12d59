"""Load, check and score quizzes. A quiz is a TOML file; its name (without .toml) is its slug.

Each answer adds weights to outcomes; the outcome with the most points wins, and ties go to the
outcome listed first in `tie_break`.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

BUILT_IN_DIR = Path(__file__).parent
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
ID = r"^[A-Za-z0-9_-]{1,50}$"


class QuizError(ValueError):
    """A quiz file is not usable; the message names the file, the question and the answer."""


class AnswerError(ValueError):
    """A submitted answer is missing or unknown; `question` names the question at fault."""

    def __init__(self, question: str, message: str) -> None:
        super().__init__(message)
        self.question = question


class Option(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID)
    label: str = Field(min_length=1, max_length=300)
    weights: dict[str, int] = Field(default_factory=dict)


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID)
    text: str = Field(min_length=1, max_length=500)
    multiple: bool = False
    options: tuple[Option, ...] = Field(min_length=2)


class Outcome(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID)
    title: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=5000)
    step: int = Field(ge=1, le=6, description="The step of the method to start with")


class Quiz(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: str = ""
    title: str = Field(min_length=1, max_length=200)
    intro: str = Field(default="", max_length=2000)
    tie_break: tuple[str, ...]
    outcomes: tuple[Outcome, ...] = Field(min_length=2)
    questions: tuple[Question, ...] = Field(min_length=1)

    def outcome(self, outcome_id: str) -> Outcome | None:
        """The outcome with this id, if the quiz has it."""
        return next((o for o in self.outcomes if o.id == outcome_id), None)


def _describe(data: Mapping[str, Any], location: Sequence[int | str]) -> str:
    """Turn a pydantic location into words: question 'q2', answer 'b', field 'weights'."""
    singular = {"questions": "question", "options": "answer", "outcomes": "outcome"}
    parts: list[str] = []
    node: Any = data
    for key in location:
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            node = node[key]
            label = node.get("id") if isinstance(node, dict) else None
            name = singular.get(parts[-1].removeprefix("field ").strip("'"), parts[-1])
            parts[-1] = f"{name} {label!r}" if label else f"{name} #{key + 1}"
            continue
        parts.append(f"field {key!r}")
        node = node.get(key) if isinstance(node, dict) else None
    return ", ".join(parts) or "the file"


def _duplicates(ids: Iterable[str]) -> list[str]:
    return sorted(key for key, count in Counter(ids).items() if count > 1)


def _check(quiz: Quiz, where: str) -> None:
    outcome_ids = [o.id for o in quiz.outcomes]
    if dupes := _duplicates(outcome_ids):
        raise QuizError(f"{where}: outcome {dupes[0]!r} is defined twice")
    if sorted(quiz.tie_break) != sorted(outcome_ids):
        raise QuizError(f"{where}: tie_break must list every outcome exactly once")
    if dupes := _duplicates(q.id for q in quiz.questions):
        raise QuizError(f"{where}: question {dupes[0]!r} is defined twice")
    for question in quiz.questions:
        if dupes := _duplicates(o.id for o in question.options):
            raise QuizError(f"{where}: question {question.id!r}: answer {dupes[0]!r} is twice")
        for option in question.options:
            for target, weight in option.weights.items():
                place = f"{where}: question {question.id!r}, answer {option.id!r}"
                if target not in outcome_ids:
                    raise QuizError(f"{place}: weights name an unknown outcome {target!r}")
                if weight < 0:
                    raise QuizError(f"{place}: weight for {target!r} must not be negative")


def load_quiz(path: Path) -> Quiz:
    """Read one quiz file, checking everything a quiz needs before anyone can take it."""
    slug = path.stem
    if not SLUG.match(slug):
        raise QuizError(f"{path}: the file name must be lowercase letters, digits and dashes")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise QuizError(f"{path}: cannot be read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise QuizError(f"{path}: {error}") from None
    try:
        quiz = Quiz.model_validate({**data, "slug": slug})
    except ValidationError as error:
        first = error.errors()[0]
        raise QuizError(f"{path}: {_describe(data, first['loc'])}: {first['msg']}") from None
    _check(quiz, str(path))
    return quiz


def load_quizzes(folders: Sequence[Path]) -> dict[str, Quiz]:
    """Every quiz in the folders, in order; a later folder's quiz replaces one with its slug."""
    quizzes: dict[str, Quiz] = {}
    for folder in folders:
        if not folder.is_dir():
            raise QuizError(f"{folder}: is not a folder of quizzes")
        for path in sorted(folder.glob("*.toml")):
            quiz = load_quiz(path)
            quizzes[quiz.slug] = quiz
    return quizzes


def chosen_options(question: Question, answer: str | Sequence[str] | None) -> list[Option]:
    """The options an answer picks; AnswerError when it is missing, unknown or one too many."""
    if answer is None or answer == [] or answer == "":
        raise AnswerError(question.id, f"Please answer the question {question.id!r}.")
    picked = [answer] if isinstance(answer, str) else list(answer)
    if not question.multiple and len(picked) > 1:
        raise AnswerError(question.id, f"The question {question.id!r} takes one answer.")
    if len(set(picked)) != len(picked):
        raise AnswerError(question.id, f"An answer to {question.id!r} is given twice.")
    by_id = {option.id: option for option in question.options}
    unknown = [p for p in picked if p not in by_id]
    if unknown:
        raise AnswerError(
            question.id, f"The question {question.id!r} has no answer {unknown[0]!r}."
        )
    return [by_id[p] for p in picked]


def score(quiz: Quiz, answers: Mapping[str, str | Sequence[str]]) -> Outcome:
    """The outcome these answers lead to; every question must be answered."""
    for key in answers:
        if not any(q.id == key for q in quiz.questions):
            raise AnswerError(key, f"There is no question {key!r} in this quiz.")
    totals = dict.fromkeys(quiz.tie_break, 0)
    for question in quiz.questions:
        for option in chosen_options(question, answers.get(question.id)):
            for outcome_id, weight in option.weights.items():
                totals[outcome_id] += weight
    best = max(totals.values())
    winner = next(o for o in quiz.tie_break if totals[o] == best)
    outcome = quiz.outcome(winner)
    assert outcome is not None  # tie_break lists exactly the outcomes (checked at load)
    return outcome
