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
MIN_UNKNOWN_WORDS = 5  # words, names aside, over which a draft must hold some English ones
ENGLISH_SHARE = 0.2  # of them: none of 5,054 English drafts of the labelled set holds fewer
_SPANISH_MARKS = re.compile("[\u00bf\u00a1]")  # ¿ and ¡
_SENTENCE_END = re.compile("[.!?]")
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
    """False only on evidence: mostly another script, over at least four letters; more of another
    language's common words (and accented words English lacks, names aside, and Spanish's opening
    ¿ or ¡ counted as two) than English ones, over at least three words; or, over at least five
    words that are not names, fewer than a fifth English."""
    if sum(1 for c in text if c.isalpha()) >= MIN_LETTERS and _latin_share(text) < 0.5:
        return False  # Han and Kana write no spaces: counted by letters, not words
    found = list(_WORD.finditer(text))
    written = [match.group() for match in found]
    words = [w.lower() for w in written]
    # a capitalised word inside a sentence may be a name; one that opens it says nothing of that
    inside = [
        i > 0 and not _SENTENCE_END.search(text, found[i - 1].end(), m.start())
        for i, m in enumerate(found)
    ]
    if len(words) < MIN_WORDS:
        return True
    known, shared = english_words(), _lists()["other"]
    english = sum(1 for w in words if w in known and w not in shared)  # "me" (Spanish too): neither
    foreign = sum(  # an accented name ("Happy birthday Zoë") is no evidence either
        1
        for word, w, within in zip(written, words, inside, strict=True)
        if w in _other()
        or (w not in known and any(ord(c) > 127 for c in w) and not (within and a_name(word, w)))
    )
    if _SPANISH_MARKS.search(text):
        foreign += 2  # "¿vas a venir?": English never opens a question upside down; evidence only
    if foreign >= 2 and foreign > english:
        return False
    # An English draft of five words or more has everyday English words among them ("Tum bahut
    # yaad aate ho" has none). A name is no evidence either way.
    counted = [w for w, lower in zip(written, words, strict=True) if not a_name(w, lower)]
    return len(counted) < MIN_UNKNOWN_WORDS or english >= ENGLISH_SHARE * len(counted)


def a_name(word: str, lower: str) -> bool:
    """A capitalised word neither list knows ("Amara", "Tesco"): a name, in any language."""
    return word[:1].isupper() and lower not in english_words() and lower not in _lists()["other"]
