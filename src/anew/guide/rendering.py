"""Responses as safe HTML: a small Markdown subset, then nh3 (the Ammonia sanitiser) on top."""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def _markdown() -> MarkdownIt:
    # No raw HTML, no images, no headings or tables: a response is a few paragraphs and links.
    return (
        MarkdownIt("zero", {"html": False, "linkify": False, "breaks": True})
        .enable(["emphasis", "link", "list", "blockquote", "backticks", "fence", "newline"])
        .enable(["escape", "autolink"])
    )


def render_response(body: str) -> str:
    """Markdown to HTML that can go straight into a page: every link gets rel="nofollow ugc"."""
    html = _markdown().render(body)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )


def count_links(*texts: str) -> int:
    """How many web addresses the texts carry (as written, linked or not)."""
    return sum(len(LINK.findall(text)) for text in texts)
