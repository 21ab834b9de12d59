"""Step 3's words: the verdicts of the "before you send" check."""

from __future__ import annotations

from anew.vocabulary import Vocabulary


class DraftVerdict(Vocabulary):
    DONT_SEND = "dont_send", "Keep this one in your vault."
    REWRITE = "rewrite", "Worth a gentle rewrite before it goes."
    WAIT = "wait", "It can wait a little."
    SEND = "send", "This reads calm and kind. Send it if you want to."
    # A draft in another language: the checker reads English only, and says so.
    UNREAD = "unread", "Anew reads drafts in English only."
