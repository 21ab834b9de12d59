"""Shapes shared by the API's endpoints."""

from __future__ import annotations

from pydantic import BaseModel


class Problem(BaseModel):
    """An error answer: what went wrong, in words a person can read."""

    detail: str


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    401: {"model": Problem, "description": "Missing, wrong, revoked or expired credentials"},
}
