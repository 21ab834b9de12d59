"""Step 2, the reply coach: when to answer, how long, and how to end the conversation first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from anew.wording import counted

MIN_WAIT = timedelta(hours=1)
DEFAULT_WAIT = timedelta(hours=2)  # when no imported chat tells how fast he usually answers
QUIET_START, QUIET_END = time(23, 0), time(7, 0)
CLOSING_LINES = (
    "Good to hear from you. I have to run now, take care.",
    "Thanks for letting me know. Have a good evening!",
    "Glad that's sorted. Talk another time.",
    "I'm heading out, but I hope your week goes well.",
    "Got it, thank you. I'll leave it there for now.",
)


@dataclass(frozen=True)
class ReplyAdvice:
    """The coach's answer: a verdict, the earliest sensible time, and a length budget."""

    verdict: str  # dont_reply | wait | reply_now
    earliest: datetime | None
    max_words: int
    reasons: list[str] = field(default_factory=list)
    closing_lines: tuple[str, ...] = CLOSING_LINES


def _out_of_quiet_hours(moment: datetime) -> datetime:
    """Move a time that falls between 23:00 and 07:00 to 07:00 (the next morning if needed)."""
    local_time = moment.timetz().replace(tzinfo=None)
    if QUIET_END <= local_time < QUIET_START:
        return moment
    day = moment.date() if local_time < QUIET_END else moment.date() + timedelta(days=1)
    return datetime.combine(day, QUIET_END, tzinfo=moment.tzinfo)


def reply_window(
    *,
    his_words: int,
    received_at: datetime,
    now: datetime,
    time_zone: str,
    stage: str,
    logistics: bool = False,
    his_median_reply: float | None = None,
    days_left: int | None = None,
) -> ReplyAdvice:
    """When and how to answer his message. Times are aware; `now` is passed in, never read here."""
    budget = max(his_words, 1)
    if stage == "no-contact" and not logistics:
        left = ""
        if days_left is not None:
            verb = "remains" if days_left == 1 else "remain"
            left = f" {counted(days_left, 'day')} of your no-contact {verb}."
        return ReplyAdvice(
            "dont_reply",
            None,
            budget,
            [
                f"You're still in your no-contact period, so there's no need to answer.{left} "
                "Write what you'd like to say in your vault instead."
            ],
        )
    zone = ZoneInfo(time_zone)
    reasons = []
    if his_median_reply is None:
        wait = DEFAULT_WAIT
        reasons.append("No imported chat yet, so this uses a calm default of two hours.")
    else:
        wait = max(timedelta(seconds=his_median_reply), MIN_WAIT)
        reasons.append(
            "He usually takes about this long to answer you; there's no need to be faster."
        )
    earliest = _out_of_quiet_hours((received_at + wait).astimezone(zone))
    if earliest.hour == QUIET_END.hour and earliest.minute == 0 and earliest > received_at + wait:
        reasons.append("Late-night messages can wait for the morning.")
    reasons.append(f"Keep it to about {budget} words: no longer than his message.")
    reasons.append("When it feels natural, be the one who ends the conversation, warmly.")
    verdict = "reply_now" if now >= earliest else "wait"
    return ReplyAdvice(verdict, earliest, budget, reasons)


def when_words(moment: datetime, now: datetime) -> str:
    """A time she reads at a glance: "today at 11:04", "tomorrow at 07:30", within the week the
    weekday ("Thursday at 11:04"), later the date too. Both times are in her own time zone."""
    days = (moment.date() - now.date()).days
    clock = moment.strftime("%H:%M")
    if days <= 0:
        return f"today at {clock}"
    if days == 1:
        return f"tomorrow at {clock}"
    if days < 7:
        return f"{moment.strftime('%A')} at {clock}"
    return f"{moment.strftime('%A')} {moment.day} {moment.strftime('%B')} at {clock}"
