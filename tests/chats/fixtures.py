"""Paths to the real exports copied from other projects' test suites into tests/data/chats (each
folder's README says where from, and under which licence); built from this file's location, so
the tests find them wherever the repository is checked out."""

from __future__ import annotations

from pathlib import Path

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "chats"
CHAT_MINER = EXPORTS / "chat-miner" / "test"
WHATSTK = EXPORTS / "whatstk"
