"""Fixtures of the coding tests: the knowledge base, loaded once, and readers of the Japanese and
Korean lexicon tables."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from dyadwatch.coding.kb import KnowledgeBase

DATA = Path(__file__).resolve().parents[2] / "src/dyadwatch/data"
#: A names.tsv row commented out until people.tsv has the person it names.
PENDING = "#pending "


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def cjk_rows() -> Callable[[str, str], list[dict[str, str]]]:
    """``read(lang, name)``: the data rows of ``data/<lang>/<name>`` (comment lines skipped)."""

    def read(lang: str, name: str) -> list[dict[str, str]]:
        with (DATA / lang / name).open(encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))

    return read


@pytest.fixture(scope="session")
def cjk_pending() -> Callable[[str], list[list[str]]]:
    """``read(lang)``: the cells of the ``#pending`` rows of ``data/<lang>/names.tsv``."""

    def read(lang: str) -> list[list[str]]:
        with (DATA / lang / "names.tsv").open(encoding="utf-8") as fh:
            return [ln[len(PENDING):].rstrip("\n").split("\t") for ln in fh if ln.startswith(PENDING)]

    return read
