"""The archive import's fuzz target (fuzz/archive.py), on hostile archives that each crashed the
import, slipped past it or held the server: the target passes them, and the import refuses each
with the archive named."""

from __future__ import annotations

import json
from unittest import mock

import pytest
from fuzz import archive as fuzz_archive
from fuzz.archive import LIMITS, NAME, archive_import, as_archive, member_names, sandbox
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.your_data.archive import ArchiveError, import_archive


def one_file(name: str, content: bytes) -> bytes:
    return bytes([member_names().index(name)]) + content


HOSTILE = {
    "a string for a number": one_file(
        "checkins.json", json.dumps([{"id": 1, "day": "2026-11-20", "mood": "6"}]).encode()
    ),
    "nested thousands deep": one_file("checkins.json", b"[" * 100_000),
    "a time zone that is a number": one_file("account.json", b'{"time_zone": 5}'),
    "a photo that is a page": one_file(
        "photos.json",
        json.dumps([{"id": 1, "kind": "before", "media_type": "text/html", "data": "x"}]).encode(),
    ),
    "a month that is not a month": one_file(
        "chat_imports.json",
        json.dumps([{"id": 1, "report": {"by_month": [{"month": "ÿ"}]}}]).encode(),
    ),
    "spaces for miles": one_file("checkins.json", b" " * (8 * 1024 * 1024)),
}


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_archive_target_refuses_crafted_archives_cleanly(data: bytes) -> None:
    archive_import(data)  # raises on anything but a clean refusal or a sound import
    with Session(sandbox()) as db:
        user = db.get(User, 1)
        assert user is not None
        with pytest.raises(ArchiveError, match=r"^fuzzed\.zip"):
            import_archive(db, user, as_archive(data), name=NAME, limits=LIMITS)


def test_the_archive_target_fails_on_an_error_that_does_not_name_the_archive() -> None:
    unnamed = ArchiveError("something went wrong")
    with (
        mock.patch.object(fuzz_archive, "import_archive", autospec=True, side_effect=unnamed),
        pytest.raises(AssertionError, match="must name the archive"),
    ):
        fuzz_archive.archive_import(b"")
