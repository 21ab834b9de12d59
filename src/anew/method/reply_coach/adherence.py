"""Step 2's look back: how she has been answering, who starts and who ends conversations, month by
month and before and after the breakup, from her logged contacts and her imported chat."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from anew.charts.columns import month_chart
from anew.chats.charts import chart_months, month_range


def contacts_chart(contacts: Iterable[tuple[datetime, str]]) -> str | None:
    """Logged contacts by month: who reached out. None when there are none."""
    counts: dict[str, dict[str, int]] = {}
    for at, initiator in contacts:
        month = counts.setdefault(at.strftime("%Y-%m"), {"me": 0, "him": 0})
        month[initiator] = month.get(initiator, 0) + 1
    if not counts:
        return None
    labels = month_range(min(counts), max(counts))
    series = {
        "You reached out": [float(counts.get(m, {}).get("me", 0)) for m in labels],
        "He reached out": [float(counts.get(m, {}).get("him", 0)) for m in labels],
    }
    return month_chart(series, labels, "Logged contacts, by who reached out", "Contacts")


def reply_speed_chart(report: dict[str, Any]) -> str | None:
    """Each person's median reply time per month, in hours, from an imported chat."""
    months: list[dict[str, Any]] = report.get("by_month") or []
    if not months:
        return None
    by_label = {str(m["month"]): m["reply_median_seconds"] for m in months}
    labels = chart_months(by_label)
    series = {
        name: [round((by_label.get(label, {}).get(name) or 0) / 3600, 1) for label in labels]
        for name in report["participants"]
    }
    return month_chart(series, labels, "Median reply time in hours, by month", "Hours")


def _share(counts: dict[str, int], name: str) -> float | None:
    total = sum(counts.values())
    return round(counts.get(name, 0) / total, 2) if total else None


def before_and_after(split: dict[str, Any], me: str) -> list[dict[str, Any]]:
    """Her side of the chat before and after the breakup date: reply speed, starts, endings."""
    rows = []
    for label in ("before", "after"):
        part = split[label]
        median = (part["reply_seconds"].get(me) or {}).get("median")
        rows.append(
            {
                "when": label,
                "conversations": part["conversations"],
                "my_median_reply_seconds": median,
                "share_i_started": _share(part["initiated"], me),
                "share_i_ended": _share(part["ended"], me),
            }
        )
    return rows
