"""Run the `anew` command in this process, as a terminal would, and keep what it printed."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

from anew import cli


@dataclass(frozen=True)
class Ran:
    """Exit status and output of one run; `output` is both streams, as a terminal shows them."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def invoke(args: Sequence[str], input: str = "") -> Ran:
    """`anew ARGS` with `input` on standard input."""
    out, err = io.StringIO(), io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.StringIO(input)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as stop:  # argparse's usage errors, and commands that stop early
                code = stop.code if isinstance(stop.code, int) else 1
    finally:
        sys.stdin = stdin
    return Ran(code, out.getvalue(), err.getvalue())
