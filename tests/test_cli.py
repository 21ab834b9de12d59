from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from unittest import mock

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from anew import cli
from anew.accounts.models import User
from anew.accounts.passwords import verify_password
from anew.allocator import JEMALLOC_OPTIONS, RETURN_AT_ONCE
from anew.config import Settings
from tests.command_line import invoke


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> Settings:
    monkeypatch.setenv("ANEW_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ANEW_DATABASE_URL", settings.resolved_database_url)
    monkeypatch.delenv("ANEW_SECRET_KEY", raising=False)
    return settings


def test_user_create_reads_the_password_from_stdin(environment: Settings, db: Session) -> None:
    result = invoke(
        ["user", "create", "Coach@Example.org", "--role", "coach", "--password-stdin"],
        input="a coach's long password\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created coach@example.org (coach)." in result.output
    user = db.scalar(select(User).where(User.email == "coach@example.org"))
    assert user is not None
    assert user.role == "coach"
    assert verify_password(user.password_hash, "a coach's long password")


def test_user_create_explains_a_refusal(environment: Settings) -> None:
    args = ["user", "create", "dup@example.org", "--password-stdin"]
    assert invoke(args, input="first long password\n").exit_code == 0
    again = invoke(args, input="second long password\n")
    assert again.exit_code == 1
    assert "already exists" in again.output
    weak = invoke(["user", "create", "w@example.org", "--password-stdin"], input="tiny\n")
    assert weak.exit_code == 1
    assert "at least 8 characters" in weak.output


def test_user_create_refuses_an_unknown_role(environment: Settings) -> None:
    result = invoke(
        ["user", "create", "x@example.org", "--role", "owner", "--password-stdin"],
        input="long password\n",
    )
    assert result.exit_code == 2
    assert "owner" in result.output


def test_db_upgrade_is_repeatable(environment: Settings) -> None:
    for _ in range(2):
        result = invoke(["db", "upgrade"])
        assert result.exit_code == 0, result.output
        assert "Database is up to date" in result.output


def test_a_bad_setting_stops_the_command_with_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANEW_OPEN_SIGNUP", "sometimes")
    result = invoke(["db", "upgrade"])
    assert result.exit_code == 2
    assert "ANEW_OPEN_SIGNUP" in result.output


def test_serve_stops_when_mail_is_set_up_without_a_base_url(
    environment: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANEW_SMTP_HOST", "mail.example.org")
    monkeypatch.delenv("ANEW_BASE_URL", raising=False)
    with mock.patch("anew.web.http.server.run", autospec=True) as run:
        result = invoke(["serve"])
    assert result.exit_code == 2
    assert "ANEW_BASE_URL" in result.output
    assert "ANEW_SMTP_HOST" in result.output
    run.assert_not_called()
    monkeypatch.setenv("ANEW_BASE_URL", "https://anew.example.org")
    with mock.patch("anew.web.http.server.run", autospec=True) as run:
        assert invoke(["serve"]).exit_code == 0
    run.assert_called_once()


def test_serve_migrates_prints_the_address_and_starts_uvicorn(environment: Settings) -> None:
    with mock.patch("anew.web.http.server.run", autospec=True) as run:
        result = invoke(["serve", "--port", "8123", "--workers", "3"])
    assert result.exit_code == 0, result.output
    assert "Anew is running at http://127.0.0.1:8123/" in result.output
    run.assert_called_once_with(
        "anew.web.app:create_app", factory=True, host="127.0.0.1", port=8123, workers=3
    )
    assert (Path(environment.data_dir) / "secret_key").exists()


def test_the_database_password_is_never_printed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ANEW_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ANEW_DATABASE_URL", "postgresql+psycopg://anew:s3cr3t@db.example/anew")
    assert "s3cr3t" not in cli._describe(cli._settings())


def test_anew_alone_lists_its_commands() -> None:
    result = invoke([])
    assert result.exit_code == 0
    for command in ("serve", "db", "user", "analyze", "check", "backup", "restore"):
        assert command in result.stdout


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["serve", "--port", "70000"], "70000 is not from 1 to 65535"),
        (["serve", "--workers", "0"], "0 is not 1 or more"),
        (["serve", "--port", "eighty"], "'eighty' is not a whole number"),
        (["analyze", "chat.txt", "--gap", "0"], "0 is not 0.01 hours or more"),
        (["analyze", "chat.txt", "--gap", "nan"], "nan is not 0.01 hours or more"),
        (["analyze", "chat.txt", "--split", "27/11/2026"], "'27/11/2026' is not a date"),
        (["check", "hi", "--at", "tonight"], "'tonight' is not a time"),
        (["check", "hi", "--last-from", "them"], "invalid choice: 'them'"),
    ],
)
def test_a_bad_option_value_is_named_with_exit_status_2(args: list[str], named: str) -> None:
    result = invoke(args)
    assert result.exit_code == 2
    assert named in result.stderr


def test_user_create_asks_for_the_password_twice(
    environment: Settings, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = iter(["first try long", "a typo here", "a long password", "a long password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    result = invoke(["user", "create", "asked@example.org"])
    assert result.exit_code == 0, result.output
    assert "don't match" in result.stderr
    user = db.scalar(select(User).where(User.email == "asked@example.org"))
    assert user is not None
    assert verify_password(user.password_hash, "a long password")


def test_user_create_gives_up_after_three_mismatches(
    environment: Settings, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = iter(["one long password", "two long password"] * 3)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    result = invoke(["user", "create", "never@example.org"])
    assert result.exit_code == 1
    assert "No account was created." in result.stderr
    assert db.scalar(select(User).where(User.email == "never@example.org")) is None


def test_python_dash_m_anew_exits_with_the_commands_status(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    run = subprocess.run(
        [sys.executable, "-m", "anew", "analyze", str(missing)], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert "no such file" in run.stderr


def test_commands_that_leave_at_once_still_deliver_all_their_output(tmp_path: Path) -> None:
    # Written to a pipe, the output waits in Python's buffer until flushed (unless
    # PYTHONUNBUFFERED is set, as it may be where the tests run): leaving with os._exit before
    # the flush would lose all of it.
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    lines = [
        f"21/02/21, 10:{n % 60:02d} - {'Ana' if n % 2 else 'Sam'}: message {n}" for n in range(600)
    ]
    chat = tmp_path / "chat.txt"
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    analyzed = subprocess.run(
        [sys.executable, "-m", "anew", "analyze", str(chat), "--json", "--dayfirst"],
        capture_output=True,
        text=True,
        env=buffered,
    )
    assert analyzed.returncode == 0, analyzed.stderr
    report = json.loads(analyzed.stdout)
    assert report["messages"] == {"Ana": 300, "Sam": 300}
    checked = subprocess.run(
        [sys.executable, "-m", "anew", "check", "I miss you so much", "--json"],
        capture_output=True,
        text=True,
        env=buffered,
    )
    assert checked.returncode == 0
    assert json.loads(checked.stdout)["verdict"] == "rewrite"


def test_other_commands_exit_the_usual_way() -> None:
    with (
        mock.patch("os._exit") as leave,
        mock.patch("sys.argv", ["anew"]),
        pytest.raises(SystemExit) as stopped,
    ):
        cli.script()
    assert stopped.value.code == 0
    leave.assert_not_called()


def test_commands_that_leave_at_once_run_without_the_cyclic_collector(tmp_path: Path) -> None:
    seen: list[bool] = []

    def run(_args: object) -> int:
        seen.append(gc.isenabled())
        return 0

    chat = tmp_path / "chat.txt"
    chat.write_text("21/02/21, 10:00 - Ana: hi\n", encoding="utf-8")
    try:
        with (
            mock.patch.object(cli, "_run", run),
            mock.patch("os._exit", side_effect=SystemExit) as leave,
            mock.patch("sys.argv", ["anew", "analyze", str(chat), "--json"]),
            pytest.raises(SystemExit),
        ):
            cli.script()
        leave.assert_called_once_with(0)
    finally:
        gc.enable()
    with (
        mock.patch.object(cli, "_run", run),
        mock.patch("sys.argv", ["anew"]),
        pytest.raises(SystemExit),
    ):
        cli.script()
    assert seen == [False, True]


def test_analyze_json_on_a_text_export_loads_only_what_it_uses(tmp_path: Path) -> None:
    # Every module costs time at start-up: the terminal's drawing (Rich) and the SMS and iMessage
    # readers (XML, SQLite) stay out of a `--json` run on a WhatsApp export.
    chat = tmp_path / "chat.txt"
    chat.write_text("21/02/21, 10:00 - Ana: hi\n21/02/21, 10:01 - Sam: hello\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from anew import cli\n"
        f"status = cli.main(['analyze', {str(chat)!r}, '--json'])\n"
        "loaded = [name for name in ('rich', 'sqlite3', 'defusedxml', 'anew.chats.formats.sms',"
        " 'anew.chats.formats.imessage') if name in sys.modules]\n"
        "print(status, loaded, file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().splitlines()[-1] == "0 []"


def test_the_commands_start_without_the_chat_formats_until_help_is_asked_for() -> None:
    # The formats' list in `anew analyze --help` comes from the chat registry, which imports
    # Polars: reading the command line must not import it (`analyze` reads its file meanwhile).
    probe = (
        "import sys\n"
        "from anew import cli\n"
        "parser = cli.build_parser()\n"
        "print('polars' in sys.modules, 'anew.chats.formats.registry' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", "False"]


def test_user_create_refuses_a_password_anyone_would_guess(environment: Settings) -> None:
    weak = invoke(["user", "create", "w@example.org", "--password-stdin"], input="password\n")
    assert weak.exit_code == 1
    assert "easy for someone else to guess" in weak.output


def test_serve_has_polars_allocator_return_freed_memory_at_once(
    environment: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(JEMALLOC_OPTIONS, raising=False)
    with mock.patch("anew.web.http.server.run", autospec=True) as run:
        assert invoke(["serve"]).exit_code == 0
    run.assert_called_once()
    assert os.environ[JEMALLOC_OPTIONS] == RETURN_AT_ONCE  # the workers it starts inherit it


def test_serve_stops_its_notification_scheduler_when_the_server_stops(
    environment: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[threading.Event] = []

    def start(settings: Settings) -> threading.Event:
        started.append(threading.Event())
        return started[-1]

    monkeypatch.setattr("anew.notifications.scheduler.start", start)
    stopped = KeyboardInterrupt
    with (
        mock.patch("anew.web.http.server.run", autospec=True, side_effect=stopped),
        pytest.raises(stopped),
    ):
        cli.main(["serve"])
    (stop,) = started
    assert stop.is_set()
