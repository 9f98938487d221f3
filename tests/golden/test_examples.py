"""Golden tests: our example articles → the events a careful coder must find.

Expectations live in tests/golden/expected_examples.json, and for the Japanese and Korean
articles in expected_ja.json and expected_ko.json (format in tests/golden/README.md).
An expected event is found when one event of its sentence has its type (or an accepted
alternative), its status, every expected country on the right side (a joint event — all parties
as source — also matches an expected source/target pair and vice versa), and a date that equals
the expected one or refines it. Sentences listed under ``no_event`` must give no event at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.ingest import read_paths
from dyadwatch.pipeline import Result
from dyadwatch.records import Article, Event

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
#: English, Japanese and Korean examples; the Japanese and Korean ones are JSON Lines records.
EXPECTED: dict[str, Any] = {
    key: value
    for name in ("expected_examples.json", "expected_ja.json", "expected_ko.json")
    for key, value in json.loads((ROOT / "tests/golden" / name).read_text(encoding="utf-8")).items()
}
#: Share of expected events that must be found, per article and overall.
MIN_RECALL = 0.75


@pytest.fixture(scope="module")
def results(coder) -> dict[str, Result]:  # type: ignore[no-untyped-def]
    from dyadwatch.config import Config

    articles = [a for a in read_paths([ROOT / "examples"], Config()) if isinstance(a, Article)]
    out = {}
    for r in coder.code_articles(articles):
        name = Path(r.article.source_path or "").name
        key = f"{name}#{r.article.doc_id}" if name.endswith(".jsonl") else name
        out[key] = r
    return out


def _countries(actors: tuple[Any, ...]) -> set[str]:
    return {a.country for a in actors if a.country}


def matches(event: Event, exp: dict[str, Any]) -> bool:
    if event.event_type not in [exp["event_type"], *exp.get("alternatives", [])]:
        return False
    if event.status != exp["status"]:
        return False
    src, tgt = _countries(event.source), _countries(event.target)
    want_src, want_tgt = set(exp["source"]), set(exp["target"])
    if want_tgt and tgt:
        if not (want_src <= src and want_tgt <= tgt):
            return False
    elif not (want_src | want_tgt) <= (src | tgt):
        return False
    date = event.date or ""
    return date.startswith(exp["date"])


def sentence_events(result: Result, needle: str) -> list[Event]:
    ids = [s.sentence_id for s in result.sentences if needle in s.text]
    assert ids, f"golden sentence not found: {needle!r}"
    return [e for e in result.events if e.sentence_id in ids]


def _cases() -> Iterator[str]:
    yield from EXPECTED


@pytest.mark.parametrize("key", list(_cases()))
def test_publication_date_read_from_the_document(results: dict[str, Result], key: str) -> None:
    article = results[key].article
    assert article.published is not None and article.published.isoformat() == EXPECTED[key]["published"]


@pytest.mark.parametrize("key", list(_cases()))
def test_expected_events_found(results: dict[str, Result], key: str) -> None:
    result = results[key]
    missed = []
    for exp in EXPECTED[key]["events"]:
        found = sentence_events(result, exp["sentence_contains"])
        if not any(matches(e, exp) for e in found):
            got = [(e.event_type, e.status, sorted(_countries(e.source)), sorted(_countries(e.target)), e.date)
                   for e in found]
            missed.append(f"{exp['event_type']} {exp['source']}->{exp['target']} {exp['date']} "
                          f"{exp['status']} in {exp['sentence_contains']!r}; got {got}")
    total = len(EXPECTED[key]["events"])
    recall = 1 - len(missed) / total
    assert recall >= MIN_RECALL, f"recall {recall:.2f} < {MIN_RECALL}:\n" + "\n".join(missed)


@pytest.mark.parametrize("key", list(_cases()))
def test_no_event_sentences_stay_empty(results: dict[str, Result], key: str) -> None:
    for needle in EXPECTED[key]["no_event"]:
        got = sentence_events(results[key], needle)
        assert not got, f"{needle!r} gave {[(e.event_type, e.trigger) for e in got]}"
