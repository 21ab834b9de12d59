"""A readable terminal summary of an analysis, with Rich tables."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from anew.chats.findings_words import findings
from anew.chats.model import FORMAT_NAMES


def format_duration(seconds: float | None) -> str:
    """A reply time in words a person reads at a glance: 45 s, 12 min, 3.5 h, 2.0 days."""
    if seconds is None:
        return "–"
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    if seconds < 36 * 3600:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def reply_pace(name: str, median: float | None, p90: float | None, *, you: bool = False) -> str:
    """Someone's reply times in words: the median, and the time 9 in 10 replies came within."""
    if median is None or p90 is None:
        return (
            "You have no replies to measure yet."
            if you
            else f"{name} has no replies to measure yet."
        )
    whose = "your" if you else f"{name}'s"
    return (
        f"Half of {whose} replies came within {format_duration(median)}, "
        f"and 9 in 10 within {format_duration(p90)}."
    )


def print_summary(report: dict[str, Any], console: Console) -> None:
    """Who wrote how much, who started and ended conversations, and how fast each replied."""
    app = FORMAT_NAMES.get(report["format"], "Chat")
    console.print(
        f"[bold]{app} chat[/bold] {report.get('title') or ''}\n"
        f"{report['first']} → {report['last']}, {report['conversations']} conversations "
        f"(a silence of {report['gap_hours']:g} h starts a new one)"
    )
    table = Table(
        "participant",
        "messages",
        "words",
        "started",
        "ended",
        "double texts",
        "half of replies within",
        "9 in 10 replies within",
    )
    for name in report["participants"]:
        replies = report["reply_seconds"][name]
        label = f"{name} (you)" if name == report.get("me") else name
        table.add_row(
            label,
            str(report["messages"][name]),
            str(report["words"][name]),
            str(report["initiated"][name]),
            str(report["ended"][name]),
            str(report["double_texts"][name]),
            format_duration(replies["median"]),
            format_duration(replies["p90"]),
        )
    console.print(table)
    if "split" in report:
        split = report["split"]
        compare = Table(
            "participant",
            "started before",
            "started after",
            "reply median before",
            "reply median after",
            title=f"Before and after {split['date']}",
        )
        for name in report["participants"]:
            compare.add_row(
                name,
                str(split["before"]["initiated"][name]),
                str(split["after"]["initiated"][name]),
                format_duration(split["before"]["reply_seconds"][name]["median"]),
                format_duration(split["after"]["reply_seconds"][name]["median"]),
            )
        console.print(compare)
    print_findings(report, console)


def print_findings(report: dict[str, Any], console: Console) -> None:
    """What was set aside and which lines to look at (numbers and reasons, never text), and
    whether she wrote at all."""
    found = findings(report)
    for sentence in [found.silent_me, *found.set_aside]:
        if sentence:
            console.print(sentence, highlight=False, soft_wrap=True, markup=False)
    if found.warnings:
        console.print(found.warnings_intro, highlight=False, soft_wrap=True, markup=False)
        for line in found.warnings:
            console.print(f"  {line}", highlight=False, soft_wrap=True, markup=False)
