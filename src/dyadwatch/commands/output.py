"""How commands print frames: text lines, a rich table, CSV or JSON Lines."""

from __future__ import annotations

import json
import sys

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

def timeline_lines(frame: pd.DataFrame) -> list[str]:
    """One line per event: date, type (and status when not plain), who → whom, sentence."""
    lines = []
    for row in frame.itertuples(index=False):
        date = row.date or "????"
        kind = row.event_type if row.status == "asserted" else f"{row.event_type}({row.status})"
        who = actors_label(row.source)
        whom = actors_label(row.target)
        text = " ".join(str(row.text).split())
        arrow = f"{who} → {whom}" if whom else who
        n = getattr(row, "n_sources", 1)
        sources = f"  [{n} sources]" if isinstance(n, int) and n > 1 else ""
        lines.append(f"{date:<10}  {kind:<22}  {arrow:<28}  {text}{sources}")
    return lines


def actors_label(actors: object) -> str:
    if not isinstance(actors, (list, tuple)) or not actors:
        return ""
    parts = []
    for a in actors:
        label = a.get("country") or "?"
        if a.get("person"):
            label += f":{a['person']}"
        elif a.get("sector"):
            label += f"/{a['sector']}"
        parts.append(label)
    return "+".join(parts)


def _jsonable(value: object) -> object:
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


def print_frame(frame: pd.DataFrame, fmt: str, columns: list[str], json_columns: list[str] | None = None) -> None:
    """Print ``frame``: ``table`` shows ``columns``; ``json`` (JSON Lines) the ``json_columns``
    present (default: the event contract, plus the cluster fields when there); ``csv`` all."""
    from ..store import CLUSTER_COLUMNS, EVENT_COLUMNS

    if fmt == "json":
        wanted = json_columns or [*EVENT_COLUMNS, "char_span", "date_resolved", "cluster_id", *CLUSTER_COLUMNS]
        contract = [c for c in wanted if c in frame.columns]
        for rec in frame[contract].to_dict(orient="records"):
            rec = {k: _jsonable(v) for k, v in rec.items()}
            typer.echo(json.dumps(rec, ensure_ascii=False, default=str))
    elif fmt == "csv":
        flat = frame.copy()
        for col in ("source", "target"):
            if col in flat:
                flat[col] = flat[col].map(actors_label)
        if "speaker" in flat:
            flat["speaker"] = flat["speaker"].map(lambda s: actors_label([s]) if s else "")
        if "mentions" in flat:
            flat["mentions"] = flat["mentions"].map(lambda ms: "|".join(m["sentence_id"] for m in ms))
        for col in ("contexts", "source_countries", "target_countries", "countries", "flags", "sentence_ids"):
            if col in flat:
                flat[col] = flat[col].map(lambda v: "|".join(v) if isinstance(v, (list, tuple)) else v)
        flat.to_csv(sys.stdout, index=False)
    elif fmt == "table":
        table = Table(show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for rec in frame.to_dict(orient="records"):
            cells = []
            for c in columns:
                v = rec.get(c)
                if c in ("source", "target"):
                    cells.append(actors_label(v))
                elif c == "speaker":
                    cells.append(actors_label([v]) if v else "")
                elif isinstance(v, list) and all(isinstance(x, str) for x in v):
                    cells.append("+".join(v))
                elif isinstance(v, float):
                    cells.append("" if v != v else f"{v:.3g}" if abs(v) < 1e6 else f"{v:,.0f}")
                else:
                    cells.append("" if v is None else str(v))
            table.add_row(*cells)
        Console(width=max(Console().width, 140)).print(table)
    else:
        raise typer.BadParameter(f"--format must be table, csv or json, got {fmt!r}")
