"""Tracks of a relationship: history, security, economy, people, multilateral, domestic.

Each event is put on every track one of whose rules matches (several tracks, or none). The rules
live in the data file ``dyadwatch/data/tracks.tsv`` (``track <TAB> kind <TAB> term``, read once
and cached), of five kinds: a PLOVER ``context`` of the event; a ``phrase`` (case-insensitive,
whole words, hyphen or space between words, plural -s/-es on the last word) or a ``prefix``
(case-insensitive start of a word) or an ``exact`` phrase (case-sensitive) in the event's
sentence; a third-country ``actor`` among the event's countries and a ``mention`` of a third
country in the sentence (``CODE:words``). The last two need the dyad: a country that is one of
the dyad's two sides is never a third party. Words are runs of letters and digits; whatever
stands between them (space, hyphen, apostrophe, full stop) is ignored, so "intelligence-sharing"
matches the phrase "intelligence sharing" and "U.S." the term "U S". See docs/analysis.md.

>>> track_of_text("Seoul demanded a fresh apology for wartime forced labour.", ())
('history',)
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import KnowledgeFileError, QueryError

#: Every track, in the order of every output.
TRACKS: tuple[str, ...] = ("history", "security", "economy", "people", "multilateral", "domestic")
KINDS: tuple[str, ...] = ("context", "phrase", "prefix", "exact", "actor", "mention")

_WORD = re.compile(r"\w+")  # words of a sentence or a term: letters and digits

#: One entry of a word index: the words after the first, the track, the country of a mention.
_Entry = tuple[tuple[str, ...], str, str | None]


@dataclass(frozen=True, slots=True)
class TrackRule:
    track: str
    kind: str
    term: str
    line: int


@dataclass(frozen=True, slots=True)
class TrackRules:
    """The rules of one tracks file, indexed by first word: a sentence's words are looked up
    as a set, so the cost hardly grows with the number of rules."""

    rules: tuple[TrackRule, ...]
    contexts: dict[str, frozenset[str]]  # context → tracks
    actors: dict[str, frozenset[str]]  # country code or "*" → tracks
    phrases: dict[str, tuple[_Entry, ...]]  # lower-case first word
    exact: dict[str, tuple[_Entry, ...]]  # first word as written (exact and mention rules)
    prefixes: dict[str, frozenset[str]]  # lower-case prefix → tracks
    prefix_starts: tuple[str, ...]  # every prefix, for one str.startswith test a word

    def match(
        self,
        text: str | None,
        contexts: Iterable[str] = (),
        *,
        countries: Iterable[str] = (),
        dyad: tuple[str, str] | None = None,
    ) -> tuple[str, ...]:
        """The tracks (in :data:`TRACKS` order) whose rules match."""
        found: set[str] = set()
        for c in contexts:
            found |= self.contexts.get(c, frozenset())
        if dyad is not None:
            third = set(countries) - set(dyad)
            for code in third:
                found |= self.actors.get(code, frozenset())
            if third:
                found |= self.actors.get("*", frozenset())
        text = text or ""
        words = _WORD.findall(text)
        lower = [w.lower() for w in words]
        lowset = set(lower)
        keys = lowset | {w[:-1] for w in lowset if w.endswith("s")}
        keys |= {w[:-2] for w in lowset if w.endswith("es")}
        for key in keys & self.phrases.keys():
            for rest, track, _ in self.phrases[key]:
                if track not in found and (
                    not rest or (key in lowset and _anywhere(lower, key, rest, plural=True))
                ):
                    found.add(track)
        for key in set(words) & self.exact.keys():
            for rest, track, code in self.exact[key]:
                if track in found or (code is not None and (dyad is None or code in dyad)):
                    continue
                if not rest or _anywhere(words, key, rest, plural=False):
                    found.add(track)
        if self.prefix_starts:
            for w in lowset:
                if w.startswith(self.prefix_starts):
                    found.update(
                        t for p, ts in self.prefixes.items() if w.startswith(p) for t in ts
                    )
        return tuple(t for t in TRACKS if t in found)


def _anywhere(words: list[str], first: str, rest: tuple[str, ...], *, plural: bool) -> bool:
    """Whether ``first`` followed by ``rest`` occurs in ``words`` (with ``plural``, the last
    word may take -s/-es)."""
    n = len(rest)
    for i, w in enumerate(words):
        if w != first or i + n >= len(words):
            continue
        for k, r in enumerate(rest, start=i + 1):
            if words[k] != r and not (plural and k == i + n and words[k] in (r + "s", r + "es")):
                break
        else:
            return True
    return False


def _index(rules: Sequence[TrackRule]) -> TrackRules:
    contexts: dict[str, set[str]] = {}
    actors: dict[str, set[str]] = {}
    phrases: dict[str, list[_Entry]] = {}
    exact: dict[str, list[_Entry]] = {}
    prefixes: dict[str, set[str]] = {}
    for r in rules:
        if r.kind == "context":
            contexts.setdefault(r.term, set()).add(r.track)
        elif r.kind == "actor":
            actors.setdefault(r.term, set()).add(r.track)
        elif r.kind == "prefix":
            prefixes.setdefault(r.term.lower(), set()).add(r.track)
        else:
            code, term = r.term.split(":", 1) if r.kind == "mention" else (None, r.term)
            words = _WORD.findall(term if r.kind != "phrase" else term.lower())
            target = phrases if r.kind == "phrase" else exact
            target.setdefault(words[0], []).append((tuple(words[1:]), r.track, code))
    return TrackRules(
        rules=tuple(rules),
        contexts={k: frozenset(v) for k, v in contexts.items()},
        actors={k: frozenset(v) for k, v in actors.items()},
        phrases={k: tuple(v) for k, v in phrases.items()},
        exact={k: tuple(v) for k, v in exact.items()},
        prefixes={k: frozenset(v) for k, v in prefixes.items()},
        prefix_starts=tuple(sorted(prefixes)),
    )


def parse_rules(text: str, path: str) -> TrackRules:
    """Read a tracks file (``#`` comments, a ``track kind term`` header, tab-separated)."""
    rules: list[TrackRule] = []
    lines = [
        (i, ln)
        for i, ln in enumerate(text.splitlines(), 1)
        if ln.strip() and not ln.startswith("#")
    ]
    header = lines[0][1].split("\t") if lines else []
    if header != ["track", "kind", "term"]:
        raise KnowledgeFileError(
            "expected the header 'track<TAB>kind<TAB>term'", path, lines[0][0] if lines else None
        )
    for number, line in lines[1:]:
        row = next(csv.reader([line], delimiter="\t"))
        if len(row) != 3 or not row[2].strip():
            raise KnowledgeFileError(f"expected 3 tab-separated fields, got {row!r}", path, number)
        track, kind, term = (f.strip() for f in row)
        if track not in TRACKS:
            raise KnowledgeFileError(f"unknown track {track!r}", path, number)
        if kind not in KINDS:
            raise KnowledgeFileError(f"unknown rule kind {kind!r}", path, number)
        if kind == "mention" and not re.match(r"^[A-Z][A-Z0-9]{1,7}:\S", term):
            raise KnowledgeFileError(f"a mention rule is CODE:words, got {term!r}", path, number)
        words = _WORD.findall(term.split(":", 1)[-1])
        if kind not in ("context", "actor") and not words:
            raise KnowledgeFileError(f"the term {term!r} has no word in it", path, number)
        if kind == "prefix" and words != [term]:
            raise KnowledgeFileError(f"a prefix is one word, got {term!r}", path, number)
        rules.append(TrackRule(track, kind, term, number))
    return _index(rules)


@cache
def _packaged() -> TrackRules:
    text = resources.files("dyadwatch.data").joinpath("tracks.tsv").read_text(encoding="utf-8")
    return parse_rules(text, "dyadwatch/data/tracks.tsv")


@cache
def _from_file(path: str) -> TrackRules:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeFileError(f"cannot read the tracks file: {exc}", path) from None
    return parse_rules(text, path)


def load_track_rules(path: str | Path | None = None) -> TrackRules:
    """The packaged rules (``path=None``) or those of another tracks file; read once, cached."""
    return _packaged() if path is None else _from_file(str(path))


def track_of_text(
    text: str | None,
    contexts: Iterable[str] = (),
    *,
    countries: Iterable[str] = (),
    dyad: tuple[str, str] | None = None,
    rules: TrackRules | None = None,
) -> tuple[str, ...]:
    """The tracks of one event: its sentence, PLOVER contexts and (with ``dyad``) its actor
    countries, in :data:`TRACKS` order.

    >>> track_of_text("Kang, Kono and Pompeo met for three-way talks.", ["diplomatic"])
    ('multilateral',)
    """
    return (rules or load_track_rules()).match(text, contexts, countries=countries, dyad=dyad)


def _list(value: Any) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def assign_tracks(
    events: pd.DataFrame,
    *,
    a: str | None = None,
    b: str | None = None,
    rules: TrackRules | None = None,
) -> pd.DataFrame:
    """A copy of ``events`` with a ``tracks`` column: the list of the event's tracks (maybe
    empty). Reads ``text`` and ``contexts`` and, when the dyad ``a``–``b`` is given, the
    ``source_countries``/``target_countries`` (third-country ``actor`` and ``mention`` rules
    apply only then)."""
    if "text" not in events.columns:
        raise QueryError("the events frame lacks the column 'text' (the event's sentence)")
    rules = rules or load_track_rules()
    dyad = (a.upper(), b.upper()) if a is not None and b is not None else None
    n = len(events)
    contexts = events["contexts"] if "contexts" in events.columns else [None] * n
    src = events["source_countries"] if "source_countries" in events.columns else [None] * n
    tgt = events["target_countries"] if "target_countries" in events.columns else [None] * n
    seen: dict[tuple[Any, ...], list[str]] = {}  # events of one sentence share the work
    tracks = []
    for t, c, s, g in zip(events["text"], contexts, src, tgt, strict=True):
        key = (t if isinstance(t, str) else None, tuple(_list(c)), tuple(_list(s) + _list(g)))
        if key not in seen:
            seen[key] = list(rules.match(key[0], key[1], countries=key[2], dyad=dyad))
        tracks.append(list(seen[key]))
    out = events.copy()
    out["tracks"] = pd.Series(tracks, index=events.index, dtype=object)
    return out


def check_track(track: str) -> str:
    if track not in TRACKS:
        raise QueryError(f"unknown track {track!r}: expected one of {', '.join(TRACKS)}")
    return track
