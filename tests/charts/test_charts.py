"""The chart parts, read from their HTML: titles, axes, ticks, legends and tables, in her words,
drawn without a viewBox so nothing scales their text."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from anew.charts.calendars import day_calendar
from anew.charts.columns import month_chart
from anew.charts.figure import Figure, Table
from anew.charts.grids import shade_bounds, shade_legend, shade_of
from anew.charts.lines import line_chart
from anew.charts.rows import MOST_LINES, WRAP_CHARS, label_lines
from anew.charts.ticks import month_ticks, nice_ticks


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize(
    ("top", "whole", "ticks"),
    [
        (1, True, [0, 1, 2]),
        (7, True, [0, 2, 4, 6, 8]),
        (33, True, [0, 10, 20, 30, 40]),
        (100, False, [0, 25, 50, 75, 100]),
        (0.4, False, [0, 0.1, 0.2, 0.3, 0.4]),
        (0, True, [0, 1]),
    ],
)
def test_ticks_are_round_and_counts_have_no_fractions(
    top: float, whole: bool, ticks: list[float]
) -> None:
    assert nice_ticks(top, whole=whole) == ticks


def test_month_ticks_show_the_year_where_it_changes_and_thin_out_on_long_spans() -> None:
    months = ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert month_ticks(months) == {0: ("Nov", "2025"), 1: ("Dec",), 2: ("Jan", "2026"), 3: ("Feb",)}
    many = [f"{2020 + n // 12}-{n % 12 + 1:02d}" for n in range(60)]
    ticks = month_ticks(many)
    assert 4 <= len(ticks) <= 9  # several, and never touching on a phone
    assert ticks[0] == ("Jan", "2020")


def test_a_long_name_wraps_whole_and_only_a_very_long_one_ends_in_an_ellipsis() -> None:
    name = "Study thirty minutes of Spanish with the app before breakfast"
    lines = label_lines(name)
    assert " ".join(lines) == name
    assert all(len(line) <= WRAP_CHARS for line in lines)
    endless = " ".join(["breathe"] * 40)
    lines = label_lines(endless)
    assert len(lines) == MOST_LINES
    assert lines[-1].endswith("…")


def test_a_column_chart_has_a_title_axes_a_legend_and_its_numbers() -> None:
    series = {"You reached out": [1.0, 0.0, 2.0], "He reached out": [0.0, 3.0, 0.0]}
    page = soup(month_chart(series, ["2026-01", "2026-02", "2026-03"], "Contacts", "Contacts"))
    assert page.figcaption is not None
    assert page.figcaption.get_text() == "Contacts"
    drawing = page.select_one("svg.chart-plot")
    assert drawing is not None
    assert drawing["role"] == "img"
    assert drawing["aria-label"] == "Contacts"
    assert "viewBox" not in str(drawing)  # nothing scales the text
    assert [t.get_text() for t in page.select("svg.chart-yaxis text")] == ["0", "1", "2", "3"]
    assert [li.get_text() for li in page.select(".chart-legend li")] == list(series)
    assert [p.get_text() for p in page.select(".chart-axis-title")] == ["Contacts", "Month"]
    table = page.select_one("details.chart-numbers table")
    assert table is not None
    assert table.caption is not None
    assert table.caption.get_text() == "Contacts"
    rows = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in table.select("tr")]
    assert rows[0] == ["Month", "You reached out", "He reached out"]
    assert rows[2] == ["February 2026", "0", "3"]


def test_one_series_needs_no_legend() -> None:
    page = soup(month_chart({"Milestones": [1.0]}, ["2026-01"], "Milestones", "Milestones"))
    assert not page.select(".chart-legend li")


def test_the_line_puts_each_day_at_its_date_and_labels_the_levels() -> None:
    points = [(date(2026, 11, 1), 3), (date(2026, 11, 2), 5), (date(2026, 11, 11), 9)]
    rows = [(str(day), [str(level)]) for day, level in points]
    words = Figure("Mood", Table("Day", ["Mood"], rows), "Mood", "Day")
    page = soup(line_chart(points, (1, 4, 7, 10), words))
    assert [t.get_text() for t in page.select("svg.chart-yaxis text")] == ["1", "4", "7", "10"]
    places = [float(dot["cx"].rstrip("%")) for dot in page.select("circle.chart-dot")]
    assert places == pytest.approx([2, 2 + 9.6, 98])  # the quiet week shows as a gap
    assert len(page.select("line.chart-line")) == 2
    ticks = [t.get_text() for t in page.select("svg.chart-plot > text")]
    assert ticks[0] == "1 Nov"
    assert ticks[-1] == "11 Nov"


def test_shades_split_the_counts_evenly_and_the_legend_says_which_is_which() -> None:
    bounds = shade_bounds(12)
    assert bounds == [3, 6, 9, 12]
    assert [shade_of(n, bounds) for n in (0, 1, 3, 4, 12)] == [0, 1, 1, 2, 4]
    assert [words for _, words in shade_legend(bounds)] == ["none", "1–3", "4–6", "7–9", "10–12"]
    assert [words for _, words in shade_legend(shade_bounds(2))] == ["none", "1", "2"]


def test_a_calendar_names_its_months_and_weekdays_and_says_what_each_colour_means() -> None:
    days = [
        (date(2026, 10, 28 + n) if n < 4 else date(2026, 11, n - 3), "clean") for n in range(10)
    ]
    page = soup(day_calendar(days, {"clean": "No contact", "none": "Not counting"}, "Streak"))
    texts = [t.get_text() for t in page.select("svg.chart-calendar > text")]
    assert texts[0] == "Oct"
    assert {"Mon", "Wed", "Fri", "Sun"} <= set(texts)
    assert "Nov" not in texts  # too close to October's label to be drawn without touching
    titles = [t.get_text() for t in page.select("rect title")]
    assert titles[0] == "28 October 2026: No contact"
    assert [li.get_text() for li in page.select(".chart-legend li")] == [
        "No contact",
        "Not counting",
    ]
    rows = [[c.get_text() for c in r.find_all(["th", "td"])] for r in page.select("tbody tr")]
    assert rows == [["October 2026", "4", "0"], ["November 2026", "6", "0"]]
