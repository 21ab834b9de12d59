"""The path's cards, read once from the TOML files beside this module.

Three sets: `first` (one card for each of the first 60 days), `after` (a cycle for the time after,
whatever she decides) and `safety` (a cycle of its own while safety mode is on, about her alone).
A file that breaks a rule (a missing part, an unknown step or tool, a card about him in the safety
set) stops the app at start-up with the file and the card named.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from anew.method.path.tools import TOOLS, Tool
from anew.method.steps import STEPS_BY_SLUG

FOLDER = Path(__file__).with_name("cards")
FIRST_DAYS = 60
PARTS = ("title", "read", "do", "ask", "step", "tool")
# Words no safety card may hold: the safety path is about her, never about him or going back.
SAFETY_FORBIDDEN = (
    "him",
    "his",
    "he",
    "ex",
    "win back",
    "text him",
    "reconnect",
    "contact him",
    "get back together",
    "boyfriend",
    "partner",
)


class CardError(ValueError):
    """A card file that cannot be used, with the file and the card at fault."""


@dataclass(frozen=True)
class Card:
    """One day's card: a title, a minute's reading, one thing to do and one question."""

    key: str
    title: str
    read: str
    do: str
    ask: str
    step: str
    tool: Tool


@dataclass(frozen=True)
class Deck:
    """All three sets, in order."""

    first: tuple[Card, ...]
    after: tuple[Card, ...]
    safety: tuple[Card, ...]


def forbidden_words(text: str) -> list[str]:
    """The safety-forbidden words or phrases the text holds, as whole words, any case."""
    words = " " + "".join(c if c.isalnum() else " " for c in text.lower()) + " "
    words = " ".join(words.split())
    padded = f" {words} "
    return [w for w in SAFETY_FORBIDDEN if f" {w} " in padded]


def _card(raw: object, name: str, number: int, *, file: str) -> Card:
    where = f"{file}, card {number}"
    safety = name == "safety"
    if not isinstance(raw, dict):
        raise CardError(f"{where}: a card is a table of {', '.join(PARTS)}")
    missing = [p for p in PARTS if not isinstance(raw.get(p), str) or not raw[p].strip()]
    if missing:
        raise CardError(f"{where}: {', '.join(missing)} missing or empty")
    extra = sorted(set(raw) - set(PARTS))
    if extra:
        raise CardError(f"{where}: unknown {', '.join(extra)}")
    if raw["step"] not in STEPS_BY_SLUG:
        raise CardError(f"{where}: no step is called {raw['step']!r}")
    tool = TOOLS.get(raw["tool"])
    if tool is None:
        raise CardError(f"{where}: no tool is called {raw['tool']!r}")
    if tool.step != raw["step"]:
        raise CardError(f"{where}: the tool {raw['tool']!r} belongs to step {tool.step!r}")
    if not raw["ask"].rstrip().endswith("?"):
        raise CardError(f"{where}: ask is a question, ending with '?'")
    if safety:
        if not tool.safe:
            raise CardError(f"{where}: the tool {raw['tool']!r} is not for the safety path")
        found = forbidden_words(" ".join(raw[p] for p in ("title", "read", "do", "ask")))
        if found:
            raise CardError(f"{where}: the safety path never says {', '.join(found)}")
    return Card(
        key=f"{name}-{number}",
        title=raw["title"].strip(),
        read=" ".join(raw["read"].split()),
        do=" ".join(raw["do"].split()),
        ask=" ".join(raw["ask"].split()),
        step=raw["step"],
        tool=tool,
    )


def read_set(name: str, folder: Path = FOLDER) -> tuple[Card, ...]:
    """One set's cards, in the file's order; CardError names what is wrong."""
    path = folder / f"{name}.toml"
    file = f"{folder.name}/{path.name}"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CardError(f"{file}: {error}") from error
    raws = data.get("card")
    if not isinstance(raws, list) or not raws:
        raise CardError(f"{file}: no [[card]] tables")
    return tuple(_card(raw, name, number, file=file) for number, raw in enumerate(raws, 1))


@cache
def deck() -> Deck:
    """The three sets, read once; the first holds exactly one card per day of the first 60."""
    first = read_set("first")
    if len(first) != FIRST_DAYS:
        raise CardError(f"{FOLDER.name}/first.toml: {len(first)} cards, one per day: {FIRST_DAYS}")
    return Deck(first=first, after=read_set("after"), safety=read_set("safety"))
