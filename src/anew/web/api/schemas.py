"""Shapes shared by the API's endpoints."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, field_validator


class Problem(BaseModel):
    """An error answer: what went wrong, in words a person can read."""

    detail: str


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Missing, wrong, revoked or expired credentials"},
}

# For endpoints that take a body: bytes that are not JSON (or not a form) are refused with 400.
BAD_BODY: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The body could not be read"},
}


# For endpoints where a bearer token is optional (anonymous callers are welcome): adds the
# empty security requirement next to the bearer one, so the document says "token or none".
OPTIONAL_AUTH: dict[str, Any] = {"security": [{}]}


class ApiModel(BaseModel):
    """A request body. Text may not carry NUL characters: no database can store them."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value
