"""The two source articles coded once per session (read from ../shared/corpus, never copied)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from dyadwatch.config import Config
from dyadwatch.ingest import read_paths
from dyadwatch.pipeline import Result
from dyadwatch.records import Article

ARTICLE_1 = "000_3ace1f45b5fdacfe.txt"
ARTICLE_2 = "002_fdae8c812c998ea1.txt"


@pytest.fixture(scope="session")
def corpus(coder, corpus_dir: Path) -> dict[str, Result]:  # type: ignore[no-untyped-def]
    out: dict[str, Result] = {}
    dated = Config(pub_date=_dt.date(2025, 6, 18))
    for name, config in ((ARTICLE_1, dated), (ARTICLE_2, Config())):
        articles = [a for a in read_paths([corpus_dir / name], config) if isinstance(a, Article)]
        out[name] = next(coder.code_articles(articles))
    return out


