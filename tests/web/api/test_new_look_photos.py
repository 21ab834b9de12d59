from __future__ import annotations

import io

from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy.orm import Session, sessionmaker

from anew.method.new_look.models import Photo
from anew.safety.questions import QUESTIONS
from tests.isolation import assert_isolated
from tests.people import Person, api_token

GPS = 0x8825


def jpeg_with_location() -> bytes:
    image = Image.new("RGB", (640, 480), (180, 120, 90))
    exif = Image.Exif()
    exif[GPS] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    exif[0x0110] = "Phone model"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (50, 40), (0, 0, 255, 128)).save(out, "PNG")
    return out.getvalue()


def signed_in(client: TestClient, factory: sessionmaker[Session], person: Person) -> TestClient:
    client.headers["Authorization"] = f"Bearer {api_token(factory, person)}"
    return client


def test_location_and_other_tags_are_stripped_on_upload(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    original = jpeg_with_location()
    assert GPS in Image.open(io.BytesIO(original)).getexif()
    made = client.post(
        "/api/v1/photos",
        files={"file": ("IMG_0001.jpg", original, "image/jpeg")},
        data={"kind": "before", "caption": "Day one"},
    )
    assert made.status_code == 201
    stored = client.get(made.json()["url"])
    assert stored.headers["content-type"] == "image/jpeg"
    assert stored.headers["cache-control"] == "private, no-store"
    photo = Image.open(io.BytesIO(stored.content))
    assert dict(photo.getexif()) == {}
    assert photo.size == (640, 480)
    thumb = Image.open(io.BytesIO(client.get(made.json()["thumbnail_url"]).content))
    assert max(thumb.size) == 360


def test_the_real_type_counts_not_the_name(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    fake = client.post("/api/v1/photos", files={"file": ("me.jpg", b"not a photo at all")})
    assert fake.status_code == 422
    assert fake.json()["detail"][0]["loc"] == ["body", "file"]
    assert "JPEG, PNG, WebP or HEIC" in fake.json()["detail"][0]["msg"]
    png = client.post("/api/v1/photos", files={"file": ("me.jpg", png_bytes())})
    assert png.json()["media_type"] == "image/png"
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, "GIF")
    refused = client.post("/api/v1/photos", files={"file": ("x.png", gif.getvalue())})
    assert refused.status_code == 422  # only the allowed formats' readers are asked
    assert "JPEG, PNG, WebP or HEIC" in refused.json()["detail"][0]["msg"]


def test_photos_plan_and_qualities_stay_hers_in_safety_mode(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    # Issue 21 reversed the old 403: steps 4, 5 and 6 are hers whatever happens.
    signed_in(client, factory, alice)
    answers = {q.id: "yes" if q.id == "tracking" else "no" for q in QUESTIONS}
    client.post("/api/v1/safety-check", json={"answers": answers})
    for path in ("/api/v1/photos", "/api/v1/makeover", "/api/v1/qualities", "/api/v1/habits"):
        assert client.get(path).status_code == 200, path
    made = client.post("/api/v1/qualities", json={"list": "i_value", "name": "Courage"})
    assert made.status_code == 201
    assert [q["name"] for q in client.get("/api/v1/qualities").json()] == ["Courage"]
    coach = client.post("/api/v1/replies/coach", json={"his_message": "hey"})
    assert coach.status_code == 403  # what coaches toward him stays closed
    assert "Safety mode is on" in coach.json()["detail"]


def test_bob_never_sees_or_deletes_alices_photos(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = signed_in(TestClient(app), factory, alice)
    made = alices.post(
        "/api/v1/photos", files={"file": ("a.png", png_bytes())}, data={"caption": "alice-pic"}
    ).json()
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    engine = app.state.engine
    listed = assert_isolated(
        engine,
        client,
        alice,
        "GET",
        "/api/v1/photos",
        headers=headers,
        expect_status=[200],
        secrets=["alice-pic"],
    )
    assert listed.json() == []
    assert_isolated(
        engine,
        client,
        alice,
        "POST",
        "/api/v1/photos",
        headers=headers,
        files={"file": ("b.png", png_bytes())},
        expect_status=[201],
    )
    for path in (f"/api/v1/photos/{made['id']}", f"/api/v1/photos/{made['id']}/thumbnail"):
        assert_isolated(engine, client, alice, "GET", path, headers=headers, expect_status=[404])
    assert_isolated(
        engine,
        client,
        alice,
        "DELETE",
        f"/api/v1/photos/{made['id']}",
        headers=headers,
        expect_status=[404],
    )


def test_an_iphone_heic_photo_is_kept_as_a_jpeg_without_its_tags(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    exif = Image.Exif()
    exif[GPS] = {1: "N", 2: (48.0, 51.0, 24.0)}
    heic = io.BytesIO()
    Image.new("RGB", (320, 240), (90, 120, 180)).save(heic, format="HEIF", exif=exif.tobytes())
    assert GPS in Image.open(io.BytesIO(heic.getvalue())).getexif()
    made = client.post("/api/v1/photos", files={"file": ("IMG_0002.HEIC", heic.getvalue())})
    assert made.status_code == 201, made.text
    assert made.json()["media_type"] == "image/jpeg"
    stored = Image.open(io.BytesIO(client.get(made.json()["url"]).content))
    assert stored.format == "JPEG"
    assert dict(stored.getexif()) == {}


def test_a_photo_is_served_inline_only_as_its_checked_image_type(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    made = client.post("/api/v1/photos", files={"file": ("me.png", png_bytes())}).json()
    served = client.get(made["url"])
    assert served.headers["content-type"] == "image/png"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.headers["content-disposition"] == f'inline; filename="photo-{made["id"]}.png"'


def test_a_stored_file_that_is_no_image_is_a_download_never_a_page(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    page = b"<html><script>alert(1)</script></html>"
    with factory() as db:
        photo = Photo(
            user_id=alice.id, kind="before", media_type="text/html", data=page, thumbnail=page
        )
        db.add(photo)
        db.commit()
        photo_id = photo.id
    for path in (f"/api/v1/photos/{photo_id}", f"/api/v1/photos/{photo_id}/thumbnail"):
        served = client.get(path)
        assert served.headers["content-type"] == "application/octet-stream"
        assert served.headers["content-disposition"].startswith("attachment;")
        assert served.headers["x-content-type-options"] == "nosniff"
