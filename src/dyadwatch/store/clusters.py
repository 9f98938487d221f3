"""One event per happening: mentions of the same happening, across documents, form a cluster.

Deterministic and explained. Events are first put in **blocks**: same PLOVER type and the same
set of actor countries (source ∪ target, unordered), so nothing outside a block is ever compared
(no all-pairs comparison: a block's events are sorted, and each is compared only with the
clusters indexed under its own day, month or year). Inside a block, events are taken finest date
first (day, week, month, year, decade), then by date, publication date and event id, so the
result does not depend on the order documents were ingested in. Each event joins an existing
cluster when:

- ``same day``: both are dated to the same day (and their modes do not differ);
- ``adjacent day``: their days are one apart (time zones, reporting lag) and their sentences
  share wording (similarity ≥ :attr:`ClusterParams.adjacent_day_similarity`);
- ``within period``: the event is dated more coarsely (a month, a year) and its period
  contains the cluster's date, its wording is similar (≥ :attr:`ClusterParams.coarse_similarity`,
  at least :attr:`ClusterParams.min_shared_words` words in common), and no other cluster of the
  period is about as similar (the best must lead the next by :attr:`ClusterParams.margin`);
  when the cluster is the only one of the period, one shared word and
  :attr:`ClusterParams.sole_similarity` suffice ("only candidate").

Modes must agree: a mention with a mode (a phone call, a visit) joins a cluster with no
mode only on the same day; by wording (adjacent day, within period) only a cluster that has its
mode, and only one holding a mention of the same status (a plan with plans, a fact with facts)
and the same setting: a mention whose sentence puts it on the phone or online ("agreed earlier
this month during a telephone call") joins only a cluster that does too, and the other way
round. An event dated only by its article's publication date counts as dated to the week before
publication. Otherwise it starts a new cluster. Undated and negated events are never merged.
Similarity is the overlap coefficient of the two sentences' content words (|A ∩ B| / min(|A|,
|B|)), taken against at most :attr:`ClusterParams.max_compared` mentions of a cluster. The
cluster id is the event id of its first member, and every member keeps the reason it was merged
for.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
import datetime as _dt

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}

# Lower-case words and numbers: capitalised words (names of people, places, offices) are
# shared by every mention of the same two actors and say nothing about the happening.
_WORD = re.compile(r"(?<![\w'’-])(?:[a-z][a-z'’-]+|\d{2,4})(?![\w'’-])")
_STOP = frozenset(
    """the a an and or of to in on at for with by from as is was were be been has have had that
    this these those it its their his her they he she we our which who whom said says would will
    also after before since than then there about into over under between while when where what
    not but more most other such only two both one new year years month day""".split()
)
#: Words that set a happening at a distance: a mention on the phone is another happening than a
#: meeting in person, whatever else the two sentences share.
_REMOTE = frozenset({"telephone", "phone", "videoconference", "virtual"})


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """The thresholds of :func:`cluster_events` (documented in docs/events.md)."""

    adjacent_day_similarity: float = 0.3
    coarse_similarity: float = 0.25
    min_shared_words: int = 2
    #: A coarse mention that is the only candidate of its period needs only this much.
    sole_similarity: float = 0.1
    margin: float = 0.1
    max_compared: int = 20


@dataclass(frozen=True, slots=True)
class ClusterItem:
    """What clustering needs of one stored event."""

    event_id: str
    event_type: str
    mode: str | None
    countries: tuple[str, ...]
    date_start: _dt.date | None
    precision: str | None
    status: str
    text: str
    published: _dt.date | None = None
    date_basis: str | None = None

    @property
    def period(self) -> tuple[_dt.date, str] | None:
        """The date used for clustering: a date that is only the publication date (the event
        has no date of its own) counts as the week before publication, never as a day."""
        if self.date_start is None or self.precision not in PRECISION_RANK:
            return None
        if self.date_basis == "publication" and self.precision == "day":
            return self.date_start - _dt.timedelta(days=6), "week"
        return self.date_start, self.precision

    @property
    def block(self) -> str:
        return block_key(self.event_type, self.countries)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Which cluster an event belongs to, and why."""

    event_id: str
    cluster_id: str
    block: str
    reason: str
    similarity: float | None


@dataclass
class _Cluster:
    cluster_id: str
    day: _dt.date | None
    modes: set[str] = field(default_factory=set)
    statuses: set[str] = field(default_factory=set)
    words: list[frozenset[str]] = field(default_factory=list)
    remote: bool = False

    def add(self, item: ClusterItem, words: frozenset[str], params: ClusterParams) -> None:
        self.remote = self.remote or bool(words & _REMOTE)
        self.statuses.add(item.status)
        if item.mode is not None:
            self.modes.add(item.mode)
        if len(self.words) < params.max_compared:
            self.words.append(words)


def block_key(event_type: str, countries: Iterable[str]) -> str:
    """The block of an event: its type and its sorted set of actor countries."""
    return f"{event_type}|{'+'.join(sorted(set(countries)))}"


def content_words(text: str) -> frozenset[str]:
    """The lower-case content words and numbers of a sentence (capitalised words left out)."""
    return frozenset(w for w in _WORD.findall(text) if w not in _STOP)


def similarity(a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
    """Overlap coefficient of two word sets and the number of shared words."""
    if not a or not b:
        return 0.0, 0
    shared = len(a & b)
    return shared / min(len(a), len(b)), shared


def _end(start: _dt.date, precision: str) -> _dt.date:
    if precision == "day":
        return start
    if precision == "week":
        return start + _dt.timedelta(days=6)
    if precision == "month":
        nxt = _dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - _dt.timedelta(days=1)
    years = 10 if precision == "decade" else 1
    return _dt.date(start.year + years - 1, 12, 31)


def _order(item: ClusterItem) -> tuple[object, ...]:
    start, precision = item.period or (_dt.date.max, "")
    return (PRECISION_RANK.get(precision, 9), start, item.published or _dt.date.max, item.event_id)


def cluster_block(items: Sequence[ClusterItem], params: ClusterParams = ClusterParams()) -> list[Assignment]:
    """Cluster the events of one block (see the module docstring)."""
    index = _DayIndex()
    out: list[Assignment] = []
    for item in sorted(items, key=_order):
        words = content_words(item.text)
        period = item.period
        if period is None or item.status == "negated":
            reason = "undated" if period is None else "never merged: " + item.status
            out.append(Assignment(item.event_id, item.event_id, item.block, reason, None))
            continue
        found = _match(period, item, words, index, params)
        if found is None:
            start, precision = period
            cluster = _Cluster(item.event_id, start if precision == "day" else None)
            # a coarse first member is indexed at its period start, so coarser ones find it
            index.add(start, cluster)
            cluster.add(item, words, params)
            out.append(Assignment(item.event_id, item.event_id, item.block, "first mention", None))
            continue
        cluster, reason, sim = found
        cluster.add(item, words, params)
        out.append(Assignment(item.event_id, cluster.cluster_id, item.block, reason, round(sim, 3)))
    return out


def _best(cands: Iterable[_Cluster], words: frozenset[str]) -> list[tuple[float, int, _Cluster]]:
    scored = []
    for c in cands:
        sim, shared = max((similarity(words, w) for w in c.words), default=(0.0, 0))
        scored.append((sim, shared, c))
    scored.sort(key=lambda t: (-t[0], t[2].cluster_id))
    return scored


def _compatible(mode: str | None, cluster: _Cluster, strict: bool = False) -> bool:
    """Modes agree: the mention has none, or the cluster has this one (a phone call and a
    visit are different happenings); on the same day, also a cluster with no mode at all."""
    return mode is None or mode in cluster.modes or (not strict and not cluster.modes)


class _DayIndex:
    """Clusters by day, with the days kept sorted for range lookups."""

    def __init__(self) -> None:
        self._by_day: dict[_dt.date, list[_Cluster]] = {}
        self._days: list[_dt.date] = []

    def add(self, day: _dt.date, cluster: _Cluster) -> None:
        if day not in self._by_day:
            self._by_day[day] = []
            bisect.insort(self._days, day)
        self._by_day[day].append(cluster)

    def on(self, day: _dt.date) -> list[_Cluster]:
        return self._by_day.get(day, [])

    def between(self, first: _dt.date, last: _dt.date) -> list[_Cluster]:
        lo = bisect.bisect_left(self._days, first)
        hi = bisect.bisect_right(self._days, last)
        return [c for d in self._days[lo:hi] for c in self._by_day[d]]


def _match(period: tuple[_dt.date, str], item: ClusterItem, words: frozenset[str],
           index: _DayIndex, params: ClusterParams) -> tuple[_Cluster, str, float] | None:
    start, precision = period
    mode = item.mode
    remote = bool(words & _REMOTE)
    if precision == "day":
        same = [c for c in index.on(start) if c.day == start and _compatible(mode, c)]
        if same:
            sim, _, best = _best(same, words)[0]
            return best, "same day", sim
        one = _dt.timedelta(days=1)
        near = [c for d in (start - one, start + one) for c in index.on(d)
                if c.day is not None and _compatible(mode, c, True) and item.status in c.statuses
                and c.remote == remote]
        scored = _best(near, words)
        if scored and scored[0][0] >= params.adjacent_day_similarity:
            return scored[0][2], "adjacent day, similar wording", scored[0][0]
        return None
    end = _end(start, precision)
    # by wording, a plan merges with plans and a fact with facts (same day: whatever status)
    cands = [c for c in index.between(start, end)
             if _compatible(mode, c, True) and item.status in c.statuses and c.remote == remote]
    scored = _best(cands, words)
    if not scored:
        return None
    sim, shared, best = scored[0]
    if len(scored) == 1 and shared >= 1 and sim >= params.sole_similarity:
        return best, f"within period ({precision}), only candidate", sim
    if sim < params.coarse_similarity or shared < params.min_shared_words:
        return None
    if len(scored) > 1 and sim - scored[1][0] < params.margin:
        return None  # two happenings in the period fit about as well: do not guess
    return best, f"within period ({precision}), similar wording", sim


def cluster_events(items: Iterable[ClusterItem], params: ClusterParams = ClusterParams()) -> list[Assignment]:
    """Cluster events block by block; the result does not depend on the input order."""
    blocks: dict[str, list[ClusterItem]] = defaultdict(list)
    for item in items:
        blocks[item.block].append(item)
    out: list[Assignment] = []
    for key in sorted(blocks):
        out.extend(cluster_block(blocks[key], params))
    return out
