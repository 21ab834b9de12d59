"""What the coach adds to a draft check: the language check and the calmer version.

    .venv/bin/python bench/draft_coach.py

Measured side by side in the same run over the labelled set (tests/data/drafts.jsonl): the rules
alone (`check_draft`, the baseline), the language check alone, and `coach` (rules, language,
suggestion), which every face calls. Drafts that get a suggestion are timed apart: each one is
checked again once per round of cutting.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from anew.method.drafts.coach import coach
from anew.method.drafts.language import is_english
from anew.method.drafts.rules import check_draft

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "drafts.jsonl"
ROUNDS = 3


def _times(run: Callable[[str], object], texts: list[str]) -> list[float]:
    samples = []
    for _ in range(ROUNDS):
        for text in texts:
            start = time.perf_counter()
            run(text)
            samples.append(time.perf_counter() - start)
    return samples


def _line(name: str, samples: list[float]) -> str:
    ranked = sorted(samples)
    median = statistics.median(ranked) * 1000
    p95 = ranked[int(len(ranked) * 0.95)] * 1000
    return f"| {name} | {len(samples) // ROUNDS} | {median:.3f} | {p95:.3f} |"


def main() -> None:
    texts = [json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines()]
    coach(texts[0])  # the lexicon and models load once, as at a server's first request
    offered = [text for text in texts if coach(text).suggestion is not None]
    print(f"Labelled drafts: {len(texts)}; with a suggestion: {len(offered)}")
    print("| what | drafts | median ms | p95 ms |")
    print("|---|---|---|---|")
    print(_line("check_draft (baseline)", _times(check_draft, texts)))
    print(_line("is_english", _times(is_english, texts)))
    print(_line("coach, every draft", _times(coach, texts)))
    print(_line("check_draft, drafts with a suggestion", _times(check_draft, offered)))
    print(_line("coach, drafts with a suggestion", _times(coach, offered)))


if __name__ == "__main__":
    main()
