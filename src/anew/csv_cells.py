"""Text that goes into a CSV file someone will open in a spreadsheet.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets
skip before reading a formula) is run as a formula when the file is opened: an ex's display name
`=HYPERLINK("https://…")` would become a live link. OWASP's advice is followed: such a cell gets a
single quote in front, which the spreadsheet shows as text. Numbers are left as they are.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """The text as a spreadsheet will show it, never run it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_cell(value: object) -> object:
    """A cell's value made safe: text through safe_text, anything else unchanged."""
    return safe_text(value) if isinstance(value, str) else value
