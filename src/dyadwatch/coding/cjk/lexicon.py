"""The Japanese and Korean tables: names (→ the English knowledge base), cues, markers.

Names do not duplicate the knowledge base: each row maps a surface form (石破, 이재명, 外務省)
to a key of the English tables (a person's canonical name, an ISO code, a title, agent or body
phrase), so terms of office, sectors and canonical names are shared by all languages and a
Japanese, a Korean and an English report of one meeting name the same actors.
Formats: the header comments of ``data/ja/*.tsv``; docs/languages.md.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Final

from ...errors import KnowledgeFileError
from ..kb import KnowledgeBase
from ..lexicon import cue_meaning

NAME_KINDS: Final = ("country", "countries", "capital", "person", "title", "agent", "body", "pair")
CUE_KINDS: Final = ("P", "N")
MARKER_KINDS: Final = ("negation", "negation_before", "future", "hypothetical", "speech", "report")


@dataclass(frozen=True, slots=True)
class Name:
    surface: str
    kind: str
    key: str


@dataclass(frozen=True, slots=True)
class CjkCue:
    pattern: re.Pattern[str]
    kind: str
    cameo: str
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]
    frame: str


@dataclass(frozen=True, slots=True)
class CjkLexicon:
    lang: str
    names: dict[str, Name]
    name_pattern: re.Pattern[str]
    cues: tuple[CjkCue, ...]
    markers: dict[str, tuple[re.Pattern[str], ...]]

    @classmethod
    def load(cls, lang: str, kb: KnowledgeBase, root: Traversable | None = None) -> "CjkLexicon":
        """The tables of ``lang`` from ``root`` (default: the packaged ``dyadwatch/data``)."""
        root = root or resources.files("dyadwatch.data")
        names = {n.surface: n for n in _names(root, lang, kb)}
        alternation = "|".join(re.escape(s) for s in sorted(names, key=len, reverse=True))
        markers: dict[str, list[re.Pattern[str]]] = {k: [] for k in MARKER_KINDS}
        for kind, pattern in _markers(root, lang):
            markers[kind].append(pattern)
        return cls(lang, names, re.compile(alternation or r"(?!)"), tuple(_cues(root, lang)),
                   {k: tuple(v) for k, v in markers.items()})  # fmt: skip

    def marked(self, kind: str, text: str) -> re.Match[str] | None:
        """The first match of a ``kind`` marker in ``text`` (earliest start), or None."""
        found = [m for p in self.markers[kind] if (m := p.search(text))]
        return min(found, key=lambda m: m.start()) if found else None


def _rows(root: Traversable, lang: str, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    path = f"dyadwatch/data/{lang}/{name}"
    try:
        text = root.joinpath(lang).joinpath(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeFileError(f"cannot read the {lang} table: {exc}", path) from exc
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = cells
            continue
        yield lineno, {k: (v or "").strip() for k, v in zip(header, cells, strict=False)}


def _compile(pattern: str, path: str, lineno: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise KnowledgeFileError(f"bad regular expression {pattern!r}: {exc}", path, lineno) from exc


def _names(root: Traversable, lang: str, kb: KnowledgeBase) -> Iterator[Name]:
    path = f"dyadwatch/data/{lang}/names.tsv"
    for lineno, row in _rows(root, lang, "names.tsv"):
        surface, kind, key = row.get("surface", ""), row.get("kind", ""), row.get("key", "")
        if not surface or kind not in NAME_KINDS or not key:
            raise KnowledgeFileError(f"bad name row (surface, kind {NAME_KINDS}, key required): {row}", path, lineno)
        if not key_resolves(kb, kind, key):
            raise KnowledgeFileError(f"{kind} key {key!r} is not in the knowledge base", path, lineno)
        yield Name(surface, kind, key)


def key_resolves(kb: KnowledgeBase, kind: str, key: str) -> bool:
    """Whether a ``names.tsv`` key names something in the English knowledge base: an ISO code
    (``countries``: two or more), a person's canonical name (not an alias), a title, agent or
    body phrase, or a ``pair`` (``countries`` or ``leaders``)."""
    if kind in ("country", "capital"):
        return kb.country_by_code(key) is not None
    if kind == "countries":
        codes = key.split("|")
        return len(codes) >= 2 and all(kb.country_by_code(k) is not None for k in codes)
    if kind == "person":
        return any(p.name == key for p in kb.persons(key))
    if kind == "title":
        return kb.title(key) is not None
    if kind == "agent":
        return kb.agent(key) is not None
    if kind == "pair":
        return key in ("countries", "leaders")
    return kb.body(key) is not None


def _cues(root: Traversable, lang: str) -> Iterator[CjkCue]:
    path = f"dyadwatch/data/{lang}/cues.tsv"
    for lineno, row in _rows(root, lang, "cues.tsv"):
        cue, kind = row.get("cue", ""), row.get("kind", "")
        if not cue or kind not in CUE_KINDS:
            raise KnowledgeFileError(f"bad cue row (cue and kind {CUE_KINDS} required): {row}", path, lineno)
        code, etype, mode, contexts, frame = cue_meaning(row, path, lineno)
        yield CjkCue(_compile(cue, path, lineno), kind, code, etype, mode, contexts, frame)


def _markers(root: Traversable, lang: str) -> Iterator[tuple[str, re.Pattern[str]]]:
    path = f"dyadwatch/data/{lang}/markers.tsv"
    for lineno, row in _rows(root, lang, "markers.tsv"):
        marker, kind = row.get("marker", ""), row.get("category", "")
        if not marker or kind not in MARKER_KINDS:
            raise KnowledgeFileError(f"bad marker row (marker, category {MARKER_KINDS}): {row}", path, lineno)
        yield kind, _compile(marker, path, lineno)
