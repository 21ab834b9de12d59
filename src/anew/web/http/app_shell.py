"""What makes Anew installable and readable offline: the web app manifest, the public shell the
service worker keeps (never a signed-in page), and a version that changes with any of its files.

The service worker's own source lives in pages/worker/sw.js; it is served at /sw.js with this
module's settings put in front of it, so its bytes (and so the browser's update check) change
whenever a file of the shell does.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from functools import cache
from pathlib import Path
from typing import Any

PAGES = Path(__file__).parents[1] / "pages"
STATIC = PAGES / "static"
WORKER_SOURCE = PAGES / "worker" / "sw.js"
OFFLINE_TEMPLATE = PAGES / "templates" / "offline" / "page.html"
OFFLINE_PAGE = "/offline"
START_PAGE = "/dashboard"  # her Today screen
# The same for everyone, never a word of hers: the only files kept for offline use.
SHELL_FILES = (
    "css/anew.css",
    "js/menu.js",
    "js/quick-exit.js",
    "js/app.js",
    "js/offline.js",
    "img/favicon.svg",
    "img/icon.svg",
    "img/icon-192.png",
    "img/icon-512.png",
)
# Read offline on the offline page, kept (network first, her words left out) unless in safety mode.
DATA_ROUTES = ("/api/v1/today", "/api/v1/path")
# The forms that can be written offline, queued in the browser and sent with an Idempotency-Key.
# "Keep it in your vault" on the drafts page is the vault's own write (an urge with its message),
# so it is queued, keyed and stored once in the same way.
QUEUED_FORMS = {
    "/steps/no-contact/urge": "urge",
    "/steps/no-contact/checkin": "checkin",
    "/steps/before-you-send/vault": "urge",
}
SENT_TO = "/steps/no-contact"  # where those forms send her once saved (?done=<action>)
LIGHT = {"theme": "#ffffff", "background": "#fffdfb"}  # --card and --paper in anew.css
DARK = {"theme": "#221c27", "background": "#17131b"}
BRAND = "#8a3f6b"  # --accent
ICONS = (
    ("img/icon.svg", "any", "image/svg+xml", "any"),
    ("img/icon-192.png", "192x192", "image/png", "any"),
    ("img/icon-512.png", "512x512", "image/png", "any"),
    ("img/icon-maskable-192.png", "192x192", "image/png", "maskable"),
    ("img/icon-maskable-512.png", "512x512", "image/png", "maskable"),
)
NO_STALE_COPY = {"Cache-Control": "no-cache"}  # kept, but asked about again before each use
# Logging out and the quick exit: the HTTP cache, and the worker with its caches and queue.
FORGET_DEVICE = '"cache", "storage"'


@cache
def shell_version() -> str:
    """A short hash of every file the shell is made of: a new release makes a new worker."""
    digest = hashlib.sha256()
    for path in (
        *(STATIC / name for name in SHELL_FILES),
        *(STATIC / icon[0] for icon in ICONS),
        WORKER_SOURCE,
        OFFLINE_TEMPLATE,
    ):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def manifest() -> dict[str, Any]:
    """The web app manifest: what a phone's browser needs to offer "Install" or "Add to Home"."""
    return {
        "id": "/?app=anew",
        "name": "Anew",
        "short_name": "Anew",
        "description": (
            "A private companion for the days after a breakup: your day count, a daily check-in, "
            "a vault for the messages you don't send, on your own server."
        ),
        "lang": "en",
        "dir": "ltr",
        "start_url": START_PAGE,
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "theme_color": BRAND,
        "background_color": LIGHT["background"],
        "categories": ["health", "lifestyle"],
        "icons": [
            {"src": f"/static/{src}", "sizes": sizes, "type": kind, "purpose": purpose}
            for src, sizes, kind, purpose in ICONS
        ],
    }


def manifest_json() -> str:
    return json.dumps(manifest(), indent=2)


@cache
def worker_script() -> str:
    """The service worker as served: its settings, then its source."""
    settings = {
        "version": shell_version(),
        "shell": [OFFLINE_PAGE, "/manifest.webmanifest", *(f"/static/{n}" for n in SHELL_FILES)],
        "offlinePage": OFFLINE_PAGE,
        "dataRoutes": list(DATA_ROUTES),
        "queuedForms": QUEUED_FORMS,
        "sentTo": SENT_TO,
    }
    prelude = f"self.ANEW = {json.dumps(settings, sort_keys=True)};\n"
    return prelude + WORKER_SOURCE.read_text(encoding="utf-8")


def device_tag(secret: str, user_id: int) -> str:
    """Who wrote what a browser queued, without her id or name: queued writes go out only while
    the same account is signed in, never into someone else's who signs in on that browser."""
    signed = hmac.new(secret.encode(), f"offline-queue\0{user_id}".encode(), hashlib.sha256)
    return signed.hexdigest()[:24]
