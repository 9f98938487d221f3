"""The ``dyadwatch`` command: a thin layer over the library (:mod:`dyadwatch.pipeline`,
:mod:`dyadwatch.store`). Every command is documented in README.md (a test checks it)."""

from __future__ import annotations

import datetime as _dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TypeVar

import pandas as pd
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .config import DEFAULT_DB, Config
from .errors import DyadwatchError, IngestError

if TYPE_CHECKING:
    from .pipeline import Result, Tally
    from .store import Store

T = TypeVar("T")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="dyadwatch: who did what to whom, and when — PLOVER events coded from the news.",
)
err = Console(stderr=True, highlight=False)

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
PubDateOpt = Annotated[
    Optional[str], typer.Option("--pub-date", help="Publication date (YYYY-MM-DD) for every input.")
]
ActorsOpt = Annotated[
    Optional[list[Path]], typer.Option("--actors", help="Extra actor file (TSV, see data/ACTORS.md).")
]
MaxDocOpt = Annotated[
    float, typer.Option("--max-doc-mb", help="Refuse single documents larger than this (MB); JSONL/CSV stream.")
]
CuesOpt = Annotated[Optional[list[Path]], typer.Option("--cues", help="Extra event-cue file (TSV).")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, csv or json (JSON Lines).")]
SinceOpt = Annotated[Optional[str], typer.Option("--since", help="YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOpt = Annotated[Optional[str], typer.Option("--until", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")]
TypeOpt = Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER event type (repeatable).")]
StatusOpt = Annotated[Optional[list[str]], typer.Option("--status", help="Event status (repeatable).")]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", help="At most this many rows.")]


def _config(
    pub_date: str | None, actors: list[Path] | None, db: Path = DEFAULT_DB, max_doc_mb: float = 5.0
) -> Config:
    pub = None
    if pub_date:
        try:
            pub = _dt.date.fromisoformat(pub_date)
        except ValueError:
            raise typer.BadParameter(f"--pub-date must be YYYY-MM-DD, got {pub_date!r}") from None
    if max_doc_mb <= 0:
        raise typer.BadParameter("--max-doc-mb must be positive")
    return Config(db_path=db, pub_date=pub, actor_files=tuple(actors or ()),
                  max_document_bytes=int(max_doc_mb * 1_000_000))


def _report(error: IngestError) -> None:
    err.print(f"[red]error[/red] {error}", markup=True, soft_wrap=True)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} docs"),
        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal,
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    db: DbOpt = DEFAULT_DB,
    pub_date: PubDateOpt = None,
    actors: ActorsOpt = None,
    cues: CuesOpt = None,
    max_doc_mb: MaxDocOpt = 5.0,
) -> None:
    """Read, code and store articles (txt, html, jsonl, csv, RSS/Atom; folders recursively).
    The same article ingested twice is stored once. Exit code 1 if any input failed."""
    from .pipeline import Coder, Tally, extract
    from .store import Store

    tally = Tally()

    def on_error(e: IngestError) -> None:
        tally.errors.append(e)
        _report(e)

    coder = Coder(_config(pub_date, actors, db, max_doc_mb), cue_files=cues or ())
    with Store(db) as store, _progress() as progress:
        task = progress.add_task("coding", total=None)
        for batch in _batches(extract(coder, [str(p) for p in paths], on_error), coder.config.batch_size):
            for result, ok in zip(batch, store_batch(store, batch, tally), strict=True):
                tally.documents += 1
                tally.stored += ok is True
                tally.duplicates += ok is False
                tally.events += len(result.events) if ok else 0
            progress.advance(task, len(batch))
    err.print(
        f"{tally.stored} documents stored ({tally.events} events), {tally.duplicates} already "
        f"stored, {len(tally.errors)} failed → {db}"
    )
    if tally.errors:
        raise typer.Exit(1)


def store_batch(store: "Store", batch: list["Result"], tally: "Tally") -> list[bool | None]:
    """Write a batch in one transaction; if that fails, each document on its own, so one bad
    document does not keep the others out. ``None`` marks a document that could not be stored."""
    from .errors import StoreError

    docs = [(r.article, r.sentences, r.events) for r in batch]
    try:
        return list(store.add_documents(docs))
    except StoreError:
        pass
    flags: list[bool | None] = []
    for r, doc in zip(batch, docs, strict=True):
        try:
            flags.append(store.add_document(*doc))
        except StoreError as exc:
            err.print(f"[red]error[/red] {r.article.source_path or r.article.doc_id}: {exc}", soft_wrap=True)
            tally.errors.append(exc)
            flags.append(None)
    return flags


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    pub_date: PubDateOpt = None,
    actors: ActorsOpt = None,
    cues: CuesOpt = None,
    max_doc_mb: MaxDocOpt = 5.0,
    what: Annotated[str, typer.Option("--what", help="What to print: events or sentences.")] = "events",
) -> None:
    """Code articles without a database: one JSON object per event (JSON Lines) on stdout."""
    from .pipeline import Coder
    from .pipeline import extract as run

    if what not in ("events", "sentences"):
        raise typer.BadParameter("--what must be 'events' or 'sentences'")
    failed: list[IngestError] = []

    def on_error(e: IngestError) -> None:
        failed.append(e)
        _report(e)

    coder = Coder(_config(pub_date, actors, max_doc_mb=max_doc_mb), cue_files=cues or ())
    out = sys.stdout
    for result in run(coder, [str(p) for p in paths], on_error):
        if what == "events":
            for event in result.events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        else:
            for s in result.sentences:
                row = {"doc_id": s.doc_id, "sentence_id": s.sentence_id, "index": s.index,
                       "text": s.text, "start": s.start, "end": s.end}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        raise typer.Exit(1)


@app.command()
def events(
    dyad: Annotated[Optional[str], typer.Option("--dyad", help="Two country codes, e.g. JPN-KOR.")] = None,
    directed: Annotated[bool, typer.Option("--directed", help="First country acts on the second.")] = False,
    country: Annotated[Optional[str], typer.Option("--country", help="A country on either side.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    fmt: FormatOpt = "table",
    db: DbOpt = DEFAULT_DB,
) -> None:
    """List stored events, filtered by dyad, date, type and status."""
    from .api.python import Database

    with Database(db, read_only=True) as database:
        frame = database.events(dyad, directed=directed, since=since, until=until, event_type=type_,
                                status=status, country=country, limit=limit)
    _output(frame, fmt, ["date", "event_type", "status", "source", "target", "text"])


@app.command()
def timeline(
    a: Annotated[str, typer.Argument(help="Country code, e.g. JPN.")],
    b: Annotated[str, typer.Argument(help="Country code, e.g. KOR.")],
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    status: StatusOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, table, csv or json.")] = "text",
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Events between two countries in the order they happened: date, type, actors, sentence."""
    from .api.python import Database

    with Database(db, read_only=True) as database:
        frame = database.timeline(a, b, since=since, until=until, event_type=type_, status=status)
    if fmt != "text":
        _output(frame, fmt, ["date", "event_type", "status", "source", "target", "text"])
        return
    for line in timeline_lines(frame):
        typer.echo(line)


def timeline_lines(frame: pd.DataFrame) -> list[str]:
    """One line per event: date, type (and status when not plain), who → whom, sentence."""
    lines = []
    for row in frame.itertuples(index=False):
        date = row.date or "????"
        kind = row.event_type if row.status == "asserted" else f"{row.event_type}({row.status})"
        who = _actors(row.source)
        whom = _actors(row.target)
        text = " ".join(str(row.text).split())
        arrow = f"{who} → {whom}" if whom else who
        lines.append(f"{date:<10}  {kind:<22}  {arrow:<28}  {text}")
    return lines


def _actors(actors: object) -> str:
    if not isinstance(actors, (list, tuple)) or not actors:
        return ""
    parts = []
    for a in actors:
        label = a.get("country") or "?"
        if a.get("person"):
            label += f":{a['person']}"
        elif a.get("sector"):
            label += f"/{a['sector']}"
        parts.append(label)
    return "+".join(parts)


def _output(frame: pd.DataFrame, fmt: str, columns: list[str]) -> None:
    from .store import EVENT_COLUMNS

    if fmt == "json":  # the public event contract, as `extract` prints it
        contract = [c for c in (*EVENT_COLUMNS, "char_span", "date_resolved") if c in frame.columns]
        for rec in frame[contract].to_dict(orient="records"):
            typer.echo(json.dumps(rec, ensure_ascii=False, default=str))
    elif fmt == "csv":
        flat = frame.copy()
        for col in ("source", "target"):
            if col in flat:
                flat[col] = flat[col].map(_actors)
        for col in ("contexts", "source_countries", "target_countries"):
            if col in flat:
                flat[col] = flat[col].map(lambda v: "|".join(v) if isinstance(v, (list, tuple)) else v)
        flat.to_csv(sys.stdout, index=False)
    elif fmt == "table":
        table = Table(show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for rec in frame.to_dict(orient="records"):
            cells = [_actors(rec[c]) if c in ("source", "target") else str(rec[c] or "") for c in columns]
            table.add_row(*cells)
        Console(width=max(Console().width, 140)).print(table)
    else:
        raise typer.BadParameter(f"--format must be table, csv or json, got {fmt!r}")


@app.command()
def export(
    directory: Annotated[Path, typer.Argument(help="Folder for the Parquet files.")],
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Write every table of the database as Parquet files into DIRECTORY."""
    from .store import Store

    with Store(db, read_only=True) as store:
        for path in store.export_parquet(directory):
            typer.echo(str(path))


@app.command()
def stats(db: DbOpt = DEFAULT_DB) -> None:
    """Rows per table of the database."""
    from .api.python import Database

    with Database(db, read_only=True) as database:
        for table, n in database.counts().items():
            typer.echo(f"{table:<12} {n}")


@app.command(name="eval")
def eval_(
    suites: Annotated[list[str], typer.Argument(help="Suites to score, or 'all'.")],
    data: Annotated[Path, typer.Option("--data", help="Folder holding the suites.")] = Path("../shared/data"),
    limit: Annotated[Optional[int], typer.Option("--limit", help="Score the first N cases of each suite.")] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write the figures as JSON.")] = None,
    markdown: Annotated[Optional[Path], typer.Option("--markdown", help="Write docs/accuracy.md.")] = None,
) -> None:
    """Score the coder on other projects' annotated suites (PLOVER gold, UniversalPetrarch,
    ConfliBERT, CASE 2021, PETRARCH-2 unit tests) and print the figures against the targets."""
    from .evaluation.report import render_table, report_to_json, write_markdown
    from .evaluation.runner import predict
    from .evaluation.scoring import score_suite
    from .evaluation.suites import SUITE_NAMES, load_suite
    from .pipeline import Coder

    names = list(SUITE_NAMES) if suites == ["all"] else suites
    unknown = [n for n in names if n not in SUITE_NAMES]
    if unknown:
        raise typer.BadParameter(f"unknown suite(s) {unknown}; choose from {', '.join(SUITE_NAMES)} or all")
    coder = Coder()
    reports = []
    for name in names:
        suite = load_suite(name, data, limit=limit)
        with _progress() as progress:
            progress.add_task(f"scoring {name} ({len(suite.cases)} cases)", total=None)
            reports.append(score_suite(suite, predict(coder, suite.cases)))
    Console(width=max(Console().width, 120)).print(render_table(reports))
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(report_to_json(reports), indent=2), encoding="utf-8")
    if markdown is not None:
        command = "dyadwatch eval " + " ".join(suites) + (f" --limit {limit}" if limit else "")
        write_markdown(reports, markdown, coder_version=coder.config.coder_version, date=_dt.date.today(),
                       data_dir=str(data), command=command)


def main() -> None:
    try:
        app()
    except DyadwatchError as exc:
        err.print(f"[red]error[/red] {exc}", soft_wrap=True)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
