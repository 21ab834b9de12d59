"""Validating HTML form posts with pydantic, keeping what was typed and a message per field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Generic, TypeVar

from fastapi import Depends
from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData

from anew.web.http.csrf import CSRF_FIELD
from anew.web.http.posted import posted_form

Model = TypeVar("Model", bound=BaseModel)


# Read in the event loop, so that the route that uses it can be a plain `def`: FastAPI runs those
# in its thread pool, where their queries and password hashing never hold up other requests.
PostedForm = Annotated[FormData, Depends(posted_form)]

# Passwords are never echoed back into a page, even to the person who typed them.
NEVER_ECHOED = frozenset({"password", "new_password", "current_password", "confirm_password"})

FRIENDLY_MESSAGES = {
    "missing": "Please fill this in.",
    "string_too_short": "Please fill this in.",
    "int_parsing": "Please enter a whole number.",
    "float_parsing": "Please enter a number.",
    "finite_number": "Please enter a number.",
}
# Bounds in words instead of pydantic's "Input should be greater than or equal to 0" or "String
# should have at most 200 characters".
BOUND_MESSAGES = {
    "greater_than_equal": "Please enter {ge} or more.",
    "less_than_equal": "Please enter {le} or less.",
    "string_too_long": "Please keep this to {max_length} characters or fewer.",
}


@dataclass
class FormResult(Generic[Model]):
    """The outcome of reading a form: the data when valid, else errors keyed by field name."""

    values: dict[str, str]
    data: Model | None = None
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.errors

    def add_error(self, name: str, message: str) -> None:
        """Attach a message to a field (or to the form as a whole with name "form")."""
        self.errors[name] = message
        self.data = None


def _number(value: object) -> str:
    """A bound as a person writes it: 0, 2.5, 10,000,000 (never 0.0 or 1e+07)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def _message(error: dict[str, object]) -> str:
    friendly = FRIENDLY_MESSAGES.get(str(error["type"]))
    if friendly:
        return friendly
    bound = BOUND_MESSAGES.get(str(error["type"]))
    context = error.get("ctx")
    if bound and isinstance(context, dict):
        return bound.format(**{name: _number(value) for name, value in context.items()})
    return str(error["msg"]).removeprefix("Value error, ")


def read_form(model: type[Model], form: FormData) -> FormResult[Model]:
    """Validate a posted form against a model; every text field is stripped of outer spaces."""
    raw = {
        key: value if key in NEVER_ECHOED else value.strip()
        for key, value in form.items()
        if isinstance(value, str) and key != CSRF_FIELD
    }
    values = {key: value for key, value in raw.items() if key not in NEVER_ECHOED}
    with_nul = [key for key, value in raw.items() if "\x00" in value]
    if with_nul:
        return FormResult(
            values=values,
            errors=dict.fromkeys(with_nul, "This contains a character that can't be saved."),
        )
    try:
        return FormResult(values=values, data=model.model_validate(raw))
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else "form"
            errors.setdefault(name, _message(dict(error)))
        return FormResult(values=values, errors=errors)
