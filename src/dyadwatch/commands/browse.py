"""Reading the database: events, timeline, quotes, indicators, export, stats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..config import DEFAULT_DB
from .options import DbOpt, FormatOpt, LimitOpt, SinceOpt, StatusOpt, TypeOpt, UntilOpt
from .output import print_frame, timeline_lines

MentionsOpt = Annotated[
    bool, typer.Option("--mentions", help="One row per coded mention instead of one per happening.")
]
EVENT_TABLE = ["date", "event_type", "status", "source", "target", "n_sources", "text"]


def events(
    dyad: Annotated[Optional[str], typer.Option("--dyad", help="Two country codes, e.g. JPN-KOR.")] = None,
    directed: Annotated[bool, typer.Option("--directed", help="First country acts on the second (a joint action of both counts).")] = False,
    country: Annotated[Optional[str], typer.Option("--country", help="A country on either side.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    mentions: MentionsOpt = False,
    fmt: FormatOpt = "table",
    db: DbOpt = DEFAULT_DB,
) -> None:
    """List stored events, one per happening (merged across articles), filtered by dyad, date,
    type and status; --mentions lists every coded mention."""
    from ..api.python import Database

    with Database(db, read_only=True) as database:
        frame = database.events(dyad, directed=directed, since=since, until=until, event_type=type_,
                                status=status, country=country, limit=limit, mentions=mentions)
    print_frame(frame, fmt, [c for c in EVENT_TABLE if c in frame.columns])


def timeline(
    a: Annotated[str, typer.Argument(help="Country code, e.g. JPN.")],
    b: Annotated[str, typer.Argument(help="Country code, e.g. KOR.")],
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    status: StatusOpt = None,
    mentions: MentionsOpt = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, table, csv or json.")] = "text",
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Events between two countries in the order they happened: date, type, actors, sentence
    (one line per happening, with its number of sources; --mentions for every mention)."""
    from ..api.python import Database

    with Database(db, read_only=True) as database:
        frame = database.timeline(a, b, since=since, until=until, event_type=type_, status=status,
                                  mentions=mentions)
    if fmt != "text":
        print_frame(frame, fmt, [c for c in EVENT_TABLE if c in frame.columns])
        return
    for line in timeline_lines(frame):
        typer.echo(line)


def quotes(
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Part of the speaker's name, e.g. Lee.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", help="The speaker's country, e.g. KOR.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = None,
    fmt: FormatOpt = "table",
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Who said what: stored quotes with their speakers, filtered by speaker and country."""
    from ..api.python import Database
    from ..store import QUOTE_COLUMNS

    with Database(db, read_only=True) as database:
        frame = database.quotes(speaker=speaker, country=country, since=since, until=until, limit=limit)
    print_frame(frame, fmt, ["date", "speaker", "cue", "direct", "quote"],
                json_columns=[c for c in QUOTE_COLUMNS if c != "sentence"])


def indicators(
    dyad: Annotated[Optional[str], typer.Option("--dyad", help="The figure concerns both, e.g. JPN-KOR.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", help="The figure concerns this country.")] = None,
    metric: Annotated[Optional[str], typer.Option("--metric", help='A metric, e.g. "bilateral trade".')] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = None,
    fmt: FormatOpt = "table",
    db: DbOpt = DEFAULT_DB,
) -> None:
    """The numbers the articles report (trade, travel, aid…) with their periods and sentences."""
    from ..api.python import Database
    from ..store import INDICATOR_COLUMNS

    with Database(db, read_only=True) as database:
        frame = database.indicators(dyad=dyad, country=country, metric=metric, since=since,
                                    until=until, limit=limit)
    print_frame(frame, fmt, ["period", "metric", "qualifier", "value", "unit", "countries", "sentence"],
                json_columns=list(INDICATOR_COLUMNS))


def export(
    directory: Annotated[Path, typer.Argument(help="Folder for the Parquet files.")],
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Write every table of the database as Parquet files into DIRECTORY."""
    from ..store import Store

    with Store(db, read_only=True) as store:
        for path in store.export_parquet(directory):
            typer.echo(str(path))


def stats(db: DbOpt = DEFAULT_DB) -> None:
    """Rows per table of the database."""
    from ..api.python import Database

    with Database(db, read_only=True) as database:
        for table, n in database.counts().items():
            typer.echo(f"{table:<14} {n}")
