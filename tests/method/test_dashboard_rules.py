from __future__ import annotations

from anew.method.dashboard.rules import OwnSteps, next_actions, own_step_action


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


def test_with_goals_and_habits_done_next_moves_on_to_step_five() -> None:
    # Three goals and habits, all ticked today: "plan something" would ignore what she has done.
    own = OwnSteps(goals=3, habits=3, habits_left_today=0)
    actions = next_actions("no-contact", checked_in_today=True, has_chats=True, own=own)
    assert actions[-1].href == "/steps/best-self"
    assert all("Plan something" not in a.label for a in actions)


def test_habits_still_open_today_come_before_a_new_step() -> None:
    own = OwnSteps(goals=1, habits=2, habits_left_today=2, qualities=1)
    action = own_step_action(own)
    assert action.label == "Tick off today's habits: 2 still open"
    assert action.href == "/dashboard#today-habits"
    assert own_step_action(OwnSteps(goals=1, habits=1, habits_left_today=1)).label.endswith(
        "today's habit: 1 still open"
    )


def test_next_walks_her_own_steps_in_order() -> None:
    assert own_step_action(OwnSteps()).href == "/steps/new-you"
    assert "small daily habit" in own_step_action(OwnSteps(goals=2)).label
    assert own_step_action(OwnSteps(goals=1, habits=1)).href == "/steps/best-self"
    assert own_step_action(OwnSteps(habits=1, qualities=2)).href == "/steps/new-look"
    rounded = own_step_action(OwnSteps(goals=1, habits=1, qualities=1, plan_items=1))
    assert rounded.label == "See how far your goals and habits have come"


def test_in_safety_mode_next_follows_her_own_steps_too() -> None:
    own = OwnSteps(goals=1, habits=1, qualities=1)
    actions = next_actions("safety", checked_in_today=True, has_chats=True, own=own)
    assert [a.href for a in actions] == ["/safety/help", "/steps/new-look"]
