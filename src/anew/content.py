"""The data files an admin may replace or extend (help resources, quizzes and guide articles) and
the path's cards, all checked before the server starts serving."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from anew.config import ConfigError, Settings
from anew.guide.articles import BUILT_IN_DIR as ARTICLES_DIR
from anew.guide.articles import Article, ArticleError, load_articles
from anew.method.path.cards import CardError, Deck, deck
from anew.quizzes.engine import BUILT_IN_DIR as QUIZZES_DIR
from anew.quizzes.engine import Quiz, QuizError, load_quizzes
from anew.safety.resources import BUILT_IN, Resources, ResourcesError, load_resources


@dataclass(frozen=True)
class Content:
    resources: Resources
    quizzes: dict[str, Quiz]
    articles: list[Article]
    path: Deck


def _folders(built_in: Path, extra: Path | None) -> list[Path]:
    """The built-in folder, then the admin's (whose files win on a shared name)."""
    return [built_in, *([extra] if extra else [])]


def load_content(settings: Settings) -> Content:
    """Load everything, turning a bad file into a ConfigError that names the file and the entry."""
    try:
        return Content(
            resources=load_resources(settings.help_resources_file or BUILT_IN),
            quizzes=load_quizzes(_folders(QUIZZES_DIR, settings.quizzes_dir)),
            articles=load_articles(_folders(ARTICLES_DIR, settings.guide_dir)),
            path=deck(),
        )
    except (QuizError, ResourcesError, ArticleError, CardError) as error:
        raise ConfigError(str(error)) from None
