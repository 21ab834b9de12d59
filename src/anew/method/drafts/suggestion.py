"""A calmer version of her draft, made only of her own words, for her to take, edit or ignore.

Nothing is ever added: sentences are dropped (the needy one, the over-explaining, the second
question, a courtesy sorry), capitals and "!!" are quieted, and the result is checked again with
the same checker. A sorry she owes is kept once, as her flag's explanation advises: the first,
without its repeats or grovelling. A version is offered only when that second check finds none of
the content flags (but that one sorry) and every practical fact of hers (facts.py) is still
there; otherwise there is none, rather than one that would mislead her.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from anew.method.drafts.facts import fact_spans, keeps_facts
from anew.method.drafts.language import english_words
from anew.method.drafts.rules import (
    LONG_WITHOUT_HIS,
    REWRITE_FLAGS,
    WORD,
    Context,
    Flag,
    Span,
    check_draft,
    owed_apologies,
)

LOWERED_FROM = 4  # letters: a shouted word this long is lower-cased even if no list knows it
ROUNDS = 6  # each round removes what the last check still found; a handful always suffices
# Longer than a few text messages, a draft is not made calmer by cutting sentences from it, and
# each round's second check would cost more than the first: none is offered.
LONGEST = 2000
_UNIT = re.compile(r"[^.!?\n]*(?:[.!?]+[\"')\]]*|\n|$)\s*")
# A clause ends at a comma, a colon or "but"; "and" and "so" join too much to cut at
# ("I messed up and I know it", "sorry I was so moody").
_CLAUSE_END = re.compile(r"[,;:.!?\n]|\sbut\s", re.IGNORECASE)
_CLAUSE_START = re.compile(r".*(?:[,;:]|\sbut\s)", re.IGNORECASE | re.DOTALL)
MIN_KEPT_WORDS = 3  # what is left of a cut sentence must still say something on its own
MIN_WORDS = 2  # and a suggestion of one word ("Whenever.") is none
MAX_CUTS = 3  # a sentence with more phrases to cut than this goes whole (or, with a fact, stays)
_LEADING_JOINER = re.compile(
    r"^\s*(?:(?:but|and|so|though|anyway|also|oh|well)\b[\s,]*)+", re.IGNORECASE
)
_SHOUTED = re.compile(r"\b[A-Z][A-Z']*[A-Z]\b")
_MARKS = re.compile(r"[!?]*\?[!?]*|!{2,}")
_EMOJI_RUN = re.compile(
    r"([\U0001F000-\U0001FAFF\u2600-\u27BF])[\U0001F000-\U0001FAFF\u2600-\u27BF\ufe0f\u200d]+"
)
# Words piled on a sorry ("so so sorry", "really truly sorry"): grovelling, which the one sorry
# a calmer version keeps goes without. One "so" is just how people say it, and stays.
_GROVEL = re.compile(
    r"\b(?:(?:so|really|truly|deeply|very|terribly|awfully|incredibly|extremely|sincerely)\s+){2,}"
    r"(?=(?:sorry|soz|sry)\b)",
    re.IGNORECASE,
)
_SECOND_QUESTION = re.compile(
    r",?\s+(?:and|or)\s+(?=\w)|,\s+(?=(?:what|when|where|who|why|how)\b)", re.I
)


@dataclass
class _Draft:
    """Her draft as sentences (each with the space after it), so that any can be dropped."""

    units: list[str]

    @property
    def text(self) -> str:
        return "".join(self.units).strip()

    def spans(self) -> list[tuple[int, int]]:
        """Where each unit lies in `text` (which drops the leading space of the first)."""
        lead = len("".join(self.units)) - len("".join(self.units).lstrip())
        found, cursor = [], -lead
        for unit in self.units:
            found.append((cursor, cursor + len(unit)))
            cursor += len(unit)
        return found

    def touched(self, flag: Flag) -> dict[int, list[tuple[int, int]]]:
        """The units any of a flag's phrases reach into, each with the phrases that start in it:
        one sweep over both, sorted, however many there are."""
        phrases = sorted(flag.spans)
        found: dict[int, list[tuple[int, int]]] = {}
        active: list[tuple[int, int]] = []
        first = 0
        for index, (start, end) in enumerate(self.spans()):
            active = [phrase for phrase in active if phrase[1] > start]
            while first < len(phrases) and phrases[first][0] < end:
                if phrases[first][1] > start:
                    active.append(phrases[first])
                first += 1
            if active:
                found[index] = [phrase for phrase in active if phrase[0] >= start]
        return found


def _lower_shouting(match: re.Match[str]) -> str:
    """A shouted word in lower case; a short one that is no English word is an abbreviation
    ("PE kit", "the GP", "NHS") and keeps its capitals."""
    word = match.group()
    if len(word) >= LOWERED_FROM or word.lower() in english_words():
        return word.lower()
    return word


def _quiet(text: str) -> str:
    """Capitals to lower case, "!!" and "?!" to one mark, a run of emoji to its first."""
    text = _SHOUTED.sub(_lower_shouting, text)
    text = _MARKS.sub(lambda m: "?" if "?" in m.group() else "!", text)
    return _EMOJI_RUN.sub(r"\1", text)


def _tidy(unit: str) -> str:
    """A sentence whose opening was cut: no joining word first, and a capital to start it."""
    body = _LEADING_JOINER.sub("", unit).lstrip(" ,;:-")
    return body[:1].upper() + body[1:] if body else ""


def _without_clause(unit: str, start: int, end: int, least: int = MIN_KEPT_WORDS) -> str:
    """The sentence less the clause that holds [start, end): "Sorry, could you move the van?"
    keeps "Could you move the van?"; a sentence that is all one clause, or that would keep fewer
    than `least` words, goes whole."""
    before = _CLAUSE_START.match(unit[:start])
    head = unit[: before.end()] if before else ""
    after = _CLAUSE_END.search(unit, end)
    if after is None or after.group() in ".!?\n" or after.group().strip() == "":
        tail = unit[after.start() :] if after and head.strip() else ""
    else:
        tail = unit[after.end() if after.group() in ",;:" else after.start() :]
    kept = _tidy(tail) if not head.strip() else head.rstrip(" ,;:") + tail
    return kept if len(WORD.findall(kept)) >= least else ""


def _has_fact(unit: str) -> bool:
    return bool(fact_spans(unit))


def _said(draft: _Draft, index: int, kept: Span | None) -> str:
    """The words of the sorry she owes (`kept`) where unit `index` holds them, else ""."""
    start, end = draft.spans()[index]
    if kept is None or not start <= kept[0] < end:
        return ""
    return draft.units[index][kept[0] - start : kept[1] - start]


def _cut(draft: _Draft, flag: Flag, kept: Span | None = None) -> bool:
    """Remove what one flag is about: a whole sentence, or the clause of one that holds a fact
    or the sorry she owes (`kept`), which stay."""
    changed = False
    offsets = draft.spans()
    for index, inside in sorted(draft.touched(flag).items(), reverse=True):
        unit, (unit_start, _) = draft.units[index], offsets[index]
        before, said = unit, _said(draft, index, kept)
        held = _has_fact(unit) or bool(said)
        if (flag.code == "apology" or held) and len(inside) <= MAX_CUTS:
            # A courtesy sorry goes and the request stays; a fact is never dropped with its clause.
            for start, end in reversed(inside):
                shorter = _without_clause(unit, start - unit_start, end - unit_start)
                if shorter != unit and keeps_facts(unit, shorter) and said in shorter:
                    draft.units[index], unit, changed = shorter, shorter, True
        if unit == before and not held:
            draft.units[index], changed = "", True
    draft.units = [unit for unit in draft.units if unit.strip()]
    return changed


def _unit_at(draft: _Draft, position: int) -> int:
    """The index of the unit that holds the character at `position` of `text`."""
    return next(i for i, (start, end) in enumerate(draft.spans()) if start <= position < end)


def _said_once(draft: _Draft, flag: Flag, owed: tuple[Span, ...]) -> bool:
    """Whether the draft already says the sorry she owes as the calmer version keeps it: one
    apology, the one she owes, with no grovelling run in its sentence."""
    if flag.spans != owed[:1] or len(owed) != 1:
        return False
    return not _GROVEL.search(draft.units[_unit_at(draft, owed[0][0])])


def _sorry_once(draft: _Draft, flag: Flag, kept: Span) -> bool:
    """Keep the first sorry she owes (`kept`), said once: first every other apology, in other
    sentences, goes as _cut takes them; then, in its own sentence, the repeats ("I'm sorry, I'm
    so sorry") and a grovelling run ("so so sorry"). One step a round: the offsets go stale."""
    index = _unit_at(draft, kept[0])
    start, end = draft.spans()[index]
    elsewhere = tuple(span for span in flag.spans if not start <= span[0] < end)
    if elsewhere:
        return _cut(draft, replace(flag, spans=elsewhere))
    unit, said = draft.units[index], _said(draft, index, kept)
    for span_start, span_end in reversed([s for s in flag.spans if s != kept]):
        shorter = _without_clause(unit, span_start - start, span_end - start, least=1)
        if said in shorter and keeps_facts(unit, shorter):
            unit = shorter
    unit = _GROVEL.sub("", unit)
    changed = unit != draft.units[index]
    draft.units[index] = unit
    return changed


def _one_question(draft: _Draft, flag: Flag) -> bool:
    """Keep one question: the first with a fact in it (else the first), its second half cut off
    where one sentence asks two things."""
    asked = sorted(draft.touched(flag))
    if not asked:
        return False
    keep = next((i for i in asked if _has_fact(draft.units[i])), asked[0])
    changed = False
    for index in asked:
        unit = draft.units[index]
        if index != keep and not _has_fact(unit):
            draft.units[index], changed = "", True
    unit = draft.units[keep]
    joined = _SECOND_QUESTION.search(unit)
    if joined and not changed:
        first = unit[: joined.start()].rstrip(" ,") + "?" + unit[len(unit.rstrip()) :]
        if keeps_facts(unit, first):
            draft.units[keep], changed = first, True
    draft.units = [unit for unit in draft.units if unit.strip()]
    return changed


def _shorter(draft: _Draft, his_last: str | None, kept: Span | None = None) -> bool:
    """Drop over-explaining from the end (never the first sentence, a fact, a question or the
    sorry she owes) until the draft is about his length."""
    limit = max(2 * len(WORD.findall(his_last)), 11) if his_last else LONG_WITHOUT_HIS
    changed = False
    for index in range(len(draft.units) - 1, 0, -1):
        if len(WORD.findall(draft.text)) <= limit:
            break
        unit = draft.units[index]
        if not _has_fact(unit) and "?" not in unit and not _said(draft, index, kept):
            draft.units[index], changed = "", True
    draft.units = [unit for unit in draft.units if unit.strip()]
    return changed


def suggest(text: str, flags: list[Flag], context: Context = Context()) -> str | None:
    """A calmer version of `text`, or None where the draft needs none (no content flag), is
    over 2,000 characters, or nothing honest is left (every sentence is what the flags are
    about, or a fact would go). `flags` are the checker's for `text` as it stands, read beside
    `context`; each version is checked again on its words alone (his last message, logistics),
    never on the stage or the hour, which no cut can change."""
    if not {flag.code for flag in flags} & set(REWRITE_FLAGS) or len(text) > LONGEST:
        return None
    words_only = Context(his_last=context.his_last, logistics=context.logistics)
    draft = _Draft([unit for unit in _UNIT.findall(_quiet(text)) if unit])
    known = text if text == text.strip() else None  # its flags need no second check
    opening = draft.units[0] if draft.units else ""
    for _ in range(ROUNDS):
        if not draft.units:
            return None
        if draft.units[0] != opening and _LEADING_JOINER.match(draft.units[0]):
            # a new first sentence that led on from a dropped one: "Anyway, pickup is at 3"
            draft.units[0] = opening = _tidy(draft.units[0]) or draft.units[0]
        candidate = draft.text
        if not re.search(r"\w", candidate):
            return None
        found_flags = flags if candidate == known else check_draft(candidate, words_only).flags
        left = [flag for flag in found_flags if flag.code in REWRITE_FLAGS]
        sorry = next((flag for flag in left if flag.code == "apology"), None)
        owed = owed_apologies(candidate) if sorry else ()
        if sorry and owed and _said_once(draft, sorry, owed):
            left.remove(sorry)  # the sorry she owes, said once: it stays (docs/drafts.md)
        if not left:
            break
        changed = False
        kept = owed[0] if owed else None
        for flag in left:
            if flag.code == "questions":
                changed = _one_question(draft, flag) or changed
            elif flag.code == "apology" and kept:
                changed = _sorry_once(draft, flag, kept) or changed
            elif flag.code == "too_long":
                changed = _shorter(draft, context.his_last, kept) or changed
            else:
                changed = _cut(draft, flag, kept) or changed
            if changed:
                break  # the offsets of the others are stale: check again
        if not changed:
            return None
    else:
        return None
    candidate = draft.text
    if len(WORD.findall(candidate)) < MIN_WORDS or candidate == text.strip():
        return None
    if not keeps_facts(text, candidate):
        return None
    return candidate
