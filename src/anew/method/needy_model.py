"""A learned second opinion on `needy`, beside the rules: a linear model over words and letter runs.

The rules find the phrasings they were shown; on drafts written after them they found about a third
to a half of the needy ones (BENCHMARKS.md). This model is fitted by tools/train_needy_model.py on
the labelled drafts and on generated practical messages that use longing's words ("do you still
have my charger?"), so that it tells the two apart. It needs nothing at run time: its weights are a
text file in this package.

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

MODEL_FILE = "needy_model.tsv"
THRESHOLD = 0.5
TOKEN = re.compile(r"[a-z']+")
WHITE_SPACE = re.compile(r"\s+")
LETTER_RUNS = range(3, 6)


@dataclass(frozen=True)
class Model:
    intercept: float
    weights: dict[str, float]


def features(text: str) -> dict[str, float]:
    """The draft as weighted features: "w:" words and word pairs, "c:" letter runs."""
    lowered = text.lower().replace("\u2019", "'")
    tokens = TOKEN.findall(lowered)
    words = Counter(tokens)
    words.update(f"{a} {b}" for a, b in pairwise(tokens))
    letters: Counter[str] = Counter()
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
def load() -> Model:
    """The fitted weights: a first line "intercept<TAB>value", then "feature<TAB>weight" lines."""
    lines = files("anew.method").joinpath(MODEL_FILE).read_text(encoding="utf-8").splitlines()
    _, intercept = lines[0].split("\t")
    weights = {}
    for line in lines[1:]:
        feature, weight = line.rsplit("\t", 1)
        weights[feature] = float(weight)
    return Model(float(intercept), weights)


def probability(text: str) -> float:
    """How likely the draft is needy, by the model (0 to 1)."""
    model = load()
    score = model.intercept + sum(
        value * model.weights.get(feature, 0.0) for feature, value in features(text).items()
    )
    return 1.0 / (1.0 + math.exp(-max(min(score, 50.0), -50.0)))
