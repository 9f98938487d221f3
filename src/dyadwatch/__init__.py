"""dyadwatch: who did what to whom, and when — coded from the news.

Python API::

    import dyadwatch
    db = dyadwatch.open("dyadwatch.duckdb")
    db.events(dyad="JPN-KOR")        # a pandas DataFrame
"""

from __future__ import annotations

__version__ = "0.5.1"

from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from .api.python import Database


def open(path: str = "dyadwatch.duckdb", *, read_only: bool = False) -> "Database":  # noqa: A001
    """Open (creating if needed) a dyadwatch database and return its query API."""
    from .api.python import Database

    return Database(path, read_only=read_only)


__all__ = ["__version__", "open"]
