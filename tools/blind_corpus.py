"""How Anew reads the blind WhatsApp corpus (tests/data/chats/whatsapp-blind), file by file.

The corpus was written by someone who had seen neither the parsers nor the language tables;
this prints, per file, where the reading differs from the writer's expected one, and a total,
so that the figure in BENCHMARKS.md can be made again: `.venv/bin/python tools/blind_corpus.py`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from anew.chats.errors import ChatFormatError
from anew.chats.loading import load_chat

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "chats" / "whatsapp-blind"


def reading(path: Path) -> dict[str, Any]:
    """The figures of one file as Anew reads it, in the corpus's terms."""
    prefer = None
    chat = load_chat(path, prefer=prefer)
    messages = chat.messages
    kinds = messages.get_column("kind").value_counts()
    stamps = messages.get_column("timestamp")
    return {
        "messages": messages.height,
        "by_sender": dict(messages.get_column("sender").value_counts().rows()),
        "kinds": dict(kinds.rows()),
        "notices": sum(chat.set_aside.notices.values()),
        "first": stamps.min().isoformat() if messages.height else None,  # type: ignore[union-attr]
        "last": stamps.max().isoformat() if messages.height else None,  # type: ignore[union-attr]
    }


def differences(expected: dict[str, Any], found: dict[str, Any]) -> list[str]:
    """What differs, field by field (kinds with a zero count are the same as absent ones)."""
    wrong = []
    for field in ("messages", "notices", "first", "last"):
        if expected[field] != found[field]:
            wrong.append(f"{field}: expected {expected[field]}, read {found[field]}")
    if expected["by_sender"] != found["by_sender"]:
        wrong.append(f"by_sender: expected {expected['by_sender']}, read {found['by_sender']}")
    want = {k: n for k, n in expected["kinds"].items() if n}
    if want != {k: n for k, n in found["kinds"].items() if n}:
        wrong.append(f"kinds: expected {want}, read {found['kinds']}")
    return wrong


def main() -> int:
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    exact = 0
    for name, want in sorted(expected.items()):
        try:
            wrong = differences(want, reading(CORPUS / name))
        except ChatFormatError as error:
            wrong = [f"refused: {error}"]
        exact += not wrong
        print(f"{'ok  ' if not wrong else 'MISS'} {name}")
        for line in wrong:
            print(f"       {line}")
    print(f"{exact} of {len(expected)} files read exactly as their writer expected")
    return 0 if exact == len(expected) else 1


if __name__ == "__main__":
    sys.exit(main())
