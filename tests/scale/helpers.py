"""Small inputs and comparisons shared by the scale tests."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dyadwatch.errors import IngestError
from dyadwatch.pipeline import Result

ROOT = Path(__file__).resolve().parents[2]


def _english_examples() -> Path:
    """A folder with the English example files (six documents): the scale mechanics do not
    depend on the language, and one model per worker keeps these tests quick."""
    folder = Path(tempfile.mkdtemp(prefix="dyadwatch-examples-"))
    atexit.register(shutil.rmtree, folder, True)
    for path in (ROOT / "examples").iterdir():
        if path.name not in ("README.md", "jpn_kor_ja.jsonl", "jpn_kor_ko.jsonl"):
            shutil.copy(path, folder / path.name)
    return folder


EXAMPLES = _english_examples()

#: Short news-like records of our own (one event or none each).
SHORT = (
    "Japan and South Korea signed a fisheries agreement in Seoul on Friday.",
    "India accused Pakistan of violating the ceasefire on Sunday.",
    "China imposed tariffs on American soybeans on 4 April 2025.",
    "Russia and Ukraine exchanged prisoners in Istanbul on 16 May 2025.",
    "The weather in Tokyo was mild for the season.",
    "France pledged aid to Egypt after the floods on Tuesday.",
    "Germany summoned the Turkish ambassador to protest against the remarks.",
    "Brazil and Vietnam held talks on rice exports in Hanoi last week.",
)


def write_records(path: Path, n: int, *, start: int = 0) -> Path:
    """A JSON Lines file of ``n`` distinct short records."""
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(start, start + n):
            text = f"{SHORT[i % len(SHORT)]} Report number {i} was filed."
            handle.write(json.dumps({"id": f"r{i}", "text": text, "published": "2025-06-01"}) + "\n")
    return path


def events_by_doc(items: Iterable[Result | IngestError]) -> dict[str, list[dict[str, Any]]]:
    """Every coded event, as its public dict, per document (order-free comparison)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        assert isinstance(item, Result), item
        assert item.article.doc_id not in out, f"{item.article.doc_id} delivered twice"
        out[item.article.doc_id] = sorted((e.to_dict() for e in item.events), key=lambda e: e["event_id"])
    return out
