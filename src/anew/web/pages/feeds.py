"""Machine-readable views of the public site: the guide's Atom feed and the sitemap."""

from __future__ import annotations

from datetime import UTC, datetime, time
from xml.etree import ElementTree as ET

from fastapi import Request
from starlette.responses import Response

from anew.guide.articles import Article
from anew.web.http.deps import public_base
from anew.web.http.segment_router import SegmentRouter

router = SegmentRouter(include_in_schema=False)
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
PUBLIC_PAGES = ("/", "/guide", "/quizzes", "/safety-check", "/safety/help")


def _stamp(article: Article) -> str:
    return datetime.combine(article.meta.date, time(0), tzinfo=UTC).isoformat()


def _xml(root: ET.Element, media_type: str) -> Response:
    body = ET.tostring(root, encoding="unicode", xml_declaration=True)
    return Response(body, media_type=media_type)


@router.get("/guide/feed.xml")
def atom_feed(request: Request) -> Response:
    articles: list[Article] = request.app.state.articles
    base = public_base(request)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "The Anew guide"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{base}/guide"
    ET.SubElement(feed, f"{{{ATOM}}}link", href=f"{base}/guide/feed.xml", rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=f"{base}/guide")
    newest = max((_stamp(a) for a in articles), default=datetime.now(UTC).isoformat())
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = newest
    for article in articles:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = f"{base}/guide/{article.slug}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = article.meta.title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url
        ET.SubElement(entry, f"{{{ATOM}}}link", href=url)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(article)
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = article.meta.author
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = article.meta.summary
        ET.SubElement(entry, f"{{{ATOM}}}content", type="html").text = article.html
    return _xml(feed, "application/atom+xml")


@router.get("/sitemap.xml")
def sitemap(request: Request) -> Response:
    articles: list[Article] = request.app.state.articles
    base = public_base(request)
    ET.register_namespace("", SITEMAP)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    places: list[tuple[str, str | None]] = [(path, None) for path in PUBLIC_PAGES]
    places += [(f"/guide/{a.slug}", a.meta.date.isoformat()) for a in articles]
    for path, modified in places:
        url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = f"{base}{path}"
        if modified:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = modified
    return _xml(urlset, "application/xml")
