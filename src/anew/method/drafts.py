"""Step 3, "before you send": flags in a draft, each explained and located, and one verdict.

Rules are plain functions of the text and of facts passed in (stage, his last message, the time, who
wrote last); strong emotion is judged with VADER's sentiment lexicon, which ships with its package.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

REWRITE_FLAGS = ("needy", "apology", "questions", "too_long", "overshare", "intense")
WAIT_FLAGS = ("late_night", "double_text")
LONG_WITHOUT_HIS = 50

NEEDY = re.compile(
    r"\b(?:i\s+(?:still\s+|really\s+|so\s+)?(?:miss|need|love)\s+(?:you|u|us|your)"
    r"|(?:please|pls|plz)\s+(?:come\s+back|talk|answer|reply|respond|call|text|don'?t|just|give)"
    r"|(?:come|coming)\s+back(?:\s+to\s+me|\s+home)?\s*(?:[.!?,]|$|please)|can\s+we\s+(?:talk|try|meet|fix|start|work)"
    r"|(?:give|gave)\s+(?:us|me|it)\s+(?:another|one\s+more|a\s+second)\s+(?:chance|try)"
    r"|(?:another|one\s+more|second)\s+chance"
    r"|i\s+(?:can'?t|cannot)\s+(?:live|stop\s+thinking|be)\s+without"
    r"|(?:why|how)\s+(?:won'?t|don'?t|didn'?t|can'?t)\s+you|are\s+you\s+(?:ignoring|there|avoiding)"
    r"|(?:answer|reply\s+to|talk\s+to)\s+me|i'?ll\s+do\s+anything|i'?m\s+begging|begging\s+you"
    r"|without\s+you|(?:thinking|think)\s+(?:about|of)\s+(?:you|us)|we\s+(?:belong|were\s+meant)"
    r"|do\s+you\s+(?:still\s+)?(?:love|miss|think\s+about)\s+me|(?:want|need)\s+you\s+back"
    r"|i'?m\s+(?:nothing|lost|empty)\s+without|just\s+(?:one|a\s+few)\s+minutes?|hear\s+your\s+voice)",
    re.IGNORECASE,
)
APOLOGY = re.compile(
    r"\b(?:(?:i'?m|i\s+am|so|really|truly)\s+sorry|sorry\b|apologi[sz]e|my\s+(?:bad|fault)"
    r"|forgive\s+me|i\s+was\s+(?:wrong|an\s+idiot|stupid)|i\s+regret|i\s+shouldn'?t\s+have)",
    re.IGNORECASE,
)
OVERSHARE = re.compile(
    r"\b(?:i(?:'?ve|'?m|\s+have|\s+am)?\s+(?:been\s+)?(?:crying|drinking|depressed|heartbroken|devastated"
    r"|a\s+mess|falling\s+apart)"
    r"|i\s+(?:cried|can'?t\s+(?:eat|sleep|focus|work|breathe|function))"
    r"|my\s+(?:therapist|therapy|antidepressants|meds)"
    r"|(?:panic|anxiety)\s+attacks?"
    r"|i\s+feel\s+(?:so\s+)?(?:alone|lonely|empty|broken|worthless|lost|sad|awful|terrible)"
    r"|i'?m\s+(?:so\s+)?(?:lonely|alone|broken|miserable|not\s+okay|not\s+ok)"
    r"|haven'?t\s+(?:slept|eaten|left)"
    r"|(?:dating|slept\s+with|seeing)\s+(?:someone|somebody|other)|my\s+(?:mum|mom|dad|family)\s+(?:says|thinks)"
    r"|since\s+you\s+left|(?:every|all)\s+(?:day|night)\s+(?:since|i))",
    re.IGNORECASE,
)
EMOJI_RUN = re.compile(r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?){3,}")
# Capitals: two shouted words in a row, or one of four letters or more that is not an acronym.
SHOUTING = re.compile(
    r"\b[A-Z]{3,}(?:\s+[A-Z]{2,})+\b|\b(?!(?:ASAP|NASA|HTML|JSON|FAQS?|UNICEF)\b)[A-Z]{4,}\b"
)
# VADER compound scores beyond these are strong emotion; warm wishes ("happy birthday") stay below.
STRONG_NEGATIVE, STRONG_POSITIVE = -0.8, 0.95
EXCLAIM = re.compile(r"!{2,}")
WORD = re.compile(r"\S+")

MESSAGES = {
    "no_contact": "You're in your no-contact period: keep this in your vault rather than send it.",
    "needy": "This asks him for attention or for the relationship back. Your vault can hold that.",
    "apology": "You don't owe an apology here. Say what you mean without saying sorry.",
    "questions": "Several questions at once can feel like pressure. Keep one, or none.",
    "too_long": "This is much longer than his message. A few light lines leave room to breathe.",
    "overshare": "This shares a lot of your inner world. Keep it for the people who hold you up.",
    "intense": "The feeling here is strong. Let it settle before you send anything.",
    "late_night": "It's late. Night messages tend to say more than we mean; morning is kinder.",
    "double_text": "You sent the last message. Give him room to answer before you write again.",
    "safety": "Safety mode is on, so Anew won't help with messages to him beyond practical "
    "matters. Keep your words in your vault; your safety comes first.",
}


@dataclass(frozen=True)
class Flag:
    """One thing worth a second look, and the characters of the draft it is about (or None)."""

    code: str
    message: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Verdict:
    verdict: str  # dont_send | rewrite | wait | send
    flags: list[Flag]


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _found(code: str, pattern: re.Pattern[str], text: str) -> Flag | None:
    match = pattern.search(text)
    return Flag(code, MESSAGES[code], match.start(), match.end()) if match else None


def _questions(text: str) -> Flag | None:
    marks = [m.start() for m in re.finditer(r"\?", text)]
    if len(marks) < 2:
        return None
    return Flag("questions", MESSAGES["questions"], marks[0], marks[-1] + 1)


def _too_long(text: str, his_last: str | None) -> Flag | None:
    words = len(WORD.findall(text))
    limit = max(2 * len(WORD.findall(his_last)), 11) if his_last else LONG_WITHOUT_HIS
    return Flag("too_long", MESSAGES["too_long"], None, None) if words > limit else None


def _intense(text: str) -> Flag | None:
    for pattern in (SHOUTING, EXCLAIM, EMOJI_RUN):
        flag = _found("intense", pattern, text)
        if flag:
            return flag
    scores = _analyzer().polarity_scores(text)
    if not STRONG_NEGATIVE < scores["compound"] < STRONG_POSITIVE:
        return Flag("intense", MESSAGES["intense"], None, None)
    return None


def _late(at: datetime | None) -> Flag | None:
    if at is not None and (at.hour >= 23 or at.hour < 6):
        return Flag("late_night", MESSAGES["late_night"], None, None)
    return None


def check_draft(
    text: str,
    *,
    stage: str = "reconnecting",
    his_last: str | None = None,
    at: datetime | None = None,
    last_from: str | None = None,
    logistics: bool = False,
) -> Verdict:
    """Every flag for the draft, then the verdict; `at` is her local time of sending. In the
    "safety" stage (safety mode) only logistics are checked; anything else is dont_send."""
    if stage == "safety" and not logistics:
        return Verdict("dont_send", [Flag("safety", MESSAGES["safety"], None, None)])
    if stage == "no-contact" and not logistics:
        return Verdict("dont_send", [Flag("no_contact", MESSAGES["no_contact"], None, None)])
    checks: list[Callable[[], Flag | None]] = [
        lambda: _found("needy", NEEDY, text),
        lambda: _found("apology", APOLOGY, text),
        lambda: _questions(text),
        lambda: _too_long(text, his_last),
        lambda: _found("overshare", OVERSHARE, text),
        lambda: _intense(text),
        lambda: _late(at),
        lambda: (
            Flag("double_text", MESSAGES["double_text"], None, None) if last_from == "me" else None
        ),
    ]
    flags = [flag for check in checks if (flag := check()) is not None]
    codes = {flag.code for flag in flags}
    if codes & set(REWRITE_FLAGS):
        return Verdict("rewrite", flags)
    if codes & set(WAIT_FLAGS):
        return Verdict("wait", flags)
    return Verdict("send", flags)
