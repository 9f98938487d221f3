"""Run the coder over a suite's cases and turn its events into predictions.

Two variants of the coder can be scored side by side: ``"rules"`` (the rule coder alone) and
``"rules+classifier"`` (``Config.classifier``: the learned sentence classifier's pass, see
``coding/assist.py``). A coder with the classifier refuses to score a case whose sentence is in
the classifier's training data (:class:`~dyadwatch.errors.LeakageError`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..config import Config
from ..errors import ConfigError
from ..ingest import content_hash
from ..pipeline import Coder
from ..records import Article, Event
from .leakage import assert_hashes_clear
from .scoring import SuiteReport, score_suite
from .suites import load_suite
from .types import Case, PredictedEvent, Prediction

VARIANTS: tuple[str, ...] = ("rules", "rules+classifier")


def _countries(actors: Sequence[object]) -> frozenset[str]:
    return frozenset(a.country for a in actors if getattr(a, "country", None))  # type: ignore[attr-defined]


def predicted(event: Event) -> PredictedEvent:
    """The scored form of an event. A joint action ("Canada and Costa Rica agreed …": several
    source countries, no target) is each party acting on the others, as the suites code it
    (source one party, target the other; :func:`dyadwatch.records.acts_on`): its target side is
    its parties."""
    source = _countries(event.source)
    target = _countries(event.target)
    if not target and len(source) >= 2:
        target = source
    return PredictedEvent(
        event_type=event.event_type,
        source=source,
        target=target,
        quad_class=event.quad_class,
        cameo_root=event.cameo_root,
        mode=event.mode,
        confidence=event.confidence,
        date=event.date,
    )


def predict(coder: Coder, cases: Sequence[Case]) -> dict[str, Prediction]:
    """Code every case as its own document (dated by the suite where it gives a date).

    Raises :class:`~dyadwatch.errors.LeakageError` when the coder uses the sentence classifier
    and a case's text is among its training sentences."""
    classifier = getattr(getattr(coder, "assist", None), "classifier", None)
    if classifier is not None:
        assert_hashes_clear(classifier.train_hashes, [c.text for c in cases], "sentence classifier")
    articles = [
        Article(
            doc_id=case.case_id,
            text=case.text,
            content_hash=content_hash(case.text),
            published=case.date,
            published_basis="metadata" if case.date else None,
        )
        for case in cases
    ]
    out: dict[str, Prediction] = {}
    for result in coder.code_articles(articles):
        events = tuple(predicted(e) for e in result.events if e.status != "negated")
        out[result.article.doc_id] = Prediction(result.article.doc_id, events)
    return out


def coder_for(variant: str, config: Config | None = None) -> Coder:
    """A coder for one variant (``config``'s other settings kept)."""
    if variant not in VARIANTS:
        raise ConfigError(f"unknown coder variant {variant!r}; known: {', '.join(VARIANTS)}")
    return Coder((config or Config()).with_(classifier=variant == "rules+classifier"))


def evaluate(
    names: Iterable[str],
    data_dir: Path,
    *,
    limit: int | None = None,
    variants: Sequence[str] = ("rules",),
    config: Config | None = None,
) -> list[SuiteReport]:
    """Score each variant on each suite; the reports come variant by variant, suites in order."""
    reports = []
    for variant in variants:
        coder = coder_for(variant, config)
        for name in names:
            suite = load_suite(name, data_dir, limit=limit)
            report = score_suite(suite, predict(coder, suite.cases))
            reports.append(dataclasses.replace(report, variant=variant))
    return reports
