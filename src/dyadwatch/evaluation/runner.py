"""Run the coder over a suite's cases and turn its events into predictions."""

from __future__ import annotations

from collections.abc import Sequence

from ..ingest import content_hash
from ..pipeline import Coder
from ..records import Article, Event
from .types import Case, PredictedEvent, Prediction


def _countries(actors: Sequence[object]) -> frozenset[str]:
    return frozenset(a.country for a in actors if getattr(a, "country", None))  # type: ignore[attr-defined]


def predicted(event: Event) -> PredictedEvent:
    return PredictedEvent(
        event_type=event.event_type,
        source=_countries(event.source),
        target=_countries(event.target),
        quad_class=event.quad_class,
        cameo_root=event.cameo_root,
        mode=event.mode,
        confidence=event.confidence,
    )


def predict(coder: Coder, cases: Sequence[Case]) -> dict[str, Prediction]:
    """Code every case as its own document (dated by the suite where it gives a date)."""
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
