from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from anew.chats.formats.registry import FORMATS
from anew.chats.report import CONTRACT_FIELDS
from tests.chats.fixtures import WHATSTK
from tests.command_line import invoke

POKEMON = WHATSTK / "chats" / "whatsapp" / "pokemon.txt"


def test_analyze_json_prints_the_contract() -> None:
    result = invoke(["analyze", str(POKEMON), "--me", "Misty", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for key in CONTRACT_FIELDS:
        assert key in report
    assert report["me"] == "Misty"
    assert report["messages"]["Misty"] == 4
    assert set(report["reply_seconds"]["Misty"]) == {"median", "p90", "count"}


def test_analyze_prints_a_readable_summary() -> None:
    result = invoke(["analyze", str(POKEMON), "--split", "2016-09-01"])
    assert result.exit_code == 0, result.output
    assert "Ash Ketchum" in result.output
    assert "Before and after 2016-09-01" in result.output


def test_analyze_help_lists_every_format_it_reads() -> None:
    result = invoke(["analyze", "--help"])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())  # as one line, however argparse wrapped it
    assert "Exports it reads (told by their content, not their name): WhatsApp .txt" in shown
    for found in FORMATS:
        assert found.files in shown


def test_analyze_explains_bad_input_and_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = invoke(["analyze", str(empty)])
    assert result.exit_code == 2
    assert "the file is empty" in result.output
    unknown = invoke(["analyze", str(POKEMON), "--me", "Gary"])
    assert unknown.exit_code == 2
    assert "nobody called 'Gary'" in unknown.output


def test_analyze_writes_csv_without_any_text(tmp_path: Path) -> None:
    result = invoke(["analyze", str(POKEMON), "--csv", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    messages = (tmp_path / "out" / "messages.csv").read_text()
    assert messages.splitlines()[0] == "timestamp,sender,kind,chars,words"
    assert "Hey guys" not in messages
    assert "Ash Ketchum,4," in (tmp_path / "out" / "participants.csv").read_text()


def test_dayfirst_and_monthfirst_settle_unclear_dates(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("01/02/21, 10:00 - A: one\n03/04/21, 11:00 - B: two\n")
    unclear = invoke(["analyze", str(chat), "--json"])
    assert unclear.exit_code == 2
    assert "--dayfirst or --monthfirst" in unclear.output
    dayfirst = invoke(["analyze", str(chat), "--json", "--dayfirst"])
    assert json.loads(dayfirst.stdout)["first"] == "2021-02-01T10:00:00"
    monthfirst = invoke(["analyze", str(chat), "--json", "--monthfirst"])
    assert json.loads(monthfirst.stdout)["first"] == "2021-01-02T10:00:00"


def test_analyze_writes_a_self_contained_html_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = invoke(
        ["analyze", str(POKEMON), "--me", "Misty", "--split", "2016-09-01", "--html", str(out)],
    )
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert html.startswith("<!doctype html>")
    assert html.count('role="img"') == 5  # a drawing per chart, each named
    assert "Before and after 2016-09-01" in html
    assert "Misty (you)" in html
    assert "Jessie &amp; James" in html  # names are escaped
    for outside in ("http://", "https://", "<script", "<link"):
        assert outside not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_check_gives_a_verdict_with_located_flags() -> None:
    result = invoke(["check", "I'm sorry. How are you? Do you miss me?", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["verdict"] == "rewrite"
    assert {flag["code"] for flag in answer["flags"]} == {"apology", "questions", "needy"}
    readable = invoke(["check", "Sure.", "--at", "2026-11-26T23:30", "--last-from", "me"])
    assert readable.exit_code == 0
    assert "It can wait a little." in readable.output
    held = invoke(["check", "hi", "--stage", "no-contact", "--json"])
    assert json.loads(held.stdout)["verdict"] == "dont_send"
    wrong = invoke(["check", "hi", "--stage", "someday"])
    assert wrong.exit_code == 2


def test_analyze_csv_shows_a_formula_for_a_name_as_text(tmp_path: Path) -> None:
    formula = '=HYPERLINK("https://evil.example/","Sam")'
    chat = tmp_path / "chat.txt"
    chat.write_text(f"13/03/24, 09:00 - Ana: hi\n13/03/24, 09:10 - {formula}: hey\n")
    result = invoke(["analyze", str(chat), "--csv", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    with (tmp_path / "out" / "participants.csv").open(newline="") as handle:
        names = [row["participant"] for row in csv.DictReader(handle)]
    assert sorted(names) == sorted(["Ana", "'" + formula])
    with (tmp_path / "out" / "messages.csv").open(newline="") as handle:
        senders = [row["sender"] for row in csv.DictReader(handle)]
    assert senders == ["Ana", "'" + formula]


def test_analyze_says_what_was_set_aside(tmp_path: Path) -> None:
    export = tmp_path / "result.json"
    service = {"type": "service", "date": "2024-01-01T09:00:00", "action": "invite_members"}
    message = {"type": "message", "date": "2024-01-01T09:01:00", "from": "Sam", "text": "hi"}
    export.write_text(json.dumps({"name": "Sam", "messages": [service, message]}))
    result = invoke(["analyze", str(export)])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert (
        "1 notice Telegram wrote itself was set aside, not counted as messages: 1 member change."
        in shown
    )
    html = tmp_path / "report.html"
    assert invoke(["analyze", str(export), "--html", str(html)]).exit_code == 0
    assert "1 member change." in html.read_text()


@pytest.fixture
def in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This machine's local zone is New York for the test (a time without an offset is hers)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _codes(args: list[str]) -> list[str]:
    result = invoke(["check", *args, "--json"])
    assert result.exit_code == 0, result.output
    return [flag["code"] for flag in json.loads(result.stdout)["flags"]]


@pytest.mark.usefixtures("in_new_york")
def test_check_takes_iso_times_with_seconds_z_and_offsets_in_her_local_zone() -> None:
    assert "late_night" in _codes(["Ok.", "--at", "2026-11-26T23:30"])
    assert "late_night" in _codes(["Ok.", "--at", "2026-11-26T23:30:00"])
    # 03:30 UTC is 22:30 the evening before in New York: not late where she is.
    assert "late_night" not in _codes(["Ok.", "--at", "2026-11-27T03:30:00Z"])
    assert "late_night" in _codes(["Ok.", "--at", "2026-11-27T05:30:00+01:00"])  # 23:30 there


def test_check_offers_a_calmer_version_in_the_terminal_and_as_json() -> None:
    shown = invoke(["check", "Sorry, could you move the van?"])
    assert shown.exit_code == 0
    assert "A calmer version" in shown.stdout
    assert "Could you move the van?" in shown.stdout
    answer = json.loads(invoke(["check", "Sorry, could you move the van?", "--json"]).stdout)
    assert answer["suggestion"] == "Could you move the van?"
    assert answer["flags"][0]["spans"] == [{"start": 0, "end": 5}]
    assert answer["flags"][0]["why"]
    fine = json.loads(invoke(["check", "Sounds good.", "--json"]).stdout)
    assert fine["suggestion"] is None


@pytest.mark.parametrize(
    ("text", "said"),
    [("", "nothing to look at"), ("  ", "nothing to look at"), ("x" * 20001, "over 20,000")],
)
def test_check_refuses_an_empty_or_over_long_draft_with_exit_status_2(text: str, said: str) -> None:
    result = invoke(["check", text])
    assert result.exit_code == 2
    assert said in result.stderr
    assert result.stdout == ""


def test_check_says_plainly_that_only_english_is_read() -> None:
    result = invoke(["check", "Ich vermisse dich so sehr, bitte ruf mich an"])
    assert result.exit_code == 0
    assert "English only" in result.stdout
    assert "calm and kind" not in result.stdout
    answer = json.loads(invoke(["check", "Te extraño mucho, ¿cómo estás?", "--json"]).stdout)
    assert answer["verdict"] == "unread"


def test_check_with_his_last_message_means_he_wrote_last() -> None:
    assert "double_text" not in _codes(["Sounds good.", "--his-last", "See you at 5?"])
    mine = _codes(["Sounds good.", "--his-last", "See you at 5?", "--last-from", "me"])
    assert "double_text" in mine
