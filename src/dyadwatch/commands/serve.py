"""``dyadwatch serve``: the read-only REST API and the web dashboard (FastAPI + uvicorn)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..config import DEFAULT_DB
from .options import DbOpt, err


def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Serve the database read-only: the dashboard at http://HOST:PORT/, the API under /api
    (OpenAPI document at /openapi.json). Stop it (Ctrl-C) before ingesting into the same file:
    DuckDB lets no process write a file that another has open."""
    import uvicorn

    from ..api.rest import create_app

    if not Path(db).is_file():
        err.print(f"[red]error[/red] no database at {db}: ingest articles first (dyadwatch ingest …)")
        raise typer.Exit(2)
    app = create_app(Path(db))
    shown = f"[{host}]" if ":" in host else host
    err.print(f"dashboard: http://{shown}:{port}/   API: http://{shown}:{port}/api/   (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
