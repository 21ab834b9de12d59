"""Judgement in context (issue 23): longing's words in practical or kind messages, anger without
capitals, apologies in other words, questions without marks; and each flag's explanation quoting
her words with advice that fits, pointing at every phrase on whole words."""

from __future__ import annotations

import pytest

from anew.method.drafts.rules import Context, Flag, check_draft


def _flag(text: str, code: str, **context: object) -> Flag | None:
    flags = check_draft(text, Context(**context)).flags  # type: ignore[arg-type]
    return next((flag for flag in flags if flag.code == code), None)


@pytest.mark.parametrize(
    "text",
    [
        "so sorry to hear about your gran, thinking of you all",
        "you've still got my hair straighteners, could I have them back sometime",
        "does the plumber need me there on Friday?",
        "congratulations on the new job, you'll be brilliant",
        "Max misses you loads, he keeps asking when he's next at yours",
    ],
)
def test_sympathy_logistics_and_good_wishes_are_not_needy(text: str) -> None:
    assert _flag(text, "needy") is None


@pytest.mark.parametrize(
    "text",
    [
        "cheers for telling all our friends about my 'drama'. very grown up.",
        "one more no-show and I'm done being nice",
        "DON'T bring him to the wedding",
        "keep her away from my friends",
        "nice of you to finally reply",
    ],
)
def test_sarcasm_threats_and_hostile_orders_are_intense_and_not_needy(text: str) -> None:
    assert _flag(text, "intense") is not None
    assert _flag(text, "needy") is None


@pytest.mark.parametrize(
    "text",
    ["bring her swim kit sunday", "leave the keys with Sam", "please send the form by Friday"],
)
def test_practical_requests_pass(text: str) -> None:
    assert check_draft(text).verdict == "send"


def test_reassurance_is_neither_an_apology_nor_anger() -> None:
    verdict = check_draft("don't worry, it wasn't on you")
    assert verdict.verdict == "send", verdict.flags
    assert check_draft("honestly it wasn't your fault the flight got cancelled").verdict == "send"


def test_indirect_apologies_are_found() -> None:
    for text in ("maybe I could have been calmer about it", "looking back I handled it badly"):
        assert _flag(text, "apology") is not None, text


def test_two_questions_without_marks_are_two() -> None:
    flag = _flag("when's handover sunday and has she got her swim kit", "questions")
    assert flag is not None
    text = "when's handover sunday and has she got her swim kit"
    assert [text[a:b] for a, b in flag.spans] == [
        "when's handover sunday",
        "has she got her swim kit",
    ]
    assert _flag("who's picking her up friday", "questions") is None


def test_the_advice_fits_the_apology() -> None:
    owed = _flag("sorry I read your messages that night", "apology")
    courtesy = _flag("sorry, could you move the van?", "apology")
    blame = _flag("I'm sorry, it's all my fault we split up", "apology")
    assert owed is not None
    assert courtesy is not None
    assert blame is not None
    assert "say it once, briefly, and don't reopen the past" in owed.why
    assert "don't owe" not in owed.why
    assert "courtesy" in courtesy.why
    assert "short" in courtesy.why
    assert "You don't owe an apology" in blame.why
    for flag in (owed, courtesy, blame):
        assert "\u201c" in flag.why  # her words, quoted


def test_delight_is_answered_gently_and_fury_is_not() -> None:
    delight = _flag("yay congrats!!!", "intense")
    fury = _flag("how dare you turn up drunk!!", "intense")
    assert delight is not None
    assert fury is not None
    assert "One exclamation mark says the same" in delight.why
    assert "\u201cyay congrats!!!\u201d" in delight.why or "congrats!!!" in delight.why
    assert "exclamation" not in fury.why


def test_too_long_without_his_message_does_not_mention_it() -> None:
    text = " ".join(["word"] * 60)
    alone = _flag(text, "too_long")
    beside = _flag(text, "too_long", his_last="ok see you then")
    assert alone is not None
    assert beside is not None
    assert "his" not in alone.why.split()
    assert "60 words" in alone.why
    assert "his 4" in beside.why


def test_every_phrase_is_located_sorted_on_whole_words() -> None:
    text = "Sorry about Friday. I miss you.  Sorry again, how are you? what are you up to?"
    verdict = check_draft(text)
    apology = next(flag for flag in verdict.flags if flag.code == "apology")
    questions = next(flag for flag in verdict.flags if flag.code == "questions")
    assert [text[a:b] for a, b in apology.spans] == ["Sorry", "Sorry"]
    assert len(questions.spans) == 2
    for flag in verdict.flags:
        assert list(flag.spans) == sorted(flag.spans)
        assert (flag.start, flag.end) == (flag.spans[0] if flag.spans else (None, None))
        for start, end in flag.spans:
            assert not text[start].isspace()
            assert not text[end - 1].isspace()
            assert not (start > 0 and text[start - 1].isalnum() and text[start].isalnum())
            assert not (end < len(text) and text[end - 1].isalnum() and text[end].isalnum())


def test_marks_in_a_strained_sentence_are_not_called_joy() -> None:
    strained = _flag("I'm so sorry for everything!!", "intense")
    assert strained is not None
    assert "joy" not in strained.why
    assert "settle" in strained.why


@pytest.mark.parametrize(
    ("text", "code", "phrase"),
    [
        ("I miss you so much.", "needy", "I miss you"),
        ("I've been crying every night.", "overshare", "crying"),
        ("you're such a liar", "intense", "you're such a liar"),
        ("How are you? What are you up to?", "questions", "How are you?"),
    ],
)
def test_each_explanation_quotes_the_phrase_it_found(text: str, code: str, phrase: str) -> None:
    flag = _flag(text, code)
    assert flag is not None
    quoted = [text[start:end] for start, end in flag.spans]
    assert any(phrase in said for said in quoted), quoted
    assert f"\u201c{quoted[0]}\u201d" in flag.why
    assert flag.why != flag.message
