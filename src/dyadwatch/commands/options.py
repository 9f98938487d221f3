"""Options and helpers shared by the ``dyadwatch`` commands."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ..config import DEFAULT_DB, Config
from ..errors import IngestError
from ..nlp.lang import LANGS

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
ClassifierOpt = Annotated[bool, typer.Option(
    "--classifier", help="Let the learned sentence classifier add and retype events (docs/accuracy.md).")]

LangOpt = Annotated[str | None, typer.Option(
    "--lang", help="Language of every input: en, ja or ko (default: detected per document from its script).")]


def make_config(
    pub_date: str | None, actors: list[Path] | None, db: Path = DEFAULT_DB, max_doc_mb: float = 5.0,
    classifier: bool = False, lang: str | None = None,
) -> Config:
    pub = None
    if pub_date:
        try:
            pub = _dt.date.fromisoformat(pub_date)
        except ValueError:
            raise typer.BadParameter(f"--pub-date must be YYYY-MM-DD, got {pub_date!r}") from None
    if max_doc_mb <= 0:
        raise typer.BadParameter("--max-doc-mb must be positive")
    if lang is not None and lang not in LANGS:
        raise typer.BadParameter(f"--lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return Config(db_path=db, pub_date=pub, actor_files=tuple(actors or ()),
                  max_document_bytes=int(max_doc_mb * 1_000_000), classifier=classifier, lang=lang)


def report_error(error: IngestError) -> None:
    err.print(f"[red]error[/red] {error}", markup=True, soft_wrap=True)


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} docs"),
        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal,
    )
