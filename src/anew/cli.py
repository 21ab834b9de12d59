"""The `anew` command line: serve the app, migrate the database, manage users."""

from __future__ import annotations

import enum
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from anew.accounts.roles import Role

if TYPE_CHECKING:
    from anew.config import Settings

# Heavy modules (the web stack, the database) are imported inside the commands that need them, so
# `anew analyze` starts quickly.

app = typer.Typer(help="Anew: a private, self-hosted breakup-recovery coach.", no_args_is_help=True)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
user_app = typer.Typer(help="Manage accounts.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(user_app, name="user")


def _settings() -> Settings:
    from anew.config import ConfigError, load_settings

    try:
        return load_settings()
    except ConfigError as error:
        typer.echo(f"Configuration error: {error}", err=True)
        raise typer.Exit(2) from None


def migrate(settings: Settings) -> None:
    """Bring the database schema up to date."""
    from anew import db as database

    database.upgrade(settings.resolved_database_url)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration."""
    settings = _settings()
    migrate(settings)
    typer.echo(f"Database is up to date ({_describe(settings)}).")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option(help="Server processes (use PostgreSQL for >1).", min=1)
    ] = 1,
) -> None:
    """Migrate the database, then serve the app."""
    import uvicorn

    from anew.config import ConfigError
    from anew.content import load_content

    settings = _settings()
    try:
        load_content(settings)  # a broken quiz or resources file stops here, not in a worker
    except ConfigError as error:
        typer.echo(f"Configuration error: {error}", err=True)
        raise typer.Exit(2) from None
    migrate(settings)
    settings.resolved_secret_key  # noqa: B018 - created once here, before workers race for it
    if workers > 1 and settings.resolved_database_url.startswith("sqlite"):
        typer.echo("Note: several workers on SQLite work, but PostgreSQL scales better.", err=True)
    shown_host = f"[{host}]" if ":" in host else host
    typer.echo(f"Anew is running at http://{shown_host}:{port}/  (database: {_describe(settings)})")
    typer.echo("Press Ctrl+C to stop.")
    uvicorn.run(
        "anew.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        log_level="info",
    )


@user_app.command("create")
def user_create(
    email: Annotated[str, typer.Argument(help="The new account's email address.")],
    role: Annotated[Role, typer.Option(help="What the account may do.")] = Role.MEMBER,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Create an account (for servers where open signup is off, or for a coach or admin)."""
    from anew import db as database
    from anew.accounts.service import AccountError, create_user

    settings = _settings()
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    migrate(settings)
    engine = database.make_engine(settings.resolved_database_url)
    try:
        with database.session_scope(database.make_sessionmaker(engine)) as session:
            user = create_user(session, email=email, password=password, role=role)
            created = f"Created {user.email} ({user.role})."
    except AccountError as error:
        typer.echo(f"Could not create the account: {error}", err=True)
        raise typer.Exit(1) from None
    finally:
        engine.dispose()
    typer.echo(created)


@app.command()
def analyze(
    path: Annotated[
        Path, typer.Argument(help="A chat export: .txt, .json, .zip, or a folder of parts.")
    ],
    me: Annotated[
        str | None,
        typer.Option(help="Which participant is you (SMS and iMessage: your name, default Me)."),
    ] = None,
    gap: Annotated[
        float, typer.Option(help="Hours of silence that start a new conversation.", min=0.01)
    ] = 6.0,
    split: Annotated[
        datetime | None,
        typer.Option(help="Compare before and after this date (YYYY-MM-DD).", formats=["%Y-%m-%d"]),
    ] = None,
    dayfirst: Annotated[
        bool, typer.Option("--dayfirst", help="Dates are day/month when unclear.")
    ] = False,
    monthfirst: Annotated[
        bool, typer.Option("--monthfirst", help="Dates are month/day when unclear.")
    ] = False,
    chat: Annotated[
        str | None,
        typer.Option(help="Which chat (Telegram, iMessage) or contact (SMS) of an export of many."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the whole analysis as JSON.")
    ] = False,
    csv: Annotated[
        Path | None, typer.Option(help="Write messages.csv and participants.csv here.")
    ] = None,
    html: Annotated[
        Path | None, typer.Option(help="Write a self-contained HTML report with charts here.")
    ] = None,
) -> None:
    """Measure a chat export on this machine, with no server: who initiates, replies and ends."""
    from anew.chats.cli import run_analysis
    from anew.chats.formats.whatsapp import DatePreference

    if dayfirst and monthfirst:
        typer.echo("Please give --dayfirst or --monthfirst, not both.", err=True)
        raise typer.Exit(2)
    prefer: DatePreference = "dayfirst" if dayfirst else "monthfirst" if monthfirst else None
    code = run_analysis(
        path,
        me=me,
        gap_hours=gap,
        split=split.date() if split else None,
        prefer=prefer,
        chat_name=chat,
        as_json=as_json,
        csv_dir=csv,
        html_file=html,
    )
    raise typer.Exit(code)


class Stage(enum.StrEnum):
    NO_CONTACT = "no-contact"
    RECONNECTING = "reconnecting"


class Side(enum.StrEnum):
    ME = "me"
    HIM = "him"


@app.command()
def check(
    text: Annotated[str, typer.Argument(help="The message you are thinking of sending.")],
    stage: Annotated[Stage, typer.Option(help="Where you are in the method.")] = Stage.RECONNECTING,
    his_last: Annotated[str | None, typer.Option("--his-last", help="His last message.")] = None,
    at: Annotated[
        datetime | None,
        typer.Option(help="When you would send it, local time.", formats=["%Y-%m-%dT%H:%M"]),
    ] = None,
    last_from: Annotated[Side | None, typer.Option("--last-from", help="Who wrote last.")] = None,
    logistics: Annotated[
        bool, typer.Option("--logistics", help="It is about logistics only.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the verdict and flags as JSON.")
    ] = False,
) -> None:
    """Before you send: a calm second look at a draft, with each flag explained."""
    import json
    from dataclasses import asdict

    from anew.method.drafts import check_draft

    verdict = check_draft(
        text,
        stage=stage.value,
        his_last=his_last,
        at=at,
        last_from=last_from.value if last_from else None,
        logistics=logistics,
    )
    if as_json:
        flags = [asdict(flag) for flag in verdict.flags]
        typer.echo(json.dumps({"verdict": verdict.verdict, "flags": flags}, ensure_ascii=False))
        return
    typer.echo(VERDICT_WORDS[verdict.verdict])
    for flag in verdict.flags:
        where = f' ("{text[flag.start : flag.end]}")' if flag.start is not None else ""
        typer.echo(f"- {flag.message}{where}")


VERDICT_WORDS = {
    "dont_send": "Don't send it. Keep it in your vault.",
    "rewrite": "Worth a rewrite before sending.",
    "wait": "It can wait a little.",
    "send": "This reads calm and kind. Send it if you want to.",
}


@app.command("backup")
def backup_command(
    file: Annotated[Path, typer.Argument(help="Where to write the backup (.zip).")],
) -> None:
    """Back up the whole database to a file (every table, every row)."""
    from anew.backup import backup
    from anew.db import make_engine

    settings = _settings()
    migrate(settings)
    counts = backup(make_engine(settings.resolved_database_url), file)
    typer.echo(f"Backed up {sum(counts.values())} rows from {len(counts)} tables to {file}.")


@app.command("restore")
def restore_command(
    file: Annotated[Path, typer.Argument(help="A backup made by `anew backup`.")],
) -> None:
    """Restore a backup into an empty database (at the same Anew version)."""
    from anew.backup import BackupError, restore
    from anew.db import make_engine

    settings = _settings()
    migrate(settings)
    try:
        counts = restore(make_engine(settings.resolved_database_url), file)
    except BackupError as error:
        typer.echo(f"Nothing was restored: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Restored {sum(counts.values())} rows into {len(counts)} tables.")


def _describe(settings: Settings) -> str:
    """The database in words, without any password that the URL may hold."""
    from sqlalchemy import make_url

    return make_url(settings.resolved_database_url).render_as_string(hide_password=True)


def main() -> None:
    """Entry point of the `anew` script."""
    app()
