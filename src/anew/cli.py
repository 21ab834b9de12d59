"""The `anew` command line: serve the app, migrate the database, manage users, read chats.

Built on the standard library's argparse: `anew analyze` and `anew check` run once per use, and a
command line framework that validates through pydantic cost them a tenth of a second to start.
Heavy modules (the web stack, the database, Polars) are imported inside the commands that need
them, for the same reason.
"""

from __future__ import annotations

import argparse
import enum
import gc
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from anew.accounts.roles import Role

if TYPE_CHECKING:
    from anew.config import Settings


class Stage(enum.StrEnum):
    NO_CONTACT = "no-contact"
    RECONNECTING = "reconnecting"


class Side(enum.StrEnum):
    ME = "me"
    HIM = "him"


VERDICT_WORDS = {
    "dont_send": "Don't send it. Keep it in your vault.",
    "rewrite": "Worth a rewrite before sending.",
    "wait": "It can wait a little.",
    "send": "This reads calm and kind. Send it if you want to.",
    "unread": "Anew reads drafts in English only.",
}
PASSWORD_TRIES = 3


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _settings() -> Settings:
    from anew.config import ConfigError, load_settings

    try:
        return load_settings()
    except ConfigError as error:
        _err(f"Configuration error: {error}")
        raise SystemExit(2) from None


def migrate(settings: Settings) -> None:
    """Bring the database schema up to date."""
    from anew import db as database

    database.upgrade(settings.resolved_database_url)


def _describe(settings: Settings) -> str:
    """The database in words, without any password that the URL may hold."""
    from sqlalchemy import make_url

    return make_url(settings.resolved_database_url).render_as_string(hide_password=True)


def db_upgrade(_args: argparse.Namespace) -> int:
    """Apply every pending migration."""
    settings = _settings()
    migrate(settings)
    print(f"Database is up to date ({_describe(settings)}).")
    return 0


def serve(args: argparse.Namespace) -> int:
    """Migrate the database, then serve the app."""
    from anew.allocator import return_freed_memory_at_once

    return_freed_memory_at_once()  # before anything imports Polars
    from anew.config import ConfigError, check_mail_settings
    from anew.content import load_content
    from anew.web.http import server

    settings = _settings()
    try:
        check_mail_settings(settings)
        load_content(settings)  # a broken quiz or resources file stops here, not in a worker
    except ConfigError as error:
        _err(f"Configuration error: {error}")
        return 2
    migrate(settings)
    settings.resolved_secret_key  # noqa: B018 - created once here, before workers race for it
    if args.workers > 1 and settings.resolved_database_url.startswith("sqlite"):
        _err("Note: several workers on SQLite work, but PostgreSQL scales better.")
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"Anew is running at http://{shown_host}:{args.port}/  (database: {_describe(settings)})")
    print("Press Ctrl+C to stop.", flush=True)
    stop = None
    if settings.notify_every_s:
        from anew.notifications import scheduler

        stop = scheduler.start(settings)
    try:
        server.run(
            "anew.web.app:create_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
        )
    finally:
        if stop is not None:  # the scheduler ends with the server, also when serve runs in-process
            stop.set()
    return 0


def _ask_password() -> str | None:
    """The password typed twice, hidden; None when the two never match."""
    for _ in range(PASSWORD_TRIES):
        password = getpass.getpass("Password: ")
        if getpass.getpass("Repeat for confirmation: ") == password:
            return password
        _err("The two passwords don't match. Please try again.")
    return None


def user_create(args: argparse.Namespace) -> int:
    """Create an account (for servers where open signup is off, or for a coach or admin)."""
    from anew import db as database
    from anew.accounts.service import AccountError, create_user
    from anew.tables import make_sessionmaker

    settings = _settings()
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else _ask_password()
    if password is None:
        _err("No account was created.")
        return 1
    migrate(settings)
    engine = database.make_engine(settings.resolved_database_url)
    try:
        with database.session_scope(make_sessionmaker(engine)) as session:
            user = create_user(session, email=args.email, password=password, role=Role(args.role))
            created = f"Created {user.email} ({user.role})."
    except AccountError as error:
        _err(f"Could not create the account: {error}")
        return 1
    finally:
        engine.dispose()
    print(created)
    return 0


def analyze(args: argparse.Namespace) -> int:
    """Measure a chat export on this machine, with no server: who initiates, replies and ends."""
    if args.dayfirst and args.monthfirst:
        _err("Please give --dayfirst or --monthfirst, not both.")
        return 2
    from anew.chats.reading import ReadAhead

    ahead = ReadAhead.start(args.path)  # before Polars is imported, which takes a while
    from anew.chats.cli import run_analysis
    from anew.chats.formats.whatsapp import DatePreference

    prefer: DatePreference = (
        "dayfirst" if args.dayfirst else "monthfirst" if args.monthfirst else None
    )
    return run_analysis(
        args.path,
        me=args.me,
        gap_hours=args.gap,
        split=args.split,
        prefer=prefer,
        chat_name=args.chat,
        as_json=args.as_json,
        csv_dir=args.csv,
        html_file=args.html,
        ahead=ahead,
    )


def check(args: argparse.Namespace) -> int:
    """Before you send: a calm second look at a draft, with each flag explained and, where it
    helps, a calmer version to take or leave."""
    import json
    from dataclasses import asdict

    from anew.method.drafts.coach import coach, refusal
    from anew.method.drafts.rules import Context

    problem = refusal(args.text)
    if problem is not None:
        _err(problem)
        return 2
    context = Context(
        stage=Stage(args.stage).value,
        his_last=args.his_last,
        at=args.at,
        last_from=(Side(args.last_from).value if args.last_from else None)
        or ("him" if args.his_last else None),
        logistics=args.logistics,
    )
    verdict = coach(args.text, context)
    if args.as_json:
        flags = [
            {**asdict(flag), "spans": [{"start": s, "end": e} for s, e in flag.spans]}
            for flag in verdict.flags
        ]
        answer = {"verdict": verdict.verdict, "flags": flags, "suggestion": verdict.suggestion}
        print(json.dumps(answer, ensure_ascii=False))
        return 0
    print(VERDICT_WORDS[verdict.verdict])
    for flag in verdict.flags:
        quoted = ", ".join(f'"{args.text[start:end]}"' for start, end in flag.spans)
        print(f"- {flag.why}" + (f" ({quoted})" if quoted and quoted not in flag.why else ""))
    if verdict.suggestion is not None:
        print("\nA calmer version, if you want it (nothing is sent):")
        print(f"  {verdict.suggestion}")
    return 0


def notify_command(args: argparse.Namespace) -> int:
    """Send the notifications that fell due (with --once: one round, then exit)."""
    import time

    from anew.db import make_engine, utcnow
    from anew.notifications.scheduler import worker_name
    from anew.notifications.sender import run_once
    from anew.tables import make_sessionmaker

    settings = _settings()
    migrate(settings)
    engine = make_engine(settings.resolved_database_url)
    factory, worker = make_sessionmaker(engine), worker_name()
    every = max(settings.notify_every_s, 1)
    try:
        while True:
            done = run_once(factory, settings, worker, utcnow())
            print(
                f"{done.made} fell due, {done.sent} sent, {done.failed} to try again.", flush=True
            )
            if args.once:
                return 0
            time.sleep(every)
    except KeyboardInterrupt:
        return 0
    finally:
        engine.dispose()


def backup_command(args: argparse.Namespace) -> int:
    """Back up the whole database to a file (every table, every row)."""
    from anew.backup import backup
    from anew.db import make_engine

    settings = _settings()
    migrate(settings)
    counts = backup(make_engine(settings.resolved_database_url), args.file)
    print(f"Backed up {sum(counts.values())} rows from {len(counts)} tables to {args.file}.")
    return 0


def restore_command(args: argparse.Namespace) -> int:
    """Restore a backup into an empty database (at the same Anew version)."""
    from anew.backup import BackupError, restore
    from anew.db import make_engine
    from anew.zips import MB

    settings = _settings()
    migrate(settings)
    try:
        counts = restore(
            make_engine(settings.resolved_database_url),
            args.file,
            limits=settings.backup_limits,
            max_row=settings.archive_max_file_mb * MB,
        )
    except BackupError as error:
        _err(f"Nothing was restored: {error}")
        return 1
    print(f"Restored {sum(counts.values())} rows into {len(counts)} tables.")
    return 0


def _whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if number < low or (high is not None and number > high):
            within = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise argparse.ArgumentTypeError(f"{number} is not {within}")
        return number

    return parse


def _hours(value: str) -> float:
    try:
        hours = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of hours") from None
    if not hours >= 0.01:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{value} is not 0.01 hours or more")
    return hours


def _day(value: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-27") from None


def _moment(value: str) -> datetime:
    """When she would send it, ISO 8601 as the API takes it (seconds, `Z`, an offset); a time
    without an offset is this machine's local time, one with an offset is turned into it."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a time like 2026-11-27T21:30, 2026-11-27T21:30:00Z "
            "or 2026-11-27T21:30:00+01:00"
        ) from None
    return moment if moment.tzinfo is None else moment.astimezone()


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose closing words (`closing`, shown as the epilog) may be written
    only when its help is shown: `anew analyze` lists the chat formats from the chat registry,
    which imports Polars, and no command should pay for that just to start (`analyze` reads its
    file while Polars is imported, see ReadAhead)."""

    closing: Callable[[], str] | None = None

    def format_help(self) -> str:
        if self.closing is not None:
            self.epilog = self.closing()
        return super().format_help()


def _command(
    commands: argparse._SubParsersAction[_Parser],
    name: str,
    run: Callable[[argparse.Namespace], int],
) -> _Parser:
    """A subcommand whose help is the first line of its function's docstring."""
    summary = (run.__doc__ or "").strip().splitlines()[0]
    parser = commands.add_parser(name, help=summary, description=summary)
    parser.set_defaults(run=run)
    return parser


def _grouped(parser: _Parser) -> argparse._SubParsersAction[_Parser]:
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    parser.set_defaults(run=None, parser=parser)
    return commands


def _chat_formats() -> str:
    """The exports `anew analyze` reads, from the chat registry."""
    from anew.chats.formats.registry import supported_files

    return f"Exports it reads (told by their content, not their name): {supported_files()}"


def build_parser() -> argparse.ArgumentParser:
    """Every command and option of `anew`."""
    parser = _Parser(
        prog="anew", description="Anew: a private, self-hosted breakup-recovery coach."
    )
    commands = _grouped(parser)

    cmd = _command(commands, "serve", serve)
    cmd.add_argument(
        "--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1)."
    )
    cmd.add_argument(
        "--port",
        type=_whole_number(1, 65535),
        default=8000,
        help="Port to listen on (default 8000).",
    )
    cmd.add_argument(
        "--workers",
        type=_whole_number(1),
        default=1,
        help="Server processes, default 1 (use PostgreSQL for more).",
    )

    database = commands.add_parser(
        "db", help="Database migrations.", description="Database migrations."
    )
    _command(_grouped(database), "upgrade", db_upgrade)

    users = commands.add_parser("user", help="Manage accounts.", description="Manage accounts.")
    cmd = _command(_grouped(users), "create", user_create)
    cmd.add_argument("email", help="The new account's email address.")
    cmd.add_argument(
        "--role",
        choices=[role.value for role in Role],
        default=Role.MEMBER.value,
        help="What the account may do (default member).",
    )
    cmd.add_argument(
        "--password-stdin", action="store_true", help="Read the password from standard input."
    )

    cmd = _command(commands, "analyze", analyze)
    cmd.closing = _chat_formats
    cmd.add_argument(
        "path",
        type=Path,
        metavar="PATH",
        help="A chat export: .txt, .json, .zip, or a folder of parts.",
    )
    cmd.add_argument(
        "--me",
        metavar="NAME",
        help="Which participant is you (SMS and iMessage: your name, default Me).",
    )
    cmd.add_argument(
        "--gap",
        type=_hours,
        default=6.0,
        metavar="HOURS",
        help="Hours of silence that start a new conversation (default 6).",
    )
    cmd.add_argument(
        "--split",
        type=_day,
        metavar="DATE",
        help="Compare before and after this date (YYYY-MM-DD).",
    )
    cmd.add_argument("--dayfirst", action="store_true", help="Dates are day/month when unclear.")
    cmd.add_argument("--monthfirst", action="store_true", help="Dates are month/day when unclear.")
    cmd.add_argument(
        "--chat",
        metavar="NAME",
        help="Which chat (Telegram, iMessage) or contact (SMS) of an export of many.",
    )
    cmd.add_argument(
        "--json", dest="as_json", action="store_true", help="Print the whole analysis as JSON."
    )
    cmd.add_argument(
        "--csv", type=Path, metavar="DIR", help="Write messages.csv and participants.csv here."
    )
    cmd.add_argument(
        "--html",
        type=Path,
        metavar="FILE",
        help="Write a self-contained HTML report with charts here.",
    )

    cmd = _command(commands, "check", check)
    cmd.add_argument("text", help="The message you are thinking of sending.")
    cmd.add_argument(
        "--stage",
        choices=[stage.value for stage in Stage],
        default=Stage.RECONNECTING.value,
        help="Where you are in the method (default reconnecting).",
    )
    cmd.add_argument("--his-last", metavar="TEXT", help="His last message.")
    cmd.add_argument(
        "--at",
        type=_moment,
        metavar="ISO",
        help="When you would send it, ISO 8601 (2026-11-27T21:30, with seconds, Z or an offset);"
        " without an offset, your local time.",
    )
    cmd.add_argument("--last-from", choices=[side.value for side in Side], help="Who wrote last.")
    cmd.add_argument("--logistics", action="store_true", help="It is about logistics only.")
    cmd.add_argument(
        "--json",
        dest="as_json",
        action="store_true",
        help="Print the verdict, flags and suggestion as JSON.",
    )

    cmd = _command(commands, "notify", notify_command)
    cmd.add_argument(
        "--once", action="store_true", help="One round, then exit (for cron); else every minute."
    )

    cmd = _command(commands, "backup", backup_command)
    cmd.add_argument("file", type=Path, help="Where to write the backup (.zip).")
    cmd = _command(commands, "restore", restore_command)
    cmd.add_argument("file", type=Path, help="A backup made by `anew backup`.")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (2: a usage or input error)."""
    return _run(build_parser().parse_args(argv))


def _run(args: argparse.Namespace) -> int:
    if args.run is None:  # `anew`, `anew db` or `anew user` alone: show what there is
        args.parser.print_help()
        return 0
    status: int = args.run(args)
    return status


# Commands that hold nothing that needs closing once they return (no database, no server): the
# process may leave at once after them.
LEAVE_AT_ONCE = (analyze, check)


def script() -> NoReturn:
    """The `anew` script and `python -m anew`.

    After `analyze` and `check` the process leaves without tearing the interpreter down: freeing
    a million-message analysis' tables and unloading the modules cost about 0.03 s, a twentieth of
    the whole run, and nobody waits on anything of it. Every other command exits normally, so its
    database connections and files are closed as usual.

    Those two also run without the cyclic garbage collector: a process that leaves as soon as it
    has answered has no garbage worth collecting, and the collector paused over the hundreds of
    modules Polars loads (about 7% of their import time).
    """
    args = build_parser().parse_args()
    if args.run in LEAVE_AT_ONCE:
        gc.disable()
    status = _run(args)
    if args.run not in LEAVE_AT_ONCE:
        sys.exit(status)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader went away (a closed pipe): the output did not all arrive
        status = status or 1
    os._exit(status)
