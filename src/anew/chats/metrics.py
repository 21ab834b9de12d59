"""Who initiates, who ends, who replies how fast. The definitions are in docs/metrics.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

import polars as pl

DEFAULT_GAP = timedelta(hours=6)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Options:
    """How to measure: the silence that splits conversations, and an optional before/after date."""

    gap: timedelta = DEFAULT_GAP
    split: date | None = None


US_PER_HOUR = 3_600_000_000
HOURS_PER_WEEK = 7 * 24


class Annotated:
    """Time-ordered messages with conversation ids, replies and their latency, and calendar keys;
    and, worked out once when first asked, the conversations and the replies.

    Every metric below accepts messages either raw or annotated (with the same gap), so a report
    annotates once and every metric shares the frames.
    """

    def __init__(self, messages: pl.DataFrame, gap: timedelta) -> None:
        self.gap = gap
        self.messages = _annotated_frame(messages, gap)

    @cached_property
    def participants(self) -> list[str]:
        """Senders in order of their first message (as Chat.participants; cheaper here, where
        the senders are whole numbers)."""
        return self.messages.get_column("sender").unique(maintain_order=True).to_list()

    @cached_property
    def conversations(self) -> pl.DataFrame:
        """One row per conversation: initiator, ender, month, and whether it was a double text."""
        return (
            self.messages.group_by("conversation", maintain_order=True)
            .agg(
                pl.col("sender").first().alias("initiator"),
                pl.col("sender").last().alias("ender"),
                pl.col("month").first().alias("month"),
            )
            .with_columns(
                (pl.col("initiator") == pl.col("ender").shift(1))
                .fill_null(False)
                .alias("double_text")
            )
        )

    @cached_property
    def replies(self) -> pl.DataFrame:
        """The replies: who, how long after the message before (µs), and in which month. Only
        these columns are filtered (filtering the whole frame first copied every column)."""
        return self.messages.select("sender", "since_us", "month").filter(
            self.messages.get_column("is_reply")
        )


def annotate(messages: pl.DataFrame | Annotated, gap: timedelta) -> Annotated:
    """The messages annotated (see Annotated); ones annotated with this gap are passed through,
    ones annotated with another are annotated again."""
    if not isinstance(messages, Annotated):
        return Annotated(messages, gap)
    return messages if messages.gap == gap else Annotated(messages.messages, gap)


def _annotated_frame(messages: pl.DataFrame, gap: timedelta) -> pl.DataFrame:
    gap_us = int(gap.total_seconds() * 1_000_000)
    since = pl.col("timestamp").diff().dt.total_microseconds()
    conversation = (since.is_null() | (since >= gap_us)).cum_sum()
    sender = pl.col("sender")
    return (
        # One lazy query, so the columns are made together rather than one eager step at a time.
        messages.lazy()
        .select(
            "timestamp",
            # Senders as categories: every metric groups by them, and whole numbers group faster.
            sender.cast(pl.Categorical),
            "words",
            since.alias("since_us"),
            *(pl.lit(key) for key in _calendar_keys(messages)),
            conversation.alias("conversation"),
        )
        .with_columns(
            (
                (sender != sender.shift(1))
                & (pl.col("conversation") == pl.col("conversation").shift(1))
            )
            .fill_null(False)
            .alias("is_reply"),
        )
        .collect()
    )


def _calendar_keys(messages: pl.DataFrame) -> list[pl.Series]:
    """Each message's hour of the week (0 is Monday 00:00-00:59, 167 Sunday 23:00) and month
    (YYYYMM), by whole-number arithmetic on the timestamp: only the first day of each month in
    the chat's span is read as a calendar date, and each message finds its month among them."""
    hours = messages.get_column("timestamp").cast(pl.Int64) // US_PER_HOUR
    # 1970-01-01 00:00, hour 0, was a Thursday: 72 hours after a Monday began.
    week_hour = ((hours + 72) % HOURS_PER_WEEK).cast(pl.Int16)
    if messages.is_empty():
        return [week_hour.alias("week_hour"), pl.Series("month", [], dtype=pl.Int32)]
    span = (pl.Series([hours.min(), hours.max()]) // 24).cast(pl.Int32).cast(pl.Date)
    firsts = pl.date_range(span.dt.month_start()[0], span[1], "1mo", eager=True)
    month = (firsts.dt.year() * 100 + firsts.dt.month()).cast(pl.Int32)
    first_hours = firsts.cast(pl.Int32).cast(pl.Int64) * 24
    index = first_hours.search_sorted(hours, side="right") - 1
    return [week_hour.alias("week_hour"), month.gather(index).alias("month")]


def _per_sender(frame: pl.DataFrame, key: str, participants: list[str]) -> dict[str, int]:
    """How many rows each participant has under `key`."""
    totals = dict(frame.group_by(key).len().iter_rows())
    return {name: int(totals.get(name, 0)) for name in participants}


def _reply_stats(annotated: Annotated, participants: list[str]) -> dict[str, dict[str, Any]]:
    seconds = pl.col("since_us") / 1_000_000
    stats = {
        row["sender"]: row
        for row in annotated.replies.group_by("sender")
        .agg(
            seconds.median().alias("median"),
            seconds.quantile(0.9, interpolation="linear").alias("p90"),
            pl.len().alias("count"),
        )
        .iter_rows(named=True)
    }
    empty: dict[str, Any] = {"median": None, "p90": None, "count": 0}
    return {
        name: {key: stats[name][key] for key in ("median", "p90", "count")}
        if name in stats
        else dict(empty)
        for name in participants
    }


def summarize(
    messages: pl.DataFrame | Annotated, participants: list[str], gap: timedelta
) -> dict[str, Any]:
    """Every headline metric for one stretch of messages."""
    annotated = annotate(messages, gap)
    frame, conversations = annotated.messages, annotated.conversations
    stamps = frame.get_column("timestamp")
    totals = {
        sender: (int(count), int(words))
        for sender, count, words in frame.group_by("sender")
        .agg(pl.len(), pl.col("words").sum())
        .iter_rows()
    }
    return {
        "messages": {name: totals.get(name, (0, 0))[0] for name in participants},
        "words": {name: totals.get(name, (0, 0))[1] for name in participants},
        "conversations": conversations.height,
        "initiated": _per_sender(conversations, "initiator", participants),
        "ended": _per_sender(conversations, "ender", participants),
        "double_texts": _per_sender(
            conversations.filter(pl.col("double_text")), "initiator", participants
        ),
        "reply_seconds": _reply_stats(annotated, participants),
        "first": _iso(stamps.min()),
        "last": _iso(stamps.max()),
    }


def activity(messages: pl.DataFrame | Annotated, participants: list[str]) -> dict[str, Any]:
    """Messages per participant by hour (0-23) and weekday (Mon-Sun), and everyone's week grid."""
    frame = annotate(messages, DEFAULT_GAP).messages
    # One whole-number key per (sender, hour of the week): a single-key count is the cheapest.
    senders = frame.get_column("sender")
    key = senders.to_physical().cast(pl.Int32) * HOURS_PER_WEEK + frame.get_column("week_hour")
    names = senders.dtype.categories.to_series()  # type: ignore[attr-defined]  # by number
    by_hour = {name: [0] * 24 for name in participants}
    by_weekday = {name: [0] * 7 for name in participants}
    heatmap = [[0] * 24 for _ in WEEKDAYS]
    for cell, n in key.value_counts().iter_rows():  # at most participants x 168 rows
        code, week_hour = divmod(cell, HOURS_PER_WEEK)
        sender = names[code]
        day, hour = divmod(week_hour, 24)
        by_hour[sender][hour] += n
        by_weekday[sender][day] += n
        heatmap[day][hour] += n
    return {
        "by_hour": by_hour,
        "by_weekday": {
            name: dict(zip(WEEKDAYS, counts, strict=True)) for name, counts in by_weekday.items()
        },
        "by_weekday_hour": heatmap,
    }


# Reply-time buckets for the distribution chart: upper bounds in seconds, and their labels.
REPLY_BUCKETS = (
    (60, "< 1 min"),
    (5 * 60, "1–5 min"),
    (15 * 60, "5–15 min"),
    (60 * 60, "15–60 min"),
    (3 * 3600, "1–3 h"),
    (None, "3 h +"),
)


def reply_distribution(
    messages: pl.DataFrame | Annotated, participants: list[str], gap: timedelta
) -> dict[str, list[int]]:
    """How many of each participant's replies fell in each REPLY_BUCKETS range."""
    replies = annotate(messages, gap).replies
    seconds = pl.col("since_us") / 1_000_000
    bucket = pl.lit(len(REPLY_BUCKETS) - 1)
    for index, (bound, _label) in reversed(list(enumerate(REPLY_BUCKETS))):
        if bound is not None:
            bucket = pl.when(seconds < bound).then(pl.lit(index)).otherwise(bucket)
    counts = replies.group_by("sender", bucket.alias("bucket")).len()
    result = {name: [0] * len(REPLY_BUCKETS) for name in participants}
    for sender, index, n in counts.iter_rows():
        result[sender][int(index)] = int(n)
    return result


def by_month(
    messages: pl.DataFrame | Annotated, participants: list[str], gap: timedelta
) -> list[dict[str, Any]]:
    """Messages, initiations, endings and reply medians per calendar month."""
    annotated = annotate(messages, gap)
    frame, conversations = annotated.messages, annotated.conversations
    counts = {
        "messages": frame.group_by("month", "sender").len(),
        "initiated": conversations.group_by("month", pl.col("initiator").alias("sender")).len(),
        "ended": conversations.group_by("month", pl.col("ender").alias("sender")).len(),
    }
    medians = annotated.replies.group_by("month", "sender").agg(
        (pl.col("since_us").median() / 1_000_000).alias("median")
    )
    months = frame.get_column("month").unique(maintain_order=True).to_list()
    rows: dict[int, dict[str, Any]] = {
        key: {
            "month": f"{key // 100:04d}-{key % 100:02d}",
            **{name: dict.fromkeys(participants, 0) for name in counts},
            "reply_median_seconds": dict.fromkeys(participants),
        }
        for key in months
    }
    for name, table in counts.items():
        for key, sender, n in table.iter_rows():
            rows[key][name][sender] = int(n)
    for key, sender, median in medians.iter_rows():
        rows[key]["reply_median_seconds"][sender] = median
    return list(rows.values())


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else None


def split_at(messages: pl.DataFrame, when: date) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Messages before the date, and from the date on."""
    cut = datetime(when.year, when.month, when.day)
    return (
        messages.filter(pl.col("timestamp") < cut),
        messages.filter(pl.col("timestamp") >= cut),
    )
