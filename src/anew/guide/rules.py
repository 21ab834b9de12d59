"""The rules every response meets, whether it comes from the form or the API.

Field checks first (each field gets its own message), then the spam rules: links, the block list,
exact duplicates, and rate limits per address and per email kept as database counters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from anew.guide.models import BlockedTerm, GuideResponse
from anew.guide.rendering import count_links
from anew.ratelimit import RateLimit, is_limited, record_hit

MAX_LINKS = 2
MAX_BODY = 5000
PER_ADDRESS = RateLimit("response-address", limit=5, window_seconds=10 * 60)
PER_EMAIL = RateLimit("response-email", limit=10, window_seconds=60 * 60)


@dataclass
class Refusal(Exception):
    """Why a response can't be taken: a message per field ("form" for the whole), kindly worded."""

    errors: dict[str, str] = field(default_factory=dict)
    status_code: int = 422
    retry_after: int | None = None

    def __str__(self) -> str:
        return "; ".join(f"{name}: {message}" for name, message in self.errors.items())


@dataclass(frozen=True)
class Fields:
    """A response as posted, already stripped of outer spaces."""

    name: str
    email: str
    website: str
    body: str


def _website(value: str) -> str:
    if not value:
        return ""
    candidate = value if "://" in value else f"https://{value}"
    parts = urlsplit(candidate)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or len(candidate) > 300:
        raise ValueError(
            "Please give a web address such as https://example.org, or leave it empty."
        )
    return candidate


def _breaks_a_line(text: str) -> bool:
    """A line break of any kind, or another control character (a tab, an escape)."""
    return any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in text)


def check_fields(name: str, email: str, website: str, body: str) -> Fields:
    """Required fields and formats; raises Refusal naming every field at fault."""
    errors: dict[str, str] = {}
    name, email, website, body = name.strip(), email.strip(), website.strip(), body.strip()
    if not name:
        errors["name"] = "Please tell us your name (any name you like)."
    elif len(name) > 100:
        errors["name"] = "Please keep your name under 100 characters."
    elif _breaks_a_line(name):
        # The name goes into the coach's notification email's subject, where a line break would
        # end the header (and stop the email); it is refused here, where she can fix it.
        errors["name"] = "Please write your name on one line, without line breaks or tabs."
    if not email:
        errors["email"] = "Please give your email. It is never shown to anyone."
    else:
        try:
            email = validate_email(email, check_deliverability=False).normalized.lower()
        except EmailNotValidError:
            errors["email"] = "That doesn't look like an email address. Could you check it?"
    try:
        website = _website(website)
    except ValueError as error:
        errors["website"] = str(error)
    if not body:
        errors["body"] = "Please write your response."
    elif len(body) > MAX_BODY:
        errors["body"] = f"Please keep your response under {MAX_BODY} characters."
    if any("\x00" in value for value in (name, email, website, body)):
        errors["form"] = "Your response contains a character that can't be saved."
    if errors:
        raise Refusal(errors)
    return Fields(name, email, website, body)


def _blocked(db: Session, fields: Fields, address: str) -> bool:
    terms = db.scalars(select(BlockedTerm)).all()
    text = f"{fields.name}\n{fields.website}\n{fields.body}".casefold()
    domain = "@" + fields.email.rsplit("@", 1)[-1]
    for term in terms:
        value = term.value.casefold()
        if term.kind == "word" and value in text:
            return True
        if term.kind == "email" and value in (fields.email, domain):
            return True
        if term.kind == "address" and value == address:
            return True
    return False


def _duplicate(db: Session, slug: str, fields: Fields) -> bool:
    query = select(func.count()).where(
        GuideResponse.article_slug == slug,
        GuideResponse.email == fields.email,
        GuideResponse.body == fields.body,
    )
    return bool(db.scalar(query))


def check_spam(db: Session, slug: str, fields: Fields, *, address: str, now: datetime) -> None:
    """Links, block list, duplicates and rates; counts this attempt against the rate limits."""
    if count_links(fields.body) > MAX_LINKS:
        raise Refusal(
            {"body": f"Please keep to {MAX_LINKS} links or fewer; the rest can go in words."}
        )
    if _blocked(db, fields, address):
        raise Refusal({"form": "Sorry, this response can't be published here."})
    if _duplicate(db, slug, fields):
        raise Refusal({"body": "You've already sent exactly this response. Thank you!"})
    for rule, subject in ((PER_ADDRESS, address), (PER_EMAIL, fields.email)):
        if is_limited(db, rule, subject, now):
            raise Refusal(
                {"form": "That's a lot of responses in a short time. Please try again later."},
                status_code=429,
                retry_after=rule.retry_after(now),
            )
    for rule, subject in ((PER_ADDRESS, address), (PER_EMAIL, fields.email)):
        record_hit(db, rule, subject, now)
