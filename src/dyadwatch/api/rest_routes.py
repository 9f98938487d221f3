"""The endpoints of the REST API (mounted by :func:`dyadwatch.api.rest.create_app`).

Every endpoint is a GET, reads through its own cursor (:class:`~.rest_data.AppData`) and answers
JSON. Parameters are checked by FastAPI (types, ranges) and by the store and the analysis
library (codes, dates, event types), whose :class:`~dyadwatch.errors.QueryError` becomes a 422.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from .. import __version__
from ..errors import QueryError
from ..store import parse_dyad
from ..store.periods import parse_period
from .python import Database
from .rest_data import (
    AppData,
    check_fields,
    event_fields,
    event_summary,
    jsonable,
    page,
    records,
)
from .rest_models import (
    AlertPage,
    DyadPage,
    EventDetailOut,
    EventPage,
    HealthOut,
    IndicatorPage,
    QuotePage,
    SeriesOut,
)
from .rest_params import (
    Baseline,
    By,
    Coarse,
    Country,
    DateField,
    Directed,
    DualTrack,
    DyadMin,
    DyadOpt,
    DyadReq,
    Fields,
    IndexThreshold,
    Limit,
    MaxEvents,
    Mentions,
    Metric,
    MinEvents,
    NonEmpty,
    Offset,
    Since,
    Speaker,
    SpeakerCountry,
    Statuses,
    Track,
    TrackDyad,
    Types,
    Until,
    Window,
    ZThreshold,
)  # fmt: skip

#: Most periods one /api/series answer may hold (per view); beyond, a coarser step is needed.
MAX_PERIODS = 20_000
#: /api/alerts without a dyad looks at this many of the most active dyads.
MAX_ALERT_DYADS = 200


def _data(request: Request) -> AppData:
    return request.app.state.data  # type: ignore[no-any-return]


def _database(request: Request) -> Iterator[Database]:
    with _data(request).database() as db:
        yield db


def reject_unknown(request: Request) -> None:
    """A query parameter the endpoint does not take is an error (a typo must not be ignored)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    allowed: set[str] = set()
    stack = [dependant]
    while stack:
        d = stack.pop()
        allowed.update(p.alias for p in d.query_params)
        stack.extend(d.dependencies)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise QueryError(
            f"unknown parameter(s) {', '.join(map(repr, unknown))}: this endpoint takes "
            f"{', '.join(sorted(allowed)) or 'no parameters'}"
        )


router = APIRouter(prefix="/api", dependencies=[Depends(reject_unknown)])
Db = Annotated[Database, Depends(_database)]


def _get(path: str, model: type[Any], summary: str) -> Any:
    """A GET route documented with ``model`` but answered as built (no re-validation: the
    rows are plain JSON already, and tests check them against the models)."""
    return router.get(path, response_model=None, response_class=JSONResponse, summary=summary,
                      responses={200: {"model": model, "description": "Success"}})


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()] or values


def _dyad(dyad: str) -> tuple[str, str]:
    return parse_dyad(dyad)


def _country(value: str) -> str:
    try:
        return parse_dyad(f"{value}-{value}")[0]
    except QueryError:
        raise QueryError(
            f"bad country {value!r}: expected an actor code such as 'JPN' "
            "(2 to 8 letters or digits, starting with a letter)"
        ) from None


@_get("/health", HealthOut, "Server and database status")
def health(request: Request, db: Db) -> JSONResponse:
    data = _data(request)
    return JSONResponse({
        "status": "ok",
        "version": __version__,
        "database": data.path,
        "read_only": bool(getattr(data.store, "read_only", True)),
        "schema_version": data.schema_version,
        "coder_version": data.config.coder_version,
        "counts": db.counts(),
    })


@_get("/events", EventPage, "Events, filtered and paged")
def events(
    db: Db, dyad: DyadOpt = None, directed: Directed = False, country: Country = None,
    since: Since = None, until: Until = None, event_type: Types = None, status: Statuses = None,
    mentions: Mentions = False, limit: Limit = 100, offset: Offset = 0,
) -> JSONResponse:  # fmt: skip
    """One row per happening (an event cluster: the same event reported by several articles)
    in reading order, with every mention; ``mentions=true`` lists each coded mention."""
    frame = db.events(
        dyad, directed=directed, since=since, until=until, event_type=_split(event_type),
        status=_split(status), country=country, limit=limit + 1, offset=offset, mentions=mentions,
    )  # fmt: skip
    return JSONResponse(page(records(frame, event_fields(frame.columns)), limit, offset))


@_get("/timeline", EventPage, "A dyad's events in date order")
def timeline(
    db: Db, dyad: DyadReq, directed: Directed = False, country: Country = None,
    since: Since = None, until: Until = None, event_type: Types = None, status: Statuses = None,
    mentions: Mentions = False, limit: Limit = 100, offset: Offset = 0,
) -> JSONResponse:  # fmt: skip
    """Events of the dyad by the first day of their own date (history mentioned in a 2025
    article falls in its own year), then publication date; undated events last."""
    a, b = _dyad(dyad)
    frame = db.timeline(
        a, b, directed=directed, since=since, until=until, event_type=_split(event_type),
        status=_split(status), country=country, limit=limit + 1, offset=offset, mentions=mentions,
    )  # fmt: skip
    return JSONResponse(page(records(frame, event_fields(frame.columns)), limit, offset))


@_get("/events/{event_id}", EventDetailOut, "One event, traced to its source")
def event_detail(
    request: Request, db: Db, event_id: str,
    dyad: TrackDyad = None,
) -> JSONResponse:  # fmt: skip
    """The event with its sentence, source article (title, url, published), actors, date and
    date basis, coder version, tracks, and every mention of the same happening."""
    from ..analysis.tracks import track_of_text

    pair = _dyad(dyad) if dyad is not None else None
    found = _data(request).lookup(db)
    row = found["events"].get(event_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
    out = {k: jsonable(row.get(k)) for k in event_fields(row)}
    out["sentence"] = row["text"]
    doc = found["documents"].get(row["content_hash"])
    out["document"] = None if doc is None else {
        k: jsonable(doc.get(k)) for k in ("doc_id", "title", "url", "published", "published_basis",
                                           "source_path", "source_line", "lang", "coder_version")
    }  # fmt: skip
    cluster = found["clusters"].get(row["cluster_id"], {})
    out["cluster"] = {
        "cluster_id": row["cluster_id"], "n_mentions": jsonable(cluster.get("n_mentions", 1)),
        "n_sources": jsonable(cluster.get("n_sources", 1)),
        "first_reported": jsonable(cluster.get("first_reported", row.get("published"))),
    }  # fmt: skip
    mentions = []
    for m in cluster.get("mentions") or []:
        member = found["events"].get(m["event_id"], {})
        mdoc = found["documents"].get(member.get("content_hash"), {})
        mentions.append(jsonable({**m, "date_precision": member.get("date_precision"),
                                  "date_basis": member.get("date_basis"),
                                  "title": mdoc.get("title"), "url": mdoc.get("url")}))  # fmt: skip
    out["mentions"] = mentions
    countries = list(row.get("source_countries") or []) + list(row.get("target_countries") or [])
    tracks = track_of_text(row["text"], row.get("contexts") or (), countries=countries, dyad=pair)
    out["tracks"] = list(tracks)
    return JSONResponse(out)


@_get("/dyads", DyadPage, "Dyads present, with event counts")
def dyads(
    request: Request, db: Db, country: Country = None,
    min_events: DyadMin = 1,
    limit: Limit = 100, offset: Offset = 0,
) -> JSONResponse:  # fmt: skip
    """Every pair of countries that appear together in an event (source or target side),
    most active first: happenings, mentions, happenings per direction, date range."""
    code = _country(country) if country is not None else None
    rows = [
        r for r in _data(request).dyads(db)
        if r["n_events"] >= min_events and (code is None or code in (r["a"], r["b"]))
    ]  # fmt: skip
    return JSONResponse(page(rows[offset : offset + limit + 1], limit, offset))


def _check_span(frame: Any, by: str, date_field: str, since: str | None, until: str | None) -> None:
    """Refuse a series longer than :data:`MAX_PERIODS` periods before computing it."""
    if date_field == "published":
        starts = [_dt.date.fromisoformat(p[:10]) for p in frame["published"] if isinstance(p, str)]
    else:
        starts = [d for d in frame["date_start"] if isinstance(d, _dt.date)]
    try:
        first = parse_period(since)[0] if since is not None else (min(starts) if starts else None)
        last = parse_period(until)[1] if until is not None else (max(starts) if starts else None)
    except ValueError as exc:
        raise QueryError(f"bad date: {exc}") from None
    if first is None or last is None:
        return
    days = (last - first).days
    n = {"day": days + 1, "month": days // 28 + 1, "year": days // 365 + 1}[by]
    if n > MAX_PERIODS:
        raise QueryError(
            f"the series would have about {n} periods (at most {MAX_PERIODS}): narrow since/until "
            f"or use a coarser step (by=month or by=year)"
        )


@_get("/series", SeriesOut, "A dyad's series per day, month or year")
def series(
    request: Request, db: Db, dyad: DyadReq, by: By = "month", track: Track = None,
    directed: Directed = False, date_field: DateField = "event", since: Since = None,
    until: Until = None,
    coarse: Coarse = "exclude", dual_track: DualTrack = False, fields: Fields = None,
    nonempty: NonEmpty = False,
) -> JSONResponse:  # fmt: skip
    """Counts per quad class and type, intensity and Goldstein sums and means, the net
    cooperation index (−1 … 1), directed variants; events by their own date unless
    ``date_field=published``. See docs/analysis.md for the formulas."""
    from ..analysis.series import SERIES_COLUMNS

    a, b = _dyad(dyad)
    if dual_track and track is not None:
        raise QueryError("give either track or dual_track=true, not both")
    columns = check_fields(fields, SERIES_COLUMNS, ("period", "period_start"))
    data = _data(request)
    _check_span(data.dyad_events(db, a, b), by, date_field, since, until)
    out = data.series(db, a, b, by=by, track=track, directed=directed, date_field=date_field,
                      since=since, until=until, coarse=coarse, dual_track=dual_track)  # fmt: skip
    rows = out[out["n_events"] > 0] if nonempty else out
    cols = (["track"] if dual_track else []) + columns
    return JSONResponse({
        "dyad": f"{a}-{b}", "by": by, "track": track, "dual_track": dual_track,
        "directed": directed, "date_field": date_field, "columns": cols,
        "coverage": jsonable(out.attrs.get("coverage", {})), "rows": records(rows, cols),
    })  # fmt: skip


@_get("/alerts", AlertPage, "Shift alerts with their driving events")
def alerts(
    request: Request, db: Db, dyad: DyadOpt = None, by: By = "month", track: Track = None,
    directed: Directed = False, date_field: DateField = "event",
    window: Window = None, baseline: Baseline = None, min_events: MinEvents = None,
    index_threshold: IndexThreshold = None, z_threshold: ZThreshold = None,
    max_events: MaxEvents = None,
    limit: Limit = 100, offset: Offset = 0,
) -> JSONResponse:  # fmt: skip
    """Where a dyad's series turns (method ``two-window``: the net cooperation index of the
    last ``window`` periods against the ``baseline`` before it, and Poisson surges of conflict
    events), each naming the events that drive it. Without ``dyad``: the dyads with at least
    ``min_events`` happenings (the 200 most active), in period order."""
    from ..analysis.alerts import AlertParams

    given = {"window": window, "baseline": baseline, "min_events": min_events,
             "index_threshold": index_threshold, "z_threshold": z_threshold, "max_events": max_events}
    params = {k: v for k, v in given.items() if v is not None}
    AlertParams(**params)  # QueryError early for inconsistent values
    data = _data(request)
    if dyad is not None:
        targets = [_dyad(dyad)]
    else:
        floor = params.get("min_events", AlertParams().min_events)
        active = [r for r in data.dyads(db) if r["n_events"] >= floor][:MAX_ALERT_DYADS]
        targets = [(r["a"], r["b"]) for r in active]
    items: list[dict[str, Any]] = []
    for a, b in targets:
        frame = data.dyad_events(db, a, b)
        found = data.alerts(db, a, b, by=by, track=track, directed=directed,
                            date_field=date_field, params=params)  # fmt: skip
        rows = {r["event_id"]: r for r in frame.to_dict("records")} if found else {}
        for al in found:
            item = jsonable(al.to_dict())
            item["events"] = [event_summary(rows[e]) for e in al.event_ids if e in rows]
            items.append(item)
    items.sort(key=lambda i: (i["period"], i["a"], i["b"], i["metric"]))
    return JSONResponse(page(items[offset : offset + limit + 1], limit, offset))


@_get("/quotes", QuotePage, "Who said what")
def quotes(
    db: Db,
    speaker: Speaker = None, country: SpeakerCountry = None,
    doc_id: Annotated[str | None, Query(max_length=500)] = None,
    direct: Annotated[bool | None, Query(description="Direct (quoted) or indirect speech.")] = None,
    since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0,
) -> JSONResponse:  # fmt: skip
    """Quotes in reading order, with the speaker resolved to a person and country, and the
    sentence each was found in (docs/quotes.md)."""
    countries = _split(country) or [None]
    merged: dict[str, dict[str, Any]] = {}
    for code in countries:
        frame = db.quotes(speaker=speaker, country=code, doc_id=doc_id, direct=direct,
                          since=since, until=until, limit=offset + limit + 1)  # fmt: skip
        for r in records(frame):
            merged.setdefault(r["quote_id"], r)
    rows = list(merged.values())
    if len(countries) > 1:
        rows.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["doc_id"],
                                 r["char_span"][0] or 0, r["quote_id"]))  # fmt: skip
    return JSONResponse(page(rows[offset : offset + limit + 1], limit, offset))


@_get("/indicators", IndicatorPage, "Figures the articles report")
def indicators(
    db: Db, dyad: DyadOpt = None, country: Country = None,
    metric: Metric = None,
    unit: Annotated[str | None, Query(description="USD, people, percent…", max_length=40)] = None,
    since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0,
) -> JSONResponse:  # fmt: skip
    """Amounts, counts and rates with their period, unit and the sentence (docs/indicators.md);
    ``dyad``: figures that concern both countries."""
    if dyad is not None:
        a, b = _dyad(dyad)
        dyad = f"{a}-{b}"
    frame = db.indicators(dyad=dyad, country=country, metric=metric, unit=unit, since=since,
                          until=until, limit=limit + 1, offset=offset)  # fmt: skip
    return JSONResponse(page(records(frame), limit, offset))
