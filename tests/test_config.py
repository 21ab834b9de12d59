from __future__ import annotations

import stat
from pathlib import Path

import pytest

from anew import config
from anew.config import ConfigError, default_data_dir, documented_settings, load_settings

ROOT = Path(__file__).parents[1]
README = ROOT / "README.md"
CONFIGURATION = ROOT / "docs" / "configuration.md"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in documented_settings():
        monkeypatch.delenv(name, raising=False)


def test_it_defaults_to_sqlite_in_the_platform_data_dir() -> None:
    settings = load_settings()
    assert settings.data_dir == default_data_dir()
    assert settings.resolved_database_url == f"sqlite:///{default_data_dir() / 'anew.db'}"
    assert settings.open_signup is True


def test_it_reads_every_setting_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ANEW_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ANEW_DATABASE_URL", "postgresql+psycopg://anew@db.internal/anew")
    monkeypatch.setenv("ANEW_SECRET_KEY", "k" * 40)
    monkeypatch.setenv("ANEW_OPEN_SIGNUP", "false")
    monkeypatch.setenv("ANEW_BASE_URL", "https://anew.example.org/")
    settings = load_settings()
    assert settings.data_dir == tmp_path
    assert settings.resolved_database_url == "postgresql+psycopg://anew@db.internal/anew"
    assert settings.resolved_secret_key == "k" * 40
    assert settings.open_signup is False
    assert settings.base_url == "https://anew.example.org"
    assert settings.behind_https is True


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("ANEW_OPEN_SIGNUP", "perhaps", "ANEW_OPEN_SIGNUP"),
        ("ANEW_DATABASE_URL", "mysql://localhost/anew", "must start with sqlite"),
        ("ANEW_DATABASE_URL", "postgresql://localhost/anew", "psycopg"),
        ("ANEW_SECRET_KEY", "short", "at least 32 characters"),
        ("ANEW_SECRET_KEY", "changeme", "placeholder"),
        ("ANEW_BASE_URL", "anew.example.org", "http:// or https://"),
    ],
)
def test_it_names_the_variable_and_the_problem_for_bad_values(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert name in str(caught.value)
    assert message in str(caught.value)


def test_it_generates_the_secret_key_once_and_keeps_it_private(tmp_path: Path) -> None:
    first = load_settings(data_dir=tmp_path).resolved_secret_key
    second = load_settings(data_dir=tmp_path).resolved_secret_key
    assert first == second
    assert len(first) >= 48
    key_file = tmp_path / config.SECRET_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == [config.SECRET_KEY_FILE]


def test_it_keeps_the_first_secret_when_two_workers_race(tmp_path: Path) -> None:
    (tmp_path / config.SECRET_KEY_FILE).write_text("already-written-by-another-worker\n")
    assert config.load_or_create_secret(tmp_path) == "already-written-by-another-worker"


def test_every_setting_is_documented_in_the_configuration_page() -> None:
    table = "\n".join(
        line for line in CONFIGURATION.read_text().splitlines() if line.startswith("| `")
    )
    for name, help_text in documented_settings().items():
        assert f"`{name}`" in table, f"{name} is missing from docs/configuration.md's table"
        assert help_text, f"{name} has no help text"


def test_the_readme_links_to_the_configuration_page() -> None:
    assert "](docs/configuration.md)" in README.read_text()
