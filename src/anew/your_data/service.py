"""Her data for both faces: everything of hers as one archive, and an archive restored into a
fresh account, all or nothing."""

from __future__ import annotations

import tempfile
from datetime import datetime
from typing import IO

from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.db import transaction
from anew.errors import Conflict, Invalid, NotFound
from anew.your_data.archive import ArchiveError, has_data, import_archive, write_archive
from anew.zips import ZipLimits


class NotFresh(Conflict):
    """An import goes into a fresh account only, so nothing gets mixed up."""

    def __init__(self) -> None:
        super().__init__("Import works on a fresh account only.")


def _user(db: Session, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise NotFound("Your account is no longer here.")
    return user


def export(db: Session, user_id: int, *, now: datetime) -> IO[bytes]:
    """The zip: a JSON file per area, her chats' metrics and messages, her photos, a README;
    in a private temporary file (gone once closed), read from its start, for the caller to
    send and close."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    try:
        write_archive(db, _user(db, user_id), now=now, out=out)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


def restore(
    db: Session, user_id: int, source: bytes | IO[bytes], *, name: str, limits: ZipLimits
) -> dict[str, int]:
    """Rows imported per table from the archive `name`, unpacked within `limits`. NotFresh when
    she already has data; Invalid("file") naming the file, member, row and field of the first
    problem, and then nothing is imported."""
    with transaction(db):
        if has_data(db, user_id):
            raise NotFresh
        try:
            return import_archive(db, _user(db, user_id), source, name=name, limits=limits)
        except ArchiveError as error:
            raise Invalid("file", str(error)) from None
