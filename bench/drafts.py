"""The draft checker: precision and recall per flag on the labelled set, and time per draft.

    .venv/bin/python bench/drafts.py             # the whole labelled set
    .venv/bin/python bench/drafts.py --batch 6   # a new batch, measured before any rule changes

The baseline for speed in the same run is a bare regular-expression search over the same drafts.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from pathlib import Path

from anew.method.drafts.quality import evaluate
from anew.method.drafts.rules import check_draft

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "drafts.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batch", type=int, help="only the drafts written in this batch")
    batch = parser.parse_args().batch
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    texts = [row["text"] for row in rows if batch is None or row.get("batch") == batch]
    quality = evaluate(DATA, batch)
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


if __name__ == "__main__":
    main()
