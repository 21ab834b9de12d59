"""Paths to the real exports in ../shared/fixtures (built from this file's location)."""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared" / "fixtures"
CHAT_MINER = SHARED / "chat-miner" / "test"
WHATSTK = SHARED / "whatstk"
