"""Every route is either public or proven, by a named test, to keep users' data apart."""

from __future__ import annotations

import importlib
from pathlib import Path

from fastapi import FastAPI

from tests.routes import app_routes

PUBLIC_ROUTES = {
    ("GET", "/"),
    ("GET", "/healthz"),
    ("GET", "/favicon.ico"),  # the icon, the same for everyone
    ("GET", "/api/v1/docs"),  # the interactive docs: a page about the API, no data
    ("GET", "/login"),
    ("POST", "/login"),
    ("GET", "/signup"),
    ("POST", "/signup"),
    # Reached from the confirmation email by its unguessable token; it makes her new account.
    ("GET", "/signup/confirm/{token}"),
    ("POST", "/signup/confirm/{token}"),
    ("GET", "/logout"),
    ("POST", "/logout"),
    ("GET", "/steps/{slug}"),
    ("POST", "/api/v1/auth/token"),
    # Safety pages anyone may need, signed in or not; they read nothing of hers.
    ("GET", "/safety/private-browsing"),
    ("GET", "/exit"),
    # Quizzes are public; a result's page shows only the outcome, by design (the share link).
    ("GET", "/quizzes/{slug}"),
    ("GET", "/quizzes/{slug}/results/{token}"),
    ("GET", "/quizzes/{slug}/counts"),  # coaches only, and only counts
    ("GET", "/api/v1/quizzes"),
    ("GET", "/api/v1/quizzes/{slug}"),
    ("GET", "/api/v1/quizzes/{slug}/results/{token}"),
    ("GET", "/api/v1/quizzes/{slug}/counts"),
    # The public guide: articles, published responses (never an email), the feed and sitemap.
    ("GET", "/guide"),
    ("GET", "/guide/feed.xml"),
    ("GET", "/sitemap.xml"),
    ("GET", "/api/v1/guide"),
    ("GET", "/api/v1/guide/{slug}/responses"),
    # Reached from an email by its unguessable token; it only ever switches reply emails off.
    ("GET", "/guide/unsubscribe/{token}"),
    # Reached from an email by its unguessable token; it only proves the poster's address.
    ("GET", "/guide/confirm/{token}"),
    ("POST", "/guide/confirm/{token}"),
    ("POST", "/guide/unsubscribe/{token}"),
    # The installable app's files: the same for everyone, nothing of hers in them.
    ("GET", "/manifest.webmanifest"),
    ("GET", "/sw.js"),
    ("GET", "/offline"),
}

# The test that calls tests.isolation.assert_isolated as bob against alice -> the routes it tries.
ISOLATION_TESTS = {
    "tests.web.pages.test_account:test_bob_cannot_see_or_change_alices_account": [
        ("GET", "/account"),
        ("POST", "/account/time-zone"),
        ("POST", "/account/country"),
        ("GET", "/account/export"),
        ("POST", "/account/import"),
        ("POST", "/account/password"),
        ("POST", "/account/delete"),
    ],
    "tests.web.pages.test_dashboard:test_bob_sees_only_his_own_dashboard": [("GET", "/dashboard")],
    "tests.web.pages.test_dashboard:test_bob_cannot_tick_alices_habit_or_answer_her_welcome": [
        ("POST", "/dashboard/habits/{habit_id}/done"),
        ("POST", "/dashboard/welcome"),
    ],
    "tests.web.api.test_me:test_bob_sees_only_himself": [("GET", "/api/v1/me")],
    "tests.web.api.test_path:test_bob_never_sees_alices_today_or_path": [
        ("GET", "/api/v1/today"),
        ("GET", "/api/v1/path"),
        ("GET", "/api/v1/path/{day}"),
    ],
    "tests.web.pages.test_path:test_bob_never_sees_alices_path_or_changes_her_check_in": [
        ("GET", "/path"),
        ("GET", "/path/{day}"),
        ("POST", "/dashboard/checkin"),
    ],
    "tests.web.api.test_token:test_bob_cannot_revoke_alices_token": [
        ("DELETE", "/api/v1/auth/token")
    ],
    "tests.web.pages.test_chats:test_bob_cannot_see_change_or_delete_alices_chats_pages": [
        ("GET", "/chats"),
        ("POST", "/chats"),
        ("GET", "/chats/{chat_id}"),
        ("POST", "/chats/{chat_id}/settings"),
        ("GET", "/chats/{chat_id}/who"),
        ("POST", "/chats/{chat_id}/who"),
        ("POST", "/chats/{chat_id}/delete"),
    ],
    "tests.web.api.test_no_contact:test_bob_never_sees_or_changes_alices_step_one": [
        ("GET", "/api/v1/nocontact"),
        ("POST", "/api/v1/nocontact"),
        ("POST", "/api/v1/nocontact/pause"),
        ("POST", "/api/v1/nocontact/resume"),
        ("GET", "/api/v1/contacts"),
        ("POST", "/api/v1/contacts"),
        ("GET", "/api/v1/urges"),
        ("POST", "/api/v1/urges"),
        ("GET", "/api/v1/vault"),
        ("GET", "/api/v1/checkins"),
        ("PUT", "/api/v1/checkins/{day}"),
        ("GET", "/api/v1/program"),
    ],
    "tests.web.pages.test_no_contact:test_bob_never_sees_or_changes_alices_no_contact_page": [
        ("GET", "/steps/no-contact"),
        ("POST", "/steps/no-contact/start"),
        ("POST", "/steps/no-contact/contact"),
        ("POST", "/steps/no-contact/urge"),
        ("POST", "/steps/no-contact/checkin"),
        ("POST", "/steps/no-contact/pause"),
    ],
    "tests.web.api.test_reply_coach:test_bob_gets_advice_from_his_own_data_only": [
        ("POST", "/api/v1/replies/coach")
    ],
    "tests.web.pages.test_reply_coach:test_bob_gets_the_coach_from_his_own_data": [
        ("GET", "/steps/reply-coach"),
        ("POST", "/steps/reply-coach"),
    ],
    "tests.web.api.test_drafts:test_bob_is_checked_against_his_own_state": [
        ("POST", "/api/v1/drafts/check")
    ],
    "tests.web.pages.test_drafts:test_bob_is_checked_against_his_own_stage": [
        ("GET", "/steps/before-you-send"),
        ("POST", "/steps/before-you-send"),
    ],
    "tests.web.pages.test_drafts:test_keeping_a_draft_posts_it_into_her_vault": [
        ("POST", "/steps/before-you-send/vault"),
    ],
    "tests.web.api.test_chats:test_bob_cannot_see_change_or_delete_alices_chats": [
        ("GET", "/api/v1/chats"),
        ("POST", "/api/v1/chats"),
        ("GET", "/api/v1/chats/{chat_id}/metrics"),
        ("PATCH", "/api/v1/chats/{chat_id}"),
        ("DELETE", "/api/v1/chats/{chat_id}"),
    ],
}
ISOLATION_TESTS.update(
    {
        "tests.web.api.test_chat_progress:test_bob_cannot_follow_alices_import": [
            ("GET", "/api/v1/chats/progress/{progress_id}"),
            ("GET", "/chats/progress/{progress_id}"),
        ],
        "tests.web.api.test_safety:test_bob_never_sees_or_changes_alices_safety_check": [
            ("GET", "/api/v1/safety-check"),
            ("POST", "/api/v1/safety-check"),
            ("POST", "/api/v1/safety-check/leave"),
            ("DELETE", "/api/v1/safety-check"),
            ("GET", "/api/v1/help-resources"),
            ("GET", "/api/v1/nocontact/reflection"),
            ("PUT", "/api/v1/nocontact/reflection"),
        ],
        "tests.web.pages.test_safety:test_bob_never_sees_or_changes_alices_safety_pages": [
            ("GET", "/safety-check"),
            ("POST", "/safety-check"),
            ("GET", "/safety-check/result"),
            ("POST", "/safety-check/leave"),
            ("POST", "/safety-check/delete"),
            ("GET", "/safety/help"),
            ("POST", "/steps/no-contact/reflection"),
        ],
        "tests.web.api.test_quizzes:test_bob_never_sees_alices_quiz_results": [
            ("GET", "/api/v1/quiz-results"),
            ("POST", "/api/v1/quizzes/{slug}/attempts"),
        ],
        "tests.web.api.test_guide:test_bob_cannot_change_alices_responses_or_moderate": [
            ("POST", "/api/v1/guide/{slug}/responses"),
            ("GET", "/api/v1/responses"),
            ("POST", "/api/v1/responses/{response_id}/approve"),
            ("POST", "/api/v1/responses/{response_id}/reject"),
            ("POST", "/api/v1/responses/{response_id}/spam"),
        ],
        "tests.web.pages.test_guide:test_bob_cannot_touch_alices_responses_or_the_queue": [
            ("GET", "/guide/{slug}"),
            ("POST", "/guide/{slug}/responses"),
            ("GET", "/moderation"),
            ("POST", "/moderation"),
            ("GET", "/moderation/{response_id}/edit"),
            ("POST", "/moderation/{response_id}/edit"),
            ("GET", "/moderation/block-list"),
            ("POST", "/moderation/block-list"),
            ("GET", "/moderation/export.json"),
            ("GET", "/moderation/export.csv"),
        ],
        "tests.web.api.test_new_you_habits:test_bob_never_sees_or_changes_alices_habits": [
            ("GET", "/api/v1/habits"),
            ("POST", "/api/v1/habits"),
            ("GET", "/api/v1/habits/{habit_id}"),
            ("PATCH", "/api/v1/habits/{habit_id}"),
            ("DELETE", "/api/v1/habits/{habit_id}"),
            ("PUT", "/api/v1/habits/{habit_id}/days/{day}"),
            ("DELETE", "/api/v1/habits/{habit_id}/days/{day}"),
        ],
        "tests.web.api.test_growth:test_bob_never_sees_or_changes_alices_growth": [
            ("GET", "/api/v1/goals"),
            ("POST", "/api/v1/goals"),
            ("GET", "/api/v1/goals/{goal_id}"),
            ("PATCH", "/api/v1/goals/{goal_id}"),
            ("DELETE", "/api/v1/goals/{goal_id}"),
            ("POST", "/api/v1/goals/{goal_id}/milestones"),
            ("PATCH", "/api/v1/goals/{goal_id}/milestones/{milestone_id}"),
            ("DELETE", "/api/v1/goals/{goal_id}/milestones/{milestone_id}"),
            ("GET", "/api/v1/qualities"),
            ("POST", "/api/v1/qualities"),
            ("PATCH", "/api/v1/qualities/{quality_id}"),
            ("DELETE", "/api/v1/qualities/{quality_id}"),
            ("GET", "/api/v1/makeover"),
            ("POST", "/api/v1/makeover"),
            ("PATCH", "/api/v1/makeover/{item_id}"),
            ("DELETE", "/api/v1/makeover/{item_id}"),
        ],
        "tests.web.api.test_new_look_photos:test_bob_never_sees_or_deletes_alices_photos": [
            ("GET", "/api/v1/photos"),
            ("POST", "/api/v1/photos"),
            ("GET", "/api/v1/photos/{photo_id}"),
            ("GET", "/api/v1/photos/{photo_id}/thumbnail"),
            ("DELETE", "/api/v1/photos/{photo_id}"),
        ],
        "tests.web.pages.test_new_you:test_bob_never_sees_or_changes_alices_goals_and_habits": [
            ("GET", "/steps/new-you"),
            ("POST", "/steps/new-you/goals"),
            ("POST", "/steps/new-you/goals/{goal_id}"),
            ("POST", "/steps/new-you/habits"),
            ("POST", "/steps/new-you/habits/{habit_id}"),
        ],
        "tests.web.pages.test_best_self_and_new_look:"
        "test_bob_never_sees_or_changes_alices_board_plan_or_photos": [
            ("GET", "/steps/best-self"),
            ("POST", "/steps/best-self"),
            ("POST", "/steps/best-self/{quality_id}"),
            ("GET", "/steps/new-look"),
            ("POST", "/steps/new-look/items"),
            ("POST", "/steps/new-look/items/{item_id}"),
            ("POST", "/steps/new-look/photos"),
            ("GET", "/steps/new-look/photos/{photo_id}"),
            ("POST", "/steps/new-look/photos/{photo_id}/delete"),
        ],
        "tests.web.api.test_your_data:test_bob_gets_only_his_own_data": [
            ("GET", "/api/v1/export"),
            ("POST", "/api/v1/import"),
            ("DELETE", "/api/v1/me"),
        ],
        "tests.web.pages.test_notifications:test_bob_never_sees_or_changes_alices_notifications": [
            ("GET", "/account/notifications"),
            ("POST", "/account/notifications"),
            ("POST", "/account/notifications/devices"),
            ("POST", "/account/notifications/devices/{subscription_id}/remove"),
            ("POST", "/account/notifications/test"),
        ],
        "tests.web.api.test_notifications:test_bob_never_sees_or_changes_alices_choices": [
            ("GET", "/api/v1/notifications"),
            ("PUT", "/api/v1/notifications"),
        ],
        "tests.web.api.test_push:test_bob_never_sees_removes_or_pushes_to_alices_devices": [
            ("GET", "/api/v1/push/key"),
            ("GET", "/api/v1/push/subscriptions"),
            ("POST", "/api/v1/push/subscriptions"),
            ("DELETE", "/api/v1/push/subscriptions/{subscription_id}"),
            ("POST", "/api/v1/notifications/test"),
        ],
        "tests.web.pages.test_calendar:test_bob_never_sees_or_changes_alices_calendar": [
            ("GET", "/api/v1/calendar"),
            ("POST", "/api/v1/calendar"),
            ("DELETE", "/api/v1/calendar"),
            ("GET", "/account/calendar"),
            ("POST", "/account/calendar"),
            ("GET", "/calendar/{token}.ics"),
        ],
        "tests.web.api.test_journal:test_bob_never_sees_or_changes_alices_journal": [
            ("GET", "/api/v1/journal"),
            ("POST", "/api/v1/journal"),
            ("GET", "/api/v1/journal/{entry_id}"),
            ("PATCH", "/api/v1/journal/{entry_id}"),
            ("DELETE", "/api/v1/journal/{entry_id}"),
        ],
        "tests.web.pages.test_journal:test_bob_never_sees_or_changes_alices_journal_pages": [
            ("GET", "/journal"),
            ("POST", "/journal"),
            ("GET", "/journal/{entry_id}"),
            ("POST", "/journal/{entry_id}"),
        ],
        "tests.web.api.test_insights:test_bob_never_sees_or_changes_alices_plan": [
            ("GET", "/api/v1/insights/plan"),
            ("PUT", "/api/v1/insights/plan"),
        ],
        "tests.web.pages.test_insights:test_bob_never_changes_alices_plan_from_the_page": [
            ("POST", "/insights/plan"),
        ],
        "tests.web.api.test_insights:test_bob_never_sees_alices_insights": [
            ("GET", "/api/v1/insights"),
        ],
        "tests.web.pages.test_insights:test_bob_never_sees_alices_insights_page": [
            ("GET", "/insights"),
        ],
        "tests.web.pages.test_quizzes:test_bob_never_sees_alices_quiz_results": [
            ("GET", "/quizzes"),
            ("POST", "/quizzes/{slug}"),
        ],
        "tests.web.api.test_looking_back:test_bob_never_sees_alices_vault_or_changes_her_choice": [
            ("GET", "/api/v1/vault/looking-back"),
            ("PUT", "/api/v1/vault/looking-back"),
        ],
        "tests.web.pages.test_looking_back:"
        "test_bob_never_sees_alices_vault_or_changes_her_choice": [
            ("POST", "/steps/no-contact/looking-back"),
        ],
    }
)
USER_DATA_ROUTES = {route: test for test, routes in ISOLATION_TESTS.items() for route in routes}


def test_every_route_is_public_or_has_an_isolation_test(app: FastAPI) -> None:
    unaccounted = [
        route
        for route in app_routes(app)
        if route not in PUBLIC_ROUTES and route not in USER_DATA_ROUTES
    ]
    assert unaccounted == [], "add these to PUBLIC_ROUTES or give them an isolation test"


def test_the_named_isolation_tests_exist_and_use_the_helper() -> None:
    for route, target in USER_DATA_ROUTES.items():
        module_name, function_name = target.split(":")
        module = importlib.import_module(module_name)
        function = getattr(module, function_name, None)
        assert callable(function), f"{target} (for {route}) does not exist"
        source = importlib.util.find_spec(module_name)
        assert source
        assert source.origin
        text = Path(source.origin).read_text()
        body = text[text.index(f"def {function_name}(") :]
        assert "assert_isolated(" in body.split("\ndef ", 1)[0], (
            f"{target} never calls assert_isolated"
        )
        method, path = route
        tried = body.split("\ndef ", 1)[0]
        assert path.split("{")[0].rstrip("/") in tried, f"{target} never tries {method} {path}"
