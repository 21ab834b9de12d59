"""Text a database can keep: neither SQLite's nor PostgreSQL's text holds a NUL character, so any
text that is stored is refused with one, with a reason, before it reaches them."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator


def storable(value: str) -> str:
    """`value` unchanged, or a ValueError where it holds a NUL character."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


StorableText = Annotated[str, AfterValidator(storable)]
