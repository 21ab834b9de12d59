"""Notifications' words: what a notification is about, and where its send stands."""

from __future__ import annotations

from anew.vocabulary import Vocabulary


class NoticeKind(Vocabulary):
    CHECKIN = "checkin", "Daily check-in"
    HABITS = "habits", "Habit reminder"
    MILESTONE = "milestone", "Milestone reached"
    HARD_HOURS = "hard_hours", "Heads-up before a hard hour"


class SendStatus(Vocabulary):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed; tried again later"
    GIVEN_UP = "given_up", "Given up after several tries"
