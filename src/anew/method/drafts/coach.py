"""What every face of "before you send" asks: the checker's verdict, made a coach's answer.

The CLI, the API and the page call `coach`, never the rules alone: it refuses what cannot be
read (an empty draft, one over 20,000 characters), answers a draft in another language plainly
instead of judging English rules against it, and adds the calmer version (suggestion.py) where
one is worth offering.
"""

from __future__ import annotations

from dataclasses import replace

from anew.method.drafts.language import is_english
from anew.method.drafts.rules import (
    REWRITE_FLAGS,
    WAIT_FLAGS,
    Context,
    Flag,
    Verdict,
    check_draft,
)
from anew.method.drafts.suggestion import suggest

MAX_CHARS = 20_000
EMPTY = "There's nothing to look at yet: write the message you're thinking of sending."
TOO_LONG = (
    "This draft is over 20,000 characters, more than Anew reads at once. Keep the part you most "
    "want him to read, and check that."
)
NOT_ENGLISH = (
    "Anew can read drafts in English only, so it can't say anything about these words. Give them "
    "your own slow second look before they go."
)
# Flags that keep their meaning whatever the language: where she is, the hour, who wrote last.
STAGE_FLAGS = ("no_contact", "safety")


def refusal(text: str) -> str | None:
    """Why a draft can't be checked, in words for her; None when it can."""
    if not text.strip():
        return EMPTY
    if len(text) > MAX_CHARS:
        return TOO_LONG
    return None


def readable(value: object) -> object:
    """A pydantic before-validator for a draft field: an empty or over-long draft is refused
    with the words every face shows; anything not text is left for the field's own type."""
    if isinstance(value, str):
        problem = refusal(value)
        if problem is not None:
            raise ValueError(problem)
    return value


def coach(text: str, context: Context = Context()) -> Verdict:
    """The verdict, its flags and a suggestion, for the draft read beside `context`. No
    suggestion during no contact or in safety mode (a calmer message to him is still a message to
    him: safety.md), nor where the verdict needs none."""
    problem = refusal(text)
    if problem is not None:
        raise ValueError(problem)
    found = judged(text, context)
    codes = {flag.code for flag in found.flags}
    if "not_english" in codes or codes & set(STAGE_FLAGS):
        return found
    flags = [flag for flag in found.flags if flag.code in REWRITE_FLAGS]
    return replace(found, suggestion=suggest(text, flags, context))


def judged(text: str, context: Context = Context()) -> Verdict:
    """What she is told about the draft, without the calmer version: the checker's flags, or for
    a draft in another language only those that don't depend on its words. What the labelled
    sets measure, so that a figure is the one she meets."""
    found = check_draft(text, context)
    return found if is_english(text) else _unread(found)


def _unread(found: Verdict) -> Verdict:
    """A draft in another language: what does not depend on its words (stage, the hour, who
    wrote last) still stands; in place of the English content flags, `not_english`."""
    kept = [flag for flag in found.flags if flag.code not in REWRITE_FLAGS]
    stage = [flag for flag in kept if flag.code in STAGE_FLAGS]
    rest = [flag for flag in kept if flag.code not in STAGE_FLAGS]
    flags = [*stage, Flag("not_english", NOT_ENGLISH, None, None), *rest]
    if stage:
        return Verdict("dont_send", flags)
    if any(flag.code in WAIT_FLAGS for flag in rest):
        return Verdict("wait", flags)
    return Verdict("unread", flags)
