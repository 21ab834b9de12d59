"""Chat parsing speed: Anew's whole `analyze --json` against chat-miner and whatstk on one file.

    .venv/bin/python bench/chats.py [--sizes 100000 1000000] [--runs 3]

Generates Android WhatsApp exports of the given sizes, then times each tool as a whole process
(import, parse, and for Anew every metric too), taking the median of several runs and the peak
memory; the tools take turns run after run. The competitors are installed from PyPI into
bench/.competitors on first use.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPETITORS = ROOT / "bench" / ".competitors"
COMPETITOR_PACKAGES = ["chat-miner==0.6.0", "whatstk==0.9.1"]
WORDS = [
    "hey",
    "yes",
    "no",
    "maybe",
    "later",
    "tonight",
    "coffee",
    "love",
    "work",
    "tired",
    "miss",
    "funny",
    "okay",
    "sure",
    "call",
    "text",
    "home",
]

# Seconds between messages: mostly quick back-and-forth, sometimes hours; about 6 minutes on
# average, so a million messages stay within a dozen years (2-digit years must not wrap around).
STEPS = (10, 30, 60, 120, 600, 3600, 20000)
STEP_WEIGHTS = (30, 30, 20, 10, 6, 3, 1)

CHAT_MINER = """
import sys
from chatminer.chatparsers import WhatsAppParser
parser = WhatsAppParser(sys.argv[1])
parser.parse_file()
print(len(parser.parsed_messages.get_df()))
"""
WHATSTK = """
import sys
from whatstk import df_from_whatsapp
print(len(df_from_whatsapp(sys.argv[1], hformat="%d/%m/%y, %H:%M - %name:", max_size=None)))
"""


def generate(path: Path, size: int, seed: int = 7) -> None:
    """A two-person Android export (day-first, 24-hour), some messages on several lines."""
    rng = random.Random(seed)
    stamp = datetime(2021, 1, 13, 8, 0)
    people = ("Ana", "Sam")
    with path.open("w", encoding="utf-8") as out:
        for _ in range(size):
            stamp += timedelta(seconds=rng.choices(STEPS, STEP_WEIGHTS)[0])
            body = " ".join(rng.choices(WORDS, k=rng.randint(1, 14)))
            if rng.random() < 0.05:
                body += "\n" + " ".join(rng.choices(WORDS, k=rng.randint(1, 6)))
            out.write(f"{stamp:%d/%m/%y, %H:%M} - {rng.choice(people)}: {body}\n")


def ensure_competitors() -> Path:
    python = COMPETITORS / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(COMPETITORS)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *COMPETITOR_PACKAGES], check=True
        )
    return python


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and peak resident memory (MB) of one whole process."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{result.stderr[-2000:]}")
    return seconds, int(result.stderr.strip().splitlines()[-1]) / 1024


def measure(tools: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median seconds and peak MB per tool. The tools take turns, run after run, so a slower or
    busier stretch of the machine falls on all of them alike."""
    times: dict[str, list[float]] = {tool: [] for tool in tools}
    peaks: dict[str, float] = dict.fromkeys(tools, 0.0)
    for _ in range(runs):
        for tool, command in tools.items():
            seconds, peak = run_once(command)
            times[tool].append(seconds)
            peaks[tool] = max(peaks[tool], peak)
    return {tool: (statistics.median(times[tool]), peaks[tool]) for tool in tools}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    competitor = ensure_competitors()
    # The competitors' modules were compiled to bytecode when pip installed them; Anew's editable
    # install is compiled here, or a machine that sets PYTHONDONTWRITEBYTECODE (this one does)
    # would compile Anew's modules again in every run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    anew = str(ROOT / ".venv" / "bin" / "anew")
    folder = Path(tempfile.mkdtemp(prefix="anew-chats-bench-"))
    print("| messages | tool | median s | peak MB | Anew faster by |")
    print("|---|---|---|---|---|")
    for size in args.sizes:
        path = folder / f"chat-{size}.txt"
        generate(path, size)
        check = subprocess.run(
            [anew, "analyze", str(path), "--json"], capture_output=True, check=True
        )
        assert sum(json.loads(check.stdout)["messages"].values()) == size
        tools = {
            "Anew `analyze --json` (parse + all metrics)": [anew, "analyze", str(path), "--json"],
            "chat-miner 0.6.0 (parse only)": [str(competitor), "-c", CHAT_MINER, str(path)],
            "whatstk 0.9.1 (parse only)": [str(competitor), "-c", WHATSTK, str(path)],
        }
        results = measure(tools, args.runs)
        anew_seconds = next(iter(results.values()))[0]  # Anew comes first
        for tool, (seconds, peak) in results.items():
            ratio = "" if tool.startswith("Anew") else f"{seconds / anew_seconds:.1f}x"
            print(f"| {size:,} | {tool} | {seconds:.2f} | {peak:.0f} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
