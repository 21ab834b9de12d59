"""A JSON list read one item at a time: a file of a million rows never becomes a million Python
objects at once (the text itself is held whole; anew.zips caps its size)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

DECODER = json.JSONDecoder()
SPACE = re.compile(r"[ \t\n\r]*")


class NotAList(ValueError):
    """The document is valid so far but is not a list."""


def _skip(text: str, position: int) -> int:
    found = SPACE.match(text, position)
    return found.end() if found else position


def items(text: str) -> Iterator[Any]:
    """Each item of the JSON list that is the whole of `text`, in order. NotAList when it is no
    list; json.JSONDecodeError (with its line) where it stops being valid JSON."""
    position = _skip(text, 0)
    if not text.startswith("[", position):
        DECODER.decode(text)  # names the line of broken JSON
        raise NotAList("expected a list of objects")
    position = _skip(text, position + 1)
    closed = text.startswith("]", position)
    while not closed:
        item, position = DECODER.raw_decode(text, position)
        yield item
        position = _skip(text, position)
        if text.startswith(",", position):
            position = _skip(text, position + 1)
        elif text.startswith("]", position):
            closed = True
        else:
            raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
    if _skip(text, position + 1) != len(text):
        raise json.JSONDecodeError("Extra data", text, position + 1)
