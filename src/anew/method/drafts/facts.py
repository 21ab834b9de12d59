"""The practical facts in a draft (times, dates, places, names, amounts), which a calmer version
of it must keep word for word.

Written as patterns rather than with dateparser: its `search_dates` finds dates only, reads
"may" or "sun" as dates, imports for most of a second, and misses what matters just as much here
(£20, "Mia", "Oma's", "the 14th"). Anything with a digit counts, every weekday, month and
everyday time word, and every capitalised word that is not the first of its sentence, "I", or
shouting (all capitals): in a text message those are names and places.
"""

from __future__ import annotations

import re

# Words that are a day or a time wherever they stand; "may", "sat" or "wed" are left to the
# digits beside them ("May 5"), and "week" or "evening" count only when they name one.
_TIME_WORDS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|weds|thurs|fri"
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|today|tomorrow|tmrw|tonight|yesterday|noon|midday|midnight|o'clock"
    r"|(?:this|next|last|tomorrow|on\s+the|in\s+the)\s+"
    r"(?:morning|afternoon|evening|week|weekend|month|term|holidays?)"
)
# A word with a digit in it (5pm, 17:30, £20, 12/05, 14th, 2nd) or a currency sign, or a time word.
_FACT = re.compile(
    rf"[£$€¥]?\w*\d[\w:./,£$€%-]*\d?\w*|[£$€¥]\w+|\b(?:{_TIME_WORDS})\b", re.IGNORECASE
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n]+)\s*[\"'(]*$")
_NOT_NAMES = frozenset({"I", "I'm", "I'll", "I've", "I'd", "OK", "Ok"})


def _names(text: str) -> list[tuple[int, int]]:
    """Capitalised words inside a sentence: names and places ("Mia", "Oma's", "Tesco")."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper() or word in _NOT_NAMES or word.isupper():
            continue
        if _SENTENCE_START.search(text, max(0, match.start() - 4), match.start()):
            continue
        found.append((match.start(), match.end()))
    return found


def fact_spans(text: str) -> list[tuple[int, int]]:
    """Where each practical fact is, in order."""
    spans = [(m.start(), m.end()) for m in _FACT.finditer(text) if m.group().strip(",.")]
    return sorted(set(spans + _names(text)))


def facts(text: str) -> list[str]:
    """Each practical fact as written, lower-cased (a calmer version may quiet "FRIDAY" to
    "friday") and without the punctuation around it."""
    return [text[start:end].strip(",.").lower() for start, end in fact_spans(text)]


def keeps_facts(original: str, version: str) -> bool:
    """Whether every fact of the original is still in the version, as many times as before."""
    kept = facts(version)
    for fact in facts(original):
        if fact not in kept:
            return False
        kept.remove(fact)
    return True
