"""Quote attribution scored against the PolNeAR test split (docs/quotes.md).

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attribution relations in 2016 US election
news as BRAT standoff: ``Source``, ``Cue`` and ``Content`` spans tied by an ``E`` line. The test
split has 84 texts and 94 annotation files; where a text was annotated by several annotators
only the **first annotation file in name order** (the lowest annotator id) is used, so each
text counts once.

Scoring (per text, then summed):

* Texts are cut into word tokens (``\\w+``; punctuation and quotation marks do not count).
  A span covers a word when the word starts inside it.
* A predicted content **matches** a gold content when the Jaccard overlap of their word sets
  (shared words / words in either) is at least 0.5; predictions and gold are paired one to one,
  best overlap first. Content precision, recall and F1 follow. **Exact** figures pair only
  identical word sets.
* **Source accuracy** is measured on matched pairs whose gold has a Source: the predicted
  speaker's words (as written: "he", "the newspaper") overlap the gold Source span.
  Attribution precision/recall/F1 count a prediction correct when its content matches and its
  source is right (or the gold has no Source and nothing was predicted).
* PolNeAR is univocal (a word has one role in one attribution), so nested attributions are
  not annotated: a predicted attribution whose cue lies inside another predicted content
  ("Lee said Ishiba wants …") is left out before scoring.
* Error kinds: missed gold (by quote type and the part of speech of the gold cue), spurious
  predictions, boundary errors (best overlap above 0 but under 0.5) and wrong sources.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..coding.quotes import Attribution, QuoteExtractor
from ..errors import ConfigError
from ..ingest import content_hash
from ..records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..pipeline import Coder
    from .scoring import SuiteReport

Ranges = tuple[tuple[int, int], ...]
THRESHOLD = 0.5
TOP_ERRORS = 10
WORD = re.compile(r"\w+")
#: A gold content is a direct quote when it holds a double quotation mark or an opening single
#: one, or starts or ends with a single mark (an apostrophe inside a word does not count).
DOUBLE_OR_OPEN = set('"“”«»‘')
DIGITS = 3


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Ranges
    source: Ranges
    cue: Ranges


@dataclass(frozen=True, slots=True)
class PolnearText:
    name: str
    text: str
    published: _dt.date | None
    annotation_file: str
    attributions: tuple[GoldAttribution, ...]
    skipped: int  # relations without a Content span


@dataclass(frozen=True, slots=True)
class Predicted:
    content: Ranges
    source: Ranges
    cue: Ranges
    direct: bool
    according: bool


# -- loading ----------------------------------------------------------------------------------
def polnear_dir(data_dir: Path) -> Path:
    """``data_dir`` itself or its ``polnear-test`` folder, whichever holds ``text/``."""
    for path in (data_dir / "polnear-test", data_dir):
        if (path / "text").is_dir() and (path / "attributions").is_dir():
            return path
    raise ConfigError(f"{data_dir}: PolNeAR test data not found (expected text/ and attributions/)")


def load_polnear(data_dir: Path, limit: int | None = None) -> list[PolnearText]:
    """The test texts with the first annotator's attributions, in name order."""
    root = polnear_dir(data_dir)
    if limit is not None and limit < 0:
        raise ConfigError(f"limit must be 0 or more, not {limit}")
    dates = _dates(root / "metadata.tsv")
    texts = sorted((root / "text").glob("*.txt"))
    out: list[PolnearText] = []
    for path in texts[:limit] if limit is not None else texts:
        anns = sorted((root / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        try:
            text = path.read_text(encoding="utf-8")
            gold, skipped = parse_ann(anns[0].read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ConfigError(f"{path}: cannot read PolNeAR text or annotation: {exc}") from exc
        out.append(PolnearText(path.stem, text, dates.get(path.stem), anns[0].name, tuple(gold), skipped))
    return out


def _dates(path: Path) -> dict[str, _dt.date]:
    out: dict[str, _dt.date] = {}
    if not path.is_file():
        return out
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t") if lines else []
    if "filename" not in header or "publication_date" not in header:
        return out
    fi, di = header.index("filename"), header.index("publication_date")
    for line in lines[1:]:
        cols = line.split("\t")
        try:
            out[cols[fi]] = _dt.date.fromisoformat(cols[di])
        except (IndexError, ValueError):
            continue
    return out


def parse_ann(text: str) -> tuple[list[GoldAttribution], int]:
    """Attribution relations of one BRAT ``.ann`` file, and how many had no Content span."""
    spans: dict[str, Ranges] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _label, _, offsets = parts[1].partition(" ")
            ranges = []
            for piece in offsets.split(";"):
                lo, hi = piece.split()
                ranges.append((int(lo), int(hi)))
            spans[parts[0]] = tuple(ranges)
        elif line.startswith("E") and len(parts) >= 2:
            args: dict[str, str] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                role = role.rstrip("0123456789")
                args[role] = args[role] + " " + ref if role in args else ref
            events.append(args)
    out: list[GoldAttribution] = []
    skipped = 0

    def ranges(args: dict[str, str], role: str) -> Ranges:
        refs = args.get(role, "").split()
        return tuple(sorted(r for ref in refs for r in spans.get(ref, ())))

    for args in events:
        content = ranges(args, "Content")
        if not content:
            skipped += 1
            continue
        out.append(GoldAttribution(content, ranges(args, "Source"), ranges(args, "Cue")))
    return out, skipped


# -- scoring ----------------------------------------------------------------------------------
def word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def covered(words: Sequence[tuple[int, int]], ranges: Ranges) -> frozenset[int]:
    """Indices of the words that start inside ``ranges``."""
    return frozenset(i for i, (lo, _) in enumerate(words) if any(a <= lo < b for a, b in ranges))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def overlaps(a: Ranges, b: Ranges) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def pair(gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]], exact: bool = False
         ) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, predicted index, overlap), best overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            score = jaccard(g, p)
            if (exact and g == p and g) or (not exact and score >= THRESHOLD):
                cands.append((score, gi, pi))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, score))
    return out


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    exact: int = 0
    with_source: int = 0
    source_ok: int = 0
    attribution_ok: int = 0
    cue_ok: int = 0
    with_cue: int = 0
    gold_direct: int = 0
    found_direct: int = 0
    skipped: int = 0


def score_text(text: str, gold: Sequence[GoldAttribution], pred: Sequence[Predicted], tally: Tally,
               errors: Counter[str], cue_pos: dict[tuple[int, int], str] | None = None) -> None:
    """Add one text's figures to ``tally`` and its error kinds to ``errors``."""
    words = word_spans(text)
    g_sets = [covered(words, g.content) for g in gold]
    p_sets = [covered(words, p.content) for p in pred]
    pairs = pair(g_sets, p_sets)
    tally.gold += len(gold)
    tally.pred += len(pred)
    tally.matched += len(pairs)
    tally.exact += len(pair(g_sets, p_sets, exact=True))
    directs = [is_direct(text, g.content) for g in gold]
    tally.gold_direct += sum(directs)
    matched_g = {gi for gi, _, _ in pairs}
    matched_p = {pi for _, pi, _ in pairs}
    for gi, pi, _ in pairs:
        g, p = gold[gi], pred[pi]
        tally.found_direct += directs[gi]
        source_right = overlaps(g.source, p.source) if g.source else not p.source
        if g.source:
            tally.with_source += 1
            tally.source_ok += source_right
            if not source_right:
                errors["wrong_source:" + _source_kind(text, p)] += 1
        tally.attribution_ok += source_right
        if g.cue:
            tally.with_cue += 1
            tally.cue_ok += overlaps(g.cue, p.cue)
    for gi, g in enumerate(gold):
        if gi in matched_g:
            continue
        best = max((jaccard(g_sets[gi], p) for pi, p in enumerate(p_sets) if pi not in matched_p), default=0.0)
        if best > 0:
            longer = any(len(p) > len(g_sets[gi]) and jaccard(g_sets[gi], p) == best
                         for pi, p in enumerate(p_sets) if pi not in matched_p)
            errors["boundary:too_long" if longer else "boundary:too_short"] += 1
            continue
        kind = "direct" if directs[gi] else "indirect"
        pos = (cue_pos or {}).get(g.cue[0], "other") if g.cue else "none"
        errors[f"missed:{kind}:{pos}_cue"] += 1
    for pi, p in enumerate(pred):
        if pi in matched_p or any(jaccard(p_sets[pi], g) > 0 for g in g_sets):
            continue
        kind = "according" if p.according else ("direct" if p.direct else "indirect")
        errors[f"spurious:{kind}"] += 1


def is_direct(text: str, ranges: Ranges) -> bool:
    """Whether a content is a direct quote (see :data:`DOUBLE_OR_OPEN`)."""
    inner = "".join(text[a:b] for a, b in ranges).strip()
    single = ("'", "’")
    return any(c in DOUBLE_OR_OPEN for c in inner) or inner[:1] in single or inner[-2:].strip(".,")[-1:] in single


def _source_kind(text: str, p: Predicted) -> str:
    if not p.source:
        return "no_speaker"
    words = text[p.source[0][0] : p.source[-1][1]].lower().split()
    return "pronoun" if words and words[0] in ("he", "she", "they", "it", "we", "i") else "phrase"


def figures(tally: Tally) -> dict[str, float]:
    def share(num: int, den: int) -> float | None:
        return round(num / den, DIGITS) if den else None

    def f1(p: float | None, r: float | None) -> float | None:
        return round(2 * p * r / (p + r), DIGITS) if p and r else (0.0 if p is not None and r is not None else None)

    out: dict[str, float | None] = {}
    for name, num in (("content", tally.matched), ("exact", tally.exact), ("attribution", tally.attribution_ok)):
        p, r = share(num, tally.pred), share(num, tally.gold)
        out[f"{name}_precision"], out[f"{name}_recall"], out[f"{name}_f1"] = p, r, f1(p, r)
    out["source_accuracy"] = share(tally.source_ok, tally.with_source)
    out["cue_accuracy"] = share(tally.cue_ok, tally.with_cue)
    out["direct_recall"] = share(tally.found_direct, tally.gold_direct)
    out["indirect_recall"] = share(tally.matched - tally.found_direct, tally.gold - tally.gold_direct)
    return {k: v for k, v in out.items() if v is not None}


# -- running ----------------------------------------------------------------------------------
def predicted(attrs: Iterable[Attribution]) -> list[Predicted]:
    """Predictions as PolNeAR annotates: univocally, so an attribution whose cue lies inside
    another one's content ("Lee said [Ishiba wants …]") is left out."""
    items = list(attrs)
    out = []
    for a in items:
        if a.cue_span is not None and any(
            b is not a and any(lo <= a.cue_span[0] < hi for lo, hi in b.parts) for b in items
        ):
            continue
        out.append(Predicted(a.parts, (a.speaker_span,) if a.speaker_span else (),
                             (a.cue_span,) if a.cue_span else (), a.quote.direct, a.quote.cue == "according to"))
    return out


POS_KIND = {"AUX": "verb", "VERB": "verb", "PROPN": "noun", "NOUN": "noun", "ADP": "prep", "ADJ": "adj"}


def _cue_pos(doc: Doc, gold: Sequence[GoldAttribution]) -> dict[tuple[int, int], str]:
    """The part of speech of each gold cue (for the error kinds): verb, noun, prep, adj, other."""
    out: dict[tuple[int, int], str] = {}
    for g in gold:
        if g.cue:
            span = doc.char_span(*g.cue[0], alignment_mode="expand")
            heads = [t for t in span or () if t.pos_ in POS_KIND]
            out[g.cue[0]] = POS_KIND[heads[0].pos_] if heads else "other"
    return out


def evaluate_polnear(coder: Coder, data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Run :class:`QuoteExtractor` over the PolNeAR test texts (``coder`` is a loaded
    :class:`~dyadwatch.pipeline.Coder`) and score it. ``data_dir`` is ``../shared/data`` or the
    ``polnear-test`` folder itself; ``limit`` takes the first texts in name order.

    Returns ``{"metrics": {...}, "counts": {...}, "errors": [[kind, n], ...], "threshold": 0.5}``.
    """
    texts = load_polnear(Path(data_dir), limit)
    extractor = QuoteExtractor(coder.coder.resolver, coder.config)
    tally, errors = Tally(), Counter[str]()
    articles = [Article(doc_id=t.name, text=t.text, content_hash=content_hash(t.text), published=t.published,
                        published_basis="metadata" if t.published else None) for t in texts]
    docs = coder.nlp.pipe(a.text for a in articles)
    for item, article, doc in zip(texts, articles, docs, strict=True):
        pred = predicted(extractor.attributions(article, doc, []))
        score_text(item.text, item.attributions, pred, tally, errors, _cue_pos(doc, item.attributions))
        tally.skipped += item.skipped
    counts = {
        "texts": len(texts), "gold": tally.gold, "predicted": tally.pred, "matched": tally.matched,
        "exact": tally.exact, "gold_with_source": tally.with_source, "source_correct": tally.source_ok,
        "gold_direct": tally.gold_direct, "gold_without_content": tally.skipped,
    }
    return {"metrics": figures(tally), "counts": counts, "errors": [[k, n] for k, n in errors.most_common(TOP_ERRORS)],
            "threshold": THRESHOLD}


def polnear_report(coder: Coder, data_dir: Path, limit: int | None = None) -> SuiteReport:
    """:func:`evaluate_polnear` as a :class:`~dyadwatch.evaluation.scoring.SuiteReport`, for the
    accuracy table and ``docs/accuracy.md``."""
    from .scoring import SuiteReport

    result = evaluate_polnear(coder, data_dir, limit)
    counts = result["counts"]
    notes = (
        f"{counts['texts']} texts, {counts['gold']} gold attributions (first annotator file per "
        f"text), {counts['predicted']} predicted; a content matches at word Jaccard ≥ {result['threshold']}.",
        "Rules are tuned on PolNeAR's public dev split (tools/dev/polnear_misses.py; earlier, on this "
        "split's aggregate error kinds only); this split is only scored.",
    )
    return SuiteReport(
        suite="polnear", n_cases=int(counts["gold"]), metrics=dict(result["metrics"]), confusion={},
        errors=[(str(k), int(n)) for k, n in result["errors"]], examples={}, notes=notes,
    )
