"""The event-cue lexicon (``data/cues.tsv``, ``data/cues_cameo.tsv`` and user files): which words
code which events."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeFileError
from .ontology import PLOVER_TYPES, cameo_table

KINDS = ("V", "VO", "VP", "N")
#: The packaged cue tables, read in this order: ours, then the verbs taken from the CAMEO 2.0
#: verb dictionary (tools/build_cameo_cues.py; it skips every verb ours lists).
PACKAGED = ("cues.tsv", "cues_cameo.tsv")
FRAMES = ("", "recv", "joint")
#: The type of a row that names no event: a statement (with its CAMEO 01 code: "denied the
#: charges" is no REJECT, "offered condolences" no AGREE) or nothing to code (no code: "fight the
#: epidemic" is no ASSAULT). It matches before the word's general cue, stops it, and codes nothing.
NO_EVENT = "NONE"


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon row. ``objects`` holds the object lemmas (VO), the particle (VP) or the
    compound modifiers (two-word N cues) that must accompany ``lemma``."""

    lemma: str
    kind: str
    objects: frozenset[str]
    cameo: str
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]
    frame: str

    @property
    def specificity(self) -> int:
        return 1 if self.objects else 0


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Cue, ...]]
    nouns: dict[str, tuple[Cue, ...]]

    @classmethod
    def load(cls, extra_files: Iterable[Path] = ()) -> "Lexicon":
        cues: list[Cue] = []
        for name in PACKAGED:
            packaged = resources.files("dyadwatch.data").joinpath(name)
            cues.extend(read_cues(packaged.read_text(encoding="utf-8"), f"dyadwatch/data/{name}"))
        for path in extra_files:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise KnowledgeFileError(f"cannot read cue file: {exc}", str(path)) from exc
            cues.extend(read_cues(text, str(path)))
        verbs: dict[str, list[Cue]] = {}
        nouns: dict[str, list[Cue]] = {}
        for cue in cues:
            (nouns if cue.kind == "N" else verbs).setdefault(cue.lemma, []).append(cue)
        order = lambda cs: tuple(sorted(cs, key=lambda c: -c.specificity))  # noqa: E731
        return cls({k: order(v) for k, v in verbs.items()}, {k: order(v) for k, v in nouns.items()})


def cue_meaning(row: dict[str, str], path: str, lineno: int) -> tuple[str, str, str | None, tuple[str, ...], str]:
    """The CAMEO code, PLOVER type, mode, contexts and frame a cue row (of any language's cue
    table) gives: type and mode from the CAMEO table unless the row overrides them. Raises
    :class:`KnowledgeFileError` naming the file and line for an unknown code, type or frame."""
    table = cameo_table()
    code = (row.get("cameo") or "").strip()
    frame = (row.get("frame") or "").strip()
    if (row.get("type") or "").strip() == NO_EVENT:
        if code and not (code.startswith("01") and code.isdigit()) or frame not in FRAMES:
            raise KnowledgeFileError(f"a {NO_EVENT} row takes a CAMEO 01 code or none, not {code!r}", path, lineno)
        return code, NO_EVENT, None, (), frame
    if code not in table:
        raise KnowledgeFileError(f"unknown CAMEO code {code!r}", path, lineno)
    info = table[code]
    etype = (row.get("type") or "").strip() or info.plover
    if etype not in PLOVER_TYPES:
        raise KnowledgeFileError(f"unknown PLOVER type {etype!r}", path, lineno)
    if frame not in FRAMES:
        raise KnowledgeFileError(f"unknown frame {frame!r}", path, lineno)
    mode = (row.get("mode") or "").strip() or (info.mode if etype == info.plover else None)
    return code, etype, mode, info.contexts, frame


def read_cues(text: str, path: str) -> Iterable[Cue]:
    """The rows of one cue table (``path`` names it in errors), one :class:`Cue` per lemma."""
    lines = [(n, ln) for n, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]
    if not lines:
        return
    header = lines[0][1].split("\t")
    for lineno, line in lines[1:]:
        row = dict(zip(header, next(csv.reader([line], delimiter="\t")), strict=False))
        words = (row.get("cue") or "").split()
        kind = (row.get("kind") or "").strip()
        if not words or kind not in KINDS:
            raise KnowledgeFileError(f"bad cue row (cue and kind {KINDS} required): {line!r}", path, lineno)
        code, etype, mode, contexts, frame = cue_meaning(row, path, lineno)
        if kind == "N" and len(words) == 2:  # "missile launch/test": modifier(s) + head noun(s)
            lemmas, objects = words[1].split("/"), frozenset(words[0].split("/"))
        elif len(words) == 2:  # "send/dispatch troop/warship": verb(s) + object noun(s) or particle
            lemmas, objects = words[0].split("/"), frozenset(words[1].split("/"))
        elif len(words) == 1 and kind in ("V", "N"):
            lemmas, objects = [words[0]], frozenset()
        else:
            raise KnowledgeFileError(f"cue {row.get('cue')!r} does not fit kind {kind}", path, lineno)
        if kind in ("VO", "VP") and not objects:
            raise KnowledgeFileError(f"{kind} cue needs a second word", path, lineno)
        for lemma in lemmas:
            yield Cue(lemma, kind, objects, code, etype, mode, contexts, frame)
