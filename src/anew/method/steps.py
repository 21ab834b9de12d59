"""The six steps of the method as the navigation shows them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One step: its number, its address, its name and a one-line promise of what it helps with."""

    number: int
    slug: str
    title: str
    summary: str


STEPS: tuple[Step, ...] = (
    Step(
        1,
        "no-contact",
        "No contact",
        "Give yourself room to heal: count the days, log the hard moments, keep unsent words safe.",
    ),
    Step(
        2,
        "reply-coach",
        "Reply coach",
        "If he reaches out, answer in your own time and on your own terms.",
    ),
    Step(
        3,
        "before-you-send",
        "Before you send",
        "A calm second look at a message before it leaves your phone.",
    ),
    Step(
        4,
        "new-you",
        "The new you",
        "Goals and habits for the life you are building for yourself.",
    ),
    Step(
        5,
        "best-self",
        "Your best self",
        "The qualities you treasure in yourself, and how you will live them.",
    ),
    Step(
        6,
        "new-look",
        "A new look",
        "A makeover plan with dates and a budget, for you and nobody else.",
    ),
)

STEPS_BY_SLUG = {step.slug: step for step in STEPS}
