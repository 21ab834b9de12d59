"""Every chart, drawn from a few months of data, read the way she reads it: on a 390 px phone its
text is at least 11 px as rendered, and no label is cut at the chart's edge."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.sessions import SessionKind
from anew.method.new_you import service as new_you
from anew.method.new_you.vocabulary import DayStatus, LifeArea
from anew.method.no_contact import service as no_contact
from anew.quizzes.attempts import record_attempt
from anew.web.http.security import SESSION_COOKIE
from tests.people import Person, api_token, session_token, take_safety_check

pytestmark = pytest.mark.browser

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
TODAY = NOW.date()
LONG_HABIT = "Study thirty minutes of Spanish with the app before breakfast, every single day"
SCREENSHOTS = Path(os.environ.get("ANEW_SCREENSHOTS", "build/screenshots")) / "charts"
# Every chart text's rendered size, and whether it sits inside what its chart shows.
MEASURE = """() => [...document.querySelectorAll('.chart-figure')].flatMap(figure => {
  const box = figure.getBoundingClientRect();
  return [...figure.querySelectorAll('svg text, figcaption, .chart-legend li, p')].map(el => {
    const style = getComputedStyle(el);
    const svg = el.closest('svg');
    const scale = svg ? svg.getScreenCTM().a : 1;
    const own = el.getBoundingClientRect();
    const scroller = el.closest('.chart-scroll');
    const room = scroller ? {left: box.left - scroller.scrollLeft - scroller.scrollWidth,
                             right: box.right + scroller.scrollWidth} : box;
    return {text: el.textContent, px: parseFloat(style.fontSize) * scale,
            inside: own.left >= room.left - 2 && own.right <= room.right + 2};
  });
})"""


def _chat() -> str:
    """A WhatsApp export of five months between her (Ana) and him (Sam)."""
    lines, day = [], date(2026, 4, 1)
    for n in range(60):
        at = day + timedelta(days=n * 2 + n % 3)
        hour = 8 + n % 13
        first, second = ("Ana", "Sam") if n % 3 else ("Sam", "Ana")
        lines.append(f"{at:%d/%m/%y}, {hour:02d}:00 - {first}: are you around?")
        lines.append(f"{at:%d/%m/%y}, {hour:02d}:{10 + n % 40:02d} - {second}: yes, a little")
    return "\n".join(lines) + "\n"


def _seed_no_contact(db: Session, user_id: int) -> None:
    no_contact.start(
        db,
        user_id,
        today=TODAY - timedelta(days=50),
        target_days=60,
        started_on=TODAY - timedelta(days=50),
        breakup_on=TODAY - timedelta(days=60),
    )
    for days_ago, initiator in ((40, "him"), (20, "me")):  # hers restarts the count
        no_contact.log_contact(
            db,
            user_id,
            at=NOW - timedelta(days=days_ago),
            time_zone="UTC",
            today=TODAY - timedelta(days=days_ago),
            safety_mode=False,
            initiator=initiator,
        )
    no_contact.pause(db, user_id, today=TODAY - timedelta(days=5), reason="A funeral")
    no_contact.resume(db, user_id, today=TODAY - timedelta(days=3))
    for n in range(18):
        day = TODAY - timedelta(days=n * 2)
        no_contact.check_in(db, user_id, day=day, today=TODAY, mood=1 + (n * 7) % 10)


def _seed_new_you(db: Session, user_id: int) -> None:
    for area, title, months in (
        (LifeArea.HEALTH, "Run 5 km", 5),
        (LifeArea.CAREER, "A new job", 3),
    ):
        goal = new_you.add_goal(db, user_id, area=area, title=title, why="", target_on=None)
        for n in range(months):
            added = new_you.add_milestone(db, user_id, goal.id, title=f"Step {n}")
            new_you.change_milestone(
                db,
                user_id,
                goal.id,
                added.milestones[-1].id,
                done=True,
                today=TODAY - timedelta(days=30 * n + 3),
            )
    for title in (LONG_HABIT, "Stretch"):
        habit = new_you.add_habit(
            db,
            user_id,
            title=title,
            per_week=7,
            goal_id=None,
            started_on=TODAY - timedelta(days=120),
            today=TODAY,
        )
        for n in range(0, 120, 2):
            status = DayStatus.SKIPPED if n % 10 == 0 else DayStatus.DONE
            new_you.mark_day(db, user_id, habit.id, TODAY - timedelta(days=n), status, today=TODAY)


@pytest.fixture
def seeded(
    app: FastAPI, factory: sessionmaker[Session], alice: Person, alice_client: TestClient
) -> Iterator[int]:
    """Alice with months of no contact, check-ins, goals, habits and a chat; yields its id."""
    with time_machine.travel(NOW, tick=True):
        take_safety_check(alice_client)
        with factory() as db:
            _seed_no_contact(db, alice.id)
            _seed_new_you(db, alice.id)
            quiz = app.state.quizzes["holding-you-back"]
            for n, outcome in enumerate(quiz.outcomes):
                for _ in range(n + 2):
                    record_attempt(db, quiz, outcome, user_id=None, now=NOW)
            db.commit()
        answer = alice_client.post(
            "/api/v1/chats",
            data={"me": "Ana"},
            files={"file": ("chat.txt", _chat().encode())},
            headers={"Authorization": f"Bearer {api_token(factory, alice)}"},
        )
        assert answer.status_code == 201, answer.text
        yield int(answer.json()["id"])


def _signed_in(browser: Browser, base: str, token: str, size: tuple[int, int]) -> Page:
    context = browser.new_context(base_url=base, viewport={"width": size[0], "height": size[1]})
    context.add_cookies([{"name": SESSION_COOKIE, "value": token, "url": base}])
    return context.new_page()


def _look(page: Page, path: str, name: str) -> list[dict[str, object]]:
    page.goto(path)
    for summary in page.locator(".chart-numbers summary").all():
        summary.click()  # the numbers open, so their text is measured too
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    for number, chart in enumerate(page.locator(".chart-figure").all()):
        chart.screenshot(path=str(SCREENSHOTS / f"{name}-{number}-{width}.png"))
    found: list[dict[str, object]] = page.evaluate(MEASURE)
    wide = page.evaluate(
        "() => [...document.querySelectorAll('.chart-figure')]"
        ".filter(figure => figure.getBoundingClientRect().right > innerWidth + 0.5).length"
    )
    assert wide == 0, f"{wide} chart(s) on {path} reach past the screen"
    sideways = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert sideways <= 0, f"{path} scrolls {sideways} px sideways at {width} px"
    return found


def test_every_chart_reads_at_11_px_or_more_and_nothing_is_cut(
    browser: Browser,
    live_server: str,
    factory: sessionmaker[Session],
    alice: Person,
    carol: Person,
    seeded: int,
) -> None:
    pages = {
        "dashboard": "/dashboard",
        "no-contact": "/steps/no-contact",
        "new-you": "/steps/new-you",
        "reply-coach": "/steps/reply-coach",
        "chat": f"/chats/{seeded}",
        "insights": "/insights",
    }
    for size in ((390, 844), (1280, 900)):
        with time_machine.travel(NOW, tick=True):
            hers = _signed_in(
                browser, live_server, session_token(factory, alice, SessionKind.WEB), size
            )
            texts = {name: _look(hers, path, name) for name, path in pages.items()}
            hers.goto("/steps/reply-coach")  # its before/after table was 466 px wide on a phone
            assert hers.locator("#before-after").count() == 1
            coach = _signed_in(
                browser, live_server, session_token(factory, carol, SessionKind.WEB), size
            )
            texts["quiz"] = _look(coach, "/quizzes/holding-you-back/counts", "quiz-counts")
        _assert_readable(texts, size[0])


def _assert_readable(texts: dict[str, list[dict[str, object]]], width: int) -> None:
    charts = {name: len(found) for name, found in texts.items()}
    assert all(charts.values()), f"a page drew no chart at {width} px: {charts}"
    small = [
        (name, t["text"], t["px"])
        for name, found in texts.items()
        for t in found
        if float(str(t["px"])) < 11
    ]
    assert not small, f"chart text under 11 px at {width} px: {small[:10]}"
    cut = [(name, t["text"]) for name, found in texts.items() for t in found if not t["inside"]]
    assert not cut, f"chart text outside its chart at {width} px: {cut[:10]}"
    lines = [str(t["text"]) for t in texts["new-you"]]
    assert any(LONG_HABIT.startswith(line) and len(line) > 20 for line in lines)
    assert LONG_HABIT.split()[-1] in " ".join(lines)  # the long name's last word is shown
