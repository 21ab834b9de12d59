"""Help resources by country: a TOML file shipped with Anew, which an admin can replace."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError

BUILT_IN = Path(__file__).with_name("resources.toml")
INTERNATIONAL = "international"


class ResourcesError(ValueError):
    """The resources file cannot be used; the message names the file and the entry."""


class Service(BaseModel):
    """One helpline or directory. At least a phone number or a web address."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=200)
    phone: str = Field(default="", max_length=60)
    text: str = Field(default="", max_length=100)
    web: HttpUrl | None = None
    hours: str = Field(default="", max_length=100)


class Country(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=100)
    emergency: str = Field(min_length=1, max_length=200)
    services: tuple[Service, ...] = Field(min_length=1)


class ResourceFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    countries: dict[str, Country]
    international: Country


@dataclass(frozen=True)
class Resources:
    """The loaded list: countries by two-letter code, plus the international directory."""

    countries: dict[str, Country]
    international: Country

    def for_country(self, code: str) -> list[tuple[str, Country]]:
        """Her country's help first (if listed), then the international directory."""
        found = self.countries.get(code.upper())
        picked = [(code.upper(), found)] if found else []
        return [*picked, (INTERNATIONAL, self.international)]

    def choices(self) -> list[tuple[str, str]]:
        """(code, name) for the country picker, sorted by name."""
        return sorted(((c, country.name) for c, country in self.countries.items()), key=_by_name)


def _by_name(item: tuple[str, str]) -> str:
    return item[1]


def _where(location: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in location)


@cache
def load_resources(path: Path = BUILT_IN) -> Resources:
    """Read and check a resources file; errors say which file, line or entry is at fault."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ResourcesError(f"{path}: cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise ResourcesError(f"{path}: {error}") from None
    try:
        parsed = ResourceFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise ResourcesError(f"{path}: {_where(first['loc'])}: {first['msg']}") from None
    for code, country in parsed.countries.items():
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            raise ResourcesError(f"{path}: countries.{code}: use a two-letter code such as GB")
        for index, service in enumerate(country.services):
            if not (service.phone or service.web):
                raise ResourcesError(
                    f"{path}: countries.{code}.services.{index}: give a phone number or a web "
                    "address"
                )
    return Resources(dict(parsed.countries), parsed.international)
