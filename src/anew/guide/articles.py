"""Guide articles: Markdown files with YAML front matter, loaded and checked once at start-up."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from pydantic import BaseModel, ConfigDict, Field, ValidationError

BUILT_IN_DIR = Path(__file__).parent / "articles"
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


class ArticleError(ValueError):
    """An article file is not usable; the message names the file and the field."""


class FrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1, max_length=200)
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")
    summary: str = Field(min_length=1, max_length=300)
    author: str = Field(min_length=1, max_length=100)
    date: date
    order: int
    step: str | None = Field(default=None, description="The tool this article links to")


@dataclass(frozen=True)
class Article:
    """One article, with its body already rendered (trusted: it comes from the server's files)."""

    meta: FrontMatter
    html: str
    path: Path

    @property
    def slug(self) -> str:
        return self.meta.slug


def _markdown() -> MarkdownIt:
    # Articles are written by the site's own team, so tables and typographic quotes are welcome;
    # raw HTML stays off all the same.
    return MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(
        ["table", "replacements", "smartquotes"]
    )


def load_article(path: Path) -> Article:
    """Read one article, checking its front matter."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ArticleError(f"{path}: cannot be read ({error})") from None
    found = FRONT_MATTER.match(text)
    if not found:
        raise ArticleError(f"{path}: must start with front matter between two --- lines")
    try:
        data = yaml.safe_load(found.group(1))
    except yaml.YAMLError as error:
        raise ArticleError(f"{path}: the front matter is not valid YAML ({error})") from None
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "front matter"
        raise ArticleError(f"{path}: {where}: {first['msg']}") from None
    return Article(meta, _markdown().render(text[found.end() :]), path)


def load_articles(folders: Sequence[Path]) -> list[Article]:
    """Every article in the folders, in reading order; a later folder replaces a slug."""
    by_slug: dict[str, Article] = {}
    for folder in folders:
        if not folder.is_dir():
            raise ArticleError(f"{folder}: is not a folder of articles")
        for path in sorted(folder.glob("*.md")):
            article = load_article(path)
            by_slug[article.slug] = article
    return sorted(by_slug.values(), key=lambda a: (a.meta.order, a.meta.date, a.slug))
