from __future__ import annotations

from anew.journal.rules import KEY, folded, matches, search_words


def test_search_ignores_case_and_how_a_letter_was_encoded() -> None:
    words = search_words("ÉMILIE strasse")
    assert matches("Coffee with émilie on Straße Nord", words)
    assert matches("Coffee with E\u0301milie on Strasse Nord", words)  # é as e + accent
    assert not matches("Coffee with Emilie", words)  # a different name


def test_every_word_must_appear_and_a_quoted_phrase_stays_whole() -> None:
    assert search_words('sunday "long walk" ') == ["sunday", "long walk"]
    assert matches("A long walk on Sunday", search_words('sunday "long walk"'))
    assert not matches("A walk, long, on Sunday", search_words('"long walk"'))
    assert not matches("A long walk", search_words("long walk sunday"))
    assert search_words('"unclosed') == ["unclosed"]
    assert matches("anything at all", search_words("   "))


def test_percent_and_underscore_are_plain_characters_to_look_for() -> None:
    assert matches("I'm 100% done", search_words("100%"))
    assert not matches("I'm 1000 done", search_words("100%"))
    assert matches("file_name", search_words("e_n"))
    assert not matches("filename", search_words("e_n"))
    assert folded("ABC") == "abc"


def test_an_idempotency_key_is_visible_ascii_of_a_sane_length() -> None:
    assert KEY.fullmatch("0b7f2c1e-9d4a-4c55-8f3e-1a2b3c4d5e6f")
    assert not KEY.fullmatch("")
    assert not KEY.fullmatch("has space")
    assert not KEY.fullmatch("k" * 101)
