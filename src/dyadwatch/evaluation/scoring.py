"""Score dyadwatch predictions against an annotated suite.

One scorer per suite style, chosen by :attr:`Suite.name` in :func:`score_suite`:

* ``plover`` — one gold event per case; the best-matching predicted event is compared.
* ``universalpetrarch`` / ``petrarch2`` — zero or more gold events per case, matched greedily
  to predicted events (PETRARCH's "correct / missed / extra" accounting).
* ``conflibert`` — five-way classification (the CAMEO pentaclass ``"0"``..``"4"``).
* ``case2021`` — classification into a mapped PLOVER type.

Every figure is a share in [0, 1] rounded to three decimals. A figure whose denominator is empty
is left out of :attr:`SuiteReport.metrics` (and a note says so) rather than reported as 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from ..errors import ConfigError
from .mappings import CAMEO_ROOT_TO_PENTACLASS
from .types import Case, GoldEvent, PredictedEvent, Prediction, Suite

#: the label for "no event predicted" (and, in PETRARCH suites, "no gold event" for extras)
NONE_LABEL: Final = "NONE"
#: the label a ConfliBERT prediction gets when its CAMEO root is not one of 01..20
UNMAPPED_LABEL: Final = "UNMAPPED"
TOP_ERRORS: Final = 10
EXAMPLES_PER_ERROR: Final = 3
DIGITS: Final = 3



@dataclass(frozen=True, slots=True)
class SuiteReport:
    """The scores of one suite."""

    suite: str
    n_cases: int
    #: named figures, e.g. ``"event_type_accuracy"``
    metrics: dict[str, float]
    #: gold label -> predicted label -> count (``"NONE"`` = no event)
    confusion: dict[str, dict[str, int]]
    #: the ten most common error kinds with their counts, most common first
    errors: list[tuple[str, int]]
    #: error kind -> up to three case ids showing it (for the kinds in :attr:`errors`)
    examples: dict[str, list[str]]
    notes: tuple[str, ...] = ()
    #: the suite's classes / labels that were not scored, with the reason (from :attr:`Suite.left_out`)
    left_out: dict[str, str] = field(default_factory=dict)
    #: which coder produced the predictions: ``"rules"`` or ``"rules+classifier"``
    variant: str = "rules"

    @property
    def label(self) -> str:
        """The suite name, with the variant when it is not the plain rule coder."""
        return self.suite if self.variant == "rules" else f"{self.suite} ({self.variant})"


# ---------------------------------------------------------------------------------------------
# small helpers


def _rate(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def _round(value: float) -> float:
    return round(value, DIGITS)


def precision_recall_f1(
    gold: Sequence[str], pred: Sequence[str], label: str
) -> tuple[float, float, float]:
    """Precision, recall and F1 of one class (unrounded); 0.0 where a denominator is empty."""
    if len(gold) != len(pred):
        raise ValueError("gold and predicted labels differ in length")
    tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
    n_pred = sum(1 for p in pred if p == label)
    n_gold = sum(1 for g in gold if g == label)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> float:
    """Unweighted mean of the per-class F1 over ``labels`` (unrounded); 0.0 for no labels.

    A predicted label outside ``labels`` is a wrong prediction: it lowers the recall of the gold
    class without adding a class of its own."""
    if not labels:
        return 0.0
    return sum(precision_recall_f1(gold, pred, label)[2] for label in labels) / len(labels)


def _countries(codes: frozenset[str]) -> frozenset[str]:
    return frozenset(c.strip().upper() for c in codes if c.strip())


def _side_ok(gold: frozenset[str], pred: frozenset[str]) -> bool:
    """A side matches when the gold side names no country, or the two share one."""
    want = _countries(gold)
    return not want or bool(want & _countries(pred))


def _overlap(gold: GoldEvent, pred: PredictedEvent) -> int:
    return len(_countries(gold.source) & _countries(pred.source)) + len(
        _countries(gold.target) & _countries(pred.target)
    )


def _codes(side: frozenset[str]) -> str:
    return "/".join(sorted(_countries(side))) or "none"


def _label_key(label: str) -> tuple[int, str]:
    return (1 if label == NONE_LABEL else 0, label)


class _Tally:
    """Collects the confusion counts and error kinds while a suite is scored."""

    def __init__(self) -> None:
        self.confusion: dict[str, Counter[str]] = {}
        self.errors: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = {}

    def pair(self, gold: str, pred: str) -> None:
        self.confusion.setdefault(gold, Counter())[pred] += 1

    def error(self, kind: str, case_id: str) -> None:
        self.errors[kind] += 1
        shown = self.examples.setdefault(kind, [])
        if len(shown) < EXAMPLES_PER_ERROR and case_id not in shown:
            shown.append(case_id)

    def report(
        self, suite: Suite, metrics: Mapping[str, float | None], notes: Sequence[str]
    ) -> SuiteReport:
        top = sorted(self.errors.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ERRORS]
        kept = {name: _round(value) for name, value in metrics.items() if value is not None}
        missing = [name for name, value in metrics.items() if value is None]
        extra_notes = [f"not computed (no cases to count): {', '.join(missing)}"] if missing else []
        confusion = {
            gold: {pred: counts[pred] for pred in sorted(counts, key=_label_key)}
            for gold, counts in sorted(self.confusion.items(), key=lambda kv: _label_key(kv[0]))
        }
        return SuiteReport(
            suite=suite.name,
            n_cases=len(suite.cases),
            metrics=kept,
            confusion=confusion,
            errors=top,
            examples={kind: list(self.examples[kind]) for kind, _ in top},
            notes=(*suite.notes, *notes, *extra_notes),
            left_out=dict(suite.left_out),
        )


def _predicted(
    case: Case, predictions: Mapping[str, Prediction]
) -> tuple[PredictedEvent, ...] | None:
    """The case's predicted events; ``None`` when the mapping has no record for the case."""
    record = predictions.get(case.case_id)
    return None if record is None else record.events


def _missing_note(n_missing: int) -> list[str]:
    if not n_missing:
        return []
    return [f"{n_missing} case(s) had no prediction record and were scored as predicting no event"]


# ---------------------------------------------------------------------------------------------
# plover: one gold event per case


def _best_match(gold: GoldEvent, events: Sequence[PredictedEvent]) -> PredictedEvent | None:
    """The predicted event of the same type first, then with the most actor overlap (ties: first)."""
    if not events:
        return None
    return max(events, key=lambda e: (e.event_type == gold.event_type, _overlap(gold, e)))


def _score_plover(suite: Suite, predictions: Mapping[str, Prediction]) -> SuiteReport:
    tally = _Tally()
    n_scored = n_type_ok = n_src = n_src_ok = n_tgt = n_tgt_ok = n_triple_ok = n_covered = 0
    n_missing = n_no_gold = n_untyped = n_multi = 0
    for case in suite.cases:
        found = _predicted(case, predictions)
        n_missing += found is None
        events = found or ()
        n_covered += bool(events)
        if not case.events:
            n_no_gold += 1
            continue
        n_multi += len(case.events) > 1
        gold = case.events[0]
        if gold.event_type is None:
            n_untyped += 1
            continue
        n_scored += 1
        best = _best_match(gold, events)
        pred_type = best.event_type if best is not None else NONE_LABEL
        tally.pair(gold.event_type, pred_type)
        type_ok = pred_type == gold.event_type
        n_type_ok += type_ok
        if best is None:
            tally.error(f"missed:{gold.event_type}", case.case_id)
        elif not type_ok:
            tally.error(f"{gold.event_type}->{pred_type}", case.case_id)
        pred_src = best.source if best is not None else frozenset()
        pred_tgt = best.target if best is not None else frozenset()
        src_ok = (
            _side_ok(gold.source, pred_src) if best is not None else not _countries(gold.source)
        )
        tgt_ok = (
            _side_ok(gold.target, pred_tgt) if best is not None else not _countries(gold.target)
        )
        if _countries(gold.source):
            n_src += 1
            n_src_ok += src_ok
            if best is not None and not src_ok:
                tally.error(f"source:{_codes(gold.source)}->{_codes(pred_src)}", case.case_id)
        if _countries(gold.target):
            n_tgt += 1
            n_tgt_ok += tgt_ok
            if best is not None and not tgt_ok:
                tally.error(f"target:{_codes(gold.target)}->{_codes(pred_tgt)}", case.case_id)
        n_triple_ok += type_ok and src_ok and tgt_ok
    notes = [
        (
            "each case's gold event is compared with the predicted event of the same type, "
            "else the one sharing most countries with it; a case with no prediction counts wrong"
        ),
        (
            "source/target accuracy: the gold side's countries and the matched event's share one; "
            "a gold side with no country counts as right in triple_accuracy"
        ),
    ]
    if n_no_gold:
        notes.append(f"{n_no_gold} case(s) without a gold event were not scored")
    if n_untyped:
        notes.append(f"{n_untyped} case(s) whose gold event has no PLOVER type were not scored")
    if n_multi:
        notes.append(f"{n_multi} case(s) had more than one gold event; only the first was scored")
    notes += _missing_note(n_missing)
    metrics = {
        "event_type_accuracy": _rate(n_type_ok, n_scored),
        "source_country_accuracy": _rate(n_src_ok, n_src),
        "target_country_accuracy": _rate(n_tgt_ok, n_tgt),
        "triple_accuracy": _rate(n_triple_ok, n_scored),
        "coverage": _rate(n_covered, len(suite.cases)),
    }
    return tally.report(suite, metrics, notes)


# ---------------------------------------------------------------------------------------------
# PETRARCH style: 0..n gold events per case, greedy matching

_Match = Callable[[GoldEvent, PredictedEvent], bool]


def _full_match(gold: GoldEvent, pred: PredictedEvent) -> bool:
    return (
        gold.event_type == pred.event_type
        and _side_ok(gold.source, pred.source)
        and _side_ok(gold.target, pred.target)
    )


def _type_match(gold: GoldEvent, pred: PredictedEvent) -> bool:
    return gold.event_type == pred.event_type


def _any_match(gold: GoldEvent, pred: PredictedEvent) -> bool:
    return True


def _specificity(gold: GoldEvent) -> int:
    return bool(_countries(gold.source)) + bool(_countries(gold.target))


def greedy_match(
    golds: Sequence[GoldEvent], preds: Sequence[PredictedEvent], ok: _Match
) -> tuple[list[tuple[GoldEvent, PredictedEvent]], list[GoldEvent], list[PredictedEvent]]:
    """Pair gold events with predicted events, each used at most once.

    Gold events are taken most specific first (both sides named, then one, then none; ties in
    order); each takes, among the unused predicted events that ``ok`` accepts, the one sharing
    most countries with it (ties: first). Returns the pairs, the unmatched gold events and the
    unmatched predicted events (both in their original order)."""
    free = list(range(len(preds)))
    pairs: list[tuple[GoldEvent, PredictedEvent]] = []
    matched_gold: set[int] = set()
    order = sorted(range(len(golds)), key=lambda i: -_specificity(golds[i]))
    for gi in order:
        gold = golds[gi]
        candidates = [pi for pi in free if ok(gold, preds[pi])]
        if not candidates:
            continue
        pick = max(candidates, key=lambda pi: _overlap(gold, preds[pi]))
        free.remove(pick)
        matched_gold.add(gi)
        pairs.append((gold, preds[pick]))
    rest_gold = [g for i, g in enumerate(golds) if i not in matched_gold]
    return pairs, rest_gold, [preds[pi] for pi in free]


def _score_petrarch(suite: Suite, predictions: Mapping[str, Prediction]) -> SuiteReport:
    tally = _Tally()
    n_gold = n_found = n_type_found = n_pred = n_extra = 0
    n_no_event = n_no_event_ok = n_untyped = n_missing = 0
    for case in suite.cases:
        found = _predicted(case, predictions)
        n_missing += found is None
        events = found or ()
        cid = case.case_id
        n_pred += len(events)
        if case.no_event:
            n_no_event += 1
            n_no_event_ok += not events
        golds = [g for g in case.events if g.event_type is not None]
        n_untyped += len(case.events) - len(golds)
        n_gold += len(golds)
        # 1. found: type and the named countries agree
        full, golds_left, preds_left = greedy_match(golds, events, _full_match)
        # 2. right type, wrong country
        typed, golds_left, preds_left = greedy_match(golds_left, preds_left, _type_match)
        # 3. what remains: wrong type (paired by country overlap), missed, extra
        wrong, golds_left, preds_left = greedy_match(golds_left, preds_left, _any_match)
        n_found += len(full)
        n_type_found += len(full) + len(typed)
        n_extra += len(typed) + len(wrong) + len(preds_left)
        for gold, _ in (*full, *typed):
            tally.pair(str(gold.event_type), str(gold.event_type))
        for gold, pred in typed:
            if not _side_ok(gold.source, pred.source):
                tally.error(f"source:{_codes(gold.source)}->{_codes(pred.source)}", cid)
            if not _side_ok(gold.target, pred.target):
                tally.error(f"target:{_codes(gold.target)}->{_codes(pred.target)}", cid)
        for gold, pred in wrong:
            tally.pair(str(gold.event_type), pred.event_type)
            tally.error(f"{gold.event_type}->{pred.event_type}", cid)
        for gold in golds_left:
            tally.pair(str(gold.event_type), NONE_LABEL)
            tally.error(f"missed:{gold.event_type}", cid)
        for pred in preds_left:
            tally.pair(NONE_LABEL, pred.event_type)
            tally.error(f"extra:{pred.event_type}", cid)
    found_rate = _rate(n_found, n_gold)
    notes = [
        (
            "found: a predicted event of the same PLOVER type whose source and target share a country "
            "with the gold sides that name one; gold events are matched greedily, most specific first, "
            "each predicted event used once"
        ),
        "extra_rate: predicted events not matched as found / all predicted events",
    ]
    if n_untyped:
        notes.append(
            f"{n_untyped} gold event(s) with no PLOVER type (CAMEO 01x statements) were left out of the rates"
        )
    notes += _missing_note(n_missing)
    metrics = {
        "found_rate": found_rate,
        "missed_rate": None if found_rate is None else 1 - found_rate,
        # no predicted event at all: nothing extra (found_rate shows the damage)
        "extra_rate": _rate(n_extra, n_pred) if n_pred else 0.0,
        "type_found_rate": _rate(n_type_found, n_gold),
        "no_event_accuracy": _rate(n_no_event_ok, n_no_event),
    }
    if n_no_event == 0:
        del metrics["no_event_accuracy"]  # the suite has no such cases: nothing to say
    return tally.report(suite, metrics, notes)


# ---------------------------------------------------------------------------------------------
# classification suites


def _most_confident(events: Sequence[PredictedEvent]) -> PredictedEvent | None:
    return max(events, key=lambda e: e.confidence) if events else None


def _cameo_root(code: str) -> str:
    code = code.strip()
    return code.zfill(2)[:2] if code.isdigit() else code


def _pentaclass(events: Sequence[PredictedEvent]) -> str:
    top = _most_confident(events)
    if top is None:
        return "0"
    return CAMEO_ROOT_TO_PENTACLASS.get(_cameo_root(top.cameo_root), UNMAPPED_LABEL)


def _plover_label(events: Sequence[PredictedEvent]) -> str:
    top = _most_confident(events)
    return NONE_LABEL if top is None else top.event_type


def _score_classes(
    suite: Suite,
    predictions: Mapping[str, Prediction],
    classify: Callable[[Sequence[PredictedEvent]], str],
    notes: Sequence[str],
) -> SuiteReport:
    tally = _Tally()
    gold_labels: list[str] = []
    pred_labels: list[str] = []
    n_unlabelled = n_left_out = n_missing = 0
    for case in suite.cases:
        if case.label is None:
            n_unlabelled += 1
            continue
        if case.label in suite.left_out:
            n_left_out += 1
            continue
        found = _predicted(case, predictions)
        n_missing += found is None
        events = found or ()
        pred = classify(events)
        gold_labels.append(case.label)
        pred_labels.append(pred)
        tally.pair(case.label, pred)
        if pred != case.label:
            kind = f"missed:{case.label}" if not events else f"{case.label}->{pred}"
            tally.error(kind, case.case_id)
    labels = sorted(set(gold_labels), key=_label_key)
    metrics: dict[str, float | None] = {
        "macro_f1": macro_f1(gold_labels, pred_labels, labels) if labels else None,
        "accuracy": _rate(sum(g == p for g, p in zip(gold_labels, pred_labels)), len(gold_labels)),
    }
    for label in labels:
        metrics[f"f1_{label}"] = precision_recall_f1(gold_labels, pred_labels, label)[2]
    all_notes = [
        *notes,
        (
            "macro_f1 averages the F1 of the gold labels present "
            f"({', '.join(labels) or 'none'}); a predicted label outside them counts as wrong"
        ),
    ]
    if n_unlabelled:
        all_notes.append(f"{n_unlabelled} case(s) without a gold label were not scored")
    if n_left_out:
        all_notes.append(f"{n_left_out} case(s) of left-out classes were not scored")
    n_unmapped = pred_labels.count(UNMAPPED_LABEL)
    if n_unmapped:
        all_notes.append(
            f"{n_unmapped} prediction(s) had a CAMEO root outside 01-20 ({UNMAPPED_LABEL})"
        )
    all_notes += _missing_note(n_missing)
    return tally.report(suite, metrics, all_notes)


def _score_conflibert(suite: Suite, predictions: Mapping[str, Prediction]) -> SuiteReport:
    notes = [
        (
            "predicted class: the pentaclass of the CAMEO root of the most confident predicted event "
            "(ties: the first); no event predicted = class 0, since class 0 (statements and appeals) "
            "is the 'nothing material happened' class"
        ),
    ]
    return _score_classes(suite, predictions, _pentaclass, notes)


def _score_case2021(suite: Suite, predictions: Mapping[str, Prediction]) -> SuiteReport:
    notes = [
        (
            "predicted label: the PLOVER type of the most confident predicted event (ties: the first); "
            f"{NONE_LABEL} when no event is predicted"
        ),
    ]
    return _score_classes(suite, predictions, _plover_label, notes)


# ---------------------------------------------------------------------------------------------
# ja, ko: our own suites, scored both ways, plus the event's own date


def _score_native(suite: Suite, predictions: Mapping[str, Prediction]) -> SuiteReport:
    """Events found / extra (as UniversalPetrarch's suite), the first gold event's type and
    countries (as PLOVER gold), and its date: right when the matched event's date equals the
    gold date or refines it (gold 2019-07, coded 2019-07-04)."""
    multi = _score_petrarch(suite, predictions)
    single = _score_plover(suite, predictions)
    tally = _Tally()  # carries on from the found/extra scoring: its confusion, errors, examples
    tally.confusion = {gold: Counter(preds) for gold, preds in multi.confusion.items()}
    tally.errors = Counter(dict(multi.errors))
    tally.examples = {kind: list(ids) for kind, ids in multi.examples.items()}
    n_dated = n_date_ok = 0
    for case in suite.cases:
        if not case.events or case.events[0].date is None:
            continue
        gold = case.events[0]
        best = _best_match(gold, _predicted(case, predictions) or ())
        if best is None or best.event_type != gold.event_type:
            continue
        n_dated += 1
        ok = (best.date or "").startswith(str(gold.date))
        n_date_ok += ok
        if not ok:
            tally.error("date:wrong" if best.date else "date:none", case.case_id)
    metrics = {
        "event_type_accuracy": single.metrics.get("event_type_accuracy"),
        "source_country_accuracy": single.metrics.get("source_country_accuracy"),
        "target_country_accuracy": single.metrics.get("target_country_accuracy"),
        **multi.metrics,
        "date_accuracy": _rate(n_date_ok, n_dated),
    }
    notes = (*multi.notes[len(suite.notes):],
             "event_type/source/target accuracy: the first gold event of each case, as for PLOVER gold",
             "date_accuracy: of the first gold events matched with the right type, those whose coded date "
             "equals or refines the gold date")  # fmt: skip
    return tally.report(suite, {k: v for k, v in metrics.items() if v is not None}, notes)


_SCORERS: Final[dict[str, Callable[[Suite, Mapping[str, Prediction]], SuiteReport]]] = {
    "plover": _score_plover,
    "universalpetrarch": _score_petrarch,
    "petrarch2": _score_petrarch,
    "conflibert": _score_conflibert,
    "case2021": _score_case2021,
    "ja": _score_native,
    "ko": _score_native,
}

#: the suite names :func:`score_suite` knows
SCORED_SUITES: Final = tuple(_SCORERS)


def score_suite(suite: Suite, predictions: Mapping[str, Prediction]) -> SuiteReport:
    """Score ``predictions`` (by case id) against ``suite``. A case missing from ``predictions``
    counts as predicting no event; predictions for unknown case ids are ignored.

    Raises :class:`~dyadwatch.errors.ConfigError` for a suite name with no scorer."""
    scorer = _SCORERS.get(suite.name)
    if scorer is None:
        raise ConfigError(f"no scorer for suite {suite.name!r} (known: {', '.join(SCORED_SUITES)})")
    return scorer(suite, predictions)
