from __future__ import annotations

from pathlib import Path

import pytest

from anew.quizzes.engine import BUILT_IN_DIR, AnswerError, QuizError, load_quiz, load_quizzes, score

QUIZ = """
title = "Which season are you?"
tie_break = ["summer", "winter"]

[[outcomes]]
id = "summer"
title = "Summer"
text = "Bright."
step = 4

[[outcomes]]
id = "winter"
title = "Winter"
text = "Calm."
step = 1

[[questions]]
id = "light"
text = "Light or dark?"

[[questions.options]]
id = "light"
label = "Light"
weights = { summer = 2 }

[[questions.options]]
id = "dark"
label = "Dark"
weights = { winter = 2 }

[[questions.options]]
id = "both"
label = "Both"
weights = { summer = 1, winter = 1 }

[[questions]]
id = "likes"
text = "What do you like?"
multiple = true

[[questions.options]]
id = "swim"
label = "Swimming"
weights = { summer = 1 }

[[questions.options]]
id = "ski"
label = "Skiing"
weights = { winter = 1 }
"""


def write(tmp_path: Path, text: str, name: str = "seasons.toml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.fixture
def quiz(tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_quiz(write(tmp_path, QUIZ))


def test_the_built_in_quiz_loads_with_its_promised_shape() -> None:
    quizzes = load_quizzes([BUILT_IN_DIR])
    quiz = quizzes["holding-you-back"]
    assert quiz.title == "What's holding you back from meeting Mr Right?"
    assert 10 <= len(quiz.questions) <= 15
    assert 4 <= len(quiz.outcomes) <= 5
    assert {o.step for o in quiz.outcomes} <= set(range(1, 7))


def test_every_outcome_of_the_built_in_quiz_can_be_reached() -> None:
    quiz = load_quizzes([BUILT_IN_DIR])["holding-you-back"]
    reached = set()
    for outcome in quiz.outcomes:
        answers = {}
        for question in quiz.questions:
            best = max(question.options, key=lambda o: o.weights.get(outcome.id, 0))
            answers[question.id] = [best.id] if question.multiple else best.id
        reached.add(score(quiz, answers).id)
    assert reached == {o.id for o in quiz.outcomes}


def test_the_highest_total_wins(quiz) -> None:  # type: ignore[no-untyped-def]
    assert score(quiz, {"light": "dark", "likes": ["swim"]}).id == "winter"
    assert score(quiz, {"light": "light", "likes": ["ski"]}).id == "summer"


def test_a_tie_goes_to_the_outcome_listed_first(quiz) -> None:  # type: ignore[no-untyped-def]
    assert score(quiz, {"light": "both", "likes": ["swim", "ski"]}).id == "summer"
    reordered = quiz.model_copy(update={"tie_break": ("winter", "summer")})
    assert score(reordered, {"light": "both", "likes": ["swim", "ski"]}).id == "winter"


def test_multiple_choice_adds_every_picked_answer(quiz) -> None:  # type: ignore[no-untyped-def]
    # 1 + 1 for winter against 1 for summer
    assert score(quiz, {"light": "both", "likes": ["ski"]}).id == "winter"


@pytest.mark.parametrize(
    ("answers", "question", "message"),
    [
        ({"likes": ["ski"]}, "light", "Please answer the question 'light'"),
        ({"light": "grey", "likes": ["ski"]}, "light", "has no answer 'grey'"),
        ({"light": ["light", "dark"], "likes": ["ski"]}, "light", "takes one answer"),
        ({"light": "light", "likes": []}, "likes", "Please answer"),
        ({"light": "light", "likes": ["ski", "ski"]}, "likes", "given twice"),
        ({"light": "light", "likes": ["ski"], "mood": "x"}, "mood", "no question 'mood'"),
    ],
)
def test_a_missing_or_unknown_answer_names_the_question(  # type: ignore[no-untyped-def]
    quiz, answers, question, message
) -> None:
    with pytest.raises(AnswerError, match=message) as raised:
        score(quiz, answers)
    assert raised.value.question == question


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("weights = { winter = 1 }", "weights = { autumn = 1 }"),
            "question 'likes', answer 'ski': weights name an unknown outcome 'autumn'",
        ),
        (
            ("weights = { winter = 1 }", "weights = { winter = -1 }"),
            "question 'likes', answer 'ski': weight for 'winter' must not be negative",
        ),
        (
            ('tie_break = ["summer", "winter"]', 'tie_break = ["summer"]'),
            "tie_break must list every outcome exactly once",
        ),
        (("step = 4", "step = 9"), "outcome 'summer', field 'step': Input should be less"),
        (('id = "ski"', 'id = "swim"'), "question 'likes': answer 'swim' is twice"),
        (
            ('text = "What do you like?"', 'txt = "What do you like?"'),
            "question 'likes', field 'text': Field required",
        ),
        (('label = "Skiing"\n', ""), "question 'likes', answer 'ski', field 'label': Field"),
    ],
)
def test_loading_errors_name_the_file_question_and_answer(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = write(tmp_path, QUIZ.replace(*change))
    with pytest.raises(QuizError) as raised:
        load_quiz(path)
    assert str(raised.value).startswith(str(path))
    assert message in str(raised.value)


def test_a_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, QUIZ + "\n[[questions\n")
    with pytest.raises(QuizError, match=r"seasons\.toml: .*line \d+"):
        load_quiz(path)


def test_the_file_name_must_make_a_clean_address(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="lowercase letters, digits and dashes"):
        load_quiz(write(tmp_path, QUIZ, name="My Quiz.toml"))


def test_an_admin_folder_adds_quizzes_and_replaces_same_named_ones(tmp_path: Path) -> None:
    write(tmp_path, QUIZ)
    write(tmp_path, QUIZ.replace("Which season are you?", "Mine"), name="holding-you-back.toml")
    quizzes = load_quizzes([BUILT_IN_DIR, tmp_path])
    assert quizzes["seasons"].title == "Which season are you?"
    assert quizzes["holding-you-back"].title == "Mine"
    with pytest.raises(QuizError, match="is not a folder"):
        load_quizzes([tmp_path / "missing"])
