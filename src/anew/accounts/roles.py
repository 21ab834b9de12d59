"""Roles, in a module of their own so the command line can name them without the database."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """What an account may do: members use the method, coaches publish and moderate."""

    MEMBER = "member"
    COACH = "coach"
    ADMIN = "admin"


# Coaches and admins run the guide: they moderate, reply as its author and see quiz counts.
STAFF = frozenset({Role.COACH.value, Role.ADMIN.value})
