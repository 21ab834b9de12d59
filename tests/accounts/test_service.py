from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from anew.accounts.devices import Device, device_mark
from anew.accounts.login_limits import (
    LOGIN_PER_ACCOUNT_AND_ADDRESS,
    LOGIN_PER_ADDRESS,
    LOGIN_PER_KNOWN_DEVICE,
)
from anew.accounts.models import Role, SessionKind, User, UserSession
from anew.accounts.service import (
    PASSWORD_CHECKS_PER_ACCOUNT,
    SIGNUP_PER_ADDRESS,
    EmailTaken,
    InvalidCredentials,
    TooManyAttempts,
    WeakPassword,
    WrongPassword,
    change_password,
    create_user,
    delete_account,
    log_in,
    remove_account,
    replace_password,
    sign_up,
)
from anew.accounts.sessions import start_session
from tests.accounts.test_sessions import find_session

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
PASSWORD = "gentle steady steps"


def _alice(db: Session) -> User:
    return create_user(db, email="  Alice@Example.org ", password=PASSWORD)


def test_it_stores_emails_lower_cased_and_refuses_duplicates(db: Session) -> None:
    assert _alice(db).email == "alice@example.org"
    with pytest.raises(EmailTaken):
        create_user(db, email="ALICE@example.org", password=PASSWORD)


def test_it_refuses_weak_passwords(db: Session) -> None:
    with pytest.raises(WeakPassword, match="at least 8"):
        create_user(db, email="a@example.org", password="short")


def test_it_gives_roles(db: Session) -> None:
    assert (
        create_user(db, email="c@example.org", password=PASSWORD, role=Role.COACH).role == "coach"
    )


def test_log_in_accepts_the_right_password_however_the_email_is_typed(db: Session) -> None:
    alice = _alice(db)
    assert (
        log_in(db, email="ALICE@example.org", password=PASSWORD, address="1.2.3.4", now=NOW)
        is alice
    )


def test_log_in_refuses_a_wrong_password_or_an_unknown_email(db: Session) -> None:
    _alice(db)
    with pytest.raises(InvalidCredentials):
        log_in(db, email="alice@example.org", password="wrong one", address="1.2.3.4", now=NOW)
    with pytest.raises(InvalidCredentials):
        log_in(db, email="nobody@example.org", password=PASSWORD, address="1.2.3.4", now=NOW)


def _fail(db: Session, times: int, address: str, device: Device | None = None) -> None:
    for _ in range(times):
        with pytest.raises(InvalidCredentials):
            log_in(
                db,
                email="alice@example.org",
                password="no",
                address=address,
                now=NOW,
                device=device,
            )


def test_guessing_from_many_addresses_never_locks_the_owner_out(db: Session) -> None:
    alice = _alice(db)
    for attempt in range(3 * LOGIN_PER_ACCOUNT_AND_ADDRESS.limit):
        _fail(db, 1, address=f"10.0.0.{attempt}")
    assert log_in(db, email=alice.email, password=PASSWORD, address="10.9.9.9", now=NOW) is alice


def test_it_slows_guessing_at_one_account_from_one_address(db: Session) -> None:
    alice = _alice(db)
    _fail(db, LOGIN_PER_ACCOUNT_AND_ADDRESS.limit, address="6.6.6.6")
    with pytest.raises(TooManyAttempts) as caught:
        log_in(db, email=alice.email, password=PASSWORD, address="6.6.6.6", now=NOW)
    assert 0 < caught.value.retry_after <= LOGIN_PER_ACCOUNT_AND_ADDRESS.window_seconds


def test_a_known_device_gets_in_with_the_right_password_while_its_address_is_refused(
    db: Session,
) -> None:
    alice = _alice(db)
    for attempt in range(LOGIN_PER_ADDRESS.limit):  # someone else on her shared address
        with pytest.raises(InvalidCredentials):
            log_in(db, email=f"u{attempt}@example.org", password="no", address="6.6.6.6", now=NOW)
    hers = Device(device_mark("secret", alice.id), "secret")
    strangers = Device(device_mark("secret", alice.id + 1), "secret")
    with pytest.raises(TooManyAttempts):
        log_in(
            db, email=alice.email, password=PASSWORD, address="6.6.6.6", now=NOW, device=strangers
        )
    assert (
        log_in(db, email=alice.email, password=PASSWORD, address="6.6.6.6", now=NOW, device=hers)
        is alice
    )


def test_a_known_device_is_held_to_a_limit_of_its_own(db: Session) -> None:
    alice = _alice(db)
    hers = Device(device_mark("secret", alice.id), "secret")
    _fail(db, LOGIN_PER_KNOWN_DEVICE.limit, address="1.1.1.1", device=hers)
    with pytest.raises(TooManyAttempts):
        log_in(db, email=alice.email, password=PASSWORD, address="1.1.1.1", now=NOW, device=hers)
    assert log_in(db, email=alice.email, password=PASSWORD, address="1.1.1.1", now=NOW) is alice


def test_the_owner_hears_of_refused_logins_once_per_window(db: Session) -> None:
    alice = _alice(db)
    _fail(db, LOGIN_PER_ACCOUNT_AND_ADDRESS.limit, address="6.6.6.6")
    notices = []
    for _ in range(3):
        with pytest.raises(TooManyAttempts) as caught:
            log_in(db, email=alice.email, password="no", address="6.6.6.6", now=NOW)
        notices.extend(caught.value.mails)
    [notice] = notices
    assert notice.to == alice.email
    assert "Nothing in your account was opened or changed" in notice.text


def test_nobody_is_told_of_refused_logins_to_an_unknown_email(db: Session) -> None:
    for _ in range(LOGIN_PER_ACCOUNT_AND_ADDRESS.limit):
        with pytest.raises(InvalidCredentials):
            log_in(db, email="nobody@example.org", password="no", address="6.6.6.6", now=NOW)
    with pytest.raises(TooManyAttempts) as caught:
        log_in(db, email="nobody@example.org", password="no", address="6.6.6.6", now=NOW)
    assert caught.value.mails == []


def test_it_limits_one_address_trying_many_accounts(db: Session) -> None:
    for attempt in range(LOGIN_PER_ADDRESS.limit):
        with pytest.raises(InvalidCredentials):
            log_in(db, email=f"u{attempt}@example.org", password="no", address="6.6.6.6", now=NOW)
    with pytest.raises(TooManyAttempts):
        log_in(db, email="other@example.org", password="no", address="6.6.6.6", now=NOW)


def test_a_successful_login_clears_the_failures(db: Session) -> None:
    _alice(db)
    _fail(db, LOGIN_PER_ACCOUNT_AND_ADDRESS.limit - 1, address="1.1.1.1")
    log_in(db, email="alice@example.org", password=PASSWORD, address="1.1.1.1", now=NOW)
    with pytest.raises(InvalidCredentials):
        log_in(db, email="alice@example.org", password="no", address="1.1.1.1", now=NOW)
    log_in(db, email="alice@example.org", password=PASSWORD, address="1.1.1.1", now=NOW)


def test_signup_is_limited_per_address(db: Session) -> None:
    for number in range(SIGNUP_PER_ADDRESS.limit):
        sign_up(db, email=f"new{number}@example.org", password=PASSWORD, address="5.5.5.5", now=NOW)
    with pytest.raises(TooManyAttempts):
        sign_up(db, email="one-more@example.org", password=PASSWORD, address="5.5.5.5", now=NOW)
    assert sign_up(db, email="elsewhere@example.org", password=PASSWORD, address="7.7.7.7", now=NOW)


def test_changing_the_password_revokes_every_session(db: Session) -> None:
    alice = _alice(db)
    web = start_session(db, alice, SessionKind.WEB, NOW)
    api = start_session(db, alice, SessionKind.API, NOW)
    change_password(
        db, alice, current_password=PASSWORD, new_password="a brand new phrase", now=NOW
    )
    assert find_session(db, web, SessionKind.WEB, NOW) is None
    assert find_session(db, api, SessionKind.API, NOW) is None
    assert log_in(db, email=alice.email, password="a brand new phrase", address="1.1.1.1", now=NOW)


def test_changing_the_password_needs_the_current_one(db: Session) -> None:
    alice = _alice(db)
    with pytest.raises(WrongPassword):
        change_password(
            db, alice, current_password="guess", new_password="a brand new phrase", now=NOW
        )
    with pytest.raises(WeakPassword):
        change_password(db, alice, current_password=PASSWORD, new_password="tiny", now=NOW)


def test_deleting_the_account_removes_it_and_its_sessions(db: Session) -> None:
    alice = _alice(db)
    start_session(db, alice, SessionKind.WEB, NOW)
    with pytest.raises(WrongPassword):
        delete_account(db, alice, password="guess")
    delete_account(db, alice, password=PASSWORD)
    db.commit()
    assert db.scalar(select(func.count()).select_from(User)) == 0
    assert db.scalar(select(func.count()).select_from(UserSession)) == 0


def test_signup_and_a_new_password_refuse_the_easiest_to_guess(db: Session) -> None:
    with pytest.raises(WeakPassword, match="easy for someone else to guess"):
        sign_up(db, email="new@example.org", password="12345678", address="5.5.5.5", now=NOW)
    alice = _alice(db)
    with pytest.raises(WeakPassword, match="easy for someone else to guess"):
        change_password(db, alice, current_password=PASSWORD, new_password="password", now=NOW)


def test_guessing_her_password_through_a_password_change_is_limited(db: Session) -> None:
    alice = _alice(db)
    db.commit()
    for _ in range(PASSWORD_CHECKS_PER_ACCOUNT.limit):
        with pytest.raises(WrongPassword):
            replace_password(
                db, alice.id, current_password="guess", new_password="a brand new phrase", now=NOW
            )
    with pytest.raises(TooManyAttempts):
        replace_password(
            db, alice.id, current_password=PASSWORD, new_password="a brand new phrase", now=NOW
        )
    with pytest.raises(TooManyAttempts):
        remove_account(db, alice.id, password=PASSWORD, now=NOW)
    assert db.get(User, alice.id) is not None


def test_guessing_her_password_through_account_deletion_is_limited(db: Session) -> None:
    alice = _alice(db)
    db.commit()
    for _ in range(PASSWORD_CHECKS_PER_ACCOUNT.limit):
        with pytest.raises(WrongPassword):
            remove_account(db, alice.id, password="guess", now=NOW)
    with pytest.raises(TooManyAttempts):
        remove_account(db, alice.id, password=PASSWORD, now=NOW)
    assert db.get(User, alice.id) is not None


def test_guessing_from_one_known_browser_never_holds_up_another(db: Session) -> None:
    """An ex who once signed in to her account keeps his browser's mark: his wrong passwords
    count against his browser alone, and hers still gets in."""
    alice = _alice(db)
    his = Device(device_mark("secret", alice.id), "secret")
    hers = Device(device_mark("secret", alice.id), "secret")
    assert his.name != hers.name
    _fail(db, LOGIN_PER_KNOWN_DEVICE.limit, address="1.1.1.1", device=his)
    with pytest.raises(TooManyAttempts):
        log_in(db, email=alice.email, password=PASSWORD, address="1.1.1.1", now=NOW, device=his)
    assert (
        log_in(db, email=alice.email, password=PASSWORD, address="1.1.1.1", now=NOW, device=hers)
        is alice
    )


def test_a_forged_or_foreign_mark_is_no_known_device() -> None:
    real = device_mark("secret", 7)
    assert Device(real, "secret").knows(7)
    assert not Device(real, "secret").knows(8)
    assert not Device(real, "another secret").knows(7)
    for forged in ("", "name-only", ".abc", "é.é", real.split(".")[1]):
        assert not Device(forged, "secret").knows(7)
