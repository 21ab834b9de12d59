"""Run one coverage-guided fuzz target with atheris: `python fuzz/run.py TARGET --seconds 600`.

Not part of CI (docs/fuzzing.md has the runs and what they found). The corpus starts from the
real exports in tests/data/chats and the project's own samples; a crash is written under
fuzz/crashes/ and belongs in tests/chats/data/fuzz/ once fixed.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import zipfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["anew", "tomllib", "zipfile"]):
    from fuzz.archive import seeds as archive_seeds
    from fuzz.targets import TARGETS

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "chats"
WHATSAPP_SEEDS = [
    *sorted((FIXTURES / "whatstk" / "chats" / "whatsapp").glob("*.txt")),
    *sorted((FIXTURES / "whatstk" / "generated-by-Makefile" / "hformats").glob("*.txt"))[:40],
    *sorted((FIXTURES / "chat-miner" / "test" / "whatsapp").glob("*.txt")),
    *sorted((FIXTURES / "chat-miner" / "test" / "signal").glob("*.txt")),
]
SEEDS: dict[str, list[Path]] = {
    "whatsapp": WHATSAPP_SEEDS,
    "whatsapp-direct": WHATSAPP_SEEDS,
    "whatsapp-scan": WHATSAPP_SEEDS,
    "telegram": sorted((FIXTURES / "chat-miner" / "test" / "telegram").glob("test_*.json")),
    "meta": sorted((FIXTURES / "chat-miner" / "test" / "instagram").glob("test_*.json")),
    "sms": [ROOT / "tests" / "chats" / "data" / "sms-backup.xml"],
    "imessage": [],
    "upload": [],
    "quiz": sorted((ROOT / "src" / "anew" / "quizzes").glob("*.toml")),
    "archive": [],
}
SEEDS["upload"] = [*SEEDS["whatsapp"][:5], *SEEDS["telegram"], *SEEDS["meta"], *SEEDS["sms"]]


def _zipped(path: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(path, arcname="_chat.txt")
    return buffer.getvalue()


def seed_corpus(target: str, folder: Path) -> None:
    """Fill the corpus folder with the seeds (kept from earlier runs when it already exists)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in SEEDS[target]:
        if path.stat().st_size <= 256 * 1024:
            shutil.copy(path, folder / f"seed-{path.name}")
    if target == "upload" and SEEDS["whatsapp"]:
        (folder / "seed-chat.zip").write_bytes(_zipped(SEEDS["whatsapp"][0]))
    if target == "archive":
        for name, data in archive_seeds().items():
            (folder / name).write_bytes(data)
    if target == "imessage":
        row = (721_000_000 * 10**9).to_bytes(8, "little") + bytes([1 | 4]) + b"hello there!!!"
        (folder / "seed-rows").write_bytes(row * 6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--corpus", type=Path, default=None)
    options, rest = parser.parse_known_args()
    corpus = options.corpus or ROOT / "fuzz" / "corpus" / options.target
    seed_corpus(options.target, corpus)
    crashes = ROOT / "fuzz" / "crashes"
    crashes.mkdir(parents=True, exist_ok=True)
    arguments = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={options.seconds}",
        "-rss_limit_mb=4096",
        "-timeout=30",
        "-max_len=65536",
        f"-artifact_prefix={crashes}/{options.target}-",
        *rest,
    ]
    atheris.Setup(arguments, TARGETS[options.target])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
