"""The one error every chat parser raises: it names the file, and the line or path."""

from __future__ import annotations


class ChatFormatError(Exception):
    """A chat export could not be read; the message says what, and where."""

    def __init__(self, source: str, problem: str, *, line: int | None = None, at: str = "") -> None:
        self.source = source
        self.problem = problem
        self.line = line
        self.at = at
        where = source
        if line is not None:
            where += f", line {line}"
        if at:
            where += f", at {at}"
        super().__init__(f"{where}: {problem}")


class AmbiguousDates(ChatFormatError):
    """Day and month cannot be told apart from the data; the caller must say which comes first.
    `examples` are dates from her file read both ways ({"as_written", "day_first",
    "month_first"}, ISO dates), for a question she can answer at a glance."""

    def __init__(
        self, source: str, problem: str, *, examples: list[dict[str, str]] | None = None
    ) -> None:
        super().__init__(source, problem)
        self.examples = list(examples or [])
