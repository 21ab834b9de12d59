"""Fit the `needy` model the draft checker asks beside its rules, from the labelled drafts.

    .venv/bin/python tools/train_needy_model.py             # fit on every batch, write the weights
    .venv/bin/python tools/train_needy_model.py --held-out  # each batch from the fifth, judged by a
                                                            # model fitted on the earlier ones only

Training data: tests/data/drafts.jsonl plus the generated practical messages of practical_drafts.
The features come from anew.method.needy_model.features, the function the checker runs, so the
written weights give the same scores at run time (tests/method/test_needy_model.py checks them).
scikit-learn is a development dependency only: nothing of it runs in the app.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

from anew.method.draft_cues import NEEDY
from anew.method.drafts import _angry
from anew.method.needy_model import MODEL_FILE, THRESHOLD, features
from practical_drafts import practical_drafts

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = ROOT / "tests" / "data" / "drafts.jsonl"
WEIGHTS = ROOT / "src" / "anew" / "method" / MODEL_FILE
CHECKS = ROOT / "tests" / "data" / "needy_model_checks.json"
SMALLEST_WEIGHT = 1e-4  # smaller weights move no score by more than the rounding does


def labelled() -> list[dict[str, Any]]:
    lines = DRAFTS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def fit(rows: list[dict[str, Any]]) -> Pipeline:
    """Logistic regression, `balanced` because needy drafts are the fewer."""
    texts = [row["text"] for row in rows] + practical_drafts()
    needy = [_needy(row) for row in rows] + [False] * (len(texts) - len(rows))
    model = make_pipeline(
        DictVectorizer(), LogisticRegression(C=4.0, class_weight="balanced", max_iter=5000)
    )
    model.fit([features(text) for text in texts], needy)
    return model


def _needy(row: dict[str, Any]) -> bool:
    return "needy" in row["flags"]


def write(model: Pipeline, rows: list[dict[str, Any]]) -> None:
    vectorizer, regression = model.steps[0][1], model.steps[1][1]
    lines = [f"intercept\t{regression.intercept_[0]:.6f}"]
    for name, weight in zip(vectorizer.feature_names_, regression.coef_[0], strict=True):
        if abs(weight) >= SMALLEST_WEIGHT:
            lines.append(f"{name}\t{weight:.6f}")
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sample = [row["text"] for row in rows[::20]]
    scores = model.predict_proba([features(text) for text in sample])[:, 1]
    checks = {
        "features": len(vectorizer.feature_names_),
        "scores": [
            {"text": text, "probability": round(float(score), 6)}
            for text, score in zip(sample, scores, strict=True)
        ],
    }
    CHECKS.write_text(json.dumps(checks, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} weights to {WEIGHTS.relative_to(ROOT)}, {len(sample)} checks")


def held_out(rows: list[dict[str, Any]]) -> None:
    """Each batch from the fifth: the model fitted on the batches before it, alone and as the
    checker uses it (today's rules, widened on every batch, or the model unless the draft is
    angry); only the model's own column is wording it has not seen."""
    print("| batch | drafts | needy | model precision / recall | checker (rules, model) |")
    print("|---|---|---|---|---|")
    for batch in sorted({row["batch"] for row in rows})[4:]:
        these = [row for row in rows if row["batch"] == batch]
        model = fit([row for row in rows if row["batch"] < batch])
        scores = model.predict_proba([features(row["text"]) for row in these])[:, 1]
        truth = [_needy(row) for row in these]
        by_model = [score >= THRESHOLD for score in scores]
        either = [
            NEEDY.search(row["text"]) is not None or (m and not _angry(row["text"]))
            for m, row in zip(by_model, these, strict=True)
        ]
        print(
            f"| {batch} | {len(these)} | {sum(truth)} | {_rates(by_model, truth)} "
            f"| {_rates(either, truth)} |"
        )


def _rates(found: list[bool], truth: list[bool]) -> str:
    hits = sum(f and t for f, t in zip(found, truth, strict=True))
    return f"{hits / max(sum(found), 1):.2f} / {hits / max(sum(truth), 1):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--held-out", action="store_true", help="measure, write nothing")
    args = parser.parse_args()
    rows = labelled()
    if args.held_out:
        held_out(rows)
    else:
        write(fit(rows), rows)


if __name__ == "__main__":
    main()
