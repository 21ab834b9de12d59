from __future__ import annotations

from anew.method.dashboard.rules import next_actions


def test_a_newcomer_is_invited_to_start_gently() -> None:
    actions = next_actions("not-started", checked_in_today=False, has_chats=False)
    assert [a.href for a in actions] == ["/steps/no-contact", "/steps/no-contact#checkin", "/chats"]


def test_during_no_contact_the_vault_is_offered_with_the_days_left() -> None:
    actions = next_actions("no-contact", checked_in_today=True, has_chats=True, days_left=12)
    assert actions[0].href == "/steps/no-contact#write-it-down"
    assert "(12 days to go)" in actions[0].label
    assert len(actions) == 2


def test_once_the_target_is_reached_she_is_pointed_to_her_conversations() -> None:
    actions = next_actions("reconnecting", checked_in_today=True, has_chats=True)
    assert actions[0].href == "/chats"
    assert "You reached your target" in actions[0].label
