"""Helpers shared by the ingest tests: ``from tests.ingest.ingest_helpers import read_all``.

Every fixture file the tests use is written into ``tmp_path`` by the tests themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dyadwatch.config import Config
from dyadwatch.errors import IngestError
from dyadwatch.ingest import read_paths
from dyadwatch.records import Article


def read_all(
    paths: Iterable[str | Path], config: Config | None = None
) -> tuple[list[Article], list[IngestError]]:
    """All articles and all errors that ``read_paths`` yields, in order."""
    articles: list[Article] = []
    errors: list[IngestError] = []
    for result in read_paths(paths, config or Config()):
        if isinstance(result, Article):
            articles.append(result)
        else:
            assert isinstance(result, IngestError)
            errors.append(result)
    return articles, errors


def write(path: Path, content: str | bytes) -> Path:
    """Write ``content`` (text as UTF-8) to ``path`` and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path
