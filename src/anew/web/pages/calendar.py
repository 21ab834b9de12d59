"""Her private calendar feed: the address any phone calendar subscribes to, and switching it on,
renewing it or off from the account page."""

from __future__ import annotations

import re

from fastapi import Depends, HTTPException, Request
from starlette.responses import RedirectResponse, Response

from anew.accounts.models import User
from anew.calendar.service import (
    Item,
    build_calendar,
    feed_for,
    find_feed,
    nocontact_items,
    renew_feed,
    revoke_feed,
)
from anew.db import utcnow
from anew.method.new_look.models import MakeoverItem
from anew.method.new_you.models import Goal, Habit
from anew.method.new_you.streaks import week_start
from anew.method.no_contact import service as progress
from anew.method.owned import list_owned
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, SessionDep, public_base, user_today
from anew.web.http.forms import PostedForm
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def calendar_items(db: SessionDep, user: User) -> list[Item]:
    """Everything with a date of hers: milestones, goal targets, makeover dates, habits."""
    today = user_today(user)
    items = nocontact_items(progress.state(db, user.id, today), today)
    for goal in list_owned(db, Goal, user.id, Goal.id):
        if goal.target_on and goal.status == "active":
            items.append(Item(f"goal-{goal.id}", f"Goal: {goal.title}", goal.target_on))
    for thing in list_owned(db, MakeoverItem, user.id, MakeoverItem.id):
        if thing.planned_on and not thing.done:
            items.append(Item(f"makeover-{thing.id}", f"New look: {thing.title}", thing.planned_on))
    for habit in list_owned(db, Habit, user.id, Habit.id):
        if habit.archived:
            continue
        daily = habit.per_week == 7
        starts = habit.started_on if daily else week_start(habit.started_on)
        note = "" if daily else f"{habit.per_week} times this week."
        repeat = "DAILY" if daily else "WEEKLY"
        items.append(Item(f"habit-{habit.id}", f"Habit: {habit.title}", starts, repeat, note))
    return items


def feed_url(request: Request, token: str) -> str:
    return f"{public_base(request)}/calendar/{token}.ics"


@router.get("/calendar/{token}.ics")
def calendar_feed(token: str, db: SessionDep) -> Response:
    """The feed itself. The secret in the address is the only key; a revoked one is 404."""
    feed = find_feed(db, token[:100])
    if feed is None:
        raise HTTPException(status_code=404)
    user = db.get(User, feed.user_id)
    if user is None:
        raise HTTPException(status_code=404)
    body = build_calendar(
        calendar_items(db, user),
        time_zone=user.time_zone,
        reminder_time=feed.reminder_time,
        stamp=utcnow(),
    )
    headers = {"Cache-Control": "private, no-store"}
    return Response(body, media_type="text/calendar; charset=utf-8", headers=headers)


@router.get("/account/calendar")
def calendar_page(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    context = {"feed": feed_for(db, user.id), "url": "", "error": ""}
    return render(request, "account/calendar.html", context)


@router.post("/account/calendar", dependencies=[Depends(require_csrf)])
def change_calendar(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    """Switch the feed on (or renew its address, with a reminder time), or off."""
    if form.get("action") == "revoke":
        revoke_feed(db, user.id)
        db.commit()
        return RedirectResponse("/account/calendar", status_code=303)
    reminder = str(form.get("reminder_time") or "09:00")
    if not TIME.match(reminder):
        context = {
            "feed": feed_for(db, user.id),
            "url": "",
            "error": "Please give a time like 08:30.",
        }
        return render(request, "account/calendar.html", context, status_code=400)
    token = renew_feed(db, user.id, reminder_time=reminder)
    db.commit()
    context = {"feed": feed_for(db, user.id), "url": feed_url(request, token), "error": ""}
    return render(request, "account/calendar.html", context)
