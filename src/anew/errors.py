"""What a service refuses, in words a person can read; the web faces turn each into an answer.

Services raise these rather than HTTP errors, so the pages, the API and the command line can each
say it their own way: a 404 page or a JSON 404, a message under a form field or a 422 with its
location.
"""

from __future__ import annotations


class NotFound(LookupError):
    """Nothing of hers answers to this (also when it exists but is someone else's)."""

    def __init__(self, message: str = "There is no such thing here.") -> None:
        super().__init__(message)
        self.message = message


class Invalid(ValueError):
    """One field's value can't be taken; `field` names it as the form and the API call it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class Conflict(Exception):
    """The action clashes with what is already there (a period already running)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RateLimited(Exception):
    """Too many of something from one address or account; try again in `retry_after` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
