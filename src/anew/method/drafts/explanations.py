"""What the checker says back about one draft: each flag's explanation quotes her own words and says
why they matter, with advice that fits the case (a courtesy sorry is not a sorry she owes; one
delighted "!!!" is not fury). The general line for each flag stays in rules.MESSAGES.
"""

from __future__ import annotations

from datetime import datetime

QUOTE_LENGTH = 60  # characters of her words quoted at most; a longer phrase ends in "…"

Span = tuple[int, int]


def quote(text: str, span: Span) -> str:
    """Her words in curly quotes, shortened at a word if long."""
    words = " ".join(text[span[0] : span[1]].split())
    if len(words) > QUOTE_LENGTH:
        cut = words.rfind(" ", 0, QUOTE_LENGTH)
        words = words[: cut if cut > 0 else QUOTE_LENGTH].rstrip(",;:") + "…"
    return f"\u201c{words}\u201d"


def _and_more(text: str, spans: tuple[Span, ...], kind: str) -> str:
    """The first phrase quoted, and how many more there are like it."""
    more = len(spans) - 1
    if more <= 0:
        return quote(text, spans[0])
    return f"{quote(text, spans[0])} and {more} more {kind}{'' if more == 1 else 's'} like it"


def needy(text: str, spans: tuple[Span, ...]) -> str:
    return (
        f"{_and_more(text, spans, 'line')} reach{'es' if len(spans) == 1 else ''} for him: "
        "asking, openly or by hint, for his attention, an answer or what you had. That longing "
        "is real and worth writing down; your vault can hold it, and a message without it leaves "
        "you steadier whatever he does."
    )


def apology(text: str, spans: tuple[Span, ...], kind: str) -> str:
    """`kind`: "courtesy" (a sorry for the trouble), "self_blame" (blame that is not hers alone)
    or "owed" (a sorry she may owe)."""
    said = quote(text, spans[0])
    if kind == "courtesy":
        return (
            f"{said} is a courtesy sorry, and that's fine: keep it short and go straight to "
            "what you need."
        )
    if kind == "self_blame":
        return (
            f"{said} takes on more blame than is yours to carry: an ending is rarely one "
            "person's doing. You don't owe an apology for that; say what you mean without "
            "saying sorry."
        )
    times = f" You say it {len(spans)} times here; once is enough." if len(spans) > 1 else ""
    return (
        f"{said} is an apology. If you owe one, say it once, briefly, and don't reopen the "
        f"past: one plain sentence, with no case to argue.{times}"
    )


def questions(text: str, spans: tuple[Span, ...]) -> str:
    asked = ", ".join(quote(text, span) for span in spans[:3])
    more = f" and {len(spans) - 3} more" if len(spans) > 3 else ""
    return (
        f"You ask {len(spans)} things at once: {asked}{more}. Several questions can feel like "
        "pressure to answer them all; keep the one that matters most, or none."
    )


def too_long(words: int, his_words: int | None) -> str:
    if his_words:
        return (
            f"Your draft runs to {words} words next to his {his_words}. A few light lines, "
            "about his length, leave room to breathe."
        )
    return (
        f"At {words} words this is a long message to send him. A few light lines leave room "
        "to breathe; the rest can stay in your vault."
    )


def overshare(text: str, spans: tuple[Span, ...]) -> str:
    return (
        f"{_and_more(text, spans, 'line')} tell{'s' if len(spans) == 1 else ''} him about your "
        "own struggle. It matters, and it deserves care from the people who hold you up now; "
        "shared with him, it can pull you both back into old roles."
    )


def intense(text: str, spans: tuple[Span, ...], kind: str) -> str:
    """`kind`, the strongest reason found: threat, order, sarcasm, anger, capitals, rapture or
    delight."""
    said = quote(text, spans[0])
    lines = {
        "threat": f"{said} reads as a threat or an ultimatum. If there is a real step you will "
        "take, it can be said calmly and once, when you're ready; said in anger it starts a "
        "fight instead.",
        "order": f"{said} is an order said in anger. A boundary you mean holds better said "
        "calmly, as what you need rather than what he may not do.",
        "sarcasm": f"{said} says it sideways. Sarcasm and contempt make him defend himself "
        "instead of hearing you; if something needs saying, say it plainly, once the sting has "
        "eased.",
        "anger": f"The feeling in {said} is strong, and it makes sense that it is. Let it "
        "settle before you send anything; your vault can take the first version.",
        "capitals": f"{said} is in capitals, which reads as shouting. The same words in "
        "ordinary letters are easier to hear.",
        "rapture": f"{said} is a big feeling. Sent to him, it can say more than you mean; a "
        "calmer line keeps it yours.",
        "delight": f"{said}: the joy comes through, and that's lovely. One exclamation mark "
        "says the same.",
    }
    return lines[kind]


def late_night(at: datetime) -> str:
    return (
        f"It's {at:%H:%M} where you are. Night messages tend to say more than we mean; morning "
        "is kinder."
    )
