"""Step 3, "before you send": flags in a draft, each explained and located, and one verdict.

Rules are plain functions of the text and of facts passed in (stage, his last message, the time, who
wrote last); strong emotion is judged with VADER's sentiment lexicon, which ships with its package;
`needy`, `overshare` and `intense` also ask small learned models (anew.method.drafts.learned) about
wording the rules lack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from anew.method.drafts import learned as draft_models
from anew.method.drafts.cues import (
    APOLOGY,
    EMOJI_RUN,
    EXCLAIM,
    FIRST_PERSON,
    HOSTILE,
    NEEDY,
    NOT_HER_STATE,
    OVERSHARE,
    PAINFUL,
    SHOUTING,
    STRONG_WORDS,
    SYMPATHY,
    YOU_LINKS,
    YOU_SUBJECT,
)

REWRITE_FLAGS = ("needy", "apology", "questions", "too_long", "overshare", "intense")
WAIT_FLAGS = ("late_night", "double_text")
LONG_WITHOUT_HIS = 50
MIN_SENTENCE_WORDS = 3  # a sentence the learned models may judge on its own

# A question: a sentence that ends in "?" (a run of them counts once), or, where she wrote none,
# a sentence that opens the way questions do ("how are you", "did the dog settle in").
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_ASKING = re.compile(
    r"\b(?:how|what|where|when|who|why)\s+(?:are|is|was|were|do|did|does|have|has|can|could|would"
    r"|will|should)\b|^\W*(?:how|what|where|when|who|why)'s\b|(?:^|\b(?:and|or|but)\s+)(?:are|is|do|did|does|can|could|would|will|have|has)"
    r"\s+(?:you|u|we|they|he|she|it|the|your|my|there)\b",
    re.IGNORECASE,
)
_JOINED_QUESTION = re.compile(
    r",\s*(?:and|or)\s+(?:what|which|when|where|who|why|how)\b"
    r"|,\s*(?:what|when|where|who|why|how)\s+(?:are|is|was|were|do|did|does|have|has|will|would|can|could"
    r"|should)\s+(?:you|u|we|they|he|she|i)\b"
    r"|\sand\s+(?:should|shall|can|could|do|did|will|would|is|are)\s+(?:i|we|you|u|they|he|she|it|there)\b"
    r"|\sand\s+(?:where|when|what\s+time|how|why|who)\s*\?*\s*$",
    re.IGNORECASE,
)
# VADER compound scores beyond these are strong emotion; warm wishes ("happy birthday") stay below.
STRONG_NEGATIVE, STRONG_POSITIVE = -0.8, 0.94
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


Span = tuple[int, int]  # the characters [start, end) of the draft a flag is about


@dataclass(frozen=True)
class Flag:
    """One thing worth a second look: its general line (`message`), the explanation of this draft
    (`why`, quoting her words; the general line where there are none), and every phrase it is about
    (`spans`; `start`/`end` are the first of them, or None)."""

    code: str
    message: str
    start: int | None
    end: int | None
    why: str = ""
    spans: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        if not self.why:
            object.__setattr__(self, "why", self.message)
        if not self.spans and self.start is not None and self.end is not None:
            object.__setattr__(self, "spans", ((self.start, self.end),))


@dataclass(frozen=True)
class Verdict:
    verdict: str  # dont_send | rewrite | wait | send
    flags: list[Flag]
    suggestion: str | None = None  # a calmer version of her draft, or None where none is needed


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _found(code: str, pattern: re.Pattern[str], text: str) -> Flag | None:
    match = pattern.search(text)
    return Flag(code, MESSAGES[code], match.start(), match.end()) if match else None


class _Scores:
    """The learned models' probabilities for one draft and its sentences: each text is read into
    features once, however many models are asked about it."""

    def __init__(self) -> None:
        self._features: dict[str, dict[str, float]] = {}

    def __call__(self, code: str, text: str) -> float:
        if text not in self._features:
            self._features[text] = draft_models.features(text)
        return draft_models.probability_of(code, self._features[text])


def _needy(text: str, scores: _Scores, *, angry: bool) -> Flag | None:
    """The rules' phrasings first; else the learned model, which also knows wording they don't.
    The model, which reads a strong "you ... me" as longing, is not asked about anger (that is
    `intense`) or about an apology ("that's on me", "I hope you can forgive me")."""
    found = _found("needy", NEEDY, text)
    if found is not None or angry or APOLOGY.search(text) is not None:
        return found
    # Contempt in words no list has ("you revolt me") also reads to it as longing: where the
    # intense model is surer, the draft is left to `intense`.
    if scores("intense", text) > scores("needy", text):
        return None
    return _learned("needy", text, scores)


def _learned(code: str, text: str, scores: _Scores) -> Flag | None:
    """The flag when the learned model for it says so of the whole draft, or is sure of one
    sentence of three words or more (a calm sentence beside it must not hide it; "See you." or
    "So what now?" alone is too little to go on), pointing at the sentence it rates highest."""
    sentences = [m for m in _SENTENCE.finditer(text) if m.group().strip()]
    rated = [(scores(code, m.group()), m) for m in sentences]
    best = max(rated, key=lambda pair: pair[0], default=None)
    whole = scores(code, text) if len(sentences) != 1 else rated[0][0]
    telling = [p for p, m in rated if len(WORD.findall(m.group())) >= MIN_SENTENCE_WORDS]
    one = max(telling, default=0.0) if len(sentences) > 1 else 0.0
    if whole < draft_models.THRESHOLD and one < draft_models.SENTENCE_THRESHOLD:
        return None
    if best is None:
        return Flag(code, MESSAGES[code], None, None)
    match = best[1]
    start = match.start() + len(match.group()) - len(match.group().lstrip())
    return Flag(code, MESSAGES[code], start, match.end())


_TOKEN = re.compile(r"[A-Za-z']+")
_CLAUSE = re.compile(r"[^.!?\n,;:]+")


def _rated(
    text: str, lead: frozenset[str], links: frozenset[str] | None, below: float
) -> tuple[int, int] | None:
    """Where a word rated `below` or lower by VADER's lexicon comes soon after a `lead` word in
    the same clause (within five words, or, with `links`, after linking words only), from the
    lead word to it. A word that belongs to another flag ends the search in its clause."""
    lexicon: dict[str, float] = _analyzer().lexicon
    for clause in _CLAUSE.finditer(text):
        words = list(_TOKEN.finditer(clause.group()))
        for index, word in enumerate(words):
            if word.group().lower() not in lead:
                continue
            for following in words[index + 1 : index + 6]:
                found = following.group().lower()
                if found in NOT_HER_STATE:
                    break
                if lexicon.get(found, 0.0) <= below:
                    return clause.start() + word.start(), clause.start() + following.end()
                if links is not None and found not in links:
                    break
    return None


def _overshare(text: str, scores: _Scores, *, needy: bool, angry: bool) -> Flag | None:
    """The rules, then her own state in VADER's painful words, then the learned model; remorse
    inside an apology is not her struggle, and anger at him is `intense`. The model is not asked
    about a needy draft: longing reads to it like her struggle (the rules still find both)."""
    found = _found("overshare", OVERSHARE, text)
    if found is not None or APOLOGY.search(text) is not None or angry:
        return found
    state = _rated(text, FIRST_PERSON, None, PAINFUL)
    if state is not None:
        return Flag("overshare", MESSAGES["overshare"], *state)
    return None if needy else _learned("overshare", text, scores)


def _apology(text: str) -> Flag | None:
    for match in APOLOGY.finditer(text):
        sentence = _SENTENCE.search(text, text.rfind(".", 0, match.start()) + 1)
        sympathy = sentence is not None and SYMPATHY.search(sentence.group())
        if not ("sorry" in match.group().lower() and sympathy):
            return Flag("apology", MESSAGES["apology"], match.start(), match.end())
    return None


def _questions(text: str) -> Flag | None:
    marked = "?" in text
    asked: list[re.Match[str]] = []
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group().strip()
        if marked:  # with question marks about, an unmarked sentence counts only at the very end
            ends_unmarked = sentence.end() == len(text) and body[-1:].isalnum()
            if body.rstrip("!").endswith("?") or (ends_unmarked and _ASKING.search(body)):
                # "Which day suits you, and what time?" asks two things under one mark, as do
                # "where are you, who are you with" and "what time's pickup and should I pack
                # lunch"; "do you want it or shall I keep it" is one choice.
                asked += [sentence] * (1 + len(_JOINED_QUESTION.findall(body)))
        else:
            asks = len(_ASKING.findall(body))
            asked += [sentence] * (asks + len(_JOINED_QUESTION.findall(body)) if asks else 0)
    if len(asked) < 2:
        return None
    return Flag("questions", MESSAGES["questions"], asked[0].start(), asked[-1].end())


def _too_long(text: str, his_last: str | None) -> Flag | None:
    words = len(WORD.findall(text))
    limit = max(2 * len(WORD.findall(his_last)), 11) if his_last else LONG_WITHOUT_HIS
    return Flag("too_long", MESSAGES["too_long"], None, None) if words > limit else None


def _anger(text: str) -> tuple[int, int] | None:
    """Where anger or contempt at him is said in words: strong words, or a hostile word soon
    after "you"."""
    match = STRONG_WORDS.search(text)
    if match:
        return match.start(), match.end()
    return _rated(text, YOU_SUBJECT, YOU_LINKS, HOSTILE)


def _angry(text: str, anger: tuple[int, int] | None) -> bool:
    """Anger at him, in words (`anger`, from _anger) or in capitals, is `intense`: the models,
    which read a strong "you ... me" as longing and a hurt "I" as her struggle, are not asked
    about it."""
    return anger is not None or SHOUTING.search(text) is not None


def _intense(
    text: str, scores: _Scores, *, anger: tuple[int, int] | None, needy: bool
) -> Flag | None:
    """Capitals, exclamations, emoji runs, anger in words, a strongly felt sentence; then the
    learned model, unless the draft is needy: pleading reads to it like strong feeling, and
    the guide keeps the two apart."""
    for pattern in (SHOUTING, EXCLAIM, EMOJI_RUN):
        flag = _found("intense", pattern, text)
        if flag:
            return flag
    if anger is not None:
        return Flag("intense", MESSAGES["intense"], *anger)
    # Sentence by sentence: one strong sentence is enough, and a long calm text is not.
    for sentence in _SENTENCE.finditer(text):
        compound = _analyzer().polarity_scores(sentence.group())["compound"]
        if not STRONG_NEGATIVE < compound < STRONG_POSITIVE:
            return Flag("intense", MESSAGES["intense"], sentence.start(), sentence.end())
    return None if needy else _learned("intense", text, scores)


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
    """Every flag for the draft, then the verdict; `at` is her local time of sending. During no
    contact and in the "safety" stage (safety mode) anything but logistics is dont_send, its stage
    flag first and the flags of its words after it, so every draft teaches something; in safety
    mode nothing about when to send him anything (late_night, double_text) is said."""
    held = {"safety": "safety", "no-contact": "no_contact"}.get(stage)
    if held is not None and not logistics:
        shown = check_draft(text, his_last=his_last, at=at, last_from=last_from).flags
        if held == "safety":
            shown = [flag for flag in shown if flag.code not in WAIT_FLAGS]
        return Verdict("dont_send", [Flag(held, MESSAGES[held], None, None), *shown])
    text = text.replace("\u2019", "'")  # phones type a curly apostrophe; one character for one
    scores, anger = _Scores(), _anger(text)  # judged once: it decides three flags
    angry = _angry(text, anger)
    needy = _needy(text, scores, angry=angry)
    checks: list[Callable[[], Flag | None]] = [
        lambda: needy,
        lambda: _apology(text),
        lambda: _questions(text),
        lambda: _too_long(text, his_last),
        lambda: _overshare(text, scores, needy=needy is not None, angry=angry),
        lambda: _intense(text, scores, anger=anger, needy=needy is not None),
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
