"""Step 1's words: who reached out, how, and what became of a period."""

from __future__ import annotations

from anew.vocabulary import Vocabulary


class Initiator(Vocabulary):
    """Who reached out; the form asks about him first, the likelier answer."""

    HIM = "him", "He did"
    ME = "me", "I did"


class Channel(Vocabulary):
    TEXT = "text", "Text or chat"
    CALL = "call", "Call"
    SOCIAL_MEDIA = "social_media", "Social media"
    IN_PERSON = "in_person", "In person"
    THROUGH_FRIENDS = "through_friends", "Through friends"
    OTHER = "other", "Something else"


class PeriodStatus(Vocabulary):
    """How a stored period stands; a running one is also shown as paused or completed."""

    ACTIVE = "active"
    BROKEN = "broken"
    STOPPED = "stopped"
