"""Step 3, "before you send": flags in a draft, each explained and located, and one verdict.

Rules are plain functions of the text and of facts passed in (stage, his last message, the time, who
wrote last); strong emotion is judged with VADER's sentiment lexicon, which ships with its package;
`needy`, `overshare` and `intense` also ask small learned models (anew.method.drafts.learned) about
wording the rules lack. The draft is read once into pieces of bounded length
(anew.method.drafts.reading), so a check costs time in proportion to the draft's length; each flag's
explanation is worded in anew.method.drafts.explanations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from itertools import pairwise

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from anew.method.drafts import explanations
from anew.method.drafts import learned as draft_models
from anew.method.drafts.cues import (
    APOLOGY,
    CONDOLENCE,
    COURTESY,
    EMOJI_RUN,
    EXCLAIM,
    FIRST_PERSON,
    FISHING,
    HOSTILE,
    HOSTILE_ORDER,
    INDIRECT_APOLOGY,
    INFORMING,
    LOUD_WORD,
    NEEDY,
    NO_APOLOGY,
    NOT_HER_STATE,
    OTHERS_NEWS,
    OVERSHARE,
    PAINFUL,
    PET_EMOJI,
    PING,
    PRACTICAL,
    REASSURANCE,
    REMORSE,
    SARCASM,
    SARCASTIC_EMOJI,
    SELF_BLAME,
    SHOUTING,
    STRONG_WORDS,
    SYMPATHY,
    THANKS,
    THREAT,
    YOU_LINKS,
    YOU_SUBJECT,
)
from anew.method.drafts.language import a_name, english_words
from anew.method.drafts.reading import Piece, Reading

REWRITE_FLAGS = ("needy", "apology", "questions", "too_long", "overshare", "intense")
WAIT_FLAGS = ("late_night", "double_text")
LONG_WITHOUT_HIS = 50
MIN_SENTENCE_WORDS = 3  # a sentence the learned models may judge on its own

# A question: a sentence that ends in "?" (a run of them counts once), or, where she wrote none,
# a sentence that opens the way questions do ("how are you", "did the dog settle in", "any idea
# where"), and each further question joined to it ("..., did the kids like it", "and has she got").
_WHAT = r"(?:how|what|wat|wot|wht|wut|where|when|wen|who|why)"  # and texting's spellings
_SUBJECT = (
    r"(?:you|u|ye|yuh|we|they|he|she|it|the|your|ur|yer|my|her|his|their|our|there"
    r"|any|anyone|anybody|anything|someone|somebody|everyone|everybody|that|this)"
)
_AUXILIARY = r"(?:are|r|is|was|were|do|did|does|have|has|can|could|would|will|should)"
_JOINER = r"(?:and|or|but|n|&)"  # "n" and "&" are texting's "and"
_AND = r"(?:and|n|&)"  # only "and" joins a second question: "or shall I" offers a choice
# Words before a first question: a greeting, or a sorry for asking ("sorry, silly question, but").
_SILLY_QUESTION = r"(?:silly|quick|random|stupid|one\s+more)\s+q(?:uestion)?\W+"
_SORRY_TO_ASK = (
    r"(?:sorry|soz|sry)(?:"  # "sorry to ask again, what time..." needs nothing more before it asks
    r"\s+to\s+(?:ask|bother\s+(?:you|u)|chase|be\s+(?:a\s+pain|annoying|a\s+nag))(?:\s+again)?\W+"
    rf"(?:{_SILLY_QUESTION})?(?:but\s+)?"
    rf"|(?:\s+again)?\W+(?:{_SILLY_QUESTION}(?:but\s+)?|but\s+))"
)
_ASKING_NICELY = rf"{_SORRY_TO_ASK}|quick\s+q(?:uestion)?\W+"
# A question asked on someone's behalf: "the hay guy wants to know if you want the second cut".
_ASKED_FOR_HER = (  # not "Dad asked if we might sort things out": that tells what was asked
    r"\b(?:wants?\s+to\s+know|wanted\s+to\s+know|(?:is|are|'s|'re)\s+(?:asking|wondering))"
    r"\s+(?:if|whether)\b"
)
# "wait, are you coming?" and "soooo are you going" still ask
_POLITE_OPENER = r"(?:hey+|hi|oh|ok|okay|so+|btw|also|wait)"
_OPENER = rf"(?:(?:{_POLITE_OPENER}|and|but)\W+|{_ASKING_NICELY})?"
_ASKING = re.compile(
    rf"\b{_WHAT}\s+(?:am|are|r|is|was|were|do|did|does|have|has|can|could|would|will|should)\b"
    rf"|^\W*{_OPENER}{_WHAT}(?:\s+(?:time|day))?'?s\b"
    rf"|^\W*{_OPENER}(?:what|wot|wit)\s+time\b"  # Scots' "wit time"
    rf"|\b{_JOINER}\s+{_WHAT}'s\b"
    rf"|\b{_JOINER}\s+(?:whats|wheres|whens|hows|whos)\b"  # "and whats your account number"
    r"|\b(?:where|what|who|how|when|why)'d\s+(?:you|u|he|she|they|we)\b"  # "where'd you put it"
    rf"|^\W*{_OPENER}who\s+(?:told|said|sent|took|gave|called|rang|saw)\b"  # "who told u that"
    r"|\b(?:what|wat|which)\s+(?:time|day|date|night|weekend|train|flight)\s+(?:are|r|is|was|do|did"
    r"|does|will|should|shall|can)\b"
    r"|\b(?:what|which)\s+[a-z]+\s+(?:r|are|do|did|does)\s+(?:u|you|we|they)\b"
    # "and which office is it at"
    r"|\b(?:and|n|&)\s+(?:what|which)\s+[a-z]+\s+(?:is|was)\s+(?:it|he|she)\b"
    rf"|^\W*{_OPENER}(?:what|which)\s+[a-z]+\s+(?:is|are|was|were)\b"
    r"|^\W*(?:any\s+idea|do\s+(?:you|u)\s+know)\s+(?:where|when|what|who|how|if|whether)\b"
    rf"|(?:^\W*{_OPENER}|\b{_AND}\s+(?:also\s+)?|\bbut\s+)(?:are|r|is|was|were|do|did|does|can|could|would|will|have|has)"
    rf"\s+{_SUBJECT}\b"
    rf"|(?:^|\b(?:and|but|n|&)\s+)(?:do|did|should|shall|can|could)\s+i\b"  # "or can I": a choice
    rf"|,\s*(?:are|r|is|do|did|does|has|have|was|were|can|could|will|would)\s+{_SUBJECT}\b"
    rf"|,\s*{_WHAT}'s\b"
    r"|,\s*(?:should|shall|can|could|do|did)\s+i\b"  # "is that weird, should i accept"
    r"|\b(?:wyd|wya|hbu)\b|\bwho\s+(?:r\s+|are\s+)?(?:u|you)\s+with\b"
    rf"|^\W*{_OPENER}how\s+(?:long|much|many|far|often|soon)\b"  # "How long has it been going on"
    # "Sam are you coming", "Cody did you take": his name first; "wants to know are we doing".
    rf"|^\W*(?-i:[A-Z])[a-z]+,?\s+(?:are|r|did|do|have|can|will|could|would)\s+(?:you|u)\b"
    rf"|\b(?:to\s+know|asking|wondering|asked)\s+(?:are|is|do|did|will|can|should)\s+{_SUBJECT}\b"
    # "Is Jen coming", "and did Sam ring": a question about someone she names.
    r"|^\W*(?:(?:and|n|so)\s+)?(?:is|was|does|did|has|will)\s+(?-i:[A-Z])[a-z]+(?:'s)?\s+(?-i:[a-z])"
    r"|,\s*(?:is|was)\s+(?:that|this)\s+(?:true|right|ok|okay|alright|fine|correct|still)\b"
    r"|,\s*(?:fancy|wanna|want\s+to)\s+(?:a|an|some|going|coming|grabbing|meeting)\b"
    # "how are you how's the new place" (not "what's the plan"), "how's work", "wanna get coffee"
    r"|(?<=\s)how'?s\s+(?:the|your|ur|ya|work|school|uni|life|things|everything)\b"
    r"|(?<=\s)wanna\s+(?:get|grab|go|come|meet|hang)\b"
    rf"|^\W*{_OPENER}who\s+[a-z]+ed\b"  # "who approved the change and why..."
    rf"|{_ASKED_FOR_HER}",
    re.IGNORECASE,
)
_JOINED_QUESTION = re.compile(
    r",\s*(?:and|or)\s+(?:what|which|when|where|who|why|how)\b"
    r"|,\s*(?:what|when|where|who|why|how)\s+(?:are|is|was|were|do|did|does|have|has|will|would|can|could"
    r"|should)\s+(?:you|u|we|they|he|she|i)\b"
    rf"|(?:,|\s{_AND})\s*how\s+(?:much|many|long|far|often)\b"
    # "...and does Leo need his towel": a second question about someone she names.
    rf"|\s{_AND}\s+(?:does|did|is|has|was|will)\s+(?-i:[A-Z])[a-z]+(?:'s)?\s"
    rf"|\s{_AND}\s+(?:also\s+)?(?:should|shall|must|can|could|do|did|does|will|would|is|are|r|was|were|has|have)"
    rf"\s+(?:i|we|{_SUBJECT})\b"
    r"|\sand\s+(?:where|when|what\s+time|how|why|who)\s*\?*\s*$"
    r"|\sand\s+(?:who\s+with|since\s+when)\s*\?*\s*$"  # "where are you living now and who with"
    r"|\sand\s+(?:which|what)\s+\w+\s*\?*\s*$"
    # "...and does kieran know about it", "...and who has the original": a second question.
    rf"|\s{_AND}\s+(?:does|did)\s+[a-z]+\s+know\b|\s{_AND}\s+who\s+(?:has|have|took|got)\b"
    r"|\s(?:was|is)\s+it\s+(?:bc|because|cos|cuz|coz)\s+of\b"
    rf"|\s{_AND}\s+(?:when|where|what|how|why|who)\s+(?:exactly\s+|else\s+)?(?:do|does|did|are|is|can"
    rf"|will|should|would|were|was)\s+(?:i|{_SUBJECT})\b"
    rf"|\s{_AND}\s+(?:when|where|what|how|why|who)\s+(?:isn't|isnt|aren't|won't|wont|didn't|didnt"
    r"|doesn't|don't|dont|can't|cant|wasn't|haven't|hasn't)\b"
    r"|,?\s+and\s+if\s+(?:it\s+is|so|not|it'?s\s+there)\s*,?\s+(?:can|could|will|would)\s+(?:you|u)\b"
    rf"|\s{_AND}\s+(?:who|what|where|when|how)'s\b"
    rf"|\s{_AND}\s+what\s+time\s+(?:you|u|yuh|ye)\b"  # "and what time yuh reach"
    # "and why u telling ppl"
    rf"|\s{_AND}\s+(?:why|where|when|how)\s+(?:u|you|ye|yuh)\s+[a-z]+in[g']?\b"
    rf"|\s{_AND}\s+(?:who|what)\s+(?:will|would|can|could|should|shall)\s+(?:be|come|go|bring|take|pick|drop|do)\b"
    rf"|\s{_AND}\s+who\s+[a-z]+ing\s+(?:him|her|them|up)\b"  # "and who collecting him"
    r"|,?\s+and\s+whether\b"  # "or whether I should" offers a choice
    r"|\sand\s+(?:where|when|who)\s+(?:[\w']+\s+){0,3}?(?:is|are|was|were)\s*\?*\s*$",
    re.IGNORECASE,
)
# The last sentence left without a mark where others have one still asks, when it opens as a
# question does: "...? how much did you put in", "...? what car will she be in", "...? is that
# what this is", "...? why won't you just say something", "...? was it the right size", "...? if
# not can i sell it", "...? what time".
_ASKS_AT_THE_END = re.compile(
    r"^\W*(?:(?:and|n|so|also|but|if\s+not,?)\s+)?(?:(?:what|which)\s+[\w']+\s+(?:is|are|was|were"
    r"|will|would|do|does|did|should|shall|can|could|suits?)\b|how\s+(?:much|many|long|far|often|come)\b"
    r"|(?:who|what|where|when|why|how)(?:'s|\s+(?:won't|wont|can't|cant|didn't|didnt|isn't|aren't"
    r"|don't|dont|doesn't|haven't|hasn't|wouldn't))\b|is\s+(?:that|this)\b"
    r"|why\s+(?:u|you|ye|yuh)\s+[a-z]+in[g']?\b"  # "...?? and why u telling ppl"
    r"|who\s+(?:\w+ed|said|told|took|gave|sent|made)\b"  # "...? also who approved the vendor"
    r"|(?:and\s+)?since\s+when\b|what\s+happened\s+(?:with|to)\b"  # "...? and since when"
    r"|(?:and|n)\s+(?:which|what)\s+\w+\W*$"  # "...? and which station"
    rf"|(?:is|are|was|were|do|does|did|has|have|can|could|will|would|shall|should)\s+(?:i|{_SUBJECT})\b"
    r"|(?:what|which)\s+(?:time|day|date)\W*$)",
    re.IGNORECASE,
)
# A sentence that opens as a question: only then is a second question joined to it ("Sorry again,
# how are you?" asks one thing).
_OPENS_ASKING = re.compile(
    # "Questions from the caterer: do you want..." opens on a few words and a colon
    r"^\W*(?:(?:[\w']+\s+){0,5}[\w']+:\s+)?"
    rf"(?:(?-i:[A-Z])[a-z]+,\s+)?(?:{_POLITE_OPENER}\W+|{_ASKING_NICELY})?"
    r"(?:which|what|wat|where|when|who|whose|why|how|is|whats|wheres|hows|whos"
    r"|are|am|was|were|do|does|did|can|could|will|would|should|shall|have|has|any|you|u|r|ok|okay|so)\b"
    rf"|{_ASKED_FOR_HER}",
    re.IGNORECASE,
)
# A one-word question of disbelief ("Seriously?", "Really?") asks nothing.
_ECHOES = frozenset({"really", "seriously", "again", "nothing", "honestly", "huh", "wow", "srsly"})
_GREETING = re.compile(r"hel+o+|hi+|hey+|oi|yo|hiya")  # "hello??" asks for an answer
# The question before, asked again: "Are you happy? Like actually happy?"
_ASKED_AGAIN = re.compile(
    r"\W*(?:like,?\s+(?:actually|really|properly|genuinely|honestly|truly)|i\s+mean)\b",
    re.IGNORECASE,
)
_PET = re.compile(f"[{PET_EMOJI}]")  # a pet sends the news
_TO_HIM = re.compile(r"\b(?:you|u|ya|your|ur|yours|you'?re)\b", re.IGNORECASE)
_FIRST_PERSON_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(FIRST_PERSON | {"me", "my", "we", "us", "our"})) + r")\b",
    re.IGNORECASE,
)
# He, she, they, or a name with its "'s" ("Isla's been sick"): texting drops "I", so a capitalised
# verb ("Joined the gym") opens many of her own sentences.
_THIRD_PERSON = re.compile(r"\b(?:he|she|they|him|her|his|their)\b", re.IGNORECASE)
_NAMED_INSIDE = re.compile(r"\w[^\w.!?]+((?-i:[A-Z])[a-z]+)\b")  # "but Rory was in hospital"
_OPENS_ON_ANOTHER = re.compile(
    r"^\W*(?:(?:he|she|they)(?:'s\b|\s)|((?-i:[A-Z])[^\W\d_]+)'s\b)", re.IGNORECASE
)
_AGAIN_LEAD = re.compile(r"^\W*(?:(?:seriously|honestly|really|like|i\s+mean)\W+)*")
# "Or Wednesday?": a few words after "or", with no verb or subject of their own, finish the question
# before ("Or did you forget?" asks again).
_OTHER_CHOICE = re.compile(
    r"\W*or\s+(?!.*\b(?:is|are|was|were|would|will|shall|should|can|could|do|does|did|have|has|am"
    r"|you|u|she|he|they|we|i|it)\b)[\w'.]+(?:\s+[\w'.]+){0,2}\s*\?*\W*",
    re.IGNORECASE,
)
_LEAD = re.compile(rf"\W*{_OPENER}", re.IGNORECASE)  # what comes before the first question
# Leading words that join a question to the one before, left out of its highlight.
_JOINING = re.compile(r"(?:[\s,;]+|(?:and|or|but|also)\b)*", re.IGNORECASE)
# VADER compound scores beyond these are strong emotion; warm wishes ("happy birthday") stay below.
STRONG_NEGATIVE, STRONG_POSITIVE = -0.8, 0.94
GLAD = 0.3  # a sentence at least this warm, by VADER, makes its "!!!" delight rather than strain
WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"[A-Za-z']+")
_CLAUSE = re.compile(r"[^.!?\n,;:]+")
_EDGE = 40  # characters a highlight may grow by to reach a word's edge
SHORT_SORRY = 6  # words: "I'm so sorry about Max." belongs to the sentences around it
PING_LENGTH = 60  # "hello??" or "did you get my message?" is a short draft on its own
WHOLE_DRAFT = 1600  # characters up to which the learned models also read the draft as a whole

MESSAGES = {
    "no_contact": "You're in your no-contact period: keep this in your vault rather than send it.",
    "needy": "This asks him for attention or for the relationship back. Your vault can hold that.",
    "apology": "You don't owe an apology here. Say what you mean without saying sorry.",
    "questions": "Several questions at once can feel like pressure. Keep one, or none.",
    "too_long": "This runs long for a message to him. A few light lines leave room to breathe.",
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
class Context:
    """What a draft is read beside, apart from its words: her stage ("reconnecting",
    "no-contact", "safety"...), his last message, her local time of sending (`at`), who wrote
    last ("me" or "him"), and whether she says it is about logistics only. Every face builds one
    and passes it through: the checker, the coach and the calmer version read the same."""

    stage: str = "reconnecting"
    his_last: str | None = None
    at: datetime | None = None
    last_from: str | None = None
    logistics: bool = False


@dataclass(frozen=True)
class Verdict:
    verdict: str  # dont_send | rewrite | wait | send
    flags: list[Flag]
    suggestion: str | None = None  # a calmer version of her draft, or None where none is needed


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _compound(text: str) -> float:
    """VADER's overall score for one sentence, -1 (hostile) to 1 (rapturous)."""
    return float(_analyzer().polarity_scores(text)["compound"])


def _is_word(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] in "'_")


def _aligned(text: str, span: Span) -> Span:
    """The span grown to whole words at both ends (by at most _EDGE characters) and without the
    spaces around it, nor the end of the sentence before it (". Noted." is "Noted."): a highlight
    never starts with a space or stops mid-word."""
    start, end = span
    words_at = next((i for i in range(start, end) if text[i].isalnum()), None)
    while start < end and (
        text[start].isspace()
        or (words_at is not None and start < words_at and text[start] in ".!?,;:")
    ):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    for _ in range(_EDGE):
        if not (_is_word(text, start - 1) and _is_word(text, start)):
            break
        start -= 1
    for _ in range(_EDGE):
        if not (_is_word(text, end - 1) and _is_word(text, end)):
            break
        end += 1
    return start, end


def _spans(text: str, found: Iterable[Span]) -> tuple[Span, ...]:
    """Every phrase, word-aligned, sorted, with overlapping ones joined."""
    joined: list[Span] = []
    for start, end in sorted(_aligned(text, span) for span in found):
        if start >= end:
            continue
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return tuple(joined)


def _flag(code: str, why: str, spans: tuple[Span, ...]) -> Flag:
    first = spans[0] if spans else (None, None)
    return Flag(code, MESSAGES[code], first[0], first[1], why=why, spans=spans)


class _Scores:
    """The learned models' probabilities for one draft and its sentences: each piece is read into
    features once, however many models are asked about it."""

    def __init__(self, reading: Reading) -> None:
        self._reading = reading
        self._features: dict[str, dict[str, float]] = {}

    def __call__(self, code: str, piece: Piece) -> float:
        found = self._reading.answer("features", piece.text, draft_models.features)
        return self._reading.answer(
            code, piece.text, lambda _: draft_models.probability_of(code, found)
        )

    def of_all(self, code: str, pieces: list[Piece]) -> float:
        """The model's probability for these pieces read as one text (the whole draft, or all of
        it but some sentences). A draft of over WHOLE_DRAFT characters is judged sentence by
        sentence: its highest sentence stands for it, so no text is read twice in full."""
        if sum(len(piece.text) for piece in pieces) > WHOLE_DRAFT:
            return max((self(code, piece) for piece in pieces), default=0.0)
        key = ("whole", code, tuple(piece.start for piece in pieces))
        return self._reading.answer(
            key,
            "",
            lambda _: draft_models.probability_of(
                code, draft_models.features_of([self._reading.hand(p.text) for p in pieces])
            ),
        )


def _learned(code: str, reading: Reading, scores: _Scores, pieces: list[Piece]) -> tuple[Span, ...]:
    """The sentences the learned model flags: when it says so of the whole draft (the sentence it
    rates highest), or is sure of one sentence of three words or more (a calm sentence beside it
    must not hide it; "See you." or "So what now?" alone is too little to go on)."""
    if sum(len(WORD.findall(piece.text)) for piece in pieces) < MIN_SENTENCE_WORDS:
        return ()  # "cheers" or "yes" alone is too little to go on
    rated = [(scores(code, piece), piece) for piece in pieces]
    whole = rated[0][0] if len(pieces) == 1 else scores.of_all(code, pieces)
    sure = [
        (piece.start, piece.end)
        for probability, piece in rated
        if len(pieces) > 1
        and probability >= draft_models.SENTENCE_THRESHOLD
        and len(WORD.findall(piece.text)) >= MIN_SENTENCE_WORDS
    ]
    if sure:
        return tuple(sure)
    threshold = draft_models.THRESHOLDS.get(code, draft_models.THRESHOLD)
    if len(pieces) < len(reading.sentences):  # the rest is news or practical: a fragment is left
        threshold = max(threshold, draft_models.SENTENCE_THRESHOLD)
    if whole < threshold:
        return ()
    best = max(rated, key=lambda pair: pair[0])[1]
    return ((best.start, best.end),)


def _calm(reading: Reading, *, practical: bool = True) -> set[int]:
    """The sentences that are news of others (a loss, good wishes, their child's school) or
    reassurance, and with `practical` practical ones, which the needy and overshare models are
    not asked about: their words (need, miss, sleep) are not longing or her struggle there."""
    if reading.first(SYMPATHY) is not None and reading.first(CONDOLENCE) is not None:
        return set(range(len(reading.sentences)))  # a condolence, every sentence of it
    cues = (OTHERS_NEWS, REASSURANCE, PRACTICAL) if practical else (OTHERS_NEWS, REASSURANCE)
    calm = {reading.sentence_index(start) for cue in cues for start, _ in reading.matches(cue)}
    if calm or _news_of_others(reading):  # "Cody made varsity. Thought you'd want to know."
        for start, end in reading.matches(INFORMING):
            index = reading.sentence_index(start)
            sentence = reading.sentences[index]
            if reading.count(WORD, sentence) <= len(WORD.findall(reading.text[start:end])) + 2:
                calm.add(index)  # only where those words are nearly all the sentence says
    return calm


def _news_of_others(reading: Reading) -> bool:
    """Whether the draft, beside its words that pass news on, tells of others only ("Bo slept
    through the night."): her own news ("I got the promotion") or a pet's ("…🐾") sent to him
    that way reaches for him."""
    if len(reading.sentences) < 2 or reading.first(_PET) is not None:
        return False
    return not any(  # nor news of him ("Your favourite band is touring again.")
        reading.has(_FIRST_PERSON_WORD, sentence) or reading.has(_TO_HIM, sentence)
        for sentence in reading.sentences
        if not reading.has(INFORMING, sentence)
    )


def _needy(
    reading: Reading, scores: _Scores, *, angry: bool, sorry: bool, answering: bool
) -> Flag | None:
    """The rules' phrasings first; else the learned model, which also knows wording they don't.
    The model, which reads a strong "you ... me" as longing, is not asked about anger (that is
    `intense`), an apology ("that's on me", "I hope you can forgive me"), or a sentence that is
    practical, sympathy or good wishes ("could I have my straighteners back", "thinking of you
    all", "congrats on the job")."""
    text = reading.text
    calm = _calm(reading)
    ping = PING.match(text[:PING_LENGTH]) if len(text) <= PING_LENGTH else None
    found = [ping.span()] if ping else []
    if not answering and _calls_him(text):
        found.append((0, len(text)))
    found += [span for span in reading.matches(FISHING) if not _of_another(reading, span)]
    found += [
        span
        for span in reading.matches(NEEDY)
        # "thinking of you" beside a loss or good wishes is sympathy.
        if not (
            text[span[0] : span[1]].lower().startswith("think")
            and reading.sentence_index(span[0]) in calm
        )
    ]
    if not found and not angry and not sorry:
        pieces = [s for i, s in enumerate(reading.sentences) if i not in calm]
        # Contempt in words no list has ("you revolt me") also reads to it as longing: where the
        # intense model is surer, the draft is left to `intense`.
        if pieces and scores.of_all("intense", pieces) <= scores.of_all("needy", pieces):
            found = list(_learned("needy", reading, scores, pieces))
    spans = _spans(text, found)
    return _flag("needy", explanations.needy(text, spans), spans) if spans else None


def _calls_him(text: str) -> bool:
    """A name alone ("Josh", "brad?") with no message of his to answer calls him: it asks for
    his attention. A word of thanks in another language ("webale") is no name unless capitalised
    or asked ("Kyle?")."""
    word = text.strip().rstrip("?! ")
    if not word.isalpha() or ("?" not in text and not word[:1].isupper()):
        return False  # "Noted." or "Kevin." closes something: a name calls without a full stop
    return a_name(word, word.lower()) or ("?" in text and _called(text))


def _of_another(reading: Reading, aside: Span) -> bool:
    """Whether the draft, the words at `aside` left out, tells of someone else and never of her:
    "not that you asked, but Rory was in hospital" (a dig; its own news is his son's)."""
    rest = reading.text[: aside[0]] + " " + reading.text[aside[1] :]
    if _FIRST_PERSON_WORD.search(rest):
        return False  # "I passed my upgrade. not that it matters to you": her news
    named = (m.group(1).lower() not in english_words() for m in _NAMED_INSIDE.finditer(rest))
    return (
        bool(_THIRD_PERSON.search(rest))
        or any(named)
        or any(_OPENS_ON_ANOTHER.match(sentence.text) for sentence in reading.sentences)
    )


def _rated(
    reading: Reading, lead: frozenset[str], links: frozenset[str] | None, below: float
) -> list[Span]:
    """Where a word rated `below` or lower by VADER's lexicon comes soon after a `lead` word in
    the same clause (within five words, or, with `links`, after linking words only), from the
    lead word to it. A word that belongs to another flag ends the search in its clause."""
    lexicon: dict[str, float] = _analyzer().lexicon
    found: list[Span] = []
    for window in reading.windows:
        for clause in _CLAUSE.finditer(reading.hand(window.text)):
            words = list(_TOKEN.finditer(clause.group()))
            for index, word in enumerate(words):
                if word.group().lower() not in lead:
                    continue
                for following in words[index + 1 : index + 6]:
                    said = following.group().lower()
                    if said in NOT_HER_STATE:
                        break
                    if lexicon.get(said, 0.0) <= below:
                        offset = window.start + clause.start()
                        found.append((offset + word.start(), offset + following.end()))
                        break
                    if links is not None and said not in links:
                        break
    return found


def _overshare(
    reading: Reading, scores: _Scores, *, needy: bool, angry: bool, sorry: bool
) -> Flag | None:
    """The rules, then her own state in VADER's painful words, then the learned model; remorse
    inside an apology is not her struggle, and anger at him is `intense`. The model is not asked
    about a needy draft: longing reads to it like her struggle (the rules still find both)."""
    found = list(reading.matches(OVERSHARE))
    if sorry:  # "I feel awful" beside a sorry is remorse
        remorse = list(reading.matches(REMORSE))
        found = [f for f in found if not any(r[0] < f[1] and f[0] < r[1] for r in remorse)]
    if not (sorry or angry):
        found += _rated(reading, FIRST_PERSON, None, PAINFUL)
        if not found and not needy:
            calm = _calm(reading, practical=False)  # money trouble is her struggle
            pieces = [
                piece
                for i, piece in enumerate(reading.sentences)
                if i not in calm and not reading.answer("about another", piece.text, _about_another)
            ]
            found = list(_learned("overshare", reading, scores, pieces))
    spans = _spans(reading.text, found)
    return _flag("overshare", explanations.overshare(reading.text, spans), spans) if spans else None


def _about_another(sentence: str) -> bool:
    """A sentence that opens on someone else and never speaks of her ("He cried himself to sleep",
    "Isla's been sick twice") tells of their state, not hers."""
    opening = _OPENS_ON_ANOTHER.match(sentence)
    if opening is None or _FIRST_PERSON_WORD.search(sentence):
        return False  # "Ma is refusing to come to my birthday": hers too
    name = opening.group(1)
    return name is None or name.lower() not in english_words()


def _apologies(reading: Reading) -> list[Span]:
    """Every apology, direct or indirect; not sympathy ("so sorry about your grandad, he was a
    lovely man") nor reassurance ("don't worry, it wasn't on you", "no need to say sorry")."""
    text, sympathy = reading.text, {}
    reassured = [*reading.matches(REASSURANCE), *reading.matches(NO_APOLOGY)]
    found = []
    for span in [*reading.matches(APOLOGY), *reading.matches(INDIRECT_APOLOGY)]:
        if any(start < span[1] and span[0] < end for start, end in reassured):
            continue
        index = reading.sentence_index(span[0])
        if index not in sympathy:
            sympathy[index] = _near_a_loss(reading, index)
        if (
            sympathy[index]
            and "sorry" in text[span[0] : span[1]].lower()
            # "sorry I didn't come to the funeral" is hers to say, beside a loss or not
            and not _OWNS_IT.match(text[span[1] : span[1] + _EDGE])
        ):
            continue
        found.append(span)
    return found


_OWNS_IT = re.compile(
    r"\s+(?:that\s+)?i\b|\s+for\s+(?:not|missing|my|being|that|all\s+that|what\s+i)\b"
    # "sorry for the late message" beside news of a hospital is still hers
    r"|\s+for\s+the\s+(?:late|delay|wait|short\s+notice|mix|confusion|hassle|bother|trouble|long|text"
    r"|message|messages|call|calls|missed)\b",
    re.IGNORECASE,
)


def _near_a_loss(reading: Reading, index: int) -> bool:
    """Whether the sorry's sentence speaks of a loss or illness, or, said in a few words on its own
    ("I'm so sorry."), the sentence before or after it does."""
    sentences = reading.sentences
    near = [index]
    if len(WORD.findall(sentences[index].text)) <= SHORT_SORRY:
        near += [i for i in (index - 1, index + 1) if 0 <= i < len(sentences)]
    return any(reading.has(SYMPATHY, sentences[i]) for i in near)


def _owed(reading: Reading, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The apologies she may owe: those outside a courtesy sentence ("sorry, running late"); none
    where she takes on blame that is not hers, which is not hers to apologise for."""
    if reading.first(SELF_BLAME) is not None:
        return ()
    courteous = {reading.sentence_index(start) for start, _ in reading.matches(COURTESY)}
    return tuple(span for span in spans if reading.sentence_index(span[0]) not in courteous)


def owed_apologies(text: str) -> tuple[Span, ...]:
    """Where `text` says a sorry she may owe, as the apology flag's phrases: the calmer version
    keeps the first of them, once (docs/drafts.md)."""
    reading = Reading(text.replace("\u2019", "'"))
    return _owed(reading, _spans(reading.text, _apologies(reading)))


def _apology(reading: Reading, found: list[Span]) -> Flag | None:
    """The apology, with the advice that fits it: a courtesy sorry can stay short, blame that is
    not hers is not hers to apologise for, and a sorry she owes is best said once."""
    spans = _spans(reading.text, found)
    if not spans:
        return None
    if reading.first(SELF_BLAME) is not None:
        kind = "self_blame"
    else:
        kind = "owed" if _owed(reading, spans) else "courtesy"
    return _flag("apology", explanations.apology(reading.text, spans, kind), spans)


def _asked(reading: Reading, sentence: Piece, count: int) -> list[Span]:
    """The `count` questions of one sentence, cut where each further one begins."""
    body = reading.hand(sentence.text)
    opening = _LEAD.match(body)  # always matches, maybe nothing
    lead = opening.end() if opening else 0
    cuts = sorted(
        {m.start() for m in _ASKING.finditer(body) if m.start() > lead}
        | {m.start() for m in _JOINED_QUESTION.finditer(body) if m.start() > lead}
    )[: count - 1]
    bounds = [lead if lead < len(body) else 0, *cuts, len(body)]
    spans = []
    for start, end in pairwise(bounds):
        start += len(_JOINING.match(body, start).group())  # type: ignore[union-attr]
        spans.append((sentence.start + start, sentence.start + max(end, start)))
    return spans


def _called(body: str) -> bool:
    """A name alone with its question mark ("Geoffrey?", "tyler??") calls him; it asks nothing."""
    word = body.strip("?!. ").lower()
    return word.isalpha() and word not in english_words() and not _GREETING.fullmatch(word)


def _questions(reading: Reading) -> Flag | None:
    text = reading.text
    marked = "?" in text
    ending = len(text.rstrip())
    asked: list[Span] = []
    already: set[str] = set()
    for sentence in reading.sentences:
        body = reading.hand(sentence.text).strip()
        said = _AGAIN_LEAD.sub("", body.lower()).strip("?!. ")
        if (
            body.strip("?!. ").lower() in _ECHOES
            or _ASKED_AGAIN.match(body)
            or _called(body)
            or said in already
            or (asked and _OTHER_CHOICE.fullmatch(body))
        ):
            # disbelief ("Really?"), asked again ("Like actually happy?", "Seriously, what is
            # wrong with you?" after the same), a call ("Jo?"), the other half of a choice ("Can
            # you do Tuesday? Or Wednesday?")
            continue
        already.add(said)
        joined = reading.count(_JOINED_QUESTION, sentence)
        joined = joined if joined and reading.has(_OPENS_ASKING, sentence) else 0
        if marked:  # with question marks about, an unmarked sentence counts only at the very end
            ends_unmarked = sentence.end >= ending and body[-1:].isalnum()
            asks_at_end = ends_unmarked and (
                reading.has(_ASKING, sentence) or reading.has(_ASKS_AT_THE_END, sentence)
            )
            if body.rstrip("!").endswith("?") or asks_at_end:
                # "Which day suits you, and what time?" asks two things under one mark, as do
                # "where are you, who are you with" and "what time's pickup and should I pack
                # lunch"; "do you want it or shall I keep it" is one choice.
                asked += _asked(reading, sentence, 1 + joined)
        else:
            asks = reading.count(_ASKING, sentence)
            if asks:
                asked += _asked(reading, sentence, asks + joined)
    if len(asked) < 2:
        return None
    spans = _spans(text, asked)
    return _flag("questions", explanations.questions(text, spans), spans)


def _too_long(text: str, his_last: str | None) -> Flag | None:
    words = len(WORD.findall(text))
    his_words = len(WORD.findall(his_last)) if his_last else 0
    limit = max(2 * his_words, 11) if his_last else LONG_WITHOUT_HIS
    if words <= limit:
        return None
    return _flag("too_long", explanations.too_long(words, his_words or None), ())


# The kinds of strong feeling, the most serious first: the explanation speaks to the first found.
_INTENSE_KINDS = ("threat", "order", "sarcasm", "anger", "capitals", "rapture", "delight")


def _anger(reading: Reading) -> dict[str, list[Span]]:
    """Anger and contempt at him said in words, by kind: threats, hostile orders, sarcasm, and
    strong words or a hostile word soon after "you"; and capitals."""
    return {
        "threat": list(reading.matches(THREAT)),
        "order": list(reading.matches(HOSTILE_ORDER)),
        "sarcasm": [
            *reading.matches(SARCASM),
            *(
                _rolled(reading, emoji)
                for emoji in reading.matches(SARCASTIC_EMOJI)
                if _at_him(reading, emoji)
            ),
        ],
        "anger": [
            *reading.matches(STRONG_WORDS),
            *_rated(reading, YOU_SUBJECT, YOU_LINKS, HOSTILE),
        ],
        "capitals": [
            span
            for span in [*reading.matches(SHOUTING), *reading.matches(LOUD_WORD)]
            if _said_loud(reading.text[span[0] : span[1]])
        ],
    }


def _at_him(reading: Reading, emoji: Span) -> bool:
    """An eye roll is aimed at someone, and so is an upside-down face, except beside her own
    trouble told without a word to him ("got made redundant today 🙃" is wry about her luck)."""
    sentence = reading.sentences[reading.sentence_index(emoji[0])]
    if reading.text[emoji[0] : emoji[1]] == "\U0001f644" or reading.has(_TO_HIM, sentence):
        return True
    return not reading.has(OVERSHARE, sentence)


def _rolled(reading: Reading, emoji: Span) -> Span:
    """An eye roll with the words of its sentence before it, which is what it is about."""
    sentence = reading.sentences[reading.sentence_index(emoji[0])]
    return (min(sentence.start, emoji[0]), emoji[1])


def _said_loud(capitals: str) -> bool:
    """Capitals that hold an English word are raised voice; an acronym alone ("HMRC", "RSVP",
    "GCSE") is just how it is written."""
    return any(word.lower() in english_words() for word in _TOKEN.findall(capitals))


def _exclaimed(reading: Reading, pattern: re.Pattern[str]) -> list[Span]:
    """Runs of "!!", "?!" or emoji, each with the word before it, which is what it stresses."""
    text, found = reading.text, []
    for start, end in reading.matches(pattern):
        word = start
        while word > 0 and start - word < _EDGE and text[word - 1].isspace():
            word -= 1
        while word > 0 and start - word < _EDGE and not text[word - 1].isspace():
            word -= 1
        found.append((word if word < start and text[word:start].strip() else start, end))
    return found


def _intense(
    reading: Reading,
    scores: _Scores,
    *,
    said: dict[str, list[Span]],
    needy: bool,
    sorry: bool,
) -> Flag | None:
    """Threats, orders, sarcasm, anger in words, capitals, exclamations, emoji runs, strongly felt
    sentences; then the learned model, unless the draft is needy: pleading reads to it like strong
    feeling, and the guide keeps the two apart; nor about an apology (remorse is not anger)."""
    found = {kind: list(spans) for kind, spans in said.items()}
    found["rapture"], found["delight"] = [], []
    if reading.first(SYMPATHY) is not None and reading.first(CONDOLENCE) is not None:
        found["anger"] = [  # "he was the best dog that farm ever had": grief and kindness
            span
            for span in found["anger"]
            if not reading.has(SYMPATHY, reading.sentences[reading.sentence_index(span[0])])
        ]
    for sentence in reading.sentences:  # one strong sentence is enough, and a long calm text is not
        compound = reading.answer("vader", sentence.text, _compound)
        if compound <= STRONG_NEGATIVE and not reading.has(NEEDY, sentence):  # "so bad it hurts"
            found["anger"].append((sentence.start, sentence.end))
        elif compound >= STRONG_POSITIVE:
            found["rapture"].append((sentence.start, sentence.end))
    # Marks beside anger carry it; in a glad sentence on their own they are delight, said gently.
    angry = any(found[kind] for kind in ("threat", "order", "sarcasm", "anger"))
    for mark in [*_exclaimed(reading, EXCLAIM), *_exclaimed(reading, EMOJI_RUN)]:
        sentence = reading.sentences[reading.sentence_index(mark[0])]
        glad = reading.answer("vader", sentence.text, _compound) >= GLAD
        found["delight" if glad and not angry else "anger"].append(mark)
    if not any(found.values()) and not needy and not sorry:
        calm = _calm(reading, practical=False)  # good wishes and reassurance are not anger
        calm |= {reading.sentence_index(start) for start, _ in reading.matches(THANKS)}
        pieces = [s for i, s in enumerate(reading.sentences) if i not in calm]
        found["anger"] = list(_learned("intense", reading, scores, pieces))
    kind = next((kind for kind in _INTENSE_KINDS if found[kind]), None)
    if kind is None:
        return None
    text = reading.text
    spans = _spans(text, [span for spans in found.values() for span in spans])
    first = _spans(text, found[kind])
    return _flag("intense", explanations.intense(text, first, kind), spans)


def _late(at: datetime | None) -> Flag | None:
    if at is not None and (at.hour >= 23 or at.hour < 6):
        return _flag("late_night", explanations.late_night(at), ())
    return None


def check_draft(text: str, context: Context = Context()) -> Verdict:
    """Every flag for the draft, then the verdict. During no contact and in the "safety" stage
    (safety mode) anything but logistics is dont_send, its stage flag first and the flags of its
    words after it (read as they would be outside it), so every draft teaches something; in safety
    mode nothing about when to send him anything (late_night, double_text) is said."""
    held = {"safety": "safety", "no-contact": "no_contact"}.get(context.stage)
    if held is not None and not context.logistics:
        shown = check_draft(text, replace(context, stage=Context.stage)).flags
        if held == "safety":
            shown = [flag for flag in shown if flag.code not in WAIT_FLAGS]
        return Verdict("dont_send", [Flag(held, MESSAGES[held], None, None), *shown])
    text = text.replace("\u2019", "'")  # phones type a curly apostrophe; one character for one
    reading = Reading(text)
    scores, said = _Scores(reading), _anger(reading)  # judged once: they decide three flags
    angry = any(said.values())
    apologies = _apologies(reading)
    needy = _needy(
        reading, scores, angry=angry, sorry=bool(apologies), answering=context.his_last is not None
    )
    checks: list[Callable[[], Flag | None]] = [
        lambda: needy,
        lambda: _apology(reading, apologies),
        lambda: _questions(reading),
        lambda: _too_long(text, context.his_last),
        lambda: _overshare(
            reading, scores, needy=needy is not None, angry=angry, sorry=bool(apologies)
        ),
        lambda: _intense(
            reading, scores, said=said, needy=needy is not None, sorry=bool(apologies)
        ),
        lambda: _late(context.at),
        lambda: (
            Flag("double_text", MESSAGES["double_text"], None, None)
            if context.last_from == "me"
            else None
        ),
    ]
    flags = [flag for check in checks if (flag := check()) is not None]
    codes = {flag.code for flag in flags}
    if codes & set(REWRITE_FLAGS):
        return Verdict("rewrite", flags)
    if codes & set(WAIT_FLAGS):
        return Verdict("wait", flags)
    return Verdict("send", flags)
