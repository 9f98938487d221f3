"""Dyad analytics: series, tracks, shift alerts and the HTML report (docs/analysis.md).

Pure functions over an events frame (what ``Database.events()`` returns): DataFrame in,
DataFrame or records out; nothing here reads or writes the database except
:func:`load_events`.

>>> import dyadwatch
>>> from dyadwatch.analysis import load_events, dyad_series, shift_alerts
>>> with dyadwatch.open("dyadwatch.duckdb", read_only=True) as db:   # doctest: +SKIP
...     events = load_events(db, "JPN", "KOR")
>>> dyad_series(events, "JPN", "KOR", by="month", track="security")  # doctest: +SKIP
>>> [a.to_dict() for a in shift_alerts(events, "JPN", "KOR")]          # doctest: +SKIP

``write_report`` (Altair, vl-convert) is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from .alerts import METHOD, Alert, AlertParams, shift_alerts
from .placement import (
    DEFAULT_EXCLUDED_STATUS,
    Coverage,
    dyad_codes,
    place_events,
    select_events,
)
from .series import DUAL_TRACK_VIEWS, SERIES_COLUMNS, dual_track, dyad_series
from .tracks import TRACKS, TrackRules, assign_tracks, load_track_rules, track_of_text

if TYPE_CHECKING:  # pragma: no cover
    from ..api.python import Database
    from .report import ReportFiles, write_report


def load_events(db: Database, a: str, b: str) -> pd.DataFrame:
    """Every stored event involving both ``a`` and ``b`` (either side, any date, any status):
    the input of the functions of this package. Date, status and direction filters are left
    to them so that nothing is dropped without being counted."""
    a, b = dyad_codes(a, b)
    return db.events(f"{a}-{b}")


def __getattr__(name: str) -> Any:
    if name in ("write_report", "ReportFiles", "build_charts", "write_images"):
        from . import report

        return getattr(report, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_EXCLUDED_STATUS", "DUAL_TRACK_VIEWS", "METHOD", "SERIES_COLUMNS", "TRACKS",
    "Alert", "AlertParams", "Coverage", "ReportFiles", "TrackRules", "assign_tracks",
    "build_charts", "dual_track", "dyad_codes", "dyad_series", "load_events",
    "load_track_rules", "place_events", "select_events", "shift_alerts", "track_of_text",
    "write_images", "write_report",
]  # fmt: skip
