from __future__ import annotations

from pathlib import Path

import pytest

from anew.safety.resources import BUILT_IN, ResourcesError, load_resources

GOOD_COUNTRY = """
[countries.GB]
name = "United Kingdom"
emergency = "999"
[[countries.GB.services]]
name = "A helpline"
phone = "0800 000 000"
"""
INTERNATIONAL = """
[international]
name = "Anywhere"
emergency = "Your local emergency number"
[[international.services]]
name = "A directory"
web = "https://example.org"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "help.toml"
    path.write_text(text)
    return path


def test_the_built_in_list_covers_the_countries_it_promises() -> None:
    resources = load_resources(BUILT_IN)
    for code in ("US", "GB", "CA", "AU", "IE", "NZ"):
        country = resources.countries[code]
        assert country.emergency
        assert all(service.phone or service.web for service in country.services)
    assert resources.international.services


def test_her_country_comes_first_then_the_international_directory() -> None:
    resources = load_resources(BUILT_IN)
    assert [code for code, _ in resources.for_country("nz")] == ["NZ", "international"]
    assert [code for code, _ in resources.for_country("")] == ["international"]
    assert [code for code, _ in resources.for_country("FR")] == ["international"]


def test_an_admin_file_replaces_the_list(tmp_path: Path) -> None:
    resources = load_resources(write(tmp_path, GOOD_COUNTRY + INTERNATIONAL))
    assert list(resources.countries) == ["GB"]
    assert resources.choices() == [("GB", "United Kingdom")]


def test_a_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_COUNTRY + "\n[international\n")
    with pytest.raises(ResourcesError, match=r"help\.toml: .*line 9"):
        load_resources(path)


def test_a_bad_entry_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_COUNTRY.replace('phone = "0800 000 000"', "") + INTERNATIONAL)
    with pytest.raises(ResourcesError, match=r"countries\.GB\.services\.0: give a phone number"):
        load_resources(path)
    path = write(tmp_path, GOOD_COUNTRY.replace("GB", "Britain") + INTERNATIONAL)
    with pytest.raises(ResourcesError, match=r"countries\.Britain: use a two-letter code"):
        load_resources(path)


def test_a_missing_field_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_COUNTRY.replace('emergency = "999"', "") + INTERNATIONAL)
    with pytest.raises(ResourcesError, match=r"countries\.GB\.emergency: Field required"):
        load_resources(path)
