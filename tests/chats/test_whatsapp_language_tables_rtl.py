"""Right-to-left tables keep the marks WhatsApp writes, so a reader knowing only U+200E is caught.

On an iPhone set to Arabic, Hebrew or Persian, WhatsApp puts U+200F (not U+200E) before a
placeholder or a notice, and again before the second sentence of the security-code notice; the
Arabic exports in the sources show it. The tables keep the text after that first mark and every
mark inside it.
"""

from __future__ import annotations

import pytest

from anew.chats.formats.whatsapp_words import Language, Wording, languages

RLM = "\u200f"
LRM = "\u200e"
RIGHT_TO_LEFT = ("ar", "he", "fa")


def _language(code: str) -> Language:
    return next(lang for lang in languages() if lang.code == code)


def _ios_entries(code: str) -> list[Wording]:
    lang = _language(code)
    return [entry for entry in (*lang.placeholders, *lang.notices) if entry.layout == "ios"]


def test_it_ships_a_table_for_each_right_to_left_language() -> None:
    assert {lang.code for lang in languages()} >= set(RIGHT_TO_LEFT)


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_it_starts_each_text_after_the_mark(code: str) -> None:
    entries = _ios_entries(code)
    assert entries
    assert [entry.text for entry in entries if entry.text[:1] in (RLM, LRM)] == []


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_it_keeps_the_right_to_left_mark_inside_the_security_code_notice(code: str) -> None:
    notices = [entry for entry in _ios_entries(code) if entry.kind == "security_code"]
    assert notices
    assert all(RLM in entry.text and LRM not in entry.text for entry in notices)


def test_it_shows_the_right_to_left_mark_after_the_name_in_arabic_export_lines() -> None:
    from_exports = [entry for entry in _ios_entries("ar") if ":test/data/" in entry.source]
    assert len(from_exports) >= 10
    for entry in from_exports:
        _, _, after_name = entry.example.partition(": ")
        assert after_name.lstrip(" ").startswith(RLM) or f" {RLM}" in after_name, entry.example


def test_it_reads_the_arabic_comma_and_the_arabic_am_pm_letters() -> None:
    arabic = _language("ar")
    assert "\u060c" in arabic.date_time_words
    assert arabic.am == ("\u0635",)
    assert arabic.pm == ("\u0645",)
    assert arabic.header_sources


def test_it_keeps_persian_zero_width_non_joiners() -> None:
    encryption = [entry.text for entry in _ios_entries("fa") if entry.kind == "encryption"]
    assert encryption
    assert all("\u200c" in text for text in encryption)
