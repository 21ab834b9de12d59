"""The program as a whole: the next few things worth doing, given where she is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    """One suggestion on the dashboard: what, and where to do it."""

    label: str
    href: str


def safety_actions(*, checked_in_today: bool) -> list[Action]:
    """In safety mode: help first, then looking after herself; nothing about him."""
    actions = [Action("See who can help, near you and by phone", "/safety/help")]
    if not checked_in_today:
        actions.append(
            Action("Check in with yourself: how are you today?", "/steps/no-contact#checkin")
        )
    actions.append(Action("Plan something just for you: the new you, step 4", "/steps/new-you"))
    return actions[:3]


def next_actions(
    stage: str,
    *,
    checked_in_today: bool,
    has_chats: bool,
    days_left: int | None = None,
    safety_checked: bool = True,
) -> list[Action]:
    """The next three actions, gentlest first. Steps 4-6 run from day one, so they appear early.
    The safety check comes first until she has taken it; in the "safety" stage, help comes first."""
    if stage == "safety":
        return safety_actions(checked_in_today=checked_in_today)
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
        left = f" ({days_left} days to go)" if days_left else ""
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
    actions.append(Action("Plan something for yourself: the new you, step 4", "/steps/new-you"))
    return actions[:3]
