"""Hand-built events frames for the analysis tests: the columns ``Database.events()`` gives."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dyadwatch.coding.ontology import QUAD_CLASS
from dyadwatch.coding.ontology import intensity as plover_score


def ev(
    event_id: str,
    event_type: str,
    source: list[str],
    target: list[str],
    date: str | None,
    *,
    precision: str | None = None,
    status: str = "asserted",
    intensity: float | None = None,
    goldstein: float = 0.0,
    text: str = "",
    contexts: tuple[str, ...] = (),
    published: str | None = "2025-01-15",
    **extra: Any,
) -> dict[str, Any]:
    """One event row. ``precision`` defaults to what the date string says."""
    if precision is None and date is not None:
        precision = {4: "year", 7: "month"}.get(len(date), "day")
    return {
        "event_id": event_id,
        "doc_id": "doc",
        "sentence_id": f"s-{event_id}",
        "text": text,
        "event_type": event_type,
        "mode": None,
        "contexts": list(contexts),
        "status": status,
        "quad_class": QUAD_CLASS[event_type],
        "intensity": plover_score(event_type, None) if intensity is None else intensity,
        "cameo_root": "00",
        "goldstein": goldstein,
        "source": [],
        "target": [],
        "source_countries": list(source),
        "target_countries": list(target),
        "date": date,
        "date_precision": precision,
        "date_text": None,
        "date_basis": "explicit",
        "published": published,
        "confidence": 0.8,
        "coder_version": "test",
        "trigger": "x",
        **extra,
    }


def frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    out = pd.DataFrame(rows)
    for c in ("intensity", "goldstein", "confidence"):
        out[c] = out[c].astype("float64")
    out["quad_class"] = out["quad_class"].astype("int64")
    return out
