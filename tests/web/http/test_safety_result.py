"""The cookie that carries a safety check's result to its page: signed, short-lived, no answers."""

from __future__ import annotations

import base64
import json

from anew.safety.questions import QUESTIONS_BY_ID
from anew.safety.rules import Assessment
from anew.safety.vocabulary import SafetyResult
from anew.web.http.safety_result import LIFETIME_S, SealedResult, seal, unseal

SECRET = "a-test-secret-that-is-long-enough-0123456789"
DANGER = SealedResult(
    Assessment(SafetyResult.DANGER, (QUESTIONS_BY_ID["stalking"],)), can_leave=False, kept=True
)


def test_a_sealed_result_comes_back_as_it_went() -> None:
    assert unseal(seal(DANGER, SECRET, now=1000), SECRET, now=1000 + LIFETIME_S) == DANGER


def test_it_holds_the_result_and_question_ids_but_no_answers() -> None:
    payload = seal(DANGER, SECRET, now=1000).split(".")[0]
    document = json.loads(base64.urlsafe_b64decode(payload))
    assert document["reasons"] == ["stalking"]
    assert "yes" not in json.dumps(document)


def test_a_forged_stale_or_broken_cookie_is_no_result() -> None:
    sealed = seal(DANGER, SECRET, now=1000)
    assert unseal(sealed, SECRET, now=1001 + LIFETIME_S) is None
    assert unseal(sealed, "another-secret-that-is-long-enough-0123456789", now=1000) is None
    payload, signature = sealed.split(".")
    clear = base64.urlsafe_b64encode(
        json.dumps({**json.loads(base64.urlsafe_b64decode(payload)), "result": "clear"}).encode()
    )
    assert unseal(f"{clear.decode()}.{signature}", SECRET, now=1000) is None
    for broken in ("", "no-dot", "e30.0000", None):
        assert unseal(broken, SECRET, now=1000) is None
