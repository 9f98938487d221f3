"""The DuckDB store of dyadwatch: schema and migrations, the writer, and the read queries.

>>> from dyadwatch.store import Store
>>> with Store(":memory:") as store:
...     store.counts()["events"]
0
"""

from .clusters import ClusterParams
from .facts import INDICATOR_COLUMNS, QUOTE_COLUMNS
from .migrations import MIGRATIONS, SCHEMA_VERSION, TABLES, migrate
from .queries import (
    CLUSTER_COLUMNS,
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    EXTRA_EVENT_COLUMNS,
    PLOVER_EVENT_TYPES,
    STATUSES,
    Queries,
    parse_dyad,
)
from .writer import Store

__all__ = [
    "CLUSTER_COLUMNS",
    "INDICATOR_COLUMNS",
    "QUOTE_COLUMNS",
    "ClusterParams",
    "DOCUMENT_COLUMNS",
    "EVENT_COLUMNS",
    "EXTRA_EVENT_COLUMNS",
    "MIGRATIONS",
    "PLOVER_EVENT_TYPES",
    "SCHEMA_VERSION",
    "STATUSES",
    "TABLES",
    "Queries",
    "Store",
    "migrate",
    "parse_dyad",
]
