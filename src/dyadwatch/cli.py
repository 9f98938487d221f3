"""The ``dyadwatch`` command: a thin layer over the library (:mod:`dyadwatch.pipeline`,
:mod:`dyadwatch.store`, :mod:`dyadwatch.analysis`). The commands live in
:mod:`dyadwatch.commands`; the ones that write (ingest) or code without a database (extract)
are here. Every command is documented in README.md (a test checks it)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .commands import analysis, browse, evaluate, serve
from .commands.options import (
    ActorsOpt,
    ClassifierOpt,
    CuesOpt,
    LangOpt,
    DbOpt,
    MaxDocOpt,
    PubDateOpt,
    err,
    make_config,
    report_error,
)
from .config import DEFAULT_DB
from .errors import DyadwatchError, IngestError

if TYPE_CHECKING:
    from .pipeline import Result


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="dyadwatch: who did what to whom, and when — PLOVER events coded from the news.",
)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    db: DbOpt = DEFAULT_DB,
    pub_date: PubDateOpt = None,
    actors: ActorsOpt = None,
    cues: CuesOpt = None,
    max_doc_mb: MaxDocOpt = 5.0,
    classifier: ClassifierOpt = False,
    lang: LangOpt = None,
    workers: Annotated[int, typer.Option(
        "--workers", "-w", min=1, help="Worker processes, each with its own model (1: this process).")] = 1,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", envvar="DASK_SCHEDULER_ADDRESS",
        help="Run on this Dask cluster (tcp://HOST:8786); default $DASK_SCHEDULER_ADDRESS.")] = None,
    parquet_dir: Annotated[Path | None, typer.Option(
        "--parquet-dir", help="With --scheduler: where workers write Parquet, a folder they all "
        "see (default: beside the database, <db>.parquet).")] = None,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar.")] = False,
) -> None:
    """Read, code and store articles (txt, html, jsonl, csv, RSS/Atom, each also gzip-compressed
    as .gz; folders recursively), on N local processes or a Dask cluster. The same article
    ingested twice is stored once; a document already stored is not coded again, so an
    interrupted run, restarted, picks up where it stopped. Exit code 1 if any input failed."""
    from .errors import ConfigError
    from .pipeline import Coder
    from .scale import RunStats, count_documents
    from .scale.ingest import ingest_into
    from .scale.progress import IngestProgress
    from .store import Store

    if scheduler and workers > 1:
        raise typer.BadParameter("--workers is for local processes; with --scheduler the Dask "
                                 "cluster's workers do the work")  # fmt: skip
    inputs = [str(p) for p in paths]
    config = make_config(pub_date, actors, db, max_doc_mb, classifier=classifier, lang=lang)
    coder = Coder(config, cue_files=cues or ()) if workers == 1 and not scheduler else None
    show = not no_progress and err.is_terminal
    stats = RunStats()
    with Store(db) as store, IngestProgress(err, total=count_documents(inputs) if show else None,
                                            enabled=show) as bar:  # fmt: skip
        try:
            summary = ingest_into(store, inputs, config, workers=workers, scheduler=scheduler,
                                  parquet_dir=parquet_dir, cue_files=cues or (), coder=coder, stats=stats,
                                  on_error=report_error, on_progress=bar.update)  # fmt: skip
        except ConfigError as exc:
            raise typer.BadParameter(str(exc)) from exc
    err.print(
        f"{summary.stored} documents stored ({summary.events} events), {summary.duplicates} already "
        f"stored, {len(summary.errors)} failed → {db}; {summary.clustered} events (re)clustered"
    )
    if summary.errors:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    pub_date: PubDateOpt = None,
    actors: ActorsOpt = None,
    cues: CuesOpt = None,
    max_doc_mb: MaxDocOpt = 5.0,
    what: Annotated[str, typer.Option(
        "--what", help="Comma-separated: events, quotes, indicators, sentences.")] = "events",
    classifier: ClassifierOpt = False,
    lang: LangOpt = None,
) -> None:
    """Code articles without a database: one JSON object per event, quote or indicator (JSON
    Lines) on stdout; with several kinds, each object has a "kind" field."""
    from .pipeline import Coder
    from .pipeline import extract as run

    kinds = [k.strip() for k in what.split(",") if k.strip()]
    bad = [k for k in kinds if k not in EXTRACT_KINDS]
    if not kinds or bad:
        raise typer.BadParameter(f"--what takes {', '.join(EXTRACT_KINDS)} (comma-separated), got {what!r}")
    failed: list[IngestError] = []

    def on_error(e: IngestError) -> None:
        failed.append(e)
        report_error(e)

    config = make_config(pub_date, actors, max_doc_mb=max_doc_mb, classifier=classifier, lang=lang)
    coder = Coder(config, cue_files=cues or ())
    out = sys.stdout
    for result in run(coder, [str(p) for p in paths], on_error):
        for kind in kinds:
            for row in _records(result, kind):
                if len(kinds) > 1:
                    row = {"kind": kind.rstrip("s"), **row}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        raise typer.Exit(1)


EXTRACT_KINDS = ("events", "quotes", "indicators", "sentences")


def _records(result: "Result", kind: str) -> Iterator[dict[str, object]]:
    if kind == "events":
        yield from (e.to_dict() for e in result.events)
    elif kind == "quotes":
        yield from (q.to_dict() for q in result.quotes)
    elif kind == "indicators":
        yield from (i.to_dict() for i in result.indicators)
    else:
        for s in result.sentences:
            yield {"doc_id": s.doc_id, "sentence_id": s.sentence_id, "index": s.index,
                   "text": s.text, "start": s.start, "end": s.end}


for _command in (browse.events, browse.timeline, browse.quotes, browse.indicators, browse.export, browse.stats):
    app.command()(_command)
for _command in (analysis.series, analysis.alerts, analysis.report, serve.serve):
    app.command()(_command)
app.command(name="eval")(evaluate.eval_)


def main() -> None:
    try:
        app()
    except DyadwatchError as exc:
        err.print(f"[red]error[/red] {exc}", soft_wrap=True)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
