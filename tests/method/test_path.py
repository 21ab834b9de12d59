"""The path's cards and rules without a database: every card whole, the safety path about her
alone, the card for each day, the path day across a slip, and the milestones."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from anew.method.no_contact.rules import Period, Span
from anew.method.path import rules
from anew.method.path.cards import (
    FIRST_DAYS,
    PARTS,
    SAFETY_FORBIDDEN,
    CardError,
    deck,
    forbidden_words,
    read_set,
)
from anew.method.path.tools import TOOLS
from anew.method.steps import STEPS_BY_SLUG

DECK = deck()
EVERY_CARD = [*DECK.first, *DECK.after, *DECK.safety]
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
START = date(2026, 11, 1)


def sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text))


def test_the_first_sixty_days_have_a_card_each_and_the_other_sets_are_not_empty() -> None:
    assert len(DECK.first) == FIRST_DAYS == 60
    assert len(DECK.after) >= 7
    assert len(DECK.safety) >= 30


@pytest.mark.parametrize("card", EVERY_CARD, ids=lambda c: c.key)
def test_every_card_is_whole_short_and_links_to_its_step_and_tool(card) -> None:  # type: ignore[no-untyped-def]
    assert all(getattr(card, part) for part in ("title", "read", "do", "ask"))
    assert 2 <= sentences(card.read) <= 4, card.read
    assert sentences(card.do) == 1, card.do
    assert card.ask.endswith("?"), card.ask
    assert card.ask.count("?") == 1, card.ask
    assert card.step in STEPS_BY_SLUG
    assert card.tool in TOOLS.values()
    assert card.tool.step == card.step


def test_no_two_cards_of_a_set_share_a_title() -> None:
    for cards in (DECK.first, DECK.after, DECK.safety):
        titles = [c.title for c in cards]
        assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("card", DECK.safety, ids=lambda c: c.key)
def test_the_safety_path_never_speaks_of_him_or_going_back(card) -> None:  # type: ignore[no-untyped-def]
    text = " ".join((card.title, card.read, card.do, card.ask)).lower()
    words = set(re.findall(r"[a-z']+", text))
    assert not words & {"him", "his", "he", "ex", "partner", "boyfriend"}
    for phrase in ("win back", "text him", "reconnect", "get back together", "contact him"):
        assert phrase not in text
    assert card.tool.safe


def test_the_forbidden_word_check_catches_whole_words_in_any_case() -> None:
    assert forbidden_words("Text Him tonight") == ["him", "text him"]
    assert forbidden_words("Your ex's number") == ["ex"]
    assert forbidden_words("the next theme, exercise, this") == []
    assert "win back" in SAFETY_FORBIDDEN


def test_a_card_file_that_breaks_a_rule_is_refused_with_the_file_and_card(tmp_path: Path) -> None:
    whole = 'title = "T"\nread = "R. S."\ndo = "D."\nask = "A?"\nstep = "new-you"\ntool = "goals"\n'
    partial = whole.split("step = ")[0]
    (tmp_path / "after.toml").write_text(f"[[card]]\n{whole}\n[[card]]\n{partial}\n")
    with pytest.raises(CardError, match=r"after\.toml, card 2: step, tool missing or empty"):
        read_set("after", tmp_path)
    about_him = whole.replace('"T"', '"Win him back"')
    (tmp_path / "safety.toml").write_text(f"[[card]]\n{about_him}")
    with pytest.raises(CardError, match=r"safety\.toml, card 1: the safety path never says him"):
        read_set("safety", tmp_path)
    coaching = whole.replace('"new-you"', '"reply-coach"').replace('"goals"', '"reply-coach"')
    (tmp_path / "safety.toml").write_text(f"[[card]]\n{coaching}")
    with pytest.raises(CardError, match="is not for the safety path"):
        read_set("safety", tmp_path)
    (tmp_path / "first.toml").write_text(f"[[card]]\n{whole.replace('tool = ', 'tool = x')}")
    with pytest.raises(CardError, match=r"first\.toml"):
        read_set("first", tmp_path)
    assert set(PARTS) == {"title", "read", "do", "ask", "step", "tool"}


def test_each_day_has_its_card_then_the_after_set_cycles() -> None:
    assert rules.card_for(DECK, 1, safety_mode=False) is DECK.first[0]
    assert rules.card_for(DECK, 60, safety_mode=False) is DECK.first[59]
    assert rules.card_for(DECK, 61, safety_mode=False) is DECK.after[0]
    after = len(DECK.after)
    assert rules.card_for(DECK, 60 + after, safety_mode=False) is DECK.after[-1]
    assert rules.card_for(DECK, 61 + after, safety_mode=False) is DECK.after[0]


def test_safety_mode_has_its_own_cycle_from_day_one() -> None:
    assert rules.card_for(DECK, 1, safety_mode=True) is DECK.safety[0]
    size = len(DECK.safety)
    assert rules.card_for(DECK, size + 1, safety_mode=True) is DECK.safety[0]
    assert rules.card_for(DECK, 75, safety_mode=True) in DECK.safety
    with pytest.raises(ValueError, match="path days start at 1"):
        rules.card_for(DECK, 0, safety_mode=True)


def test_the_path_day_counts_from_the_first_period_across_a_slip() -> None:
    slipped = [
        Period(START, 30, "broken", date(2026, 11, 10)),
        Period(date(2026, 11, 10), 30, "active", None),
    ]
    first = rules.first_start(slipped)
    assert first == START
    assert rules.path_day(START, START) == 1
    assert rules.path_day(START, date(2026, 11, 10)) == 10
    assert rules.path_day(START, date(2026, 11, 26)) == 26
    assert rules.first_start([]) is None


def test_milestones_fall_on_the_day_the_count_reaches_them() -> None:
    periods = [Period(START, 21, "active", None)]
    reached = {
        n: rules.milestone_on(periods, START + timedelta(days=n))
        for n in range(0, 25)
        if rules.milestone_on(periods, START + timedelta(days=n))
    }
    assert reached == {1: 1, 3: 3, 7: 7, 14: 14, 21: 21}


def test_a_pause_holds_the_milestone_back_and_a_slip_starts_a_new_count() -> None:
    paused = [Period(START, 30, "active", None, (Span(date(2026, 11, 3), date(2026, 11, 5)),))]
    assert rules.milestone_on(paused, date(2026, 11, 4)) is None  # the count waits while paused
    assert rules.milestone_on(paused, date(2026, 11, 6)) == 3
    slipped = [
        Period(START, 30, "broken", date(2026, 11, 10)),
        Period(date(2026, 11, 10), 30, "active", None),
    ]
    assert rules.milestone_on(slipped, date(2026, 11, 8)) == 7
    assert rules.milestone_on(slipped, date(2026, 11, 10)) is None
    assert rules.milestone_on(slipped, date(2026, 11, 11)) == 1
    assert rules.days_without_contact(slipped, date(2026, 11, 12)) == 9 + 2
