"""The JSON API under /api/v1, documented by OpenAPI at /api/v1/openapi.json."""

from __future__ import annotations

from fastapi import APIRouter

from anew.web.api import (
    auth,
    calendar,
    chats,
    data,
    drafts,
    growth,
    guide,
    habits,
    me,
    nocontact,
    photos,
    quizzes,
    replies,
    safety,
)

API_PREFIX = "/api/v1"

router = APIRouter(prefix=API_PREFIX)
router.include_router(auth.router)
router.include_router(me.router)
router.include_router(chats.router)
router.include_router(nocontact.router)
router.include_router(replies.router)
router.include_router(drafts.router)
router.include_router(safety.router)
router.include_router(quizzes.router)
router.include_router(guide.router)
router.include_router(habits.router)
router.include_router(growth.router)
router.include_router(photos.router)
router.include_router(data.router)
router.include_router(calendar.router)
