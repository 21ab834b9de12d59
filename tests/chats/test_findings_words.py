"""The plain words every face uses for what was set aside and the lines worth a look."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.console import Console

from anew.chats.findings_words import NOTICE_WORDS, findings, notices_sentence
from anew.chats.html_report import render_html
from anew.chats.model import NOTICE_KINDS, Chat, from_rows
from anew.chats.report import analyze
from anew.chats.summary import print_findings


def _report(**changes: Any) -> dict[str, Any]:
    report: dict[str, Any] = {
        "format": "whatsapp",
        "participants": ["Ana", "Sam"],
        "me": "Ana",
        "messages": {"Ana": 3, "Sam": 4},
        "set_aside": {"notices": {"members": 2, "call": 1}, "unplaced": 1},
        "warnings": [
            {"line": 12, "why": "this line under Sam's name reads like a notice"},
            {"line": 40, "why": "this name appears only once, on a line that reads like a notice"},
        ],
    }
    report.update(changes)
    return report


def test_every_notice_kind_has_words() -> None:
    assert set(NOTICE_WORDS) == set(NOTICE_KINDS)


def test_notices_are_said_by_kind_most_first() -> None:
    assert notices_sentence({"members": 2, "call": 1, "reaction": 0}, "WhatsApp") == (
        "3 notices WhatsApp wrote itself were set aside, not counted as messages: "
        "2 member changes and 1 call or missed call."
    )
    assert notices_sentence({"reaction": 1}, "Instagram") == (
        "1 notice Instagram wrote itself was set aside, not counted as messages: 1 reaction."
    )
    assert notices_sentence({}, "Telegram") == ""


def test_findings_give_lines_and_reasons_and_whether_she_wrote() -> None:
    found = findings(_report())
    assert found.set_aside[1] == "1 line that belonged to no message was set aside."
    assert found.warnings == [
        "Line 12: this line under Sam's name reads like a notice",
        "Line 40: this name appears only once, on a line that reads like a notice",
    ]
    assert found.warnings_intro.startswith("Anew was unsure about 2 lines of the file")
    assert found.silent_me == ""
    quiet = findings(_report(messages={"Ana": 0, "Sam": 4}, set_aside={}, warnings=[]))
    assert quiet.silent_me == (
        "You sent no messages in this chat, so its figures show only what Sam sent."
    )
    assert not findings(_report(set_aside={"notices": {}, "unplaced": 0}, warnings=[]))


def test_the_terminal_prints_them_without_reading_names_as_markup() -> None:
    console = Console(width=200, record=True)
    print_findings(_report(participants=["[red]Ana", "Sam"], me="Sam"), console)
    shown = console.export_text()
    assert "3 notices WhatsApp wrote itself were set aside" in shown
    assert "  Line 12: this line under Sam's name reads like a notice" in shown
    quiet = Console(width=200, record=True)
    print_findings(_report(participants=["[red]Ana", "Sam"], me="Sam", messages={"Sam": 0}), quiet)
    assert "show only what [red]Ana sent" in quiet.export_text()


def test_the_html_report_shows_them_escaped() -> None:
    html = render_html(_with_figures(_report()))
    assert '<section id="findings"><h2>Good to know</h2>' in html
    assert "<li>Line 12: this line under Sam&#x27;s name reads like a notice</li>" in html
    calm = _with_figures(_report(set_aside={"notices": {}, "unplaced": 0}, warnings=[]))
    assert 'id="findings"' not in render_html(calm)


def _with_figures(findings_of: dict[str, Any]) -> dict[str, Any]:
    """A whole report (the HTML needs every figure) with the given findings."""
    rows = [
        (datetime(2024, 3, 13, 9, 0), "Ana", "text", "hi"),
        (datetime(2024, 3, 13, 9, 5), "Sam", "text", "hey"),
    ]
    report = analyze(Chat(format="whatsapp", messages=from_rows(rows, keep_text=False)))
    report.update(set_aside=findings_of["set_aside"], warnings=findings_of["warnings"])
    return report
