from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from anew.guide.rendering import count_links, render_response

# A corpus of classic XSS payloads, as raw HTML and smuggled through Markdown.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    '[x](https://ok.org "title" onmouseover=alert(1))',
    '<https://ok.org/"onmouseover="alert(1)>',
    "![img](https://ok.org/x.png)",
    "<style>body{display:none}</style>",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<object data="javascript:alert(1)"></object>',
    "<form action=javascript:alert(1)><button>x</button></form>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "> <script>alert(1)</script>",
    "- <img src=x onerror=alert(1)>",
    "<a href='https://ok.org' onclick='alert(1)'>x</a>",
    "<scr<script>ipt>alert(1)</script>",
    "<details open ontoggle=alert(1)>",
    "[a](https://ok.org)<!-- --><script>alert(1)</script>",
]
ALLOWED = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre"}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_payload_comes_out_inert(payload: str) -> None:
    html = render_response(payload)
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in ALLOWED, html
        for name, value in tag.attrs.items():
            assert not name.startswith("on"), html
            assert name in ("href", "rel"), html
            if name == "href":
                assert re.match(r"^(https?:|mailto:)", value, re.IGNORECASE), html


def test_links_get_nofollow_ugc() -> None:
    html = render_response("see [my blog](https://example.org)")
    link = BeautifulSoup(html, "html.parser").a
    assert link is not None
    assert link["href"] == "https://example.org"
    assert {"nofollow", "ugc"} <= set(link["rel"])


def test_a_small_markdown_subset_is_kept() -> None:
    html = render_response("Thank you *so* much\n\n- one\n- two\n\n> a quote")
    assert "<em>so</em>" in html
    assert "<li>one</li>" in html
    assert "<blockquote>" in html


def test_links_are_counted_however_they_are_written() -> None:
    assert count_links("see https://a.org, [b](http://b.org) and www.c.org") == 3
    assert count_links("no links here") == 0
