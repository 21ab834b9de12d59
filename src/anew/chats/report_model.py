"""The shape of a chat's analysis, as `anew analyze --json` writes it and the API sends it: the
schema the API documents and checks its answers against. Per-person figures are keyed by the
participant's name as the export wrote it (docs/metrics.md defines each figure)."""

from __future__ import annotations

from pydantic import BaseModel, Field

PerPerson = dict[str, int]


class ReplyTimes(BaseModel):
    median: float | None = Field(description="Seconds")
    p90: float | None = Field(description="Seconds")
    count: int


class Summary(BaseModel):
    """The figures of one stretch of the chat (the whole chat, or before/after a date)."""

    messages: PerPerson
    words: PerPerson
    conversations: int
    initiated: PerPerson
    ended: PerPerson
    double_texts: PerPerson
    reply_seconds: dict[str, ReplyTimes]
    first: str | None = Field(description="The first message's time, ISO 8601")
    last: str | None = Field(description="The last message's time, ISO 8601")


class Month(BaseModel):
    month: str = Field(description="YYYY-MM", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    messages: PerPerson
    initiated: PerPerson
    ended: PerPerson
    reply_median_seconds: dict[str, float | None]


class Split(BaseModel):
    date: str = Field(
        description="The date the chat is split at, YYYY-MM-DD", pattern=r"^\d{4}-\d{2}-\d{2}$"
    )
    before: Summary
    after: Summary


class SetAside(BaseModel):
    notices: dict[str, int] = Field(
        default_factory=dict, description="Notices the file held, by kind; never messages"
    )
    unplaced: int = Field(default=0, description="Lines that belonged to no message")


class FileWarning(BaseModel):
    line: int = Field(description="The line of the file (for JSON exports, of the entry)")
    why: str = Field(description="What looked wrong there; never the message's text")


class Report(Summary):
    """Every metric of one chat."""

    def document(self) -> dict[str, object]:
        """The object as `anew analyze --json` writes it: only the keys the analysis made."""
        found: dict[str, object] = self.model_dump(mode="json", exclude_unset=True)
        return found

    format: str
    title: str
    participants: list[str]
    me: str | None = Field(description="Which participant is her, once she said so")
    gap_hours: float = Field(description="Hours of silence that start a new conversation")
    # Reports stored by earlier versions may lack the figures added since; they read as empty.
    by_hour: dict[str, list[int]] = Field(
        default_factory=dict, description="Messages per hour of day, 0 to 23"
    )
    by_weekday: dict[str, dict[str, int]] = Field(default_factory=dict)
    by_weekday_hour: list[list[int]] = Field(
        default_factory=list, description="7 rows (Monday first) of 24 hours"
    )
    by_month: list[Month] = Field(default_factory=list)
    reply_buckets: list[str] = Field(default_factory=list)
    reply_distribution: dict[str, list[int]] = Field(
        default_factory=dict, description="Replies per bucket, per person"
    )
    split: Split | None = Field(default=None, description="Only when asked for a date to split at")
    set_aside: SetAside = Field(
        default_factory=SetAside, description="What the file held besides messages"
    )
    warnings: list[FileWarning] = Field(default_factory=list)
