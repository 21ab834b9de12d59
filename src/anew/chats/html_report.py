"""`anew analyze --html`: one self-contained page (inline CSS and SVG) that opens offline."""

from __future__ import annotations

from html import escape
from typing import Any

from anew.charts.standalone import standalone_css
from anew.chats.charts import endings_chart, heatmap, hours_chart, initiations_chart, replies_chart
from anew.chats.findings_words import findings
from anew.chats.model import FORMAT_NAMES
from anew.chats.summary import format_duration

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#2b2433;
background:#fffdfb;margin:0 auto;max-width:60rem;padding:1.5rem;line-height:1.5}
h1{color:#8a3f6b}table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{padding:.4rem .6rem;border-bottom:1px solid #e8e0e6;text-align:right}
th:first-child,td:first-child{text-align:left}section{margin:2rem 0}
.muted{color:#6a6070}.findings li{margin:.2rem 0}
""" + standalone_css()
COLUMNS = (
    ("Messages", "messages"),
    ("Words", "words"),
    ("Started", "initiated"),
    ("Ended", "ended"),
    ("Double texts", "double_texts"),
)


def _table(stats: dict[str, Any], names: list[str], me: str | None) -> str:
    head = "".join(f"<th>{label}</th>" for label, _ in COLUMNS)
    rows = []
    for name in names:
        label = escape(name) + (" (you)" if name == me else "")
        cells = "".join(f"<td>{stats[key][name]}</td>" for _, key in COLUMNS)
        replies = stats["reply_seconds"][name]
        for key in ("median", "p90"):
            cells += f"<td>{format_duration(replies[key])}</td>"
        rows.append(f"<tr><td>{label}</td>{cells}</tr>")
    return (  # scrolls inside its box on a phone rather than widening the page
        '<div class="table-wrap"><table><thead><tr><th>Participant</th>'
        f"{head}<th>Half of replies within</th><th>9 in 10 replies within</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _split(report: dict[str, Any]) -> str:
    if "split" not in report:
        return ""
    split = report["split"]
    names, me = report["participants"], report.get("me")
    return (
        f"<section><h2>Before and after {escape(split['date'])}</h2>"
        f"<h3>Before</h3>{_table(split['before'], names, me)}"
        f"<h3>After</h3>{_table(split['after'], names, me)}</section>"
    )


def _findings(report: dict[str, Any]) -> str:
    """What was set aside and which lines to look at; nothing when there is neither."""
    found = findings(report)
    if not found:
        return ""
    said = "".join(f"<p>{escape(s)}</p>" for s in [found.silent_me, *found.set_aside] if s)
    if found.warnings:
        lines = "".join(f"<li>{escape(line)}</li>" for line in found.warnings)
        said += f'<p>{escape(found.warnings_intro)}</p><ul class="findings">{lines}</ul>'
    return f'<section id="findings"><h2>Good to know</h2>{said}</section>'


def render_html(report: dict[str, Any]) -> str:
    """The whole report as one HTML document."""
    title = report.get("title") or f"{FORMAT_NAMES.get(report['format'], 'Chat')} chat"
    charts = [
        initiations_chart(report),
        endings_chart(report),
        replies_chart(report),
        hours_chart(report),
        heatmap(report),
    ]
    sections = "".join(f"<section>{chart}</section>" for chart in charts)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · Anew</title><style>{STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<p class="muted">{escape(str(report["first"]))} to {escape(str(report["last"]))} · '
        f"{report['conversations']} conversations (a silence of {report['gap_hours']:g} h "
        "starts a new one). Made with Anew on your own computer; nothing was sent anywhere.</p>"
        f"{_table(report, report['participants'], report.get('me'))}{_findings(report)}"
        f"{_split(report)}{sections}"
        "</body></html>"
    )
