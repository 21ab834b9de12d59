"""The blind WhatsApp corpus (tests/data/chats/whatsapp-blind) reads as its writer expected.

Its 44 exports in 21 phone languages were written by someone who had seen neither the parsers nor
the language tables, with the exact reading they expected of each (its README says how they were
written and checked). Each file is read through the registry, as `anew analyze` reads it, and,
where the compiled scanner takes the file on, on both WhatsApp roads.
"""

from __future__ import annotations

import json

import pytest
from tools.blind_corpus import CORPUS, differences, reading

from anew.chats.errors import ChatFormatError
from anew.chats.formats import whatsapp, whatsapp_scan, whatsapp_scanned

EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
MOST_PLAIN_FILES = 34  # of the 42 UTF-8 files; the rest are refused or left to the other road


# The files Anew reads exactly as their writer expected, measured once before any change was made
# for the corpus (BENCHMARKS.md lists the other files' misses, and `tools/blind_corpus.py` prints
# them): a file joins this list when it reads right, and never leaves it.
READ_EXACTLY = (
    "ar_android.txt",
    "ar_ios.txt",
    "de_android.txt",
    "de_ios.txt",
    "en_ios.txt",
    "es_ios.txt",
    "fi_ios.txt",
    "fr_ios.txt",
    "he_android.txt",
    "he_ios.txt",
    "id_ios.txt",
    "it_android.txt",
    "it_ios.txt",
    "ja_android.txt",
    "nl_android.txt",
    "nl_ios.txt",
    "pl_ios.txt",
    "pt_ios.txt",
    "ru_android.txt",
    "sv_android.txt",
    "sv_ios.txt",
    "tr_ios.txt",
    "uk_ios.txt",
)


@pytest.mark.parametrize("name", READ_EXACTLY)
def test_each_file_read_right_stays_read_right(name: str) -> None:
    assert differences(EXPECTED[name], reading(CORPUS / name)) == []


def test_a_file_that_comes_to_read_right_moves_into_the_list() -> None:
    assert set(READ_EXACTLY) <= set(EXPECTED)
    for name in sorted(set(EXPECTED) - set(READ_EXACTLY)):
        try:
            wrong = differences(EXPECTED[name], reading(CORPUS / name))
        except ChatFormatError:
            continue  # still refused
        assert wrong, f"{name} now reads right: add it to READ_EXACTLY"


def test_the_scanner_reads_the_plain_files_it_takes_on_as_the_general_road_does() -> None:
    taken = []
    for name, expected in sorted(EXPECTED.items()):
        if expected["encoding"] != "utf-8":
            continue
        data = (CORPUS / name).read_bytes()
        fast = whatsapp_scanned.parse(data, source=name, prefer="dayfirst")
        if fast is None:
            continue  # a layout the scanner leaves to the general road
        general = whatsapp.parse(data.decode("utf-8"), source=name, prefer="dayfirst")
        assert fast.messages.equals(general.messages), name
        assert fast.set_aside == general.set_aside, name
        taken.append(name)
    assert len(taken) >= MOST_PLAIN_FILES if whatsapp_scan.available() else not taken


def test_the_corpus_holds_every_language_it_says() -> None:
    languages = {reading["language"] for reading in EXPECTED.values()}
    assert len(EXPECTED) == 44
    assert len(languages - {"en+es"}) == 21
