"""Settings read from the environment, with errors that name the variable at fault."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from anew.zips import DEFAULT_MAX_RATIO, MB, ZipLimits

ENV_PREFIX = "ANEW_"
SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a file name, not a secret
MIN_SECRET_LENGTH = 32
PLACEHOLDER_SECRETS = {"changeme", "change-me", "secret", "please-change-me", "your-secret-key"}


class ConfigError(Exception):
    """A setting in the environment has a value Anew cannot use."""


def default_data_dir() -> Path:
    """The platform's per-user data directory, e.g. ~/.local/share/anew on Linux."""
    return Path(platformdirs.user_data_dir("anew", appauthor=False))


class Settings(BaseSettings):
    """Every setting Anew reads. Each one is documented in the README's configuration table."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Where the SQLite database, the secret key and uploaded photos live.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database; SQLite in the data directory when unset.",
    )
    secret_key: str | None = Field(
        default=None,
        description="Signs CSRF tokens; generated once and kept in the data directory when unset.",
    )
    open_signup: bool = Field(
        default=True,
        description="Whether anyone may create an account from the sign-up page.",
    )
    max_upload_mb: int = Field(
        default=512,
        gt=0,
        description="The largest chat export, in MB, that may be uploaded (zip contents included).",
    )
    max_visitor_body_kb: int = Field(
        default=256,
        gt=0,
        description="The largest request body, in KB, that someone not signed in may send.",
    )
    body_timeout_s: int = Field(
        default=30,
        gt=0,
        description="How long, in seconds, the server waits for the next part of a request body, "
        "and the head start a body gets before its pace counts.",
    )
    body_min_rate_kb_s: int = Field(
        default=8,
        gt=0,
        description="The slowest average pace, in KB per second, at which a request body may "
        "arrive once its head start is spent.",
    )
    body_memory_mb: int = Field(
        default=64,
        gt=0,
        description="How much memory, in MB, the request bodies one server process is receiving "
        "may hold together; past it they wait in private files.",
    )
    archive_max_file_mb: int = Field(
        default=256,
        gt=0,
        description="The most one file inside her data archive may unpack to, in MB; also the "
        "longest row of a backup.",
    )
    archive_max_unpacked_mb: int = Field(
        default=2048,
        gt=0,
        description="The most all the files of her data archive may unpack to together, in MB.",
    )
    backup_max_unpacked_mb: int = Field(
        default=65536,
        gt=0,
        description="The most all the files of a backup may unpack to together, in MB.",
    )
    zip_max_ratio: int = Field(
        default=DEFAULT_MAX_RATIO,
        ge=10,
        description="How many times its packed size a file over 1 MB in any zip (a chat export, "
        "her data archive, a backup) may unpack to before it is refused as a zip bomb.",
    )
    base_url: str | None = Field(
        default=None,
        description="The public address of this server, e.g. https://anew.example.org.",
    )

    vapid_private_key: str | None = Field(
        default=None,
        description="The key that signs Web Push notifications (P-256, base64url); generated "
        "once and kept in the data directory when unset.",
    )
    vapid_subject: str | None = Field(
        default=None,
        description="How push services can reach whoever runs this server (mailto: or https:); "
        "the public address when unset.",
    )
    push_allow_loopback: bool = Field(
        default=False,
        description="Let notifications go to push services on this machine (tests, development).",
    )
    notify_allow_private: bool = Field(
        default=False,
        description="Let notifications go to addresses in private networks (her ntfy or Gotify "
        "at home).",
    )

    notify_every_s: int = Field(
        default=60,
        ge=0,
        description="How often, in seconds, `anew serve` sends the notifications that fell due; "
        "0 leaves it to `anew notify --once` (cron).",
    )

    help_resources_file: Path | None = Field(
        default=None,
        description="A TOML file of help resources by country that replaces the built-in list.",
    )
    quizzes_dir: Path | None = Field(
        default=None,
        description="A folder of extra quiz TOML files; a quiz here replaces a built-in one of "
        "the same name.",
    )
    guide_dir: Path | None = Field(
        default=None,
        description="A folder of extra guide articles (Markdown); one here replaces a built-in "
        "article with the same slug.",
    )
    guide_author_name: str = Field(
        default="",
        description="The name in the guide's author box; each article's own author when unset.",
    )
    guide_author_bio: str = Field(
        default="",
        description="A few words about the guide's author, shown under each article.",
    )
    always_moderate: bool = Field(
        default=False,
        description="Hold every guide response for moderation, also from approved emails.",
    )
    smtp_host: str | None = Field(
        default=None,
        description="The mail server for guide notifications; no email is ever sent when unset.",
    )
    smtp_port: int = Field(default=587, ge=1, le=65535, description="The mail server's port.")
    smtp_user: str | None = Field(default=None, description="The mail server login, if any.")
    smtp_password: str | None = Field(default=None, description="The mail server password.")
    smtp_starttls: bool = Field(
        default=True, description="Whether to switch the mail connection to TLS (STARTTLS)."
    )
    mail_from: str = Field(
        default="anew@localhost", description="The sender address of notification emails."
    )
    guide_notify_email: str | None = Field(
        default=None,
        description="Where to email the coach about each new guide response (off when unset).",
    )
    quick_exit_url: str = Field(
        default="https://www.bbc.com/weather",
        description="The neutral site the quick-exit button opens in safety mode.",
    )

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        scheme = value.split("://", 1)[0] if "://" in value else ""
        if not (scheme.startswith("sqlite") or scheme.startswith("postgresql")):
            raise ValueError(
                "must start with sqlite:/// or postgresql+psycopg:// "
                f"(got a URL with scheme {scheme or 'none'!r})"
            )
        if scheme.startswith("postgresql") and scheme != "postgresql+psycopg":
            raise ValueError("PostgreSQL URLs must use the psycopg driver: postgresql+psycopg://")
        return value

    @field_validator("secret_key")
    @classmethod
    def _check_secret_key(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if value.strip().lower() in PLACEHOLDER_SECRETS:
            raise ValueError("is a placeholder; set a long random value or leave it unset")
        if len(value) < MIN_SECRET_LENGTH:
            raise ValueError(f"must be at least {MIN_SECRET_LENGTH} characters long")
        return value

    @field_validator("base_url")
    @classmethod
    def _check_base_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(
                "must be an http:// or https:// address, e.g. https://anew.example.org"
            )
        return value.rstrip("/")

    @field_validator("quick_exit_url")
    @classmethod
    def _check_quick_exit_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("must be an http:// or https:// address of a neutral site")
        return value

    @cached_property
    def resolved_database_url(self) -> str:
        """The database URL to connect to, defaulting to SQLite inside the data directory."""
        return self.database_url or f"sqlite:///{self.data_dir / 'anew.db'}"

    @cached_property
    def resolved_secret_key(self) -> str:
        """The configured secret, or the one generated on first start and kept in the data dir."""
        return self.secret_key or load_or_create_secret(self.data_dir)

    @property
    def archive_limits(self) -> ZipLimits:
        """The limits her data archive is unpacked within."""
        return ZipLimits(
            max_member_bytes=self.archive_max_file_mb * MB,
            max_total_bytes=self.archive_max_unpacked_mb * MB,
            max_ratio=self.zip_max_ratio,
            what="an Anew archive",
        )

    @property
    def backup_limits(self) -> ZipLimits:
        """The limits a backup is unpacked within (its files are read a row at a time)."""
        total = self.backup_max_unpacked_mb * MB
        return ZipLimits(total, total, max_ratio=self.zip_max_ratio, what="an Anew backup")

    @property
    def behind_https(self) -> bool:
        """True when the public address is https, so cookies must be Secure."""
        return bool(self.base_url and self.base_url.startswith("https://"))

    @property
    def mail_ready(self) -> bool:
        """True when emails may go out: a mail server, and the public address their links are
        built on (never the Host a request names, which anyone can set)."""
        return bool(self.smtp_host and self.base_url)


def check_mail_settings(settings: Settings) -> None:
    """Refuse mail without a public address, so `anew serve` stops rather than mail no links."""
    if settings.smtp_host and not settings.base_url:
        raise ConfigError(
            f"{ENV_PREFIX}SMTP_HOST is set, but {ENV_PREFIX}BASE_URL is not. Emails carry links "
            "(to a response, to confirm an address, to unsubscribe), and they are built on the "
            f"public address only: set {ENV_PREFIX}BASE_URL, e.g. https://anew.example.org."
        )


def kept_file(data_dir: Path, name: str, make: Callable[[], bytes]) -> Path:
    """A file of the data directory written once, readable by the server's user only; made
    atomically, so concurrent workers agree on one (the first to write it wins)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / name
    if not path.exists():
        tmp = data_dir / f".{name}.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(make())
        try:
            os.link(tmp, path)  # fails if another process won the race; theirs is kept
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path


def load_or_create_secret(data_dir: Path) -> str:
    """Read the kept secret key, creating it on first start."""
    path = kept_file(data_dir, SECRET_KEY_FILE, lambda: secrets.token_urlsafe(48).encode())
    return path.read_text().strip()


def load_settings(**overrides: Any) -> Settings:
    """Build settings from the environment, turning validation errors into one readable message."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "?"
            message = str(error["msg"]).removeprefix("Value error, ")
            problems.append(f"{ENV_PREFIX}{field.upper()}: {message}")
        raise ConfigError("; ".join(problems)) from None


def documented_settings() -> dict[str, str]:
    """Environment variable -> help text, for the test that keeps the README honest."""
    return {
        f"{ENV_PREFIX}{name.upper()}": field.description or ""
        for name, field in Settings.model_fields.items()
    }
