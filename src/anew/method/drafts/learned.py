"""Learned second opinions on `needy`, `overshare` and `intense`, beside the rules: one linear model
per flag over words and letter runs.

The rules find the phrasings they were shown; on drafts written after them they found a third to
a half of the needy ones, and on batch 12 a fifth of the oversharing ones (BENCHMARKS.md). The
models are fitted by tools/train_draft_models.py on the labelled drafts and on generated messages
that use the same words for other ends: practical ones ("do you still have my charger?") and
everyday ones ("bit tired after the run", "great news about the house!"), so that they tell the two
apart. They need nothing at run time: each one's weights are a text file in this package.

Features are word unigrams and bigrams and the 3- to 5-letter runs inside each word (with a space
at either end, so "miss" also matches "missing"), each count dampened to 1 + ln(count) and each
kind scaled to unit length. The training script builds its features with this same function.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import pairwise

MODEL_FILES = {
    "needy": "needy_model.tsv",
    "overshare": "overshare_model.tsv",
    "intense": "intense_model.tsv",
}
THRESHOLD = 0.5  # for the whole draft
# needy asks for more: at 0.6 the whole checker, with models fitted without each blind batch, is
# right on as many verdicts of batches 16 to 23 as at 0.5, and needy's precision is higher on six
# of the eight (BENCHMARKS.md): warm practical messages were what it overflagged.
THRESHOLDS = {"needy": 0.6}
SENTENCE_THRESHOLD = 0.85  # for one sentence of several: a fragment says less (BENCHMARKS.md)
TOKEN = re.compile(r"[a-z']+")
WHITE_SPACE = re.compile(r"\s+")
LETTER_RUNS = range(3, 6)


@dataclass(frozen=True)
class Model:
    intercept: float
    weights: dict[str, float]


def features(text: str) -> dict[str, float]:
    """The draft as weighted features: "w:" words and word pairs, "c:" letter runs."""
    return features_of([text])


def features_of(texts: list[str]) -> dict[str, float]:
    """The features of several pieces of one draft read as one text (no word pair runs across
    two pieces): a long draft is read piece by piece, each of bounded length."""
    words: Counter[str] = Counter()
    letters: Counter[str] = Counter()
    for text in texts:
        lowered = text.lower().replace("\u2019", "'")
        tokens = TOKEN.findall(lowered)
        words.update(tokens)
        words.update(f"{a} {b}" for a, b in pairwise(tokens))
        for word in WHITE_SPACE.split(lowered):
            if not word:
                continue
            padded = f" {word} "
            for size in LETTER_RUNS:
                letters.update(padded[i : i + size] for i in range(max(len(padded) - size + 1, 1)))
                if len(padded) <= size:
                    break  # a short word is one run, counted once
    return {**_unit("w:", words), **_unit("c:", letters)}


def _unit(prefix: str, counts: Counter[str]) -> dict[str, float]:
    dampened = {key: 1.0 + math.log(n) for key, n in counts.items()}
    length = math.sqrt(sum(value * value for value in dampened.values()))
    return {prefix + key: value / length for key, value in dampened.items()} if length else {}


@cache
def load(code: str) -> Model:
    """One flag's fitted weights: a first line "intercept<TAB>value", then "feature<TAB>weight"
    lines."""
    lines = (
        files("anew.method.drafts")
        .joinpath(MODEL_FILES[code])
        .read_text(encoding="utf-8")
        .splitlines()
    )
    _, intercept = lines[0].split("\t")
    weights = {}
    for line in lines[1:]:
        feature, weight = line.rsplit("\t", 1)
        weights[feature] = float(weight)
    return Model(float(intercept), weights)


def probability(code: str, text: str) -> float:
    """How likely the draft carries the flag, by its model (0 to 1)."""
    return probability_of(code, features(text))


def probability_of(code: str, found: dict[str, float]) -> float:
    """The same from a text's features already worked out, for a caller that asks several
    models about one text."""
    model = load(code)
    score = model.intercept + sum(
        value * model.weights.get(feature, 0.0) for feature, value in found.items()
    )
    return 1.0 / (1.0 + math.exp(-max(min(score, 50.0), -50.0)))
