"""Fit the models the draft checker asks beside its rules (`needy`, `overshare`, `intense`).

    .venv/bin/python tools/train_draft_models.py             # fit on every batch, write weights
    .venv/bin/python tools/train_draft_models.py --held-out  # each batch from the fifth, judged
                                                             # by models of the earlier ones only
    .venv/bin/python tools/train_draft_models.py --checker-held-out 16 17 18
                                   # the whole checker on each, its models fitted without it

Training data: tests/data/drafts.jsonl plus generated messages that carry none of the three flags:
practical ones in longing's words (practical_drafts) and everyday news and mild feelings
(everyday_drafts). The features come from anew.method.drafts.learned.features, the function the
checker runs, so the written weights give the same scores at run time
(tests/method/test_drafts_learned.py checks them). scikit-learn is a development dependency only:
nothing of it runs in the app.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

from anew.method.drafts import learned as draft_models
from anew.method.drafts.learned import MODEL_FILES, THRESHOLD, THRESHOLDS, features
from anew.method.drafts.quality import check_row, expected_verdict
from everyday_drafts import everyday_drafts
from practical_drafts import practical_drafts

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = ROOT / "tests" / "data" / "drafts.jsonl"
PACKAGE = ROOT / "src" / "anew" / "method" / "drafts"
CHECKS = ROOT / "tests" / "data" / "draft_model_checks.json"
SMALLEST_WEIGHT = 1e-4  # smaller weights move no score by more than the rounding does


def labelled() -> list[dict[str, Any]]:
    lines = DRAFTS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def generated() -> list[str]:
    return practical_drafts() + everyday_drafts()


def fit(rows: list[dict[str, Any]], code: str) -> Pipeline:
    """Logistic regression, `balanced` because drafts with the flag are the fewer."""
    texts = [row["text"] for row in rows] + generated()
    found = [code in row["flags"] for row in rows] + [False] * (len(texts) - len(rows))
    model = make_pipeline(
        DictVectorizer(), LogisticRegression(C=4.0, class_weight="balanced", max_iter=5000)
    )
    model.fit([features(text) for text in texts], found)
    return model


def write(rows: list[dict[str, Any]]) -> None:
    sample = [row["text"] for row in rows[::20]]
    checks: dict[str, Any] = {}
    for code, name in MODEL_FILES.items():
        model = fit(rows, code)
        vectorizer, regression = model.steps[0][1], model.steps[1][1]
        lines = [f"intercept\t{regression.intercept_[0]:.6f}"]
        for feature, weight in zip(vectorizer.feature_names_, regression.coef_[0], strict=True):
            if abs(weight) >= SMALLEST_WEIGHT:
                lines.append(f"{feature}\t{weight:.6f}")
        (PACKAGE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        scores = model.predict_proba([features(text) for text in sample])[:, 1]
        checks[code] = {
            "features": len(vectorizer.feature_names_),
            "scores": [
                {"text": text, "probability": round(float(score), 6)}
                for text, score in zip(sample, scores, strict=True)
            ],
        }
        print(f"{code}: {len(lines) - 1} weights to src/anew/method/drafts/{name}")
    CHECKS.write_text(json.dumps(checks, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(sample)} checks per model to {CHECKS.relative_to(ROOT)}")


def held_out(rows: list[dict[str, Any]]) -> None:
    """Each batch from the fifth: each model fitted on the batches before it, alone, and the
    checker of today for comparison (its rules were widened on every batch, and its models
    fitted on all of them, so only the model's own column is wording it has not seen)."""
    print("| flag | batch | drafts | with the flag | model precision / recall | checker of today |")
    print("|---|---|---|---|---|---|")
    for code in MODEL_FILES:
        for batch in sorted({row["batch"] for row in rows})[4:]:
            these = [row for row in rows if row["batch"] == batch]
            model = fit([row for row in rows if row["batch"] < batch], code)
            scores = model.predict_proba([features(row["text"]) for row in these])[:, 1]
            truth = [code in row["flags"] for row in these]
            by_model = [score >= THRESHOLDS.get(code, THRESHOLD) for score in scores]
            today = [code in {flag.code for flag in check_row(row).flags} for row in these]
            print(
                f"| {code} | {batch} | {len(these)} | {sum(truth)} | {_rates(by_model, truth)} "
                f"| {_rates(today, truth)} |"
            )


def checker_held_out(rows: list[dict[str, Any]], batches: list[int]) -> None:
    """The whole checker on each given batch with its models fitted without that batch: how the
    models do beside rules that were widened on it (a blind batch measured before anything
    changed for it is the honest figure; this one compares model settings on the same drafts)."""
    print("| batch | drafts | verdict right | needy P / R | overshare P / R | intense P / R |")
    print("|---|---|---|---|---|---|")
    shipped = draft_models.load
    try:
        for batch in batches:
            these = [row for row in rows if row["batch"] == batch]
            fitted = {
                code: _as_model(fit([row for row in rows if row["batch"] != batch], code))
                for code in MODEL_FILES
            }
            draft_models.load = fitted.__getitem__  # type: ignore[assignment]
            answers = [check_row(row) for row in these]
            right = sum(
                a.verdict == expected_verdict(r) for a, r in zip(answers, these, strict=True)
            )
            rates = []
            for code in MODEL_FILES:
                found = [code in {flag.code for flag in answer.flags} for answer in answers]
                rates.append(_rates(found, [code in row["flags"] for row in these]))
            print(f"| {batch} | {len(these)} | {right / len(these):.1%} | {' | '.join(rates)} |")
    finally:
        draft_models.load = shipped


def _as_model(pipeline: Pipeline) -> draft_models.Model:
    vectorizer, regression = pipeline.steps[0][1], pipeline.steps[1][1]
    weights = zip(vectorizer.feature_names_, regression.coef_[0], strict=True)
    return draft_models.Model(
        float(regression.intercept_[0]),
        {feature: float(weight) for feature, weight in weights if abs(weight) >= SMALLEST_WEIGHT},
    )


def _rates(found: list[bool], truth: list[bool]) -> str:
    hits = sum(f and t for f, t in zip(found, truth, strict=True))
    return f"{hits / max(sum(found), 1):.2f} / {hits / max(sum(truth), 1):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--held-out", action="store_true", help="measure, write nothing")
    parser.add_argument(
        "--checker-held-out",
        type=int,
        nargs="+",
        metavar="BATCH",
        help="the whole checker on these batches, models fitted without each; write nothing",
    )
    args = parser.parse_args()
    rows = labelled()
    if args.checker_held_out:
        checker_held_out(rows, args.checker_held_out)
    elif args.held_out:
        held_out(rows)
    else:
        write(rows)


if __name__ == "__main__":
    main()
