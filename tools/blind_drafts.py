"""How the draft checker does on a set of drafts written and labelled blind, with every miss listed.

A blind batch is written from docs/drafts.md by someone who has seen neither the checker nor its
word lists, and measured here once, before anything is changed for it:

    .venv/bin/python tools/blind_drafts.py PATH.jsonl    # a batch kept outside the labelled set
    .venv/bin/python tools/blind_drafts.py --batch 17    # a batch in tests/data/drafts.jsonl

Each row is a draft as in tests/data/drafts.jsonl; a row may carry the writer's `verdict`, else the
verdict is the one its flags call for (docs/drafts.md).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from anew.method.drafts.quality import check_row, expected_verdict

LABELLED = Path(__file__).resolve().parents[1] / "tests" / "data" / "drafts.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=LABELLED)
    parser.add_argument("--batch", type=int, help="only the drafts of this batch")
    parser.add_argument("--quiet", action="store_true", help="the figures without the misses")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line]
    if args.batch is not None:
        rows = [row for row in rows if row.get("batch") == args.batch]
    hits, false_alarms, misses = Counter[str](), Counter[str](), Counter[str]()
    right, wrong = 0, []
    for number, row in enumerate(rows, 1):
        answer = check_row(row)
        got, wanted = {flag.code for flag in answer.flags}, set(row["flags"])
        hits.update(got & wanted)
        false_alarms.update(got - wanted)
        misses.update(wanted - got)
        verdict = expected_verdict(row)
        right += answer.verdict == verdict
        if got != wanted or answer.verdict != verdict:
            wrong.append((number, row, sorted(got - wanted), sorted(wanted - got), answer.verdict))
    which = f", batch {args.batch}" if args.batch else ""
    print(f"{len(rows)} drafts from {args.path.name}{which}")
    print(f"verdict right: {right}/{len(rows)} = {right / max(len(rows), 1):.1%}")
    print("| flag | labelled | found | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    for code in sorted(set(hits) | set(false_alarms) | set(misses)):
        tp, fp, fn = hits[code], false_alarms[code], misses[code]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"| {code} | {tp + fn} | {tp + fp} | {precision:.2f} | {recall:.2f} | {f1:.2f} |")
    if args.quiet:
        return
    print(f"\n{len(wrong)} drafts not read as labelled (line: +extra -missed flags, verdict):")
    for number, row, extra, missed, verdict in wrong:
        wanted = expected_verdict(row)
        print(f"{number}: +{extra} -{missed} {verdict} (wanted {wanted}): {row['text']!r}")


if __name__ == "__main__":
    main()
