"""The language tables' wordings as whole-text patterns, and the words that find them fast.

Every placeholder and notice of every table (whatsapp_words) becomes part of one pattern per
kind, matched against a line's whole text with WhatsApp's invisible marks taken out: a wording
found inside a longer text is not enough. All tables are used at once, so a file that changes
language halfway is read too.

Each wording also gives one of its words (whatsapp_keywords.key_word): any text a wording
matches holds that word, so a text holding none of them is plain text, and both parsing roads
look closer only at the few that do (the compiled scanner with a hashed four-byte window, Polars
with one multi-string search).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from anew.chats.formats.whatsapp_keywords import SLOT_SPLIT, key_word, spellings, unmarked
from anew.chats.formats.whatsapp_words import PLACEHOLDER_KINDS, Wording, languages
from anew.chats.notice_kinds import NOTICE_KINDS

# A name never holds ": " (the first one ends the sender), so a notice read whole, before any
# name is split off, can never take "Ana: she left" for "{name} left".
NAME = r"(?:[^:]|:[^ ])+"
SLOTS = {"{name}": NAME, "{text}": ".+", "{file}": ".+", "{n}": "[0-9]+"}
META = set("\\.+*?()|[]{}^$")


def wording_pattern(text: str) -> str:
    """One wording as a pattern (no anchors) that Polars' and Python's engines read alike, in
    each of its canonically equivalent spellings.

    A slot at the very start is read as a name: a notice is matched before a name is split off,
    and only a name is sure never to hold ": "."""
    spelt = [_spelling_pattern(spelling) for spelling in spellings(text)]
    return spelt[0] if len(spelt) == 1 else "(?:" + "|".join(spelt) + ")"


def _spelling_pattern(text: str) -> str:
    parts = [part for part in SLOT_SPLIT.split(unmarked(text)) if part]
    pattern = []
    for index, part in enumerate(parts):
        if part in SLOTS:
            pattern.append(NAME if index == 0 else SLOTS[part])
        else:
            pattern.append("".join("\\" + c if c in META else c for c in part))
    return "".join(pattern)


@dataclass(frozen=True)
class Matchers:
    """One anchored pattern per kind (placeholders: media, deleted; notices: NOTICE_KINDS),
    for kinds some table has wordings of, and the words that find them."""

    placeholders: dict[str, str]
    notices: dict[str, str]
    words: tuple[str, ...]
    # Every wording's own pattern with its kind, the most specific (most letters of its own)
    # first: where a text is wholly two wordings of different kinds ("{name} removed {name}"
    # and "{name} removed the group's icon"), the more specific one says what it is.
    ranked: tuple[tuple[str, str], ...] = ()

    def most_specific(self, text: str, kinds: list[str]) -> str | None:
        """The kind, among `kinds`, of the most specific wording the whole text matches."""
        clean = unmarked(text).strip(" ")
        return next(
            (k for p, k in self.ranked if k in kinds and _compiled(p).fullmatch(clean)), None
        )


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A wording's pattern compiled when first needed: most chats never need any."""
    return re.compile(pattern)


def _patterns(wordings: list[Wording], kinds: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, list[str]] = {}
    for wording in wordings:
        found.setdefault(wording.kind, []).append(wording_pattern(wording.text))
    return {
        kind: "^(?:" + "|".join(sorted(set(found[kind]))) + ")$" for kind in kinds if kind in found
    }


@functools.cache
def matchers() -> Matchers:
    """The patterns and words of every table, built once."""
    placeholders = [w for language in languages() for w in language.placeholders]
    notices = [w for language in languages() for w in language.notices]
    every = (*placeholders, *notices)
    words = sorted({key_word(spelt) for w in every for spelt in spellings(w.text)})
    specific = sorted(every, key=lambda w: -len(SLOT_SPLIT.sub("", unmarked(w.text))))
    return Matchers(
        placeholders=_patterns(placeholders, PLACEHOLDER_KINDS),
        notices=_patterns(notices, NOTICE_KINDS),
        words=tuple(words),
        ranked=tuple((wording_pattern(w.text), w.kind) for w in specific),
    )


def kind_of(text: str) -> tuple[str, str] | None:
    """("placeholder" or "notice", kind) of a whole text (marks taken out), or None: the tests'
    and the docs' way of asking what one line is, with the very patterns the parsers use."""
    clean = unmarked(text)
    found = matchers()
    for table, patterns in (("placeholder", found.placeholders), ("notice", found.notices)):
        for kind, pattern in patterns.items():
            if re.search(pattern, clean):
                return table, kind
    return None
