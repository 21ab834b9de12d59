from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from anew.chats.formats.registry import FORMATS, supported_files
from anew.chats.models import ChatImport, ChatMessage
from anew.config import Settings
from anew.web.app import create_app
from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text, sign_in

CHAT = (
    "13/03/24, 09:00 - Ana: morning!\n"
    "13/03/24, 09:10 - Sam: hey you\n"
    "13/03/24, 09:12 - Ana: coffee later?\n"
    "13/03/24, 21:00 - Sam: sorry, busy day\n"
)


def _upload(client: TestClient, content: str, filename: str = "chat.txt", **form: str) -> object:
    data = {"csrf_token": csrf_token(client, "/chats"), **form}
    return client.post(
        "/chats", data=data, files={"file": (filename, content.encode())}, follow_redirects=False
    )


def _chat_path(response: object) -> str:
    """The report's address, from the upload's redirect to "which one is you?"."""
    location: str = response.headers["location"]  # type: ignore[attr-defined]
    assert location.endswith("/who"), location
    return location.removesuffix("/who")


def _count(db: Session, model: type) -> int:
    return db.scalar(select(func.count()).select_from(model)) or 0


def test_the_page_needs_a_login(client: TestClient) -> None:
    assert client.get("/chats", follow_redirects=False).headers["location"] == "/login?next=/chats"


def test_the_upload_page_names_every_format_the_registry_reads(alice_client: TestClient) -> None:
    hint = BeautifulSoup(alice_client.get("/chats").text, "html.parser").find(id="file-hint")
    assert hint is not None
    assert hint.get_text() == supported_files()
    for found in FORMATS:
        assert found.files in hint.get_text()


def test_she_uploads_an_export_and_reads_its_report(alice_client: TestClient) -> None:
    response = _upload(alice_client, CHAT, name="Sam")
    assert response.status_code == 303  # type: ignore[attr-defined]
    report = alice_client.get(_chat_path(response))
    assert report.status_code == 200
    soup = BeautifulSoup(report.text, "html.parser")
    rows = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")]
        for row in soup.select("tbody tr")
    }
    assert rows["Ana"][:5] == ["2", "3", "1", "1", "0"]
    assert rows["Sam"][:5] == ["2", "5", "1", "1", "0"]
    assert len(soup.select("svg.chart-plot")) == 5
    assert "Sam" in page_text(alice_client.get("/chats").text)


def test_a_bad_file_is_explained_and_the_form_keeps_her_choices(
    alice_client: TestClient, db: Session
) -> None:
    response = _upload(
        alice_client, "shopping list\n- milk\n", "notes.txt", name="My notes", date_order="dayfirst"
    )
    assert response.status_code == 400  # type: ignore[attr-defined]
    html = response.text  # type: ignore[attr-defined]
    assert "notes.txt, line 1:" in page_text(html)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("input", attrs={"name": "name"})["value"] == "My notes"  # type: ignore[index]
    assert soup.find("option", selected=True)["value"] == "dayfirst"  # type: ignore[index]
    assert _count(db, ChatImport) == 0


def test_no_file_chosen(alice_client: TestClient) -> None:
    response = alice_client.post(
        "/chats", data={"csrf_token": csrf_token(alice_client, "/chats")}, files={"file": ("", b"")}
    )
    assert response.status_code == 400
    assert "Please choose an export file." in page_text(response.text)


def test_an_upload_over_the_limit(settings: Settings, alice: Person) -> None:
    small = create_app(settings.model_copy(update={"max_upload_mb": 1}))
    with TestClient(small) as client:
        sign_in(client, alice)
        response = _upload(client, CHAT * 40_000)
        assert response.status_code == 413  # type: ignore[attr-defined]
        assert "larger than 1 MB" in page_text(response.text)  # type: ignore[attr-defined]
    small.state.engine.dispose()


def test_she_renames_chooses_herself_and_deletes(alice_client: TestClient, db: Session) -> None:
    location = _chat_path(_upload(alice_client, CHAT))
    chat_id = location.rsplit("/", 1)[1]
    token = csrf_token(alice_client, location)
    alice_client.post(
        f"/chats/{chat_id}/settings", data={"csrf_token": token, "name": "Sam, March", "me": "Ana"}
    )
    page = page_text(alice_client.get(location).text)
    assert "Sam, March" in page
    assert "Ana (you)" in page
    response = alice_client.post(
        f"/chats/{chat_id}/delete", data={"csrf_token": token}, follow_redirects=False
    )
    assert response.headers["location"] == "/chats?deleted=1"
    assert _count(db, ChatMessage) == 0


def test_bob_cannot_see_change_or_delete_alices_chats_pages(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    location = _chat_path(_upload(alice_client, CHAT, name="alice-private-chat"))
    chat_id = location.rsplit("/", 1)[1]
    engine = app.state.engine
    secrets = ["alice-private-chat"]
    assert_isolated(
        engine, bob_client, alice, "GET", "/chats", expect_status=[200], secrets=secrets
    )
    assert_isolated(engine, bob_client, alice, "GET", f"/chats/{chat_id}", secrets=secrets)
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        f"/chats/{chat_id}/settings",
        form={"name": "bob's now", "me": "Sam"},
    )
    assert_isolated(engine, bob_client, alice, "GET", f"/chats/{chat_id}/who", secrets=secrets)
    assert_isolated(engine, bob_client, alice, "POST", f"/chats/{chat_id}/who", form={"me": "Sam"})
    assert_isolated(engine, bob_client, alice, "POST", f"/chats/{chat_id}/delete", form={})
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/chats",
        form={"name": "bob's"},
        files={"file": ("b.txt", CHAT.encode())},
        expect_status=[303],
    )


def test_right_after_the_upload_she_is_asked_which_one_is_her(alice_client: TestClient) -> None:
    path = _chat_path(_upload(alice_client, CHAT))
    asked = alice_client.get(f"{path}/who")
    assert asked.status_code == 200
    soup = BeautifulSoup(asked.text, "html.parser")
    assert soup.h1 is not None
    assert soup.h1.get_text() == "Which one is you?"
    names = [radio["value"] for radio in soup.select("input[name=me]")]
    assert names == ["Ana", "Sam", "none"]
    assert "Choose your name" in page_text(alice_client.get(path).text)  # the report reminds her
    token = csrf_token(alice_client, f"{path}/who")
    chosen = alice_client.post(
        f"{path}/who", data={"csrf_token": token, "me": "Ana"}, follow_redirects=False
    )
    assert chosen.status_code == 303
    assert chosen.headers["location"] == path
    report = page_text(alice_client.get(path).text)
    assert "Ana (you)" in report
    assert "Choose your name" not in report


def test_a_name_not_in_the_chat_is_explained(alice_client: TestClient) -> None:
    path = _chat_path(_upload(alice_client, CHAT))
    token = csrf_token(alice_client, f"{path}/who")
    wrong = alice_client.post(f"{path}/who", data={"csrf_token": token, "me": "Zoe"})
    assert wrong.status_code == 400
    assert "Please choose one of the names" in page_text(wrong.text)


def test_the_report_says_reply_times_in_words(alice_client: TestClient) -> None:
    path = _chat_path(_upload(alice_client, CHAT))
    text = page_text(alice_client.get(path).text)
    assert "p90" not in text
    assert "9 in 10 replies within" in text
    assert "Half of Sam's replies came within" in text


TELEGRAM = (
    '{"name": "Sam", "messages": ['
    '{"type": "service", "date": "2024-01-01T09:00:00", "action": "phone_call"},'
    '{"type": "service", "date": "2024-01-01T09:00:30", "action": "invite_members"},'
    '{"type": "service", "date": "2024-01-01T09:00:40", "action": "remove_members"},'
    '{"type": "message", "date": "2024-01-01T09:01:00", "from": "Sam", "text": "hi"},'
    '{"type": "message", "date": "2024-01-01T09:02:00", "from": "Ana", "text": "hey"}]}'
)


def test_the_report_says_what_was_set_aside_and_where_to_look(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person, db: Session
) -> None:
    path = _chat_path(_upload(alice_client, TELEGRAM, "result.json"))
    soup = BeautifulSoup(alice_client.get(path).text, "html.parser")
    findings = soup.find(id="findings")
    assert findings is not None
    assert (
        "3 notices Telegram wrote itself were set aside, not counted as messages: "
        "2 member changes and 1 call or missed call."
    ) in findings.get_text(" ", strip=True)
    row = db.scalars(select(ChatImport)).one()
    row.report = {**row.report, "warnings": [{"line": 7, "why": "a name appears only once"}]}
    db.commit()
    shown = page_text(alice_client.get(path).text)
    assert "Line 7: a name appears only once" in shown
    assert "Anew was unsure about 1 line of the file" in shown
    chat_id = path.rsplit("/", 1)[1]
    secrets = ["member changes", "Line 7"]
    assert_isolated(
        app.state.engine, bob_client, alice, "GET", f"/chats/{chat_id}", secrets=secrets
    )


def test_a_chat_with_nothing_set_aside_shows_no_such_section(alice_client: TestClient) -> None:
    path = _chat_path(_upload(alice_client, CHAT))
    assert BeautifulSoup(alice_client.get(path).text, "html.parser").find(id="findings") is None


UNCLEAR = (
    "03/04/24, 09:00 - Ana: morning!\n"
    "03/04/24, 09:10 - Sam: hey you\n"
    "07/08/24, 08:00 - Ana: it has been\n"
)


def test_unclear_dates_are_asked_with_her_own_dates_and_her_choices_stay(
    alice_client: TestClient, db: Session
) -> None:
    response = _upload(alice_client, UNCLEAR, name="Sam", chat="", keep_text="on")
    assert response.status_code == 422  # type: ignore[attr-defined]
    soup = BeautifulSoup(response.text, "html.parser")  # type: ignore[attr-defined]
    question = soup.find(id="date-question")
    assert question is not None
    assert question.legend.get_text(strip=True) == "Which day is 03/04/24 in your file?"
    choices = {
        radio["value"]: " ".join(radio.parent.get_text(" ", strip=True).split())
        for radio in question.select("input[type=radio]")
    }
    assert choices == {
        "dayfirst": "3 April 2024 (then 07/08/24 is 7 August 2024)",
        "monthfirst": "4 March 2024 (then 07/08/24 is 8 July 2024)",
    }
    assert soup.find(id="date_order") is None  # the question takes the select's place
    assert "read two ways" in soup.find(id="upload-error").get_text()  # type: ignore[union-attr]
    assert soup.find("input", attrs={"name": "name"})["value"] == "Sam"  # type: ignore[index]
    assert soup.find("input", attrs={"name": "keep_text"}).has_attr("checked")  # type: ignore[union-attr]
    assert _count(db, ChatImport) == 0
    again = _upload(alice_client, UNCLEAR, name="Sam", date_order="dayfirst")
    assert again.status_code == 303  # type: ignore[attr-defined]
    assert db.scalars(select(ChatImport.report)).one()["first"] == "2024-04-03T09:00:00"


def test_an_sms_thread_where_she_wrote_nothing_says_so(alice_client: TestClient) -> None:
    backup = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"2\">\n"
        '<sms address="+15550100" date="1700000000000" type="1" body="up?" contact_name="Sam" />\n'
        '<sms address="+15550100" date="1700000600000" type="1" body="bye" contact_name="Sam" />\n'
        "</smses>\n"
    )
    response = _upload(alice_client, backup, "sms.xml")
    assert response.status_code == 303  # type: ignore[attr-defined]
    location = response.headers["location"]  # type: ignore[attr-defined]
    assert not location.endswith("/who")  # the backup knows which side is hers
    findings = BeautifulSoup(alice_client.get(location).text, "html.parser").find(id="findings")
    assert findings is not None
    assert "You sent no messages in this chat, so its figures show only what Sam sent." in (
        findings.get_text(" ", strip=True)
    )
