"""Whether a draft is written in English, the only language the checker's words and models know.

A draft in another language would otherwise pass every English rule untouched and come back
"send". Language-identification libraries were weighed and set aside: py3langid takes 2.6 s to
load its model (every `anew check` would pay it), brings numpy into the app, and names a language
for "ok" or "merci!" with no real evidence. Short drafts are where a wrong call costs most, so this
reads the words it can recognise instead: English words (a list of everyday ones, texting
shorthand, and VADER's English lexicon, which the checker already ships) against the commonest
words of the languages she is likeliest to write in (both lists in language_words.toml), and
other scripts by their letters. A draft of fewer than three words is never called foreign: "sí",
"ok" or "merci!" is too little to go on.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from importlib.resources import files

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

MIN_WORDS = 3  # fewer than this is too little to tell a language by
MIN_LETTERS = 4  # nor fewer letters of another script
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@cache
def _lists() -> dict[str, frozenset[str]]:
    """The word lists, shipped beside this module (language_words.toml)."""
    text = files("anew.method.drafts").joinpath("language_words.toml").read_text(encoding="utf-8")
    return {name: frozenset(words.split()) for name, words in tomllib.loads(text).items()}


@cache
def english_words() -> frozenset[str]:
    """English words this module knows, lower case (the suggestion asks it about capitals)."""
    lexicon = SentimentIntensityAnalyzer().lexicon
    return _lists()["english"] | frozenset(word for word in lexicon if word.isalpha())


@cache
def _other() -> frozenset[str]:
    return _lists()["other"] - english_words()


def _latin_share(text: str) -> float:
    """The share of her letters that are Latin ones (other scripts: Cyrillic, Greek, Arabic,
    Hebrew, Han, Hangul...)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters)


def is_english(text: str) -> bool:
    """False only on evidence: mostly another script, or more of another language's common words
    (and accented words English lacks) than English ones, over at least three words; or mostly
    another script, over at least four letters."""
    if sum(1 for c in text if c.isalpha()) >= MIN_LETTERS and _latin_share(text) < 0.5:
        return False  # Han and Kana write no spaces: counted by letters, not words
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return True
    english = sum(1 for w in words if w in english_words())
    foreign = sum(
        1
        for w in words
        if w in _other() or (w not in english_words() and any(ord(c) > 127 for c in w))
    )
    return not (foreign >= 2 and foreign > english)
