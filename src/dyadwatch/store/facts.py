"""Read queries for quotes and indicators (mixed into :class:`~dyadwatch.store.Queries`).

Frames carry the public JSON contracts of docs/quotes.md and docs/indicators.md, plus the
``sentence`` each record was found in and the document's ``published`` date.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..errors import QueryError
from .periods import parse_period

QUOTE_COLUMNS: tuple[str, ...] = (
    "quote_id", "doc_id", "sentence_id", "sentence_ids", "quote", "char_span", "direct", "cue",
    "speaker", "speaker_text", "speaker_basis", "date", "date_basis", "flags", "coder_version",
    "published", "sentence",
)  # fmt: skip

INDICATOR_COLUMNS: tuple[str, ...] = (
    "indicator_id", "doc_id", "sentence_id", "text", "char_span", "metric", "value", "unit",
    "qualifier", "period", "period_basis", "countries", "flags", "coder_version", "published",
    "sentence",
)  # fmt: skip

_QUOTE_SELECT = """
SELECT q.quote_id, q.doc_id, q.sentence_id, q.sentence_ids, q.quote, q.span_start, q.span_end,
       q.direct, q.cue, q.speaker_name, q.speaker_country, q.speaker_sector, q.speaker_person,
       q.speaker_role, q.speaker_text, q.speaker_basis, q.date, q.date_basis, q.flags,
       q.coder_version, q.published, s.text
FROM quotes AS q LEFT JOIN sentences AS s ON s.sentence_id = q.sentence_id
"""

_INDICATOR_SELECT = """
SELECT i.indicator_id, i.doc_id, i.sentence_id, i.text, i.span_start, i.span_end, i.metric,
       i.value, i.unit, i.qualifier, i.period, i.period_basis, i.countries, i.flags,
       i.coder_version, i.published, s.text
FROM indicators AS i LEFT JOIN sentences AS s ON s.sentence_id = i.sentence_id
"""


def _iso(value: _dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _paging(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    for value, what in ((limit, "limit"), (offset, "offset")):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise QueryError(f"{what} must be a whole number ≥ 0, got {value!r}")
    sql, params = "", []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    if offset:
        sql += " OFFSET ?"
        params.append(offset)
    return sql, params


def _dates(column: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for value, what, op, i in ((since, "since", ">=", 0), (until, "until", "<=", 1)):
        if value is None:
            continue
        try:
            bound = parse_period(value)[i]
        except ValueError as exc:
            raise QueryError(f"{what}: {exc}") from None
        where.append(f"{column} {op} ?")
        params.append(bound)
    return where, params


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([r[c] for r in rows], dtype=object) for c in columns},
                        columns=list(columns))


class FactQueries:
    """Quotes and indicators; needs ``_fetch`` and ``_code`` from :class:`Queries`."""

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:  # pragma: no cover
        raise NotImplementedError

    def quotes(
        self,
        *,
        speaker: str | None = None,
        country: str | None = None,
        doc_id: str | None = None,
        direct: bool | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Quotes in reading order. ``speaker``: case-insensitive part of the speaker's name,
        person or words as written (``"Lee"``); ``country``: the speaker's ISO3 code;
        ``since``/``until`` on the quote's date. Columns: :data:`QUOTE_COLUMNS`."""
        where: list[str] = []
        params: list[Any] = []
        if speaker is not None:
            where.append("(q.speaker_name ILIKE ? ESCAPE '\\' OR q.speaker_person ILIKE ? ESCAPE '\\' "
                         "OR q.speaker_text ILIKE ? ESCAPE '\\')")
            like = "%" + speaker.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
            params += [like, like, like]
        if country is not None:
            where.append("q.speaker_country = ?")
            params.append(_country(country))
        if doc_id is not None:
            where.append("q.doc_id = ?")
            params.append(doc_id)
        if direct is not None:
            where.append("q.direct = ?")
            params.append(direct)
        dw, dp = _dates("q.date_start", since, until)
        where += dw
        params += dp
        sql = _QUOTE_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY q.published NULLS LAST, q.doc_id, q.span_start, q.quote_id"
        page, pp = _paging(limit, offset)
        rows = []
        for r in self._fetch(sql + page, params + pp):
            speaker_rec = None
            if any(v is not None for v in r[9:14]):
                speaker_rec = dict(zip(("name", "country", "sector", "person", "role"), r[9:14], strict=True))
            rows.append({
                "quote_id": r[0], "doc_id": r[1], "sentence_id": r[2], "sentence_ids": list(r[3]),
                "quote": r[4], "char_span": [r[5], r[6]], "direct": bool(r[7]), "cue": r[8],
                "speaker": speaker_rec, "speaker_text": r[14], "speaker_basis": r[15], "date": r[16],
                "date_basis": r[17], "flags": list(r[18]), "coder_version": r[19],
                "published": _iso(r[20]), "sentence": r[21],
            })
        return _frame(rows, QUOTE_COLUMNS)

    def indicators(
        self,
        *,
        dyad: str | None = None,
        country: str | None = None,
        metric: str | None = None,
        unit: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Indicators in reading order. ``dyad="JPN-KOR"``: the figure concerns both countries;
        ``country``: it concerns this one; ``metric`` (case-insensitive, e.g. ``"bilateral
        trade"``), ``unit`` (``USD``, ``people``…); ``since``/``until`` on the period the
        figure describes. Columns: :data:`INDICATOR_COLUMNS`."""
        where: list[str] = []
        params: list[Any] = []
        if dyad is not None:
            parts = dyad.split("-")
            if len(parts) != 2:
                raise QueryError(f"a dyad is two country codes joined by '-', e.g. JPN-KOR; got {dyad!r}")
            where.append("list_contains(i.countries, ?) AND list_contains(i.countries, ?)")
            params += [_country(parts[0]), _country(parts[1])]
        if country is not None:
            where.append("list_contains(i.countries, ?)")
            params.append(_country(country))
        if metric is not None:
            where.append("lower(i.metric) = lower(?)")
            params.append(metric)
        if unit is not None:
            where.append("lower(i.unit) = lower(?)")
            params.append(unit)
        dw, dp = _dates("i.period_start", since, until)
        where += dw
        params += dp
        sql = _INDICATOR_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY i.published NULLS LAST, i.doc_id, i.span_start, i.indicator_id"
        page, pp = _paging(limit, offset)
        rows = [
            {
                "indicator_id": r[0], "doc_id": r[1], "sentence_id": r[2], "text": r[3],
                "char_span": [r[4], r[5]], "metric": r[6], "value": r[7], "unit": r[8],
                "qualifier": r[9], "period": r[10], "period_basis": r[11], "countries": list(r[12]),
                "flags": list(r[13]), "coder_version": r[14], "published": _iso(r[15]),
                "sentence": r[16],
            }
            for r in self._fetch(sql + page, params + pp)
        ]
        return _frame(rows, INDICATOR_COLUMNS)


def _country(value: str) -> str:
    code = value.strip().upper()
    if not (2 <= len(code) <= 8 and code.isalnum()):
        raise QueryError(f"a country is a code like JPN or KOR, got {value!r}")
    return code
