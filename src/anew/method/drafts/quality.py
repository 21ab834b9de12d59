"""Precision and recall of the draft checker on a labelled set (tests/data/drafts.jsonl).

Each row carries the `batch` it was written in: a new batch is measured before any rule is changed
for it, which is the only honest figure for wording the rules have not seen (BENCHMARKS.md).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from anew.method.drafts.coach import judged
from anew.method.drafts.rules import REWRITE_FLAGS, WAIT_FLAGS, Context, Verdict

HOLDING_BACK = ("no_contact", "safety")


def check_row(row: dict[str, Any]) -> Verdict:
    """What she is told about one labelled draft (its flags and verdict, `not_english` included),
    with the context the row gives."""
    context = Context(
        stage=row.get("stage", Context.stage),
        his_last=row.get("his_last"),
        at=datetime.fromisoformat(row["at"]) if row.get("at") else None,
        last_from=row.get("last_from"),
        logistics=row.get("logistics", False),
    )
    return judged(row["text"], context)


def expected_verdict(row: dict[str, Any]) -> str:
    """The writer's verdict, or the one the row's flags call for (docs/drafts.md)."""
    if "verdict" in row:
        return str(row["verdict"])
    flags = set(row["flags"])
    if flags & set(HOLDING_BACK):
        return "dont_send"
    if flags & set(REWRITE_FLAGS):
        return "rewrite"
    if flags & set(WAIT_FLAGS):
        return "wait"
    return "unread" if "not_english" in flags else "send"


def evaluate(path: Path, batch: int | None = None) -> dict[str, dict[str, float]]:
    """Per flag: how many drafts carry it, precision and recall (of one batch, or of all)."""
    hits, false_alarms, misses = Counter[str](), Counter[str](), Counter[str]()
    for line in path.read_text(encoding="utf-8").splitlines():
        row: dict[str, Any] = json.loads(line)
        if batch is not None and row.get("batch") != batch:
            continue
        got, wanted = {flag.code for flag in check_row(row).flags}, set(row["flags"])
        hits.update(got & wanted)
        false_alarms.update(got - wanted)
        misses.update(wanted - got)
    result = {}
    for code in sorted(set(hits) | set(false_alarms) | set(misses)):
        tp, fp, fn = hits[code], false_alarms[code], misses[code]
        result[code] = {
            "labelled": tp + fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
        }
    return result
