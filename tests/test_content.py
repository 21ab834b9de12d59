from __future__ import annotations

from pathlib import Path

import pytest

from anew.config import ConfigError, Settings
from anew.content import load_content
from anew.web.app import create_app


def test_a_broken_quiz_in_the_admin_folder_stops_the_app_with_its_name(tmp_path: Path) -> None:
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "broken.toml").write_text('title = "No questions"\ntie_break = []\n')
    settings = Settings(data_dir=tmp_path, quizzes_dir=quizzes)
    with pytest.raises(ConfigError, match=r"broken\.toml: field 'outcomes': Field required"):
        load_content(settings)
    with pytest.raises(ConfigError, match=r"broken\.toml"):
        create_app(settings)


def test_a_broken_resources_file_stops_the_app_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "help.toml"
    path.write_text("[countries.GB]\nname = 'UK'\n")
    settings = Settings(data_dir=tmp_path, help_resources_file=path)
    with pytest.raises(ConfigError, match=r"help\.toml: countries\.GB\.emergency"):
        load_content(settings)


def test_the_built_in_content_loads(tmp_path: Path) -> None:
    content = load_content(Settings(data_dir=tmp_path))
    assert "holding-you-back" in content.quizzes
    assert "GB" in content.resources.countries
    assert content.articles[0].slug == "introduction"
    assert len(content.path.first) == 60
