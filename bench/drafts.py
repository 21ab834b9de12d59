"""The draft checker: precision and recall per flag on the labelled set, and time per draft.

    .venv/bin/python bench/drafts.py             # the whole labelled set
    .venv/bin/python bench/drafts.py --batch 6   # a new batch, measured before any rule changes

The baseline for speed in the same run is a bare regular-expression search over the same drafts.
It also times crafted drafts of 20,000 characters (the longest a face accepts), the shapes that
once made the checker backtrack for seconds, beside a bare search over them.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from pathlib import Path
from typing import Any

from anew.method.drafts.quality import check_row, evaluate, expected_verdict
from anew.method.drafts.rules import check_draft

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "drafts.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batch", type=int, help="only the drafts written in this batch")
    batch = parser.parse_args().batch
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    texts = [row["text"] for row in rows if batch is None or row.get("batch") == batch]
    quality = evaluate(DATA, batch)
    _verdicts([row for row in rows if batch is None or row.get("batch") == batch])
    print(f"Labelled drafts: {len(texts)}" + (f" (batch {batch})" if batch else ""))
    print("| flag | labelled | precision | recall |")
    print("|---|---|---|---|")
    for code, row in quality.items():
        print(f"| {code} | {row['labelled']:.0f} | {row['precision']:.2f} | {row['recall']:.2f} |")
    check_draft(texts[0])  # load the sentiment lexicon once, as a server does at its first request
    samples, baseline = [], []
    bare = re.compile(r"miss you")
    for _ in range(5):
        for text in texts:
            start = time.perf_counter()
            check_draft(text)
            samples.append(time.perf_counter() - start)
            start = time.perf_counter()
            bare.search(text)
            baseline.append(time.perf_counter() - start)
    print(
        f"check_draft median {statistics.median(samples) * 1000:.3f} ms, "
        f"p99 {sorted(samples)[int(len(samples) * 0.99)] * 1000:.3f} ms; "
        f"bare regex search median {statistics.median(baseline) * 1000:.4f} ms"
    )
    _crafted(bare)


def _verdicts(rows: list[dict[str, Any]]) -> None:
    """Verdict accuracy, and every draft whose flags came out other than labelled."""
    right = 0
    for row in rows:
        found = check_row(row)
        got, wanted = {flag.code for flag in found.flags}, set(row["flags"])
        right += found.verdict == expected_verdict(row)
        if got != wanted:
            print(f"- missed {sorted(wanted - got)}, extra {sorted(got - wanted)}: {row['text']!r}")
    print(f"Verdict accuracy: {right}/{len(rows)} ({right / len(rows):.1%})")


CRAFTED = {
    '"sorry " * 3300 + "died"': "sorry " * 3300 + "died",
    '"you are so " repeated': "you are so " * 1819,
    '"i\'" repeated': "i'" * 10_000,
    "the labelled drafts, joined": "",
}


def _crafted(bare: re.Pattern[str]) -> None:
    prose = " ".join(json.loads(line)["text"] for line in DATA.read_text().splitlines())
    print("| crafted draft (20,000 characters) | check_draft best of 5 | bare regex search |")
    print("|---|---|---|")
    for name, text in CRAFTED.items():
        text = (text or prose)[:20_000]
        best = bare_best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            check_draft(text)
            best = min(best, time.perf_counter() - start)
            start = time.perf_counter()
            bare.search(text)
            bare_best = min(bare_best, time.perf_counter() - start)
        print(f"| {name} | {best * 1000:.1f} ms | {bare_best * 1000:.3f} ms |")


if __name__ == "__main__":
    main()
