"""The safety check's result travels from the post to its own page in a short-lived cookie,
signed with the server's secret and read once: the result has an address of its own (so the
quick exit replaces that entry of the tab's history, not the form's), and nothing of it stays in
the browser once shown. It holds the result and the ids of the questions behind it, no answer."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

from anew.safety.questions import QUESTIONS_BY_ID
from anew.safety.rules import Assessment
from anew.safety.vocabulary import SafetyResult

COOKIE = "anew_safety_result"
PATH = "/safety-check/result"
LIFETIME_S = 300


@dataclass(frozen=True)
class SealedResult:
    """What the result page shows besides her country: the assessment and what she chose."""

    assessment: Assessment
    can_leave: bool
    kept: bool


def _signature(payload: bytes, secret: str) -> str:
    return hmac.new(secret.encode(), b"safety-result\0" + payload, hashlib.sha256).hexdigest()


def seal(result: SealedResult, secret: str, *, now: float | None = None) -> str:
    """The cookie's value: the result as JSON, base64, and its signature."""
    document = {
        "result": str(result.assessment.result),
        "reasons": [question.id for question in result.assessment.reasons],
        "can_leave": result.can_leave,
        "kept": result.kept,
        "at": int(time.time() if now is None else now),
    }
    payload = base64.urlsafe_b64encode(json.dumps(document).encode())
    return f"{payload.decode()}.{_signature(payload, secret)}"


def unseal(value: str | None, secret: str, *, now: float | None = None) -> SealedResult | None:
    """The result in a cookie this server signed within LIFETIME_S; None for anything else."""
    if not value or "." not in value:
        return None
    payload, signature = value.rsplit(".", 1)
    if not hmac.compare_digest(signature.encode(), _signature(payload.encode(), secret).encode()):
        return None
    try:
        document = json.loads(base64.urlsafe_b64decode(payload))
        age = (time.time() if now is None else now) - int(document["at"])
        assessment = Assessment(
            SafetyResult(document["result"]),
            tuple(QUESTIONS_BY_ID[question] for question in document["reasons"]),
        )
    except (ValueError, KeyError, TypeError):
        return None
    if not 0 <= age <= LIFETIME_S:
        return None
    return SealedResult(assessment, bool(document["can_leave"]), bool(document["kept"]))
