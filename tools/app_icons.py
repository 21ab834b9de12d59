"""The app's icons, drawn from one outline: SVG for browsers that scale, PNG for the manifest
(192 and 512 px), a maskable pair with room around the leaf, and the 180 px apple-touch-icon.

    .venv/bin/python tools/app_icons.py          # rewrite the icons in static/img
    .venv/bin/python tools/app_icons.py --check  # exit 1 when a committed icon differs

The PNGs are drawn with Pillow (sampled four times larger, then scaled down, for smooth edges), so
they never depend on an SVG renderer; tests/web/pages/test_install.py runs the check.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
IMG = ROOT / "src" / "anew" / "web" / "pages" / "static" / "img"
PLUM = "#8a3f6b"  # --accent in anew.css
WHITE = "#ffffff"
GRID = 64  # the outline's own units, as in favicon.svg
LEAF = (((14, 50), (14, 28), (28, 14), (52, 12)), ((52, 12), (52, 36), (38, 50), (14, 50)))
VEIN = ((17, 47), (26, 38), (34, 30), (44, 21))
VEIN_WIDTH = 3.5
MASKABLE_SCALE = 0.7  # the leaf inside the safe circle every launcher's mask keeps
SUPERSAMPLE = 4


def _bezier(
    points: tuple[tuple[float, float], ...], steps: int = 48
) -> Iterator[tuple[float, float]]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        yield (
            u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
            u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
        )


def _xy(*points: tuple[float, float]) -> str:
    return " ".join(f"{x:g} {y:g}" for x, y in points)


def svg(*, maskable: bool) -> str:
    """The icon as SVG: rounded corners for the plain one, a full square for the maskable one."""
    corner = "" if maskable else ' rx="14"'
    shift = (1 - MASKABLE_SCALE) * GRID / 2
    group = (
        f'<g transform="translate({shift:g} {shift:g}) scale({MASKABLE_SCALE:g})">'
        if maskable
        else "<g>"
    )
    leaf = f"M{_xy(LEAF[0][0])}C{_xy(*LEAF[0][1:])}C{_xy(*LEAF[1][1:])}Z"
    vein = f"M{_xy(VEIN[0])}C{_xy(*VEIN[1:])}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">\n'
        "  <title>Anew</title>\n"
        f'  <rect width="{GRID}" height="{GRID}"{corner} fill="{PLUM}"/>\n'
        f'  {group}<path d="{leaf}" fill="{WHITE}"/>'
        f'<path d="{vein}" fill="none" stroke="{PLUM}" stroke-width="{VEIN_WIDTH:g}" '
        'stroke-linecap="round"/></g>\n'
        "</svg>\n"
    )


def png(size: int, *, maskable: bool) -> bytes:
    """The same icon drawn at `size` pixels square."""
    big = size * SUPERSAMPLE
    unit = big / GRID
    scale = MASKABLE_SCALE if maskable else 1.0
    offset = (1 - scale) * big / 2

    def at(point: tuple[float, float]) -> tuple[float, float]:
        return (offset + point[0] * unit * scale, offset + point[1] * unit * scale)

    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=PLUM)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(14 * unit), fill=PLUM)
    outline = [at(point) for curve in LEAF for point in _bezier(curve)]
    draw.polygon(outline, fill=WHITE)
    radius = VEIN_WIDTH * unit * scale / 2
    for x, y in (at(point) for point in _bezier(VEIN, steps=400)):  # a round pen, stamped along
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=PLUM)
    small = image.resize((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def icons() -> dict[str, bytes]:
    """Every icon file by name, as it should be committed."""
    return {
        "icon.svg": svg(maskable=False).encode(),
        "icon-maskable.svg": svg(maskable=True).encode(),
        "icon-192.png": png(192, maskable=False),
        "icon-512.png": png(512, maskable=False),
        "icon-maskable-192.png": png(192, maskable=True),
        "icon-maskable-512.png": png(512, maskable=True),
        "apple-touch-icon.png": png(180, maskable=True),  # iOS rounds the corners itself
    }


def stale() -> list[str]:
    """The names of committed icons that differ from what this draws."""
    return [
        name
        for name, data in icons().items()
        if not (IMG / name).exists() or (IMG / name).read_bytes() != data
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when an icon is stale")
    if parser.parse_args().check:
        differ = stale()
        for name in differ:
            print(f"{name} differs from what tools/app_icons.py draws", file=sys.stderr)
        return 1 if differ else 0
    for name, data in icons().items():
        (IMG / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
