"""The people and the pages of the every-page suite: who she is, what a year of Anew left in her
account, and which address each of the app's pages is reached by."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import Role
from anew.calendar import service as calendar
from anew.journal import service as journal
from anew.method.best_self import service as best_self
from anew.method.best_self.vocabulary import QualityList
from anew.method.new_look import service as new_look
from anew.method.new_you import service as new_you
from anew.method.new_you.vocabulary import DayStatus
from anew.method.no_contact import service as no_contact
from anew.method.no_contact.vocabulary import Initiator
from anew.safety import service as safety
from anew.safety.questions import QUESTIONS
from tests.chats.fixtures import WHATSTK
from tests.people import Person, add_person, api_token

# The day the suite lives on: she has used Anew for the year before it.
NOW = datetime(2026, 11, 20, 10, 30, tzinfo=UTC)
TODAY = NOW.date()
YEAR_AGO = TODAY - timedelta(days=365)
ZONE = "UTC"
CHAT = WHATSTK / "chats" / "whatsapp" / "pokemon.txt"
QUIZ = "holding-you-back"
ARTICLE = "no-contact"

SIGNED_OUT, MEMBER, SAFETY, ADMIN = "signed-out", "member", "safety", "admin"
PERSONAS = (SIGNED_OUT, MEMBER, SAFETY, ADMIN)
SIGNED_IN = (MEMBER, SAFETY, ADMIN)
WOMEN = (MEMBER, SAFETY)


@dataclass(frozen=True)
class Visit:
    """One of the app's pages: its route, who looks at it, and the status it answers."""

    route: str
    personas: tuple[str, ...]
    status: int = 200


# Every GET route that answers a page; tests/browser/test_every_page.py fails when the app has
# one that is neither here nor in NOT_PAGES.
VISITS = (
    Visit("/", PERSONAS),
    Visit("/login", (SIGNED_OUT,)),
    Visit("/signup", (SIGNED_OUT,)),
    Visit("/signup/confirm/{token}", (SIGNED_OUT,)),
    Visit("/steps/{slug}", (SIGNED_OUT, MEMBER), 404),  # an address that is no step: the 404 page
    Visit("/dashboard", SIGNED_IN),
    Visit("/path", SIGNED_IN),  # a year on her path; the admin has not begun one
    Visit("/path/{day}", WOMEN),
    Visit("/account", SIGNED_IN),
    Visit("/account/calendar", WOMEN),
    Visit("/account/notifications", WOMEN),
    Visit("/steps/no-contact", WOMEN),
    Visit("/steps/reply-coach", (MEMBER,)),
    Visit("/steps/reply-coach", (SAFETY,), 403),  # coaching toward him stays closed
    Visit("/steps/before-you-send", WOMEN),
    Visit("/steps/new-you", WOMEN),
    Visit("/steps/best-self", WOMEN),
    Visit("/steps/new-look", WOMEN),
    Visit("/journal", WOMEN),
    Visit("/journal/{entry_id}", WOMEN),
    Visit("/insights", WOMEN),
    Visit("/chats", WOMEN),
    Visit("/chats/{chat_id}", WOMEN),
    Visit("/chats/{chat_id}/who", WOMEN),  # "which one is you?", right after an upload
    Visit("/safety-check", (SIGNED_OUT, *WOMEN)),
    Visit("/safety-check/result", (SIGNED_OUT, *WOMEN)),  # reached by taking the check
    Visit("/safety/help", (SIGNED_OUT, *WOMEN)),
    Visit("/safety/private-browsing", (SIGNED_OUT,)),
    Visit("/quizzes", (SIGNED_OUT, MEMBER)),
    Visit("/quizzes/{slug}", (SIGNED_OUT, MEMBER)),
    Visit("/quizzes/{slug}/results/{token}", (SIGNED_OUT, MEMBER)),
    Visit("/quizzes/{slug}/counts", (ADMIN,)),
    Visit("/guide", (SIGNED_OUT, MEMBER)),
    Visit("/guide/{slug}", (SIGNED_OUT, MEMBER)),
    Visit("/guide/confirm/{token}", (SIGNED_OUT,)),
    Visit("/guide/unsubscribe/{token}", (SIGNED_OUT,)),
    Visit("/moderation", (ADMIN,)),
    Visit("/moderation/{response_id}/edit", (ADMIN,)),
    Visit("/moderation/block-list", (ADMIN,)),
    Visit("/offline", (SIGNED_OUT, MEMBER)),  # the same for all: what is kept for offline use
)

# GET routes that answer no page to look at, and why.
NOT_PAGES = {
    "/healthz": "a probe's JSON",
    "/api/v1/docs": "the API's interactive docs, tried by tests/browser/test_api_docs.py",
    "/logout": "signs her out and redirects",
    "/exit": "the quick exit: a redirect away from Anew",
    "/account/export": "a download: her archive",
    "/calendar/{token}.ics": "a download: the calendar feed",
    "/guide/feed.xml": "a feed",
    "/sitemap.xml": "a feed",
    "/moderation/export.json": "a download",
    "/moderation/export.csv": "a download",
    "/steps/new-look/photos/{photo_id}": "an image, shown inside the new-look page",
    "/chats/progress/{progress_id}": "an import's progress as JSON, polled by the chats page",
    "/favicon.ico": "the icon, fetched by test_the_browser_finds_the_sites_icon",
    "/manifest.webmanifest": "the app's manifest, read by tests/browser/test_installable.py",
    "/sw.js": "the service worker's script, run by tests/browser/test_installable.py",
}


@dataclass(frozen=True)
class Seeded:
    """The people in the seeded database and the ids their pages are reached by."""

    people: dict[str, Person]
    addresses: dict[str, str]
    her_chats: dict[str, int]
    her_entries: dict[str, int]

    def address(self, route: str, persona: str) -> str:
        """Where the route is reached, its path parameters filled in from the seeded data."""
        if route == "/chats/{chat_id}":
            return f"/chats/{self.her_chats[persona]}"
        if route == "/chats/{chat_id}/who":
            return f"/chats/{self.her_chats[persona]}/who"
        if route == "/journal/{entry_id}":
            return f"/journal/{self.her_entries[persona]}"
        return self.addresses.get(route, route)


def seed(app: FastAPI, factory: sessionmaker[Session]) -> Seeded:
    """A member with a year of data, a member in safety mode with the same year, and an admin."""
    people = {
        MEMBER: add_person(factory, "maya@example.org"),
        SAFETY: add_person(factory, "sara@example.org"),
        ADMIN: add_person(factory, "ada@example.org", Role.ADMIN),
    }
    her_entries = {}
    with factory() as db:
        for persona in WOMEN:
            her_entries[persona] = _a_year_of(db, people[persona].id)
            danger = {"physical": "yes"} if persona == SAFETY else {}
            safety.take_check(
                db, people[persona].id, safety_answers(**danger), keep_answers=False, now=NOW
            )
    with TestClient(app) as client:
        made = _through_the_api(client, factory, people)
        her_chats = {persona: _import_chat(client, factory, people[persona]) for persona in WOMEN}
    addresses = {
        "/steps/{slug}": "/steps/no-such-step",
        "/path/{day}": "/path/3",
        # Links from emails, followed with a token that is not (or no longer) good.
        "/signup/confirm/{token}": "/signup/confirm/an-old-link",
        "/guide/confirm/{token}": "/guide/confirm/an-old-link",
        "/guide/unsubscribe/{token}": "/guide/unsubscribe/an-old-link",
        "/quizzes/{slug}": f"/quizzes/{QUIZ}",
        "/quizzes/{slug}/results/{token}": f"/quizzes/{QUIZ}/results/{made['result_token']}",
        "/quizzes/{slug}/counts": f"/quizzes/{QUIZ}/counts",
        "/guide/{slug}": f"/guide/{ARTICLE}",
        "/moderation/{response_id}/edit": f"/moderation/{made['response_id']}/edit",
    }
    return Seeded(people, addresses, her_chats, her_entries)


def safety_answers(**answers: str) -> dict[str, str]:
    """The safety check answered "no" throughout, but for the answers given."""
    return {question.id: answers.get(question.id, "no") for question in QUESTIONS}


def _a_year_of(db: Session, user_id: int) -> int:
    """Her year in the app; answers the id of her latest journal entry."""
    _no_contact(db, user_id)
    _growth(db, user_id)
    _qualities_and_look(db, user_id)
    calendar.switch_on(db, user_id, reminder_time="09:00")
    return _journal(db, user_id)


def _journal(db: Session, user_id: int) -> int:
    """An entry a month, some answering the path's question of their day, with a mood or not."""
    latest = 0
    for month in range(12):
        days = month * 30 + 3
        day = YEAR_AGO + timedelta(days=days)
        entry, _ = journal.write(
            db,
            user_id,
            today=day,
            now=_at(day, 22),
            text=f"Month {month + 1}.\nSome evenings are heavy; I wrote instead of texting.",
            mood=None if month % 3 == 0 else 3 + month // 2,
            day=days + 1 if month % 2 else None,
        )
        latest = entry.id
    return latest


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def _no_contact(db: Session, user_id: int) -> None:
    """No contact from a year ago: two slips that restarted it, texts from him, urges, the vault,
    and a check-in every other day, and today's."""
    no_contact.start(
        db,
        user_id,
        today=YEAR_AGO,
        target_days=60,
        started_on=YEAR_AGO,
        breakup_on=YEAR_AGO - timedelta(days=10),
        his_name="Sam",
    )
    for days, initiator in ((40, Initiator.HIM), (75, Initiator.ME), (200, Initiator.ME)):
        day = YEAR_AGO + timedelta(days=days)
        no_contact.log_contact(
            db,
            user_id,
            at=_at(day, 21),
            time_zone=ZONE,
            today=day,
            safety_mode=False,
            initiator=initiator,
            note="He asked how I was.",
        )
    no_contact.log_urge(db, user_id, intensity=7, trigger="Our song", instead="Called my sister")
    no_contact.log_urge(
        db,
        user_id,
        intensity=9,
        trigger="His birthday",
        instead="Wrote it down",
        message="I still think about you every day and I miss how things were.",
    )
    for days in [*range(0, 365, 2), 365]:
        mood = 2 + (days // 30) % 4
        no_contact.check_in(
            db,
            user_id,
            day=YEAR_AGO + timedelta(days=days),
            today=TODAY,
            mood=mood,
            note="A walk by the river." if days % 10 == 0 else "",
        )


def _growth(db: Session, user_id: int) -> None:
    """Three goals with milestones and two habits ticked through the year."""
    paint = new_you.add_goal(
        db, user_id, area="hobbies", title="Learn to paint in watercolour", why="Just for me"
    )
    new_you.add_goal(db, user_id, area="health", title="Run 10 km", target_on=TODAY + timedelta(30))
    new_you.add_goal(db, user_id, area="career", title="Ask for the promotion")
    new_you.add_milestone(db, user_id, paint.id, title="Buy a starter set")
    new_you.add_milestone(db, user_id, paint.id, title="Paint the view from the window")
    for title, per_week in (("Sketch for ten minutes", 7), ("Go for a run", 3)):
        habit = new_you.add_habit(
            db,
            user_id,
            title=title,
            per_week=per_week,
            goal_id=paint.id,
            started_on=YEAR_AGO,
            today=TODAY,
        )
        for days in range(0, 366):
            if days % 7 < per_week - (days % 11 == 0):
                status = DayStatus.SKIPPED if days % 29 == 0 else DayStatus.DONE
                day = YEAR_AGO + timedelta(days=days)
                new_you.mark_day(db, user_id, habit.id, day, status, today=TODAY)


def _qualities_and_look(db: Session, user_id: int) -> None:
    for quality_list, name in (
        (QualityList.I_VALUE, "My kindness"),
        (QualityList.MY_STRENGTHS, "I finish what I start"),
        (QualityList.HE_VALUED, "Being adventurous"),
    ):
        best_self.add_quality(db, user_id, list=quality_list, name=name, this_week="Say yes once")
    new_look.add_item(
        db, user_id, category="hair", title="A new cut", planned_on=TODAY, budget=60.0
    )
    new_look.add_item(db, user_id, category="wardrobe", title="A bright coat", cost=120.5)
    picture = io.BytesIO()
    Image.new("RGB", (600, 800), (200, 150, 120)).save(picture, "PNG")
    new_look.keep_photo(db, user_id, picture.getvalue(), kind="before", caption="Day one")


def _through_the_api(
    client: TestClient, factory: sessionmaker[Session], people: dict[str, Person]
) -> dict[str, str]:
    """What the API makes for the member: a quiz result and a response to an article."""
    client.headers["Authorization"] = f"Bearer {api_token(factory, people[MEMBER])}"
    quiz = client.get(f"/api/v1/quizzes/{QUIZ}").json()
    answers = {
        q["id"]: [q["options"][0]["id"]] if q["multiple"] else q["options"][0]["id"]
        for q in quiz["questions"]
    }
    taken = client.post(f"/api/v1/quizzes/{QUIZ}/attempts", json={"answers": answers})
    assert taken.status_code == 201, taken.text
    response = client.post(
        f"/api/v1/guide/{ARTICLE}/responses",
        json={"name": "Maya", "email": "maya@example.org", "body": "Day 40 and I feel lighter."},
    )
    assert response.status_code == 201, response.text
    return {
        "result_token": taken.json()["token"],
        "response_id": str(response.json()["id"]),
    }


def _import_chat(client: TestClient, factory: sessionmaker[Session], person: Person) -> int:
    """Her chat with him, imported through the API: the id of its report."""
    client.headers["Authorization"] = f"Bearer {api_token(factory, person)}"
    imported = client.post(
        "/api/v1/chats",
        files={"file": (CHAT.name, CHAT.read_bytes())},
        data={"me": "Ash Ketchum"},
    )
    assert imported.status_code == 201, imported.text
    return int(imported.json()["id"])
