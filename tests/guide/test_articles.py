from __future__ import annotations

from pathlib import Path

import pytest

from anew.guide.articles import BUILT_IN_DIR, ArticleError, load_article, load_articles

ARTICLE = """---
title: "A test article"
slug: test-article
summary: "What it is about."
author: Someone
date: 2026-11-27
order: 9
---
Hello *there*. <script>alert(1)</script>
"""


def test_the_guide_has_an_introduction_six_steps_and_a_closing() -> None:
    articles = load_articles([BUILT_IN_DIR])
    assert articles[0].slug == "introduction"
    assert articles[-1].slug == "familiar-and-new"
    steps = [a.meta.step for a in articles if a.meta.step]
    assert steps == [
        "no-contact",
        "reply-coach",
        "before-you-send",
        "new-you",
        "best-self",
        "new-look",
    ]


def test_each_step_article_links_to_its_tool() -> None:
    for article in load_articles([BUILT_IN_DIR]):
        if article.meta.step:
            assert f'href="/steps/{article.meta.step}"' in article.html, article.slug


def test_the_introduction_and_the_closing_send_her_to_the_safety_check() -> None:
    by_slug = {a.slug: a for a in load_articles([BUILT_IN_DIR])}
    for slug in ("introduction", "familiar-and-new"):
        assert 'href="/safety-check"' in by_slug[slug].html
    assert "Will he change too?" in by_slug["familiar-and-new"].html


def test_raw_html_in_an_article_is_never_passed_through(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE)
    article = load_article(path)
    assert "<script>" not in article.html
    assert "<em>there</em>" in article.html


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (ARTICLE.replace("slug: test-article\n", ""), "slug: Field required"),
        (ARTICLE.replace("2026-11-27", "someday"), "date: Input should be a valid date"),
        (ARTICLE.replace("slug: test-article", "slug: Test Article"), "slug: String should match"),
        (ARTICLE.replace("---\n", "", 1), "must start with front matter"),
        (ARTICLE.replace('title: "A test article"', "title: [unclosed"), "not valid YAML"),
    ],
)
def test_front_matter_errors_name_the_file_and_field(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "broken.md"
    path.write_text(text)
    with pytest.raises(ArticleError) as raised:
        load_article(path)
    assert str(raised.value).startswith(str(path))
    assert message in str(raised.value)


def test_an_admin_folder_adds_and_replaces_articles(tmp_path: Path) -> None:
    (tmp_path / "extra.md").write_text(ARTICLE)
    (tmp_path / "intro.md").write_text(
        ARTICLE.replace("test-article", "introduction").replace("order: 9", "order: 0")
    )
    articles = load_articles([BUILT_IN_DIR, tmp_path])
    slugs = [a.slug for a in articles]
    assert slugs.count("introduction") == 1
    assert articles[0].meta.title == "A test article"
    assert "test-article" in slugs
