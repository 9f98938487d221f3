"""Where the relationship is heading: ``series``, ``alerts`` and ``report`` (docs/analysis.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..config import DEFAULT_DB
from ..errors import QueryError
from .options import DbOpt, SinceOpt, UntilOpt, err
from .output import print_frame

A = Annotated[str, typer.Argument(help="Country code, e.g. JPN.")]
B = Annotated[str, typer.Argument(help="Country code, e.g. KOR.")]
ByOpt = Annotated[str, typer.Option("--by", help="day, month or year.")]
TrackOpt = Annotated[Optional[str], typer.Option(
    "--track", help="history, security, economy, people, multilateral or domestic.")]
DirectedOpt = Annotated[bool, typer.Option("--directed", help="Keep only A acting on B (a joint action of both counts both ways).")]
PublishedOpt = Annotated[bool, typer.Option(
    "--by-published", help="Place events by publication date (the GDELT way), not their own date.")]
SERIES_TABLE = ["period", "n_events", "n_verbal_coop", "n_material_coop", "n_verbal_conflict",
                "n_material_conflict", "net_coop", "intensity_sum", "goldstein_mean"]


def series(
    a: A,
    b: B,
    by: ByOpt = "month",
    track: TrackOpt = None,
    directed: DirectedOpt = False,
    by_published: PublishedOpt = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    db: DbOpt = DEFAULT_DB,
) -> None:
    """A dyad's series per day, month or year: events per quad class and type, intensity,
    Goldstein and the net cooperation index, by the events' own dates."""
    from ..analysis import dyad_series, load_events
    from ..api.python import Database

    with Database(db, read_only=True) as database:
        events = load_events(database, a, b)
    frame = dyad_series(events, a, b, by=by, track=track, directed=directed,  # type: ignore[arg-type]
                        date_field="published" if by_published else "event", start=since, end=until)
    coverage = frame.attrs.get("coverage")
    if fmt == "table":
        columns = [c for c in SERIES_TABLE if c in frame.columns]
        print_frame(frame[frame["n_events"] > 0] if "n_events" in frame else frame, fmt, columns)
        if coverage is not None:
            err.print(f"coverage: {coverage}")
    elif fmt == "json":
        for rec in frame.to_dict(orient="records"):
            typer.echo(json.dumps(rec, ensure_ascii=False, default=str))
    elif fmt == "csv":
        print_frame(frame.drop(columns=["event_ids"], errors="ignore"), fmt, [])
    else:
        raise typer.BadParameter(f"--format must be table, csv or json, got {fmt!r}")


def alerts(
    a: A,
    b: B,
    by: ByOpt = "month",
    track: TrackOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Shift alerts: periods where the dyad turns toward conflict or cooperation, each with the
    events that drive it (method and parameters in docs/analysis.md)."""
    from ..analysis import load_events, shift_alerts
    from ..api.python import Database

    if fmt not in ("text", "json"):
        raise typer.BadParameter(f"--format must be text or json, got {fmt!r}")
    with Database(db, read_only=True) as database:
        events = load_events(database, a, b)
    found = shift_alerts(events, a, b, by=by, track=track)  # type: ignore[arg-type]
    for alert in found:
        typer.echo(json.dumps(alert.to_dict(), ensure_ascii=False, default=str) if fmt == "json" else alert.describe())
    if fmt == "text" and not found:
        err.print(f"no shift alerts for {a.upper()}-{b.upper()}")


def report(
    a: A,
    b: B,
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path("report.html"),
    by: ByOpt = "month",
    png: Annotated[Optional[Path], typer.Option("--png", help="Also write PNG and SVG charts into this folder.")] = None,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """One self-contained HTML report for a dyad (charts inline, works offline): the index by
    track, quad classes, alerts and the top events with their sentences."""
    from ..analysis import load_events
    from ..analysis.report import write_report
    from ..api.python import Database

    with Database(db, read_only=True) as database:
        events = load_events(database, a, b)
    if events.empty:
        raise QueryError(f"no events between {a.upper()} and {b.upper()} in {db}")
    files = write_report(events, a, b, out, by=by, png_dir=png)  # type: ignore[arg-type]
    typer.echo(str(files.html))
    for image in files.images:
        typer.echo(str(image))
    err.print(f"{files.n_events} events, {files.n_alerts} alerts → {files.html}")
