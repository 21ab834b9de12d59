from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from anew.chats.cli_progress import stage_bar
from anew.chats.loading import load_chat
from anew.chats.reading import CHUNK
from tests.chats.fixtures import WHATSTK

POKEMON = WHATSTK / "chats" / "whatsapp" / "pokemon.txt"


def test_reading_reports_every_chunk_and_the_end(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    lines = POKEMON.read_text(encoding="utf-8")
    big.write_text(lines * (CHUNK // len(lines.encode()) + 2), encoding="utf-8")
    heard: list[tuple[int, int]] = []
    chat = load_chat(big, on_read=lambda done, total: heard.append((done, total)))
    size = big.stat().st_size
    assert chat.messages.height > 0
    assert len(heard) >= 3  # two chunks at least, then the end
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)
    assert heard[-1] == (size, size)
    assert all(total == size for _, total in heard)


def test_the_bar_walks_through_reading_parsing_and_measuring() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    seen: list[str] = []
    with stage_bar(console, "chat.txt", enabled=True) as bar:
        progress = bar._progress
        assert progress is not None
        assert bar.on_read is not None
        bar.read(50, 100)
        seen.append(progress.tasks[0].description)
        assert round(progress.tasks[0].percentage) == 17  # half of the first of three steps
        bar.read(100, 100)
        seen.append(progress.tasks[0].description)
        bar.stage("Measuring")
        seen.append(progress.tasks[0].description)
        assert round(progress.tasks[0].percentage) == 67
    assert seen == ["Reading chat.txt", "Parsing", "Measuring"]
    assert "%" in out.getvalue()


def test_a_disabled_bar_draws_nothing() -> None:
    out = io.StringIO()
    with stage_bar(Console(file=out, force_terminal=True), "x", enabled=False) as bar:
        bar.read(1, 2)
        bar.stage("Measuring")
        assert bar.on_read is None  # the loader then reads the file in one go
    assert out.getvalue() == ""
