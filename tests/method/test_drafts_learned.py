"""The learned draft models: their shipped weights score as the trainer did, and are current."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from anew.method.drafts import learned as draft_models
from anew.method.drafts.learned import MODEL_FILES, features, probability
from anew.method.drafts.rules import check_draft

ROOT = Path(__file__).resolve().parents[2]
CHECKED = json.loads((ROOT / "tests" / "data" / "draft_model_checks.json").read_text())


def _codes(text: str) -> set[str]:
    return {flag.code for flag in check_draft(text).flags}


def test_every_model_has_its_weights_and_its_checks() -> None:
    assert set(CHECKED) == set(MODEL_FILES) == {"needy", "overshare", "intense"}


@pytest.mark.parametrize("code", sorted(MODEL_FILES))
def test_the_shipped_weights_score_as_the_trainer_did(code: str) -> None:
    checks = CHECKED[code]["scores"]
    assert len(checks) > 40
    for check in checks:
        assert probability(code, check["text"]) == pytest.approx(check["probability"], abs=1e-3)


@pytest.mark.parametrize("code", sorted(MODEL_FILES))
def test_the_weights_are_fitted_on_todays_labelled_drafts(code: str) -> None:
    """Adding drafts without running tools/train_draft_models.py again fails here."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from train_draft_models import fit, labelled
    finally:
        sys.path.remove(str(ROOT / "tools"))
    model = fit(labelled(), code)
    checks = CHECKED[code]["scores"]
    # The features seen change with any new draft; the scores, within what another machine's
    # arithmetic might move them, with a refit on other data.
    assert len(model.steps[0][1].feature_names_) == CHECKED[code]["features"]
    refitted = model.predict_proba([features(check["text"]) for check in checks])[:, 1]
    for check, score in zip(checks, refitted, strict=True):
        assert score == pytest.approx(check["probability"], abs=2e-3), check["text"]


def test_features_are_words_pairs_and_letter_runs_of_unit_length() -> None:
    found = features("Miss you")
    assert {"w:miss", "w:you", "w:miss you", "c: mi", "c:iss ", "c: you "} <= found.keys()
    words = sum(value * value for key, value in found.items() if key.startswith("w:"))
    assert words == pytest.approx(1.0)
    assert features("") == {}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Work was fine. Nobody has ever made me feel how you did.", "needy"),
        ("Work was fine. Was any of it real for you?", "needy"),
        ("Work was fine. My landlord gave me notice and I've nowhere lined up.", "overshare"),
        ("Work was fine. You absolute snake.", "intense"),
    ],
)
def test_wording_the_rules_lack_is_flagged_at_its_sentence(
    text: str, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    flags = [flag for flag in check_draft(text).flags if flag.code == code]
    assert flags
    assert text[flags[0].start : flags[0].end] == text.removeprefix("Work was fine. ")
    monkeypatch.setattr(draft_models, "probability_of", lambda code, found: 0.0)
    assert code not in _codes(text)  # the model's find: the rules alone miss it


@pytest.mark.parametrize(
    "text",
    [
        "Do you still have my charger?",
        "Text me when you get there.",
        "Can you come back for your things on Saturday?",
        "I will NEVER forgive you for this, you liar.",
        "That's on me, I forgot to tell you.",
    ],
)
def test_practical_angry_or_apologetic_messages_are_not_needy(text: str) -> None:
    assert "needy" not in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "I've been thinking of getting a dog.",
        "Bit tired after the late shift, early night for me.",
        "Great news about the house!",
        "Shame about the concert, never mind.",
    ],
)
def test_everyday_news_and_mild_feelings_are_neither_overshare_nor_intense(text: str) -> None:
    assert not _codes(text) & {"overshare", "intense", "needy"}


def test_pleading_is_needy_contempt_is_intense_and_longing_is_not_her_struggle() -> None:
    assert _codes("Why won't you answer me") & {"needy", "intense"} == {"needy"}
    # Both models read this as theirs; the surer one, intense, has it.
    assert _codes("You're beneath me.") & {"needy", "intense"} == {"intense"}
    assert "overshare" not in _codes("I can't live without you.")
