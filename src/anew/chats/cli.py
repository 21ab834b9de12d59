"""`anew analyze`: load, measure and print, with errors as one clear line and exit status 2."""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anew.chats.cli_progress import stage_bar
from anew.chats.errors import AmbiguousDates, ChatFormatError
from anew.chats.formats.whatsapp import DatePreference
from anew.chats.loading import load_chat
from anew.chats.metrics import Options
from anew.chats.model import Chat
from anew.chats.reading import ReadAhead
from anew.chats.report import analyze
from anew.csv_cells import safe_cell, safe_text

if TYPE_CHECKING:
    from rich.console import Console

# Rich, the HTML report and the terminal summary are imported only where they are used: a
# `--json` run, the one scripts and benchmarks make, starts without them.

LARGE_INPUT = 20 * 1024 * 1024


def run_analysis(
    path: Path,
    *,
    me: str | None,
    gap_hours: float,
    split: date | None,
    prefer: DatePreference,
    chat_name: str | None,
    as_json: bool,
    csv_dir: Path | None,
    html_file: Path | None = None,
    ahead: ReadAhead | None = None,
) -> int:
    """Analyse one export and print the result; returns the process exit status. `ahead` is the
    file, read while the program started (see ReadAhead)."""
    console = None if as_json else _console(stderr=False)
    try:
        large = path.is_file() and path.stat().st_size > LARGE_INPUT
        with stage_bar(console, path.name, enabled=large) as bar:
            chat = load_chat(
                path,
                prefer=prefer,
                chat_name=chat_name,
                me=me or "Me",
                on_read=bar.on_read,
                ahead=ahead,
            )
            bar.stage("Measuring")
            report = analyze(
                chat,
                me=me,
                options=Options(gap=timedelta(hours=gap_hours), split=split),
                source=str(path),
            )
    except ChatFormatError as error:
        errors = _console(stderr=True)
        errors.print(
            f"[red]Could not read the chat:[/red] {error}", highlight=False, soft_wrap=True
        )
        for line in date_example_lines(error):
            errors.print(line, highlight=False, soft_wrap=True, markup=False)
        return 2
    if csv_dir is not None:
        write_csv(chat, report, csv_dir)
    if html_file is not None:
        from anew.chats.html_report import render_html

        html_file.write_text(render_html(report), encoding="utf-8")
    if console is None:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:
        from anew.chats.summary import print_summary

        print_summary(report, console)
    return 0


def date_example_lines(error: ChatFormatError) -> list[str]:
    """For dates that read two ways, her own dates both ways, so the option is easy to choose."""
    if not isinstance(error, AmbiguousDates) or not error.examples:
        return []
    from anew.chats.formats.date_examples import in_words

    lines = ["For example, in this file:"]
    for example in error.examples:
        day_first = in_words(date.fromisoformat(example["day_first"]))
        month_first = in_words(date.fromisoformat(example["month_first"]))
        lines.append(
            f"  {example['as_written']} is {day_first} with --dayfirst, "
            f"or {month_first} with --monthfirst"
        )
    return lines


def _console(*, stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr)


PARTICIPANT_COLUMNS = ("messages", "words", "initiated", "ended", "double_texts")


def write_csv(chat: Chat, report: dict[str, Any], folder: Path) -> None:
    """messages.csv (no text, ever) and participants.csv with the headline numbers."""
    folder.mkdir(parents=True, exist_ok=True)
    import polars as pl  # here, not at the top: `anew analyze` starts before Polars is loaded

    senders = chat.messages.get_column("sender").unique().to_list()
    safe = {sender: safe_text(sender) for sender in senders}
    messages = chat.messages.drop("text").with_columns(pl.col("sender").replace(safe))
    messages.write_csv(folder / "messages.csv")
    header = ["participant", *PARTICIPANT_COLUMNS, "reply_median_s", "reply_p90_s", "reply_count"]
    lines = [",".join(header)]
    for name in chat.participants:
        replies = report["reply_seconds"][name]
        cells = [name, *(report[column][name] for column in PARTICIPANT_COLUMNS)]
        cells += [replies["median"], replies["p90"], replies["count"]]
        lines.append(",".join(_csv_cell(cell) for cell in cells))
    (folder / "participants.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _csv_cell(value: object) -> str:
    text = "" if value is None else str(safe_cell(value))
    if any(ch in text for ch in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text
