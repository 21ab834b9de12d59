"""How far two labellers agree on the same drafts, and how the checker does against each.

    .venv/bin/python tools/label_agreement.py    # tests/data/drafts-second-labels.jsonl

The second labels are a second helper's reading of 220 drafts of blind batch F (batch 21 of
tests/data/drafts.jsonl), made from the same guide without seeing the first labels. Where two
careful labellers agree on nearly every draft, the checker's misses are its own, not label noise.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from anew.method.drafts.quality import check_row, expected_verdict

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
CONTENT = ("needy", "apology", "questions", "overshare", "intense", "too_long", "not_english")


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main() -> None:
    first = {row["text"]: row for row in _rows(DATA / "drafts.jsonl")}
    second = _rows(DATA / "drafts-second-labels.jsonl")
    pairs = [(first[row["text"]], row) for row in second]
    checked = [check_row(one) for one, _ in pairs]
    print(f"{len(pairs)} drafts labelled twice")
    same = sum(expected_verdict(one) == two["verdict"] for one, two in pairs)
    print(f"verdicts, first vs second labeller: {same}/{len(pairs)}")
    flags = sum(sorted(one["flags"]) == sorted(two["flags"]) for one, two in pairs)
    print(f"whole flag sets, first vs second labeller: {flags}/{len(pairs)}")
    for name, index in (("first", 0), ("second", 1)):
        right = sum(
            answer.verdict == expected_verdict(pair[index])
            for answer, pair in zip(checked, pairs, strict=True)
        )
        print(f"verdicts, checker of today vs {name} labeller: {right}/{len(pairs)}")
    print("| flag | first | second | both |")
    print("|---|---|---|---|")
    for code in CONTENT:
        a = [code in one["flags"] for one, _ in pairs]
        b = [code in two["flags"] for _, two in pairs]
        both = sum(x and y for x, y in zip(a, b, strict=True))
        print(f"| {code} | {sum(a)} | {sum(b)} | {both} |")


if __name__ == "__main__":
    main()
