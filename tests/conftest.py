"""Shared fixtures. The spaCy-backed coder is loaded once per session (slow tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    from dyadwatch.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    path = SHARED / "corpus"
    if not path.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The annotated suites in ../shared/data (tests skip when it is absent)."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not beside the checkout")
    return path
