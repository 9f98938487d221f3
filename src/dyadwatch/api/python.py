"""The Python query API: :class:`Database`, what ``dyadwatch.open()`` returns.

>>> import dyadwatch
>>> with dyadwatch.open("dyadwatch.duckdb", read_only=True) as db:   # doctest: +SKIP
...     db.counts()                                   # {'documents': 120, 'events': 873, ...}
...     df = db.events("JPN-KOR", since="2019", until="2019-12")
...     db.timeline("USA", "CHN", directed=True, event_type=["SANCTION", "THREATEN"])
...     db.documents()
>>> with dyadwatch.open("news.duckdb") as db:                        # doctest: +SKIP
...     summary = db.ingest(["wire/"], workers=4)      # IngestSummary(stored=…, events=…, …)

Every query returns a pandas DataFrame; missing values are ``None``. The events frame has the
public event contract columns (:data:`dyadwatch.store.EVENT_COLUMNS`) first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import DyadwatchError, StoreError
from ..store import Queries, Store

if TYPE_CHECKING:
    from ..config import Config
    from ..scale.ingest import IngestSummary


class Database:
    """Read access to a dyadwatch database.

    ``Database(path)`` opens (creating and migrating if needed) the DuckDB file at ``path``;
    ``read_only=True`` opens an existing one without writing, so that several processes can
    read it at once (DuckDB allows that only while no process has it open read-write). Within a
    process that already has a :class:`~dyadwatch.store.Store` open on the file, use
    :meth:`from_store` instead of opening it a second time.

    >>> db = Database(":memory:")
    >>> db.counts()["documents"]
    0
    >>> db.events("JPN-KOR").empty
    True
    >>> db.close()
    """

    def __init__(self, path: str | Path = "dyadwatch.duckdb", *, read_only: bool = False) -> None:
        self._queries: Queries = Store(path, read_only=read_only)
        self.path = str(path)

    @classmethod
    def from_store(cls, store: Store) -> Database:
        """A Database reading through a cursor of an open store (e.g. just after ingesting).

        Closing it leaves the store open; closing the store ends it.
        """
        db = cls.__new__(cls)
        db._queries = store.reader()
        db.path = store.path
        return db

    def ingest(
        self,
        paths: Sequence[str | Path],
        config: Config | None = None,
        *,
        workers: int = 1,
        scheduler: str | None = None,
        on_error: Callable[[DyadwatchError], None] | None = None,
    ) -> IngestSummary:
        """Read, code and store the articles under ``paths``, as the ``ingest`` command does
        (:func:`dyadwatch.scale.ingest_into`): documents already stored are skipped, bad inputs
        go to ``on_error`` (and into the summary's ``errors``) while the rest go through.

        Raises :class:`~dyadwatch.errors.StoreError` on a database opened read-only or through
        :meth:`from_store` (ingest through that store instead)."""
        from ..config import Config
        from ..scale.ingest import ingest_into

        store = self._queries
        if not isinstance(store, Store) or store.read_only:
            raise StoreError(f"database {self.path} is open for reading only: cannot ingest")
        return ingest_into(store, [str(p) for p in paths], config or Config(), workers=workers,
                           scheduler=scheduler, on_error=on_error)  # fmt: skip

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
        """Events matching every filter given, in reading order.

        ``dyad="JPN-KOR"`` matches an event whose actor countries (source ∪ target) include
        both JPN and KOR; with ``directed=True`` JPN must be a source country and KOR a target
        country, or both parties of a joint action (no target), which counts both ways.
        ``since``/``until`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) bound the first day of the
        event's date period, ``until`` inclusive of its whole period; events with an
        unresolved date are left out when either is given. ``event_type`` takes PLOVER types,
        ``status`` event statuses, ``country`` a code on either side. A malformed value raises
        :class:`~dyadwatch.errors.QueryError`. See :meth:`dyadwatch.store.Queries.events`.

        One row per happening (event cluster) with ``n_mentions``, ``n_sources``,
        ``first_reported`` and ``mentions``; ``mentions=True`` gives one row per coded mention.

        >>> db.events("JPN-KOR", directed=True, event_type="accuse")  # doctest: +SKIP
        """
        return self._queries.events(
            dyad, directed=directed, since=since, until=until, event_type=event_type,
            status=status, country=country, limit=limit, offset=offset, mentions=mentions,
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
        """Events of the dyad ``a-b`` (filters as :meth:`events`), chronologically: by the first
        day of the event's date period, then publication date, then sentence order; events
        with an unresolved date last.

        >>> db.timeline("JPN", "KOR", since="2019-07")  # doctest: +SKIP
        """
        return self._queries.timeline(
            a, b, directed=directed, since=since, until=until, event_type=event_type,
            status=status, country=country, limit=limit, offset=offset, mentions=mentions,
        )  # fmt: skip

    def quotes(
        self,
        *,
        speaker: str | None = None,
        country: str | None = None,
        doc_id: str | None = None,
        direct: bool | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Who said what (docs/quotes.md): ``speaker="Lee"`` matches part of the speaker's
        name, ``country`` the speaker's country. See :meth:`dyadwatch.store.Queries.quotes`."""
        return self._queries.quotes(
            speaker=speaker, country=country, doc_id=doc_id, direct=direct, since=since,
            until=until, limit=limit, offset=offset,
        )  # fmt: skip

    def indicators(
        self,
        *,
        dyad: str | None = None,
        country: str | None = None,
        metric: str | None = None,
        unit: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Figures the articles report (docs/indicators.md), with their sentences:
        ``db.indicators(dyad="JPN-KOR", metric="bilateral trade")``."""
        return self._queries.indicators(
            dyad=dyad, country=country, metric=metric, unit=unit, since=since, until=until,
            limit=limit, offset=offset,
        )  # fmt: skip

    def documents(self, *, with_text: bool = False) -> pd.DataFrame:
        """One row per stored document (``with_text=True`` adds the full text)."""
        return self._queries.documents(with_text=with_text)

    def counts(self) -> dict[str, int]:
        """Rows per data table: documents, sentences, events, actors, quotes, indicators,
        event_clusters."""
        return self._queries.counts()

    def close(self) -> None:
        """Close the database (idempotent)."""
        self._queries.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({self.path!r})"
