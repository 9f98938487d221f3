"""The REST API and web dashboard of dyadwatch (FastAPI), read-only.

>>> from dyadwatch.api.rest import create_app                    # doctest: +SKIP
>>> app = create_app(Path("dyadwatch.duckdb"))                   # doctest: +SKIP
>>> uvicorn.run(app, host="127.0.0.1", port=8000)                # doctest: +SKIP

``dyadwatch serve`` does just that. Endpoints (docs/api.md): ``/api/events``, ``/api/events/{id}``,
``/api/timeline``, ``/api/dyads``, ``/api/series``, ``/api/alerts``, ``/api/quotes``,
``/api/indicators``, ``/api/health``; the OpenAPI document at ``/openapi.json``; the dashboard at
``/`` (static files of this package, no CDN: it works offline).

The database is opened **read-only** once per app and every request reads through its own
cursor. DuckDB lets several processes open a file read-only, but none while a process has it
open read-write: stop ``dyadwatch serve`` to ingest into the same file, or, inside one process,
pass the writer's open store (``create_app(path, store=store)``) so that reads run on cursors
beside the writer and see each committed document.

Errors: a bad parameter (malformed dyad or date, unknown type, ``limit`` over 1000, an unknown
parameter) is a **422** with ``{"detail": "<message>", "code": "E400", "errors": [...]}``; an
unknown event id a 404; a database that cannot be read a 503. No SQL is built from user text:
every value reaches DuckDB as a bound parameter (see :mod:`dyadwatch.store.queries`).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..config import Config
from ..errors import DyadwatchError, QueryError, StoreError
from ..store import Store
from .rest_data import AppData, jsonable
from .rest_models import ErrorOut
from .rest_routes import router

#: Content-Security-Policy of every response: the page may load only this server's own files
#: (no CDN, no inline script), so the dashboard provably works offline.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class _SecurityHeaders:
    """Adds :data:`CSP` and friends to every HTTP response (pure ASGI, no buffering)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + _HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(
    status: int, detail: str, code: str, errors: list[dict[str, Any]] | None = None
) -> JSONResponse:
    return JSONResponse({"detail": detail, "code": code, "errors": errors or []}, status_code=status)


async def _query_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, QueryError)
    return _error(422, exc.message, exc.code, [{"msg": exc.message, "type": "query_error"}])


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for e in exc.errors():
        loc = [str(p) for p in e.get("loc", ())]
        errors.append({"loc": loc, "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))})
    detail = "; ".join(
        f"{e['loc'][-1] if e['loc'] else 'request'}: {e['msg']}" for e in errors
    ) or "invalid request"
    return _error(422, detail, QueryError.code, errors)


async def _store_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StoreError)
    return _error(503, f"the database cannot be read: {exc.message}", exc.code)


async def _dyadwatch_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DyadwatchError)
    return _error(500, exc.message, exc.code)


def _index_html() -> bytes:
    return resources.files("dyadwatch.api").joinpath("static/index.html").read_bytes()


def create_app(
    db_path: Path | str, *, config: Config | None = None, store: Store | None = None
) -> FastAPI:
    """The FastAPI app serving the database at ``db_path`` (opened read-only now; a missing or
    unreadable file raises :class:`~dyadwatch.errors.StoreError`).

    ``config`` supplies the coder version reported by ``/api/health``. ``store``: an open store
    of this process to read through instead of opening ``db_path`` (its cursors see what its
    writer commits); the app does not close it.
    """
    data = AppData(db_path, config or Config(db_path=Path(db_path)), store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        warm = threading.Thread(target=data.warm_up, name="dyadwatch-warm-up", daemon=True)
        warm.start()
        yield
        warm.join(timeout=30)
        data.close()

    app = FastAPI(
        title="dyadwatch",
        version=__version__,
        summary="Events between countries coded from the news: read-only API and dashboard.",
        description=(
            "Every endpoint is a GET returning JSON. Lists are paged with `limit` (1–1000) and "
            "`offset`; `next_offset` is null on the last page. A bad parameter is a 422 with a "
            "`detail` message. See docs/api.md."
        ),
        docs_url=None,  # Swagger UI would load from a CDN; the dashboard must work offline
        redoc_url=None,
        lifespan=lifespan,
        responses={422: {"model": ErrorOut, "description": "A bad parameter"}},
    )
    app.state.data = data
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(DyadwatchError, _dyadwatch_error)
    app.include_router(router)
    app.add_middleware(_SecurityHeaders)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(_index_html(), headers={"cache-control": "no-cache"})

    app.mount("/static", StaticFiles(packages=[("dyadwatch.api", "static")]), name="static")
    return app


__all__ = ["CSP", "create_app", "jsonable"]
