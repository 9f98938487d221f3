"""One self-contained HTML report for a dyad, and the same charts as PNG and SVG files.

The HTML holds everything it needs: the Vega, Vega-Lite and vega-embed JavaScript (the bundle
that ships inside ``vl-convert-python``) is inlined once, the chart specs carry their data, and
nothing is fetched when the file is opened (no CDN, no fonts, no images from the network).
PNG/SVG files are rendered by vl-convert, also offline.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import QueryError
from .alerts import Alert, shift_alerts
from .charts import directed_index, index_by_track, quad_counts
from .placement import DEFAULT_EXCLUDED_STATUS, By, Coverage, DateField, select_events
from .series import aggregate, dual_track, series_periods

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem auto;
max-width:1100px;padding:0 1rem;color:#222}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px
solid #ddd}.meta{color:#555;font-size:.9rem}table{border-collapse:collapse;width:100%;
font-size:.85rem}th,td{border-bottom:1px solid #e5e5e5;padding:.3rem .4rem;text-align:left;
vertical-align:top}th{background:#f6f6f6}.conflict{color:#b30000}.cooperation{color:#005a9c}
.chart{margin:1rem 0}.ids{font-family:monospace;font-size:.75rem;color:#777}
"""


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """What :func:`write_report` wrote."""

    html: Path
    images: tuple[Path, ...]
    n_events: int
    n_alerts: int


def _vl_version() -> str | None:
    try:
        from altair.utils._importers import vl_version_for_vl_convert

        return str(vl_version_for_vl_convert())
    except (ImportError, AttributeError):  # older/newer altair: the bundle's default version
        return None


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def _esc(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def _countries(value: Any) -> str:
    return (
        ", ".join(str(v) for v in value)
        if value is not None and not isinstance(value, (str, float))
        else ""
    )


def _who(row: Mapping[str, Any]) -> str:
    src, tgt = _countries(row.get("source_countries")), _countries(row.get("target_countries"))
    if not src:
        return f"(unnamed) → {tgt}"  # violence whose perpetrator the text does not name
    return f"{src} → {tgt}" if tgt else f"{src} (jointly)"


def _date(row: Mapping[str, Any]) -> str:
    date, precision = row.get("date"), row.get("date_precision")
    if date is None:
        return "undated"
    return f"{date}" + (f" ({precision})" if precision not in (None, "day") else "")


def _events_table(frame: pd.DataFrame) -> str:
    head = (
        "<tr><th>date</th><th>type</th><th>status</th><th>who</th><th>tracks</th>"
        "<th>intensity</th><th>sentence</th><th>published</th></tr>"
    )
    rows = []
    for row in frame.to_dict("records"):
        etype = row["event_type"] + (f" ({row['mode']})" if row.get("mode") else "")
        tracks = ", ".join(row.get("tracks") or []) or "—"
        rows.append(
            f"<tr><td>{_esc(_date(row))}</td><td>{_esc(etype)}</td><td>{_esc(row['status'])}</td>"
            f"<td>{_esc(_who(row))}</td><td>{_esc(tracks)}</td><td>{row['intensity']:+.1f}</td>"
            f"<td>{_esc(row.get('text'))}<div class='ids'>{_esc(row['event_id'])}</div></td>"
            f"<td>{_esc(row.get('published'))}</td></tr>"
        )
    return f"<table>{head}{''.join(rows)}</table>"


def _alerts_html(alerts: list[Alert], frame: pd.DataFrame) -> str:
    if not alerts:
        return "<p>No shift found with these parameters.</p>"
    by_id = {str(r["event_id"]): r for r in frame.to_dict("records")}
    rows = []
    for al in alerts:
        what = "net cooperation" if al.metric == "net_coop" else "conflict events / period"
        drivers = "".join(
            f"<li>{_esc(_date(r))} {_esc(r['event_type'])} {_esc(_who(r))}: "
            f"{_esc(r.get('text'))}</li>"
            for r in (by_id[e] for e in al.event_ids if e in by_id)
        )
        rows.append(
            f"<tr><td>{_esc(al.period)}</td><td class='{al.direction}'>toward {al.direction}</td>"
            f"<td>{what}: {al.before:+.2f} → {al.after:+.2f}<br>"
            f"magnitude {al.magnitude:+.2f}</td>"
            f"<td>window {_esc(al.window_start)}..{_esc(al.window_end)} ({al.n_window} events), "
            f"baseline {_esc(al.baseline_start)}..{_esc(al.baseline_end)} ({al.n_baseline})</td>"
            f"<td><ul>{drivers}</ul></td></tr>"
        )
    head = (
        "<tr><th>period</th><th>direction</th><th>change</th><th>windows</th>"
        "<th>driving events</th></tr>"
    )
    return f"<table>{head}{''.join(rows)}</table>"


def _coverage_html(cov: Coverage, by: str) -> str:
    excluded = ", ".join(f"{n} {s}" for s, n in cov.excluded_status.items()) or "none"
    return (
        f"<p class='meta'>{cov.placed} events charted. Left out: {excluded} (status); "
        f"{cov.undated} undated; {cov.coarse_excluded} dated more coarsely than a {by}; "
        f"{cov.merged_in_cluster} repeated mentions of the same happening.</p>"
    )


def build_charts(
    events: pd.DataFrame,
    a: str,
    b: str,
    *,
    by: By = "month",
    date_field: DateField = "event",
    exclude_status: Collection[str] = DEFAULT_EXCLUDED_STATUS,
) -> dict[str, dict[str, Any]]:
    """The report's Vega-Lite specs by name: ``dual_track``, ``tracks``, ``quads``, ``directed``."""
    dual = dual_track(events, a, b, by=by, date_field=date_field, exclude_status=exclude_status)
    series = dual[dual["track"] == "all"].drop(columns="track").reset_index(drop=True)
    a, b = a.upper(), b.upper()
    return {
        "dual_track": index_by_track(
            dual, by, ("history", "non_history"), "Dual track: history beside everything else"
        ),
        "tracks": index_by_track(
            dual,
            by,
            ("history", "security", "economy", "people", "multilateral", "domestic"),
            "Net cooperation by track",
        ),
        "quads": quad_counts(series, by),
        "directed": directed_index(series, by, a, b),
    }


def write_images(
    charts: Mapping[str, Mapping[str, Any]], png_dir: Path, stem: str
) -> tuple[Path, ...]:
    """Render every chart as ``<stem>_<name>.png`` (2× scale) and ``.svg`` under ``png_dir``."""
    import vl_convert as vlc

    png_dir.mkdir(parents=True, exist_ok=True)
    version = _vl_version()
    kwargs = {"vl_version": version} if version else {}
    written = []
    for name, spec in charts.items():
        png, svg = png_dir / f"{stem}_{name}.png", png_dir / f"{stem}_{name}.svg"
        png.write_bytes(vlc.vegalite_to_png(dict(spec), scale=2, **kwargs))
        svg.write_text(vlc.vegalite_to_svg(dict(spec), **kwargs), encoding="utf-8")
        written += [png, svg]
    return tuple(written)


def write_report(
    events: pd.DataFrame,
    a: str,
    b: str,
    out: Path,
    *,
    by: By = "month",
    png_dir: Path | None = None,
    title: str | None = None,
    date_field: DateField = "event",
    top: int = 25,
    alert_params: Mapping[str, Any] | None = None,
) -> ReportFiles:
    """Write the HTML report of the ``a``–``b`` dyad to ``out``: the net cooperation index over
    time split by track (the history track beside the others), events per quad class, the
    directed index, the shift alerts with their driving events and the ``top`` events by
    |intensity|; with ``png_dir``, each chart also as PNG and SVG. Works with no network."""
    import vl_convert as vlc

    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise QueryError(f"bad top {top!r}: expected a non-negative integer")
    out = Path(out)
    frame, coverage = select_events(events, a, b, by=by, date_field=date_field)
    a, b = a.upper(), b.upper()
    alerts = shift_alerts(events, a, b, by=by, date_field=date_field, **dict(alert_params or {}))
    charts = build_charts(events, a, b, by=by, date_field=date_field) if len(frame) else {}
    series = aggregate(frame, series_periods(frame, by), by)
    title = title or f"{a}–{b}: where the relationship is heading"
    version = _vl_version()
    bundle = vlc.javascript_bundle(vl_version=version) if version else vlc.javascript_bundle()
    divs, calls = [], []
    for i, (name, spec) in enumerate(charts.items()):
        spec = {k: v for k, v in spec.items() if k != "$schema"}
        divs.append(f"<div class='chart' id='chart-{i}' data-chart='{name}'></div>")
        calls.append(
            f"vegaEmbed('#chart-{i}', {_script_json(spec)}, "
            "{actions: false, renderer: 'svg'}).catch(console.error);"
        )
    top_events = frame
    if len(frame):
        top_events = (
            frame.assign(_w=-frame["weight"])
            .sort_values(["_w", "period_start", "event_id"], kind="stable")
            .head(top)
        )
    span = (
        f"{series['period'].iloc[0]} to {series['period'].iloc[-1]}" if len(series) else "no period"
    )
    basis = "its own date" if date_field == "event" else "publication date (GDELT style)"
    body = [
        f"<h1>{_esc(title)}</h1>",
        (
            f"<p class='meta'>Dyad {_esc(a)}–{_esc(b)}, per {by}, {span}; each event placed by "
            f"{basis}. Net cooperation = (coop − conflict) / (coop + conflict), counts weighted "
            "by |PLOVER intensity|, from −1 (all conflict) to +1 (all cooperation). Generated "
            f"{_dt.date.today().isoformat()} by dyadwatch.</p>"
        ),
        _coverage_html(coverage, by),
        "<h2>The relationship over time, by track</h2>",
        *(divs or ["<p>No dated events for this dyad.</p>"]),
        "<h2>Shift alerts</h2>",
        "<p class='meta'>Two-window method (docs/analysis.md): "
        + _esc(", ".join(f"{k}={v}" for k, v in (alerts[0].params if alerts else ())))
        + "</p>",
        _alerts_html(alerts, frame),
        f"<h2>Top {len(top_events)} events by |intensity|</h2>",
        _events_table(top_events) if len(top_events) else "<p>No events.</p>",
    ]
    doc = (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_esc(title)}</title><style>{_CSS}</style>"
        f"<script type='text/javascript'>{bundle}</script></head>\n<body>\n"
        + "\n".join(body)
        + "\n<script type='text/javascript'>\n"
        + "\n".join(calls)
        + "\n</script>\n</body></html>\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(doc, encoding="utf-8")
    stem = f"{a.lower()}_{b.lower()}"
    images = write_images(charts, Path(png_dir), stem) if png_dir is not None and charts else ()
    return ReportFiles(html=out, images=images, n_events=len(frame), n_alerts=len(alerts))
