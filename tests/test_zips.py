from __future__ import annotations

import io
import struct
import zipfile

import pytest

from anew.zips import MB, ZipLimits, ZipRefused, open_zip

LIMITS = ZipLimits(max_member_bytes=2 * MB, max_total_bytes=3 * MB, what="an Anew archive")
LINES = ZipLimits(2 * MB, 3 * MB, max_ratio=10_000)


def zipped(members: dict[str, bytes]) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    out.seek(0)
    return out


def understated(name: str, data: bytes, claimed: int) -> io.BytesIO:
    """A zip whose headers (local and central) say its one member unpacks to `claimed` bytes."""
    raw = bytearray(zipped({name: data}).getvalue())
    local = raw.index(b"PK\x03\x04")
    struct.pack_into("<I", raw, local + 22, claimed)
    central = raw.index(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, claimed)
    return io.BytesIO(bytes(raw))


def refusal(source: io.BytesIO, member: str, limits: ZipLimits = LIMITS) -> ZipRefused:
    with pytest.raises(ZipRefused) as caught, open_zip(source, "her.zip", limits) as archive:
        archive.read(member)
    return caught.value


def test_it_reads_a_member_within_the_limits() -> None:
    with open_zip(zipped({"a.json": b"[1, 2]"}), "her.zip", LIMITS) as archive:
        assert archive.read("a.json") == b"[1, 2]"
        assert archive.where("a.json") == "her.zip!a.json"


def test_it_refuses_a_member_whose_header_says_it_is_over_the_limit() -> None:
    error = refusal(zipped({"checkins.json": b"1" * (2 * MB + 1)}), "checkins.json")
    assert error.where == "her.zip!checkins.json"
    assert "more than 2 MB" in error.problem


def test_it_refuses_a_member_that_compresses_like_a_bomb() -> None:
    error = refusal(zipped({"checkins.json": b" " * (MB + MB // 2)}), "checkins.json")
    assert "her.zip!checkins.json" in str(error)
    assert "zip bomb" in error.problem


def test_a_header_that_understates_the_size_gets_no_further_than_its_claim() -> None:
    bomb = understated("checkins.json", b" " * (3 * MB), claimed=1000)
    error = refusal(bomb, "checkins.json", ZipLimits(MB, MB, max_ratio=10_000))
    assert error.where == "her.zip!checkins.json"
    assert "damaged" in error.problem


def test_it_refuses_members_that_together_unpack_to_more_than_the_total() -> None:
    members = {f"{n}.bin": b"x" * (MB + MB // 2) for n in range(3)}
    limits = ZipLimits(2 * MB, 3 * MB, max_ratio=10_000, what="an Anew archive")
    with pytest.raises(ZipRefused) as caught:
        open_zip(zipped(members), "her.zip", limits)
    assert caught.value.where == "her.zip"
    assert "far more than an Anew archive (over 3 MB)" in caught.value.problem


def test_it_reads_lines_one_at_a_time_and_refuses_a_line_too_long() -> None:
    with open_zip(zipped({"t.jsonl": b"{}\n[]\n"}), "b.zip", LIMITS) as archive:
        assert list(archive.lines("t.jsonl", max_line=10)) == [b"{}\n", b"[]\n"]
    with (
        pytest.raises(ZipRefused, match=r"b\.zip!t\.jsonl: a line is over"),
        open_zip(zipped({"t.jsonl": b"x" * (MB + 5)}), "b.zip", LINES) as archive,
    ):
        list(archive.lines("t.jsonl", max_line=MB))


def test_it_names_a_damaged_zip_and_a_damaged_member() -> None:
    with pytest.raises(ZipRefused, match=r"her\.zip: this zip file is damaged"):
        open_zip(io.BytesIO(b"PK\x05\x06" + b"\x00" * 10), "her.zip", LIMITS)
    raw = bytearray(zipped({"a.json": b"[1, 2, 3]" * 100}).getvalue())
    raw[40] ^= 0xFF  # inside the packed data
    assert "damaged" in refusal(io.BytesIO(bytes(raw)), "a.json").problem
