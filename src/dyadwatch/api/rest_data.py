"""Data access for the REST API (:mod:`dyadwatch.api.rest`): one read-only store per app, a
cursor per request, a small result cache, and the conversions from frames to JSON.

Nothing here is module-global: :class:`AppData` lives on ``app.state.data``.
"""

from __future__ import annotations

import datetime as _dt
import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ..config import Config
from ..errors import DyadwatchError, QueryError
from ..store import CLUSTER_COLUMNS, EVENT_COLUMNS, Store
from .python import Database

T = TypeVar("T")
log = logging.getLogger(__name__)

#: Columns of an event in every API response (the public contract, then the extras that make
#: sense outside the store; ``date_start`` and ``content_hash`` stay internal).
EVENT_FIELDS: tuple[str, ...] = EVENT_COLUMNS + ("char_span", "date_resolved", "cluster_id")
CLUSTER_FIELDS: tuple[str, ...] = CLUSTER_COLUMNS
DOCUMENT_FIELDS: tuple[str, ...] = (
    "doc_id", "title", "url", "published", "published_basis", "source_path", "source_line",
    "lang", "coder_version",
)  # fmt: skip


def jsonable(value: Any) -> Any:
    """Plain JSON values: numpy scalars unboxed, NaN/NaT/inf → ``None``, dates → ISO strings."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [jsonable(v) for v in value]
    if isinstance(value, np.generic):
        return jsonable(value.item())
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value)


def records(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The rows of ``frame`` (only ``columns`` that it has, in that order) as JSON dicts."""
    cols = [c for c in (columns or frame.columns) if c in frame.columns]
    return [jsonable(r) for r in frame[cols].to_dict("records")]


def event_fields(columns: Iterable[str]) -> list[str]:
    """The API columns of an events frame (or row) with these ``columns``:
    :data:`EVENT_FIELDS`, then the cluster columns it has."""
    have = set(columns)
    return list(EVENT_FIELDS) + [c for c in CLUSTER_FIELDS if c in have]


def page(items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page of ``items`` fetched with ``limit + 1``: ``next_offset`` is set when there is more."""
    more = len(items) > limit
    return {
        "items": items[:limit],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }


def pairs(values: Iterable[str]) -> list[tuple[str, str]]:
    """Every unordered pair of distinct codes, each sorted: ``[KOR, JPN, USA]`` → JPN-KOR, …"""
    codes = sorted(set(values))
    return [(a, b) for i, a in enumerate(codes) for b in codes[i + 1 :]]


def dyad_table(mentions: pd.DataFrame) -> list[dict[str, Any]]:
    """One row per pair of countries that appear together in an event (source ∪ target
    countries, as the store's undirected dyad filter): happenings (clusters) and mentions,
    happenings per direction, first and last event date, undated happenings."""
    table: dict[tuple[str, str], dict[str, Any]] = {}
    cols = ("event_id", "cluster_id", "source_countries", "target_countries", "date_start")
    for eid, cid, src, tgt, start in mentions[list(cols)].itertuples(index=False, name=None):
        src_set, tgt_set = set(src or ()), set(tgt or ())
        rep = eid == cid
        for a, b in pairs(src_set | tgt_set):
            row = table.get((a, b))
            if row is None:
                row = table[(a, b)] = {
                    "dyad": f"{a}-{b}", "a": a, "b": b, "n_events": 0, "n_mentions": 0,
                    "n_ab": 0, "n_ba": 0, "n_undated": 0, "first_date": None, "last_date": None,
                }  # fmt: skip
            row["n_mentions"] += 1
            if not rep:
                continue
            row["n_events"] += 1
            row["n_ab"] += a in src_set and b in tgt_set
            row["n_ba"] += b in src_set and a in tgt_set
            if start is None or (isinstance(start, float) and math.isnan(start)):
                row["n_undated"] += 1
                continue
            day = start.isoformat()
            row["first_date"] = min(row["first_date"] or day, day)
            row["last_date"] = max(row["last_date"] or day, day)
    for row in table.values():
        row["suggested_by"] = suggest_step(row["first_date"], row["last_date"])
    return sorted(table.values(), key=lambda r: (-r["n_events"], r["dyad"]))


def suggest_step(first: str | None, last: str | None) -> str:
    """The series step that shows a span well: ``year`` beyond 20 years, ``month`` beyond
    120 days, else ``day`` (the dashboard's default for a dyad)."""
    if first is None or last is None:
        return "year"
    days = (_dt.date.fromisoformat(last) - _dt.date.fromisoformat(first)).days
    return "year" if days > 20 * 365 else "month" if days > 120 else "day"


def actor_names(actors: Any) -> str:
    """``[{name: Japan cabinet, …}, …]`` → ``"Japan cabinet, …"``."""
    if not isinstance(actors, (list, tuple)):
        return ""
    return ", ".join(str(a.get("name") or a.get("country") or "?") for a in actors)


def event_summary(row: dict[str, Any]) -> dict[str, Any]:
    """The few fields of an event that a list entry needs (alerts' driving events)."""
    keys = ("event_id", "date", "date_precision", "event_type", "quad_class", "status",
            "intensity", "source_countries", "target_countries", "text")  # fmt: skip
    out = {k: jsonable(row.get(k)) for k in keys}
    out["source"] = actor_names(row.get("source"))
    out["target"] = actor_names(row.get("target"))
    return out


class _Cache:
    """A small thread-safe LRU of computed results, keyed by the data version and the query."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[no-any-return]
        value = compute()  # outside the lock: two threads may compute the same value once each
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


class AppData:
    """What one app reads: a store (opened read-only from ``db_path``, or an open store that a
    writer in the same process shares) and a cache of computed results.

    Every request reads through its own cursor (:meth:`database`), so requests run in parallel
    threads and a writer of the same process may commit between them. Cached results are keyed
    by :meth:`version`, so a document committed to a shared store invalidates them.
    """

    def __init__(self, db_path: Path | str, config: Config, store: Store | None = None) -> None:
        self.path = str(db_path)
        self.config = config
        self._owned = store is None
        self.store = store if store is not None else Store(db_path, read_only=True)
        self.schema_version = self.store.schema_version  # read here: one thread per connection
        self._cursor_lock = threading.Lock()
        self.cache = _Cache(64)

    @contextmanager
    def database(self) -> Iterator[Database]:
        """A :class:`Database` on a fresh cursor, closed afterwards."""
        with self._cursor_lock:
            db = Database.from_store(self.store)
        try:
            yield db
        finally:
            db.close()

    def warm_up(self) -> None:
        """Compute what the dashboard shows first (the most active dyad, its dual-track series
        and alerts at its suggested step) and the event index, so that the first page is as
        quick as the next ones; best effort (the endpoints compute whatever is missing)."""
        try:
            with self.database() as db:
                self.lookup(db)
                for row in self.dyads(db)[:1]:
                    by = row["suggested_by"]
                    self.series(db, row["a"], row["b"], by=by, dual_track=True)
                    self.alerts(db, row["a"], row["b"], by=by)
        except DyadwatchError as exc:  # the endpoints report it when they run
            log.warning("warm-up skipped: %s", exc)

    def close(self) -> None:
        """Close the store if this app opened it."""
        if self._owned:
            self.store.close()

    def version(self, db: Database) -> tuple[int, ...]:
        """What the cached results depend on. A file this app opened read-only cannot change
        while it is open (DuckDB lets no process write it meanwhile): a constant. A shared
        store can: the row counts of every table, so that a committed document shows."""
        return () if self._owned else tuple(db.counts().values())

    def cached(self, db: Database, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        return self.cache.get((self.version(db), *key), compute)

    # -- frames shared by several endpoints ----------------------------------------------------

    def all_mentions(self, db: Database) -> pd.DataFrame:
        """Every stored event (one row per mention), with ``cluster_id``."""
        return self.cached(db, ("mentions",), lambda: db.events(mentions=True))

    def dyad_events(self, db: Database, a: str, b: str) -> pd.DataFrame:
        """The happenings of the dyad ``a``–``b``, the input of the analyses
        (:func:`dyadwatch.analysis.load_events`, as the CLI and the report read them)."""
        from ..analysis import load_events

        return self.cached(db, ("dyad", a, b), lambda: load_events(db, a, b))

    def series(
        self, db: Database, a: str, b: str, *, by: str = "month", track: str | None = None,
        directed: bool = False, date_field: str = "event", since: str | None = None,
        until: str | None = None, coarse: str = "exclude", dual_track: bool = False,
    ) -> pd.DataFrame:  # fmt: skip
        """:func:`~dyadwatch.analysis.series.dyad_series` (or ``dual_track``) of the dyad,
        cached."""
        from ..analysis.series import dual_track as dual
        from ..analysis.series import dyad_series

        frame = self.dyad_events(db, a, b)
        key = ("series", a, b, by, track, directed, date_field, since, until, coarse, dual_track)
        kwargs: dict[str, Any] = {"by": by, "directed": directed, "date_field": date_field,
                                  "start": since, "end": until, "coarse": coarse}  # fmt: skip
        if dual_track:
            return self.cached(db, key, lambda: dual(frame, a, b, **kwargs))
        return self.cached(db, key, lambda: dyad_series(frame, a, b, track=track, **kwargs))

    def alerts(
        self, db: Database, a: str, b: str, *, by: str = "month", track: str | None = None,
        directed: bool = False, date_field: str = "event", params: dict[str, Any] | None = None,
    ) -> list[Any]:  # fmt: skip
        """:func:`~dyadwatch.analysis.alerts.shift_alerts` of the dyad, cached."""
        from ..analysis.alerts import shift_alerts

        given = dict(params or {})
        frame = self.dyad_events(db, a, b)
        key = ("alerts", a, b, by, track, directed, date_field, tuple(sorted(given.items())))
        return self.cached(db, key, lambda: shift_alerts(
            frame, a, b, by=by, track=track, directed=directed, date_field=date_field, **given,
        ))  # fmt: skip

    def dyads(self, db: Database) -> list[dict[str, Any]]:
        return self.cached(db, ("dyads",), lambda: dyad_table(self.all_mentions(db)))

    def lookup(self, db: Database) -> dict[str, Any]:
        """Indexes for event details: mentions by event id, clusters by id, documents by hash."""

        def build() -> dict[str, Any]:
            mentions = self.all_mentions(db)
            clusters = db.events()
            docs = db.documents()
            return {
                "events": {r["event_id"]: r for r in mentions.to_dict("records")},
                "clusters": {r["event_id"]: r for r in clusters.to_dict("records")},
                "documents": {r["content_hash"]: r for r in docs.to_dict("records")},
            }

        return self.cached(db, ("lookup",), build)


def check_fields(fields: str | None, allowed: Sequence[str], always: Sequence[str]) -> list[str]:
    """``"n_events,net_coop"`` → the columns to return (``always`` first); all when ``None``."""
    if fields is None:
        return list(allowed)
    wanted = [f.strip() for f in fields.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in allowed]
    if unknown:
        raise QueryError(
            f"unknown field(s) {', '.join(map(repr, unknown))}: expected names from "
            f"{', '.join(allowed)}"
        )
    return list(always) + [f for f in wanted if f not in always]
