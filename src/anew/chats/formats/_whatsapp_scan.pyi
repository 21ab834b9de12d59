"""Types of the compiled WhatsApp scanner's module (_whatsapp_scan.c around whatsapp_scanner.c)."""

from collections.abc import Sequence
from typing import Any

class Column:
    """Unsigned 32-bit numbers, or strings, that pl.Series takes over without a copy (once)."""

    def __len__(self) -> int: ...
    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[Any, Any]: ...

HeaderWordBytes = tuple[tuple[bytes, ...], tuple[bytes, ...]]

def scan(
    data: bytes | memoryview,
    kind_words: Sequence[bytes],
    header_words: HeaderWordBytes,
    keep_texts: bool = False,
    /,
) -> (
    tuple[
        Column,
        Column,
        Column,
        Column,
        Column,
        list[str],
        list[str],
        list[str],
        list[str],
        Column,
        Column,
        Column,
        Column,
        Column | None,
    ]
    | None
): ...
def holds_kind_word(text: bytes, kind_words: Sequence[bytes]) -> bool: ...
def match_header(line: bytes, header_words: HeaderWordBytes) -> tuple[int, int] | None: ...
def measure(text: bytes) -> tuple[int, int]: ...
