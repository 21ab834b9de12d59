"""Step 4's words: the life areas goals belong to, a goal's status, a habit day's status."""

from __future__ import annotations

from anew.vocabulary import Vocabulary


class LifeArea(Vocabulary):
    INDEPENDENCE = "independence", "Independence"
    CAREER = "career", "Career and money"
    HEALTH = "health", "Health and fitness"
    SOCIAL = "social", "Friends and social life"
    HOBBIES = "hobbies", "Hobbies and learning"
    FLAWS = "flaws", "Old flaws I'm working on"


class GoalStatus(Vocabulary):
    ACTIVE = "active", "Active"
    DONE = "done", "Done"
    PAUSED = "paused", "Paused"
    DROPPED = "dropped", "Dropped"


class DayStatus(Vocabulary):
    """A habit's day: done, or skipped (ill, travelling), which keeps a streak alive."""

    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"
