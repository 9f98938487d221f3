"""The metric vocabulary of indicators (``data/metrics.tsv``, docs/indicators.md): which label a
figure gets from the words near it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Span, Token

from ..errors import KnowledgeFileError

UNIT_KINDS = frozenset({"currency", "people", "percent", "ratio", "count", "tonnes", "barrels"})
_WORD = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Keyword:
    metric: str
    units: frozenset[str]  # unit kinds the metric takes; empty means any
    words: tuple[str, ...]

    def fits(self, unit_kind: str | None) -> bool:
        return unit_kind is None or not self.units or unit_kind in self.units


@dataclass(frozen=True, slots=True)
class KeywordMatch:
    keyword: Keyword
    start: int  # token offsets in the Doc
    end: int
    head: Token


class MetricVocabulary:
    """Keywords by first word; :meth:`matches` finds them in a sentence."""

    def __init__(self, keywords: list[Keyword]) -> None:
        self.keywords = tuple(keywords)
        self.metrics = tuple(dict.fromkeys(k.metric for k in keywords))
        self._by_first: dict[str, list[Keyword]] = {}
        for k in sorted(keywords, key=lambda k: -len(k.words)):
            self._by_first.setdefault(k.words[0], []).append(k)

    @classmethod
    def load(cls, path: Path | None = None) -> MetricVocabulary:
        """The packaged vocabulary, or the file at ``path`` (same columns). Raises
        :class:`~dyadwatch.errors.KnowledgeFileError` for a malformed row."""
        if path is None:
            resource = resources.files("dyadwatch").joinpath("data").joinpath("metrics.tsv")
            text, name = resource.read_text(encoding="utf-8-sig"), str(resource)
        else:
            try:
                text, name = Path(path).read_text(encoding="utf-8-sig"), str(path)
            except (OSError, UnicodeDecodeError) as err:
                raise KnowledgeFileError(f"cannot read metric file ({err})", str(path)) from None
        return cls(_parse(text, name))

    def matches(self, sent: Span) -> list[KeywordMatch]:
        found: list[KeywordMatch] = []
        tokens = list(sent)
        for pos, tok in enumerate(tokens):
            for key in (tok.lower_, tok.lemma_.lower()):
                for kw in self._by_first.get(key, ()):
                    n = len(kw.words)
                    window = tokens[pos : pos + n]
                    if len(window) == n and all(_same(t, w) for t, w in zip(window, kw.words, strict=True)):
                        span = sent.doc[window[0].i : window[-1].i + 1]
                        found.append(KeywordMatch(kw, window[0].i, window[-1].i + 1, span.root))
        return found


def _same(tok: Token, word: str) -> bool:
    return tok.lower_ == word or tok.lemma_.lower() == word


def _parse(text: str, path: str) -> list[Keyword]:
    out: list[Keyword] = []
    header_seen = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            if [f.casefold() for f in fields] != ["metric", "units", "keywords"]:
                raise KnowledgeFileError("expected the header 'metric<TAB>units<TAB>keywords'", path, lineno)
            header_seen = True
            continue
        if len(fields) != 3 or not fields[0] or not fields[2]:
            raise KnowledgeFileError("expected 3 tab-separated columns: metric, units, keywords", path, lineno)
        units = frozenset(u for u in fields[1].split() if u != "*")
        if units - UNIT_KINDS:
            raise KnowledgeFileError(f"unknown unit kind(s) {sorted(units - UNIT_KINDS)}", path, lineno)
        for phrase in fields[2].split(","):
            words = tuple(_WORD.findall(phrase.strip().lower()))
            if words:
                out.append(Keyword(fields[0], units, words))
    if not header_seen:
        raise KnowledgeFileError("no header row", path)
    return out
