"""A generated conversation, written in each WhatsApp layout, parses back to the same messages."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from anew.chats.formats import whatsapp

NAMES = st.sampled_from(["Ana", "Sam", "Jo Marie", "Émile", "+1 555 0100", "Zoë 🌙"])
WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
    min_size=1,
    max_size=30,
)
# WhatsApp marks its own notices and attachments with a leading U+200E, so by definition a body
# that starts with one is read as a notice (docs/metrics.md); people's messages never start so.
BODY = (
    st.lists(WORDS.map(str.strip).filter(bool), min_size=1, max_size=3)
    .map(lambda lines: "\n".join(lines))
    .filter(lambda body: not body.startswith("\u200e"))
)
MESSAGES = st.lists(
    st.tuples(st.integers(min_value=1, max_value=60 * 24 * 20), NAMES, BODY),
    min_size=2,
    max_size=25,
)
NNBSP = "\u202f"
START = datetime(2021, 1, 13, 8, 0)  # the 13th: a day field above 12 settles day-first layouts


def _render(stamp: datetime, layout: str) -> str:
    hour12 = f"{stamp.hour % 12 or 12}:{stamp:%M}:{stamp:%S} {'PM' if stamp.hour >= 12 else 'AM'}"
    return {
        "android-dmy": f"{stamp:%d/%m/%y}, {stamp:%H:%M:%S} - ",
        "android-mdy-12h": f"{stamp.month}/{stamp.day}/{stamp:%y}, {hour12} - ",
        "ios-dmy": f"[{stamp:%d.%m.%Y}, {stamp:%H:%M:%S}] ",
        "ios-mdy-12h": f"[{stamp.month}/{stamp.day}/{stamp:%y}, {hour12.replace(' ', NNBSP)}] ",
        "ymd": f"{stamp:%Y-%m-%d}, {stamp:%H:%M:%S} - ",
    }[layout]


@settings(max_examples=60, deadline=None)
@given(
    messages=MESSAGES,
    layout=st.sampled_from(["android-dmy", "android-mdy-12h", "ios-dmy", "ios-mdy-12h", "ymd"]),
)
def test_rendered_conversations_parse_back(
    messages: list[tuple[int, str, str]], layout: str
) -> None:
    stamp = START
    expected = []
    lines = []
    for minutes, sender, body in messages:
        stamp += timedelta(minutes=minutes)
        expected.append((stamp, sender, body))
        lines.append(f"{_render(stamp, layout)}{sender}: {body}")
    lines.insert(0, f"{_render(START, layout)}Messages and calls are end-to-end encrypted.")
    chat = whatsapp.parse("\n".join(lines) + "\n", source="generated.txt", keep_text=True)
    assert chat.messages.select("timestamp", "sender", "text").rows() == expected
