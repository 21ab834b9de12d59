"""The installable app's public files: a manifest that parses with icons of the sizes it says, a
service worker served for scope / that is never kept stale, and an offline page that is the same
for everyone (nothing of hers, no token)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from PIL import Image

from anew.web.http.app_shell import SHELL_FILES, STATIC, device_tag
from tests.conftest import TEST_SECRET
from tests.people import Person, csrf_token

ROOT = Path(__file__).resolve().parents[3]


def test_the_manifest_parses_and_names_the_app_its_start_and_scope(client: TestClient) -> None:
    answer = client.get("/manifest.webmanifest")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/manifest+json"
    manifest = json.loads(answer.text)
    assert manifest["name"] == manifest["short_name"] == "Anew"
    assert manifest["description"]
    assert manifest["start_url"] == "/dashboard"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["id"]
    for colour in ("theme_color", "background_color"):
        assert re.fullmatch(r"#[0-9a-f]{6}", manifest[colour])


def test_every_icon_exists_with_the_size_and_type_it_declares(client: TestClient) -> None:
    icons = client.get("/manifest.webmanifest").json()["icons"]
    pngs = {(icon["sizes"], icon["purpose"]) for icon in icons if icon["type"] == "image/png"}
    assert pngs == {
        (size, purpose) for size in ("192x192", "512x512") for purpose in ("any", "maskable")
    }
    for icon in icons:
        answer = client.get(icon["src"])
        assert answer.status_code == 200, icon["src"]
        assert answer.headers["content-type"] == icon["type"]
        if icon["type"] == "image/png":
            width, height = Image.open(io.BytesIO(answer.content)).size
            assert f"{width}x{height}" == icon["sizes"], icon["src"]
        else:
            assert b"<svg" in answer.content


def test_the_committed_icons_are_what_the_drawing_tool_makes() -> None:
    checked = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "app_icons.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


def test_the_service_worker_is_served_for_the_whole_site_and_never_kept_stale(
    client: TestClient,
) -> None:
    answer = client.get("/sw.js")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/javascript")
    assert answer.headers["service-worker-allowed"] == "/"
    assert answer.headers["cache-control"] == "no-cache"
    settings = json.loads(answer.text.split("\n", 1)[0].removeprefix("self.ANEW = ").rstrip(";"))
    assert re.fullmatch(r"[0-9a-f]{16}", settings["version"])
    assert settings["dataRoutes"] == ["/api/v1/today", "/api/v1/path"]
    assert settings["queuedForms"] == {  # the vault, from either page, and the check-in
        "/steps/no-contact/urge": "urge",
        "/steps/before-you-send/vault": "urge",
        "/steps/no-contact/checkin": "checkin",
    }
    for path in settings["shell"]:  # everything it keeps is public and there
        assert client.get(path).status_code == 200, path


def test_the_worker_keeps_only_public_files(client: TestClient) -> None:
    shell = json.loads(client.get("/sw.js").text.split("\n", 1)[0][len("self.ANEW = ") : -1])
    assert all(path.startswith(("/static/", "/offline", "/manifest")) for path in shell["shell"])
    assert "/dashboard" not in shell["shell"]
    assert all((STATIC / name).is_file() for name in SHELL_FILES)


def test_the_offline_page_is_the_same_for_everyone(
    client: TestClient, alice_client: TestClient, alice: Person
) -> None:
    visitor = client.get("/offline")
    hers = alice_client.get("/offline")
    assert hers.status_code == visitor.status_code == 200
    assert hers.headers["cache-control"] == "no-cache"
    page = BeautifulSoup(hers.text, "html.parser")
    assert page.find("h1").get_text() == "You're offline"
    assert alice.email not in hers.text
    assert "csrf_token" not in hers.text
    assert page.body is not None
    assert page.body.get("data-account") is None
    assert page.find(id="quick-exit") is not None  # leaving fast works offline too


def test_signed_in_pages_link_the_manifest_and_say_whose_queue_is_theirs(
    alice_client: TestClient, alice: Person
) -> None:
    answer = alice_client.get("/dashboard")
    page = BeautifulSoup(answer.text, "html.parser")
    assert answer.headers["cache-control"] == "no-store"  # never kept, so Back shows nothing
    assert page.find("link", rel="manifest")["href"] == "/manifest.webmanifest"
    assert page.find("link", rel="apple-touch-icon") is not None
    themes = page.find_all("meta", attrs={"name": "theme-color"})
    assert {meta["media"] for meta in themes} == {
        "(prefers-color-scheme: light)",
        "(prefers-color-scheme: dark)",
    }
    assert page.body["data-account"] == device_tag(TEST_SECRET, alice.id)


def test_the_tag_differs_between_people_and_servers() -> None:
    assert device_tag(TEST_SECRET, 1) != device_tag(TEST_SECRET, 2)
    assert device_tag(TEST_SECRET, 1) != device_tag(TEST_SECRET + "x", 1)


def test_logging_out_and_the_quick_exit_ask_the_browser_to_forget_what_the_app_kept(
    alice_client: TestClient,
) -> None:
    left = alice_client.get("/exit", follow_redirects=False)
    token = csrf_token(alice_client, "/dashboard")
    out = alice_client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == left.status_code == 303
    for answer in (left, out):
        assert answer.headers["clear-site-data"] == '"cache", "storage"'
