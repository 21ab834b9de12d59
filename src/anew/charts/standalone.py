"""The few style rules a chart needs on a page without Anew's stylesheet (the report `anew
analyze --html` writes): the drawings carry their own fills; the layout and swatches don't."""

from __future__ import annotations

from anew.charts.figure import PALETTE
from anew.charts.grids import OPACITY

LAYOUT = (
    ".chart-figure{margin:0}.chart-title{font-weight:700;font-size:1.1rem}"
    ".chart-axis-title{margin:.2rem 0;font-size:.9rem;color:#6a6070}"
    ".chart-x-title{text-align:center}"
    ".chart-frame{display:flex;align-items:flex-start}.chart-yaxis{flex:none}"
    ".chart-plot{flex:1 1 auto;min-width:0;display:block}"
    ".chart-legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}"
    ".chart-legend li{display:flex;align-items:center;gap:.4rem}"
    ".chart-swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:3px}"
    ".chart-numbers summary{cursor:pointer;color:#8a3f6b}.table-wrap{overflow-x:auto}"
)


def standalone_css() -> str:
    """Layout, series swatches and shade swatches, in the light theme's colours."""
    series = "".join(f".chart-s{n}{{background:{colour}}}" for n, colour in enumerate(PALETTE))
    shades = "".join(
        f".chart-heat-{level}{{background:rgb(138 63 107 / {opacity})}}"
        for level, opacity in enumerate(OPACITY)
    )
    return LAYOUT + series + shades
