"""Read queries over the store, returning pandas DataFrames.

:class:`Queries` runs on one DuckDB connection (or cursor). :class:`~dyadwatch.store.Store`
inherits these methods; :meth:`Store.reader` gives a :class:`Queries` on a cursor of the
store's connection, for a second thread of the same process.

Missing values are ``None`` (object columns), lists are Python lists and ``source``/``target``
are lists of actor dicts, so ``frame[list(EVENT_COLUMNS)].to_dict("records")`` gives plain
JSON-ready rows of the public event contract.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable, Sequence
from typing import Any, get_args

import duckdb
import pandas as pd

from ..errors import QueryError, StoreError
from ..records import Status
from .facts import FactQueries
from .migrations import TABLES
from .periods import parse_period

#: The 16 PLOVER event types.
PLOVER_EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

#: Event statuses (``records.Status``).
STATUSES: tuple[str, ...] = tuple(get_args(Status))

#: Columns of the public event contract, in this order, in every events frame.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "sentence_id", "text", "event_type", "mode", "contexts", "status",
    "quad_class", "intensity", "cameo_root", "goldstein", "source", "target",
    "source_countries", "target_countries", "date", "date_precision", "date_text",
    "date_basis", "published", "confidence", "coder_version", "trigger",
)  # fmt: skip

#: Further columns of an events frame, after the contract ones: ``char_span`` and
#: ``date_resolved`` complete ``Event.to_dict()``; ``date_start`` (a ``datetime.date``, ``None``
#: when the date is unresolved; ``pd.to_datetime(frame["date_start"])`` for a datetime column)
#: is the first day of the event's period; ``content_hash`` keys the document.
EXTRA_EVENT_COLUMNS: tuple[str, ...] = (
    "char_span", "date_resolved", "date_start", "content_hash", "cluster_id",
)

#: Further columns when events are read as clusters (one row per happening): the number of
#: mentions and of distinct source documents, the first publication date among them, and every
#: mention (``{event_id, doc_id, sentence_id, text, published, date, reason}``, ``reason`` saying
#: why it was merged; see :mod:`dyadwatch.store.clusters`).
CLUSTER_COLUMNS: tuple[str, ...] = ("n_mentions", "n_sources", "first_reported", "mentions")

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "content_hash", "doc_id", "title", "url", "published", "published_basis", "source_path",
    "source_line", "lang", "n_sentences", "n_events", "ingested_at", "coder_version",
)  # fmt: skip

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")

_EVENT_SELECT = """
SELECT e.event_id, e.doc_id, e.sentence_id, e.text, e.event_type, e.mode, e.contexts,
       e.status, e.quad_class, e.intensity, e.cameo_root, e.goldstein, e.source, e.target,
       e.source_countries, e.target_countries, e.date, e.date_precision, e.date_text,
       e.date_basis, e.published, e.confidence, e.coder_version, e.trigger,
       e.span_start, e.span_end, e.date_start, e.content_hash,
       COALESCE(c.cluster_id, e.event_id) AS cluster_id
FROM events AS e
LEFT JOIN sentences AS s ON s.sentence_id = e.sentence_id
LEFT JOIN event_clusters AS c ON c.event_id = e.event_id
"""

# Clusters: the events passing the filters that represent their cluster (an event not yet
# clustered is its own cluster), with every member of those clusters aggregated.
_CLUSTER_SELECT = """
WITH reps AS (
    SELECT e.event_id FROM events AS e
    LEFT JOIN event_clusters AS c ON c.event_id = e.event_id
    WHERE COALESCE(c.cluster_id, e.event_id) = e.event_id {where}
),
members AS (
    SELECT COALESCE(c.cluster_id, m.event_id) AS cluster_id, m.event_id, m.doc_id,
           m.sentence_id, m.text, m.content_hash, m.published, m.date,
           COALESCE(c.reason, 'first mention') AS reason
    FROM events AS m
    LEFT JOIN event_clusters AS c ON c.event_id = m.event_id
    WHERE COALESCE(c.cluster_id, m.event_id) IN (SELECT event_id FROM reps)
),
agg AS (
    SELECT cluster_id, count(*) AS n_mentions, count(DISTINCT content_hash) AS n_sources,
           min(published) AS first_reported,
           list({{'event_id': event_id, 'doc_id': doc_id, 'sentence_id': sentence_id,
                  'text': text, 'published': published, 'date': date, 'reason': reason}}
                ORDER BY published NULLS LAST, doc_id, event_id) AS mentions
    FROM members GROUP BY cluster_id
)
SELECT e.event_id, e.doc_id, e.sentence_id, e.text, e.event_type, e.mode, e.contexts,
       e.status, e.quad_class, e.intensity, e.cameo_root, e.goldstein, e.source, e.target,
       e.source_countries, e.target_countries, e.date, e.date_precision, e.date_text,
       e.date_basis, e.published, e.confidence, e.coder_version, e.trigger,
       e.span_start, e.span_end, e.date_start, e.content_hash, e.event_id AS cluster_id,
       agg.n_mentions, agg.n_sources, agg.first_reported, agg.mentions
FROM events AS e
JOIN agg ON agg.cluster_id = e.event_id
LEFT JOIN sentences AS s ON s.sentence_id = e.sentence_id
"""

# Reading order: documents by publication, then sentence order within a document.
_DOCUMENT_ORDER = (
    "e.published NULLS LAST, e.doc_id, e.content_hash, s.idx NULLS LAST, e.span_start, e.event_id"
)
# Chronological: period start, then publication, then sentence order; unresolved dates last.
_CHRONO_ORDER = (
    "e.date_start NULLS LAST, e.published NULLS LAST, e.content_hash, s.idx NULLS LAST, "
    "e.span_start, e.event_id"
)

_FLOAT_COLUMNS = ("intensity", "goldstein", "confidence")


def _code(value: str, what: str) -> str:
    code = value.strip().upper() if isinstance(value, str) else ""
    if not _CODE.match(code):
        raise QueryError(
            f"bad {what} {value!r}: expected an actor code such as 'JPN' "
            "(2 to 8 letters or digits, starting with a letter)"
        )
    return code


def parse_dyad(dyad: str) -> tuple[str, str]:
    """``"JPN-KOR"`` → ``("JPN", "KOR")`` (upper-cased); :class:`QueryError` if malformed."""
    parts = dyad.split("-") if isinstance(dyad, str) else []
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise QueryError(
            f"bad dyad {dyad!r}: expected two actor codes joined by '-', e.g. 'JPN-KOR'"
        )
    return _code(parts[0], "dyad side"), _code(parts[1], "dyad side")


def _period(value: str, what: str) -> tuple[_dt.date, _dt.date]:
    try:
        return parse_period(value)
    except ValueError as exc:
        raise QueryError(f"bad {what} date: {exc}") from None


def _choices(
    value: str | Sequence[str], allowed: tuple[str, ...], what: str, norm: Callable[[str], str]
) -> list[str]:
    values = [value] if isinstance(value, str) else list(value)
    if not values:
        raise QueryError(f"empty {what} filter: give at least one of {', '.join(allowed)}")
    out: list[str] = []
    for v in values:
        n = norm(v) if isinstance(v, str) else ""
        if n not in allowed:
            raise QueryError(f"unknown {what} {v!r}: expected one of {', '.join(allowed)}")
        out.append(n)
    return out


def _count(value: int | None, what: str) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise QueryError(f"bad {what} {value!r}: expected a non-negative integer")


def _object(values: list[Any]) -> pd.Series:
    return pd.Series(values, dtype=object)


def _iso(value: _dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


class Queries(FactQueries):
    """Read queries on one DuckDB connection. Not thread-safe: one per thread (use cursors)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con: duckdb.DuckDBPyConnection | None = con

    def close(self) -> None:
        """Close this connection or cursor (idempotent)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError("the database is closed")
        return self._con

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._connection().execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc

    # -- events -------------------------------------------------------------------------------

    def events(
        self,
        dyad: str | None = None,
        *,
        directed: bool = False,
        since: str | None = None,
        until: str | None = None,
        event_type: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        country: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        mentions: bool = False,
    ) -> pd.DataFrame:
        """Events matching every filter given, in reading order (documents by publication
        date, then sentence order).

        By default one row per **happening** (event cluster, see
        :mod:`dyadwatch.store.clusters`): the cluster's first mention, with the
        :data:`CLUSTER_COLUMNS` added; the filters apply to that first mention. With
        ``mentions=True``, one row per coded mention, as stored.

        - ``dyad="JPN-KOR"``: undirected (default), the event's actor countries
          (``source_countries`` ∪ ``target_countries``) include both JPN and KOR, whichever
          side each is on; with ``directed=True``, JPN is among the source countries and KOR
          among the target countries, or both are parties of a joint action (no target: "Japan
          and South Korea agreed …"), which counts both ways. Codes are case-insensitive.
          (``"USA-USA"`` undirected thus matches every event involving USA; directed, USA on
          both sides.)
        - ``country="JPN"``: JPN is among the source or target countries.
        - ``since``/``until``: ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"``, compared with the
          first day of the event's date period (``date_start``): ``since`` keeps events from the
          first day of its period on, ``until`` up to the last day of its period, inclusive
          (``until="2023"`` keeps all of 2023). Events whose date is unresolved are left out
          as soon as either is given.
        - ``event_type``: one PLOVER type or several (case-insensitive); ``status``: one of
          ``asserted historical future hypothetical negated`` or several.
        - ``limit``/``offset``: paging, applied after ordering.

        Raises :class:`~dyadwatch.errors.QueryError` for a malformed dyad, code, date, type or
        status. Columns: :data:`EVENT_COLUMNS` then :data:`EXTRA_EVENT_COLUMNS` (then
        :data:`CLUSTER_COLUMNS` unless ``mentions=True``).

        >>> store.events("JPN-KOR", since="2019", event_type=["accuse", "protest"])  # doctest: +SKIP
        """
        return self._events(
            dyad, directed, since, until, event_type, status, country, limit, offset,
            _DOCUMENT_ORDER, mentions,
        )  # fmt: skip

    def timeline(
        self,
        a: str,
        b: str,
        *,
        directed: bool = False,
        since: str | None = None,
        until: str | None = None,
        event_type: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        country: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        mentions: bool = False,
    ) -> pd.DataFrame:
        """Events between ``a`` and ``b`` (the dyad ``"a-b"``, same filters as :meth:`events`),
        in chronological order: by the first day of the event's date period, then publication
        date, then sentence order within a document; events with an unresolved date come last.

        >>> store.timeline("JPN", "KOR", since="2018-10")  # doctest: +SKIP
        """
        dyad = f"{_code(a, 'actor code')}-{_code(b, 'actor code')}"
        return self._events(
            dyad, directed, since, until, event_type, status, country, limit, offset,
            _CHRONO_ORDER, mentions,
        )  # fmt: skip

    def _events(
        self,
        dyad: str | None,
        directed: bool,
        since: str | None,
        until: str | None,
        event_type: str | Sequence[str] | None,
        status: str | Sequence[str] | None,
        country: str | None,
        limit: int | None,
        offset: int,
        order: str,
        mentions: bool = True,
    ) -> pd.DataFrame:
        where: list[str] = []
        params: list[Any] = []
        if dyad is not None:
            a, b = parse_dyad(dyad)
            if directed:
                on_target = "list_contains(e.target_countries, ?)"
                if a != b:  # a joint action of both (no target) counts both ways (records.acts_on)
                    on_target = (f"({on_target} OR (len(e.target_countries) = 0"
                                 " AND list_contains(e.source_countries, ?)))")
                where.append(f"list_contains(e.source_countries, ?) AND {on_target}")
                params += [a, b] + ([b] if a != b else [])
            else:
                where.append(
                    "list_contains(list_concat(e.source_countries, e.target_countries), ?) AND "
                    "list_contains(list_concat(e.source_countries, e.target_countries), ?)"
                )
                params += [a, b]
        elif directed:
            raise QueryError("directed=True needs a dyad, e.g. dyad='JPN-KOR'")
        if country is not None:
            where.append("list_contains(list_concat(e.source_countries, e.target_countries), ?)")
            params.append(_code(country, "country"))
        first = _period(since, "since")[0] if since is not None else None
        last = _period(until, "until")[1] if until is not None else None
        if first is not None and last is not None and first > last:
            raise QueryError(f"since ({since}) is after until ({until})")
        if first is not None:
            where.append("e.date_start >= ?")
            params.append(first)
        if last is not None:
            where.append("e.date_start <= ?")
            params.append(last)
        if event_type is not None:
            where.append("list_contains(?, e.event_type)")
            params.append(_choices(event_type, PLOVER_EVENT_TYPES, "event type", str.upper))
        if status is not None:
            where.append("list_contains(?, e.status)")
            params.append(_choices(status, STATUSES, "status", str.lower))
        _count(limit, "limit")
        _count(offset, "offset")
        if mentions:
            sql = _EVENT_SELECT
            if where:
                sql += "WHERE " + " AND ".join(where) + "\n"
        else:
            sql = _CLUSTER_SELECT.format(where="".join(" AND " + w for w in where))
        sql += f"ORDER BY {order}\n"
        if limit is not None:
            sql += "LIMIT ? "
            params.append(limit)
        if offset:
            sql += "OFFSET ?"
            params.append(offset)
        return _events_frame(self._fetch(sql, params), clusters=not mentions)

    # -- documents and counts -----------------------------------------------------------------

    def documents(self, *, with_text: bool = False) -> pd.DataFrame:
        """One row per stored document, in ingestion order. ``published`` is an ISO date string
        (or ``None``), ``ingested_at`` a UTC timestamp. ``with_text=True`` adds the ``text``."""
        columns = DOCUMENT_COLUMNS + (("text",) if with_text else ())
        sql = f"SELECT {', '.join(columns)} FROM documents ORDER BY ingested_at, content_hash"
        rows = self._fetch(sql)
        data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
        data["published"] = [_iso(d) for d in data["published"]]
        frame = pd.DataFrame({c: _object(v) for c, v in data.items()}, columns=list(columns))
        frame["source_line"] = frame["source_line"].astype("Int64")
        frame["n_sentences"] = frame["n_sentences"].astype("int64")
        frame["n_events"] = frame["n_events"].astype("int64")
        frame["ingested_at"] = pd.to_datetime(frame["ingested_at"])
        return frame

    def counts(self) -> dict[str, int]:
        """Rows per data table: documents, sentences, events, actors, quotes, indicators."""
        sql = " UNION ALL ".join(
            f"SELECT '{t}' AS t, count(*) AS n FROM {t}" for t in TABLES  # constant names
        )
        found = {t: int(n) for t, n in self._fetch(sql)}
        return {t: found[t] for t in TABLES}


def _events_frame(rows: list[tuple[Any, ...]], clusters: bool = False) -> pd.DataFrame:
    n = len(EVENT_COLUMNS)
    data: dict[str, list[Any]] = {c: [r[i] for r in rows] for i, c in enumerate(EVENT_COLUMNS)}
    data["source"] = [json.loads(v) for v in data["source"]]
    data["target"] = [json.loads(v) for v in data["target"]]
    data["published"] = [_iso(d) for d in data["published"]]
    data["contexts"] = [list(v) for v in data["contexts"]]
    data["source_countries"] = [list(v) for v in data["source_countries"]]
    data["target_countries"] = [list(v) for v in data["target_countries"]]
    data["char_span"] = [[r[n], r[n + 1]] for r in rows]
    data["date_resolved"] = [d is not None for d in data["date"]]
    data["date_start"] = [r[n + 2] for r in rows]
    data["content_hash"] = [r[n + 3] for r in rows]
    data["cluster_id"] = [r[n + 4] for r in rows]
    columns = list(EVENT_COLUMNS + EXTRA_EVENT_COLUMNS)
    if clusters:
        data["n_mentions"] = [int(r[n + 5]) for r in rows]
        data["n_sources"] = [int(r[n + 6]) for r in rows]
        data["first_reported"] = [_iso(r[n + 7]) for r in rows]
        data["mentions"] = [[_mention(m) for m in r[n + 8]] for r in rows]
        columns += list(CLUSTER_COLUMNS)
    frame = pd.DataFrame({c: _object(data[c]) for c in columns}, columns=columns)
    frame["quad_class"] = frame["quad_class"].astype("int64")
    for c in _FLOAT_COLUMNS:
        frame[c] = frame[c].astype("float64")
    frame["date_resolved"] = frame["date_resolved"].astype(bool)
    if clusters:
        frame["n_mentions"] = frame["n_mentions"].astype("int64")
        frame["n_sources"] = frame["n_sources"].astype("int64")
    return frame


def _mention(m: dict[str, Any]) -> dict[str, Any]:
    return {**m, "published": _iso(m["published"])}
