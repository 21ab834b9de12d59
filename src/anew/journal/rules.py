"""The journal's rules as pure functions: limits, the path day, and how a search matches.

Search is done here, in Python, rather than with SQL's LIKE: SQLite's lower() folds only A to Z,
so "Émilie" would find "émilie" on PostgreSQL and not on SQLite. Folding with str.casefold after
NFKC normalisation gives the same answer on both, for every alphabet, and a "%" or "_" she types
is simply a character to look for, never a wildcard.
"""

from __future__ import annotations

import re
import unicodedata

from anew.method.looking_back.rules import QUESTION as LOOKING_BACK

MAX_TEXT = 20_000  # characters in one entry: pages of writing, never a whole book
MAX_QUERY = 200  # characters in a search
MAX_DAY = 36_500  # a path day: a hundred years of days
LONGEST_KEY = 100  # characters in an Idempotency-Key
KEY = re.compile(rf"[\x21-\x7e]{{1,{LONGEST_KEY}}}")  # visible ASCII, as browsers' UUIDs are
MOODS = range(1, 11)
# Questions another page may open the journal with (/journal?prompt=looking-back): named, never
# taken as text from the address, so a link from elsewhere can't put words in her journal.
PROMPTS = {"looking-back": LOOKING_BACK}


def folded(text: str) -> str:
    """Text as search compares it: the same letters whatever their case or encoded form."""
    return unicodedata.normalize("NFKC", text).casefold()


def search_words(query: str) -> list[str]:
    """The words of a search, folded; a phrase in double quotes stays one piece."""
    pieces = re.findall(r'"([^"]+)"|(\S+)', folded(query))
    found = (phrase.strip() or word.strip('"') for phrase, word in pieces)
    return [piece for piece in found if piece]


def matches(text: str, words: list[str]) -> bool:
    """Whether every word (or phrase) of the search appears somewhere in the text."""
    haystack = folded(text)
    return all(word in haystack for word in words)
