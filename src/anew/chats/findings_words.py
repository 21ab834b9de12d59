"""What a report set aside and warned about, in plain words: one wording for the terminal, the
HTML report and the web page alike. Only counts, line numbers and reasons; never her text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from anew.chats.model import FORMAT_NAMES
from anew.wording import counted

# Each NOTICE_KINDS key as a reader says it: (one, several).
NOTICE_WORDS = {
    "encryption": ("encryption notice", "encryption notices"),
    "security_code": ("security code change", "security code changes"),
    "members": ("member change", "member changes"),
    "group": ("group change", "group changes"),
    "call": ("call or missed call", "calls and missed calls"),
    "disappearing": ("disappearing-messages change", "disappearing-messages changes"),
    "number_change": ("number change", "number changes"),
    "business": ("business notice", "business notices"),
    "reaction": ("reaction", "reactions"),
    "pending": ("message still on its way", "messages still on their way"),
    "service": ("other notice", "other notices"),
}


def listed(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


@dataclass(frozen=True)
class Findings:
    """The sentences a face shows: what was set aside, where to look, and whether she wrote."""

    set_aside: list[str]
    warnings_intro: str
    warnings: list[str]
    silent_me: str

    def __bool__(self) -> bool:
        return bool(self.set_aside or self.warnings or self.silent_me)


def notices_sentence(notices: dict[str, int], app: str) -> str:
    """'3 notices WhatsApp wrote itself were set aside: 2 member changes and 1 call or missed
    call.' (empty when there were none)."""
    found = {kind: n for kind, n in notices.items() if n}
    if not found:
        return ""
    total = sum(found.values())
    order = sorted(found, key=lambda kind: (-found[kind], kind))
    parts = [counted(found[k], *NOTICE_WORDS.get(k, (k, k))) for k in order]
    verb = "was" if total == 1 else "were"
    return (
        f"{counted(total, 'notice', 'notices')} {app} wrote itself {verb} set aside, "
        f"not counted as messages: {listed(parts)}."
    )


def findings(report: dict[str, Any]) -> Findings:
    """The plain-words findings of an analysis (`anew.chats.report.analyze`'s object)."""
    app = FORMAT_NAMES.get(str(report.get("format")), "the app")
    set_aside = report.get("set_aside") or {}
    sentences = [notices_sentence(set_aside.get("notices") or {}, app)]
    unplaced = int(set_aside.get("unplaced") or 0)
    if unplaced:
        verb = "was" if unplaced == 1 else "were"
        sentences.append(
            f"{counted(unplaced, 'line', 'lines')} that belonged to no message {verb} set aside."
        )
    warnings = [f"Line {w['line']}: {w['why']}" for w in report.get("warnings") or ()]
    intro = (
        f"Anew was unsure about {counted(len(warnings), 'line', 'lines')} of the file and counted "
        f"{'it as a message' if len(warnings) == 1 else 'them as messages'}; you may want to look:"
        if warnings
        else ""
    )
    me = report.get("me")
    silent = ""
    if me is not None and (report.get("messages") or {}).get(me) == 0:
        others = [name for name in report.get("participants", []) if name != me]
        whose = f"{listed(others)} sent" if others else "the others sent"
        silent = f"You sent no messages in this chat, so its figures show only what {whose}."
    return Findings([s for s in sentences if s], intro, warnings, silent)
