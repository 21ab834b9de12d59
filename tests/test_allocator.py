"""The server has Polars' allocator return freed memory at once (anew.allocator)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from anew.allocator import JEMALLOC_OPTIONS, RETURN_AT_ONCE, return_freed_memory_at_once


def test_the_allocator_is_told_to_return_freed_memory_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(JEMALLOC_OPTIONS, raising=False)
    return_freed_memory_at_once()
    assert os.environ[JEMALLOC_OPTIONS] == RETURN_AT_ONCE


def test_an_operators_own_allocator_options_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(JEMALLOC_OPTIONS, "narenas:2")
    return_freed_memory_at_once()
    assert os.environ[JEMALLOC_OPTIONS] == "narenas:2"


def test_polars_allocator_reads_its_options_from_that_variable() -> None:
    """jemalloc names an option it does not know on its error stream: proof that the installed
    Polars reads the variable (a Polars with another allocator would say nothing)."""
    code = "import polars; print(polars.Series(range(100_000)).sum())"
    env = {**os.environ, JEMALLOC_OPTIONS: "no_such_option:1"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "4999950000"
    assert "no_such_option" in done.stderr
