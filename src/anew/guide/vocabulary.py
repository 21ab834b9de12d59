"""The guide's words: where a response stands, and what the block list holds."""

from __future__ import annotations

from anew.vocabulary import Vocabulary


class ResponseStatus(Vocabulary):
    PENDING = "pending", "Awaiting moderation"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    SPAM = "spam", "Spam"


class BlockKind(Vocabulary):
    WORD = "word", "Words"
    ADDRESS = "address", "Addresses"
    EMAIL = "email", "Emails and @domains"
