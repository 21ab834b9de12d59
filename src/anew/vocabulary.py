"""The base of every closed list of words Anew stores (life areas, contact channels, ...): one
StrEnum per list, each word with the label people read, so the database's check constraint, the
form's choices, the API's schema and the templates are all built from the same place."""

from __future__ import annotations

from enum import StrEnum


class Vocabulary(StrEnum):
    """A StrEnum whose members are written `NAME = "stored-value", "Label people read"`, with an
    optional third string: a hint that says more about the word."""

    label: str
    hint: str

    def __new__(cls, value: str, label: str = "", hint: str = "") -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value
        member.hint = hint
        return member

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """The stored values, in order (for check constraints)."""
        return tuple(member.value for member in cls)

    @classmethod
    def choices(cls) -> dict[str, str]:
        """Stored value to label, in order (for form choices and templates)."""
        return {member.value: member.label for member in cls}
