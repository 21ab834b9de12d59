"""The program as a whole: the next few things worth doing, given where she is."""

from __future__ import annotations

from dataclasses import dataclass

from anew.wording import counted


@dataclass(frozen=True)
class Action:
    """One suggestion on the dashboard: what, and where to do it."""

    label: str
    href: str


@dataclass(frozen=True)
class OwnSteps:
    """What she has built in her own steps (4, 5 and 6), so "Next" follows what she has done."""

    goals: int = 0
    habits: int = 0
    habits_left_today: int = 0
    qualities: int = 0
    plan_items: int = 0


def own_step_action(done: OwnSteps) -> Action:
    """The one suggestion from steps 4-6 that fits where she is: start, keep going, or move on."""
    if done.habits_left_today:
        left = done.habits_left_today
        habits = "habit" if left == 1 else "habits"
        return Action(f"Tick off today's {habits}: {left} still open", "/dashboard#today-habits")
    if not done.goals and not done.habits:
        return Action("Plan something for yourself: the new you, step 4", "/steps/new-you")
    if not done.habits:
        return Action("Give your goal a small daily habit: the new you, step 4", "/steps/new-you")
    if not done.qualities:
        return Action(
            "Name a quality you treasure in yourself: your best self, step 5", "/steps/best-self"
        )
    if not done.plan_items:
        return Action("Plan one change you would enjoy: a new look, step 6", "/steps/new-look")
    return Action("See how far your goals and habits have come", "/steps/new-you")


def safety_actions(*, checked_in_today: bool, own: OwnSteps | None = None) -> list[Action]:
    """In safety mode: help first, then looking after herself; nothing about him."""
    actions = [Action("See who can help, near you and by phone", "/safety/help")]
    if not checked_in_today:
        actions.append(
            Action("Check in with yourself: how are you today?", "/steps/no-contact#checkin")
        )
    actions.append(own_step_action(own or OwnSteps()))
    return actions[:3]


def next_actions(
    stage: str,
    *,
    checked_in_today: bool,
    has_chats: bool,
    days_left: int | None = None,
    safety_checked: bool = True,
    own: OwnSteps | None = None,
) -> list[Action]:
    """The next three actions, gentlest first. Steps 4-6 run from day one, so they appear early.
    The safety check comes first until she has taken it; in the "safety" stage, help comes first."""
    if stage == "safety":
        return safety_actions(checked_in_today=checked_in_today, own=own)
    actions: list[Action] = []
    if not safety_checked:
        actions.append(
            Action(
                "Take the two-minute relationship safety check before the steps", "/safety-check"
            )
        )
    if stage == "not-started":
        actions.append(
            Action(
                "Start your no-contact period, at a length that feels right", "/steps/no-contact"
            )
        )
    if not checked_in_today:
        actions.append(
            Action("Check in with yourself: how are you today?", "/steps/no-contact#checkin")
        )
    if stage == "no-contact":
        left = f" ({counted(days_left, 'day')} to go)" if days_left else ""
        actions.append(
            Action(
                f"If you want to text him, write it in your vault instead{left}",
                "/steps/no-contact#write-it-down",
            )
        )
    if stage == "reconnecting":
        actions.append(
            Action("You reached your target. Take a look at how your conversations went", "/chats")
        )
    if not has_chats:
        actions.append(
            Action("Import a chat to see who reached out and who replied how fast", "/chats")
        )
    actions.append(own_step_action(own or OwnSteps()))
    return actions[:3]
