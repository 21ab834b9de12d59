"""The insights page: her mood over time with her urges, contacts and slips marked, and the
hours that have been hard for her as a heat map with plain sentences."""

from __future__ import annotations

from fastapi import Request
from markupsafe import Markup
from starlette.responses import Response

from anew.insights import charts, service
from anew.web.http.deps import CurrentUser, SessionDep
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)


@router.get("/insights")
def insights_page(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    found = service.overview(db, user.id, time_zone=user.time_zone)
    context = {
        "insights": found.insights,
        "mood_line": Markup(charts.mood_line(found.insights.mood, found.days)),  # noqa: S704 - ours, escaped
        "year": Markup(charts.year_in_pixels(found.insights.mood)),  # noqa: S704 - ours, escaped
        "heat_map": Markup(charts.hard_hours_map(found.insights.urges_by_weekday_hour)),  # noqa: S704
        "time_zone": user.time_zone,
    }
    return render(request, "insights/index.html", context)
