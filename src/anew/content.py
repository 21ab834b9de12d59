"""The data files an admin may replace: help resources and quizzes, checked before serving."""

from __future__ import annotations

from pathlib import Path

from anew.config import ConfigError, Settings
from anew.quizzes.engine import BUILT_IN_DIR, Quiz, QuizError, load_quizzes
from anew.safety.resources import BUILT_IN, Resources, ResourcesError, load_resources


def quiz_folders(settings: Settings) -> list[Path]:
    """The built-in quizzes, then the admin's folder (whose quizzes win on a shared name)."""
    return [BUILT_IN_DIR, *([settings.quizzes_dir] if settings.quizzes_dir else [])]


def load_content(settings: Settings) -> tuple[Resources, dict[str, Quiz]]:
    """Load both, turning a bad file into a ConfigError that names the file and the entry."""
    try:
        resources = load_resources(settings.help_resources_file or BUILT_IN)
        quizzes = load_quizzes(quiz_folders(settings))
    except (QuizError, ResourcesError) as error:
        raise ConfigError(str(error)) from None
    return resources, quizzes
