"""The knowledge base, loaded once for the coding tests."""

from __future__ import annotations

import pytest

from dyadwatch.coding.kb import KnowledgeBase


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()
