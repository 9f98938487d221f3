"""The benchmark corpus generator: deterministic, the sentences asked for, no repeats."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from types import ModuleType

from .helpers import ROOT


def _corpus_gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_gen", ROOT / "benchmarks" / "corpus_gen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_corpus_is_deterministic_and_distinct(tmp_path: Path) -> None:
    gen = _corpus_gen()
    first = gen.write(tmp_path / "a.jsonl.gz", gen.generate(2_000, seed=3))
    again = gen.write(tmp_path / "b.jsonl.gz", gen.generate(2_000, seed=3))
    assert first == again and (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()
    records = [json.loads(line) for line in gzip.decompress((tmp_path / "a.jsonl.gz").read_bytes()).splitlines()]
    assert len(records) == first and len({r["text"] for r in records}) == first
    assert all(set(r) == {"id", "title", "published", "text"} for r in records)
    other = [r["text"] for r in gen.generate(2_000, seed=4)]
    assert other != [r["text"] for r in records]
    short = list(gen.generate(1_000, seed=3, min_per_doc=2, max_per_doc=2))
    assert len(short) == 500  # two sentences a document
