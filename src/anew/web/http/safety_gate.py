"""The program-wide safety switch as request dependencies: coaching toward him closes in safety
mode.

Only what coaches her toward him (the reply coach, step 2) depends on these, so one place decides
what safety mode hides. Her own steps (4, 5 and 6: goals, qualities, makeover and photos) are
never locked away from her and ask for no safety check first.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException
from sqlalchemy.orm import Session

from anew.accounts.sessions import Caller
from anew.safety.service import has_taken_check
from anew.web.http.deps import ApiUser, OptionalUser

SAFETY_MODE_REASON = (
    "Safety mode is on: your safety check found signs that the relationship may not have been "
    "safe for you, so Anew does not coach contact with him. Help resources are at /safety/help, "
    "and you can retake the check at /safety-check whenever you like."
)
# The steps that coach toward him: closed in safety mode, and opened by the safety check.
WIN_BACK_STEPS = frozenset({"reply-coach"})


class SafetyModeOn(Exception):
    """Raised by page dependencies; the app answers with a kind explanation page (403)."""


def api_win_back(user: ApiUser) -> Caller:
    """The API user, unless safety mode is on: then 403 with the reason."""
    if user.safety_mode:
        raise HTTPException(status_code=403, detail=SAFETY_MODE_REASON)
    return user


def page_win_back(user: OptionalUser) -> Caller | None:
    """The page's user (or None for a visitor), unless safety mode is on."""
    if user is not None and user.safety_mode:
        raise SafetyModeOn
    return user


WinBackApiUser = Annotated[Caller, Depends(api_win_back)]
WinBackPageUser = Annotated[Caller | None, Depends(page_win_back)]


def needs_check(db: Session, user: Caller | None) -> bool:
    """A signed-in member who hasn't taken the safety check yet sees it before a win-back step."""
    return user is not None and not has_taken_check(db, user.id)
