"""What Today says when a milestone falls on her day: a title and a few warm words for each.
No promises about him or about how she will feel; only what she has done."""

from __future__ import annotations

from anew.wording import counted

MOMENTS: dict[int, tuple[str, str]] = {
    1: (
        "Your first full day",
        "One whole day of giving yourself room. It may not feel like much; it is where every "
        "longer stretch begins.",
    ),
    3: (
        "Three days",
        "Three days in a row. The first days are often the loudest ones, and you came "
        "through them your way.",
    ),
    7: (
        "One week",
        "A whole week. Seven mornings of choosing yourself, including the ones that were hard.",
    ),
    14: (
        "Two weeks",
        "Two weeks. Habits start to take shape around now: look at what you have been building.",
    ),
    21: (
        "Three weeks",
        "Three weeks of looking after yourself. Take a moment to notice what has changed, "
        "however small.",
    ),
    30: (
        "Thirty days",
        "A month of days kept for yourself. Whatever comes next, you have shown yourself "
        "what you can do.",
    ),
}


def moment(days: int, *, is_target: bool) -> tuple[str, str]:
    """The title and words for a milestone; her target has its own, whatever its length."""
    if is_target:
        return (
            f"You reached your target: {counted(days, 'day')}",
            f"You set out to give yourself {counted(days, 'day')}, and you did. Whatever you "
            "decide next, you did this for you. Take your time before choosing.",
        )
    return MOMENTS[days]
