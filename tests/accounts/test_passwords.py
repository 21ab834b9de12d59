from __future__ import annotations

from argon2 import PasswordHasher

from anew.accounts.passwords import hash_password, needs_rehash, password_problem, verify_password


def test_it_hashes_with_argon2id() -> None:
    stored = hash_password("a quiet morning walk")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "a quiet morning walk")
    assert not verify_password(stored, "a quiet evening walk")


def test_a_corrupt_hash_never_verifies() -> None:
    assert not verify_password("not-a-hash", "anything")
    assert needs_rehash("not-a-hash")


def test_production_parameters_follow_rfc_9106() -> None:
    production = PasswordHasher()
    assert production.memory_cost >= 65536
    assert production.time_cost >= 3


def test_it_asks_for_a_rehash_when_parameters_were_weaker() -> None:
    weaker = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1).hash("secret words")
    assert needs_rehash(weaker)
    assert not needs_rehash(hash_password("secret words"))


def test_it_explains_what_makes_a_password_unacceptable() -> None:
    assert password_problem("short") == "Please use at least 8 characters."
    assert password_problem("x" * 2000) == "Please use at most 1024 characters."
    assert "different from your email" in (
        password_problem("Alice@Example.org", email="alice@example.org") or ""
    )
    assert password_problem("a long enough phrase") is None


def test_it_refuses_the_passwords_every_guesser_tries_first() -> None:
    for weak in ("password", "12345678", "iloveyou1", "alice2026"):
        problem = password_problem(weak, email="alice@example.org") or ""
        assert "easy for someone else to guess" in problem, weak
    assert "Add another word or two" in (password_problem("password") or "")
    assert password_problem("gentle steady steps", email="alice@example.org") is None
