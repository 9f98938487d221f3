"""Train the sentence classifier: src/dyadwatch/data/models/sentence_classifier.npz and .json.

Run (about ten minutes on two cores; nothing is downloaded):

    HF_HUB_OFFLINE=1 .venv/bin/python tools/train_classifier.py            # train and write
    HF_HUB_OFFLINE=1 .venv/bin/python tools/train_classifier.py --check    # retrain, compare

Training data (nothing from a scored suite; every sentence is checked against every scored case
of every suite with ``evaluation.leakage.near_duplicates``: equal after normalisation, or sharing
half the word 4-grams of the shorter one):

* ConfliBERT ``cameo_class/train.tsv``: the pentaclass label (quad head); for the type head a weak
  label: the PLOVER type of the rule coder's most confident event whose CAMEO pentaclass agrees
  with the gold label (class 0 sentences with no rule event: no event); other sentences have no
  type label;
* the CAMEO codebook's definitions ("name. description"), labelled by their code (CAMEO 01
  statements: no event), and its example sentences that survive deduplication;
* our own sentences, ``tools/classifier_sentences.tsv`` (type or NONE, pentaclass).

Every choice (the heads' L2 penalty and class weighting, whether the codebook texts help the
quad head, the policy thresholds of ``coding/assist.py``) is made by 5-fold cross-validation on
the ConfliBERT train split; folds are fixed by sentence hash. The fit is full-batch gradient
descent (no randomness), so the same data give the same weights.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as _dt
import io
import itertools
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.coding.assist import OPTIONS, Assist, Choice, Policy, choose, decide, pentaclass_of, top_event  # noqa: E402
from dyadwatch.coding.classifier import (  # noqa: E402
    EMBEDDING_MODEL, QUAD_LABELS, TYPE_LABELS, Embedder, SentenceClassifier, default_path, fit_softmax,
)
from dyadwatch.coding.ontology import cameo_table  # noqa: E402
from dyadwatch.evaluation.leakage import (  # noqa: E402
    CODEBOOK_MOJIBAKE, codebook_examples, near_duplicates, normalize_sentence, scored_sentences, sentence_hash,
)
from dyadwatch.evaluation.scoring import macro_f1  # noqa: E402
from dyadwatch.evaluation.suites import conflibert_rows, read_text  # noqa: E402

FOLDS = 5
L2_GRID = (0.003, 0.01, 0.03, 0.1, 0.3)
POLICY_GRID = {
    "alpha": (0.5, 1.0, 2.0),
    "fill": (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8),
    "override": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
    "drop": (0.5, 0.7, 0.9, 1.01),
    "relaxed": (0.0, 1.0),
}
OWN = ROOT / "tools" / "classifier_sentences.tsv"


@dataclass
class Example:
    text: str
    quad: str | None
    type_: str | None
    source: str


# -- data -------------------------------------------------------------------------------------
def codebook_rows(data_dir: Path) -> list[dict[str, str]]:
    text = read_text(data_dir / "cameo-codebook" / "cameo-codes.csv", encoding="cp1252")
    for bad, good in CODEBOOK_MOJIBAKE.items():
        text = text.replace(bad, good)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def code_labels(code: str) -> tuple[str | None, str | None]:
    """(pentaclass, PLOVER type or NONE) of a CAMEO code; (None, None) when unmapped."""
    if code.startswith("01"):
        return "0", "NONE"
    row = cameo_table().get(code)
    return (pentaclass_of(code), row.plover) if row else (None, None)


def gather(data_dir: Path) -> tuple[list[Example], list[Example], dict[str, dict[str, int]]]:
    """(ConfliBERT train examples, codebook and own examples, dedup counts by source)."""
    conf = [Example(s, label, None, "conflibert_train")
            for _, s, label in conflibert_rows(data_dir / "conflibert-cameo" / "cameo_class" / "train.tsv")]
    extra: list[Example] = []
    for row in codebook_rows(data_dir):
        quad, type_ = code_labels(row["code"].strip())
        desc = row["description"].strip()
        if quad is None or desc in ("", "NA"):
            continue
        extra.append(Example(f"{row['name'].strip()}. {desc}", quad, type_, "codebook_definition"))
    examples = set(codebook_examples(data_dir))
    for row in codebook_rows(data_dir):
        quad, type_ = code_labels(row["code"].strip())
        if quad is not None and row["example"].strip() in examples:
            extra.append(Example(row["example"].strip(), quad, type_, "codebook_example"))
    if OWN.exists():
        for line in OWN.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                text, type_, quad = line.split("\t")
                extra.append(Example(text.strip(), quad.strip(), type_.strip(), "own"))
    scored = scored_sentences(data_dir)
    counts: dict[str, dict[str, int]] = {}
    kept: list[list[Example]] = []
    for group in (conf, extra):
        drop = set(near_duplicates([e.text for e in group], scored))
        seen: set[str] = set()
        keep = []
        for i, e in enumerate(group):
            c = counts.setdefault(e.source, {"read": 0, "scored_duplicates": 0, "repeats": 0, "kept": 0})
            c["read"] += 1
            key = normalize_sentence(e.text)
            if i in drop:
                c["scored_duplicates"] += 1
            elif key in seen or not key:
                c["repeats"] += 1
            else:
                seen.add(key)
                c["kept"] += 1
                keep.append(e)
        kept.append(keep)
    return kept[0], kept[1], counts


def rule_pass(conf: list[Example]) -> tuple[list[str | None], list[dict[int, int]]]:
    """The rule coder on the training sentences: the top rule event's pentaclass (None: no event)
    and, per option, whether a filled-in event could be coded. Sets the weak type labels."""
    from dyadwatch.ingest import content_hash
    from dyadwatch.pipeline import Coder
    from dyadwatch.records import Article

    coder = Coder()
    assist = Assist(coder.coder, None, Policy())
    classes: list[str | None] = []
    fillable: list[dict[int, int]] = []
    articles = [Article(doc_id=f"train-{i}", text=e.text, content_hash=content_hash(e.text)) for i, e in enumerate(conf)]
    from dyadwatch.nlp.pipeline import parse

    for (article, doc), e in zip(parse(coder.nlp, articles, coder.config), conf):
        sentences, events = coder.coder.code(article, doc)
        live = [ev for ev in events if ev.status != "negated"]
        top = top_event(live)
        classes.append(pentaclass_of(top.cameo_root) if top else None)
        agree = [ev for ev in live if pentaclass_of(ev.cameo_root) == e.quad]
        if agree:
            e.type_ = top_event(agree).event_type  # type: ignore[union-attr]
        elif e.quad == "0" and not live:
            e.type_ = "NONE"
        probes = assist.probe(article, doc, sentences, events)
        # per option: 1 if a sentence fills it strictly, else 2 if one does relaxed, else 0
        fillable.append({k: min((p.get(k, 0) for p in probes if p.get(k, 0)), default=0) for k in range(len(OPTIONS))})
    return classes, fillable


def embed(texts: list[str], cache: Path | None) -> np.ndarray:
    store: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        with np.load(cache) as z:
            store = dict(zip(z["keys"].tolist(), z["vectors"]))
    missing = sorted({t for t in texts if t not in store})
    if missing:
        vectors = Embedder(threads=1).encode(missing)
        store.update(zip(missing, vectors))
        if cache is not None:
            keys = sorted(store)
            np.savez(cache, keys=np.array(keys), vectors=np.stack([store[k] for k in keys]))
    return np.stack([store[t] for t in texts])


# -- fitting and cross-validation -------------------------------------------------------------
def folds_of(conf: list[Example]) -> np.ndarray:
    """Fold per sentence: within each class, by rank of the sentence hash (no randomness)."""
    fold = np.zeros(len(conf), dtype=int)
    for label in QUAD_LABELS:
        idx = sorted((i for i, e in enumerate(conf) if e.quad == label), key=lambda i: sentence_hash(conf[i].text))
        for rank, i in enumerate(idx):
            fold[i] = rank % FOLDS
    return fold


def fit(x: np.ndarray, labels: list[str], names: tuple[str, ...], l2: float, balanced: bool):  # type: ignore[no-untyped-def]
    y = np.array([names.index(v) for v in labels])
    weight = None
    if balanced:
        counts = Counter(y.tolist())
        weight = np.array([len(y) / (len(counts) * counts[v]) for v in y.tolist()])
    return fit_softmax(x, y, names, l2=l2, sample_weight=weight)


def cv_quad(xc, conf, xe, extra, fold, l2, balanced, with_extra) -> tuple[float, np.ndarray]:  # type: ignore[no-untyped-def]
    """Macro-F1 of the quad head on held-out folds, and the out-of-fold probabilities."""
    oof = np.zeros((len(conf), len(QUAD_LABELS)))
    for f in range(FOLDS):
        tr = fold != f
        xs, ys = [xc[tr]], [e.quad for e, t in zip(conf, tr) if t]
        if with_extra:
            xs.append(xe)
            ys += [e.quad for e in extra]
        head = fit(np.vstack(xs), ys, QUAD_LABELS, l2, balanced)
        oof[~tr] = head.proba(xc[~tr])
    pred = [QUAD_LABELS[i] for i in oof.argmax(1)]
    return macro_f1([e.quad for e in conf], pred, QUAD_LABELS), oof


def cv_type(xc, conf, xe, extra, fold, l2, balanced) -> tuple[float, float, np.ndarray]:  # type: ignore[no-untyped-def]
    """Accuracy and macro-F1 of the type head on the held-out weakly labelled sentences, and
    out-of-fold probabilities for every training sentence."""
    oof = np.zeros((len(conf), len(TYPE_LABELS)))
    labelled = np.array([e.type_ is not None for e in conf])
    for f in range(FOLDS):
        tr = (fold != f) & labelled
        ys = [e.type_ for e, t in zip(conf, tr) if t] + [e.type_ for e in extra]
        head = fit(np.vstack([xc[tr], xe]), ys, TYPE_LABELS, l2, balanced)
        oof[fold == f] = head.proba(xc[fold == f])
    gold = [e.type_ for e in conf if e.type_ is not None]
    pred = [TYPE_LABELS[i] for i in oof[labelled].argmax(1)]
    acc = float(np.mean([g == p for g, p in zip(gold, pred)]))
    return acc, macro_f1(gold, pred, sorted(set(gold))), oof


def choices_by_alpha(quad_p: np.ndarray, type_p: np.ndarray) -> dict[float, list[Choice]]:
    return {a: [choose(q, t, a) for q, t in zip(quad_p, type_p)] for a in POLICY_GRID["alpha"]}


def simulate(rule_classes, fillable, choices: list[Choice], policy: Policy) -> list[str]:  # type: ignore[no-untyped-def]
    """The pentaclass the evaluation would score for each sentence under ``policy``."""
    out = []
    for rc, can, choice in zip(rule_classes, fillable, choices):
        action = decide(rc, choice, policy)
        if action == "fill":
            k = OPTIONS.index((choice.event_type, choice.cameo, choice.pentaclass))
            how = can.get(k, 0)
            out.append(choice.pentaclass if how == 1 or (how == 2 and policy.relaxed >= 0.5) else "0")
        elif action == "retype":
            out.append(choice.pentaclass)
        elif action == "drop":
            out.append("0")
        else:
            out.append(rc or "0")
    return out


def best_policy(gold, rule_classes, fillable, by_alpha: dict[float, list[Choice]]) -> tuple[Policy, float]:  # type: ignore[no-untyped-def]
    best: tuple[float, Policy] | None = None
    keys = list(POLICY_GRID)
    for values in itertools.product(*(POLICY_GRID[k] for k in keys)):
        policy = Policy(**dict(zip(keys, values)))
        f1 = macro_f1(gold, simulate(rule_classes, fillable, by_alpha[policy.alpha], policy), QUAD_LABELS)
        if best is None or f1 > best[0] + 1e-9:  # ties: the first, i.e. the lowest thresholds of the grid
            best = (f1, policy)
    assert best is not None
    return best[1], best[0]


# -- main -------------------------------------------------------------------------------------
def train(data_dir: Path, cache: Path | None, date: str) -> SentenceClassifier:
    conf, extra, counts = gather(data_dir)
    print(f"training sentences: {json.dumps(counts)}", file=sys.stderr)
    rule_classes, fillable = rule_pass(conf)
    xc = embed([e.text for e in conf], cache)
    xe = embed([e.text for e in extra], cache)
    fold = folds_of(conf)
    gold = [str(e.quad) for e in conf]
    cv: dict[str, object] = {"folds": FOLDS, "rules_only_quad_macro_f1": round(macro_f1(gold, [c or "0" for c in rule_classes], QUAD_LABELS), 3)}
    quad_runs = {(l2, b, w): cv_quad(xc, conf, xe, extra, fold, l2, b, w)
                 for l2 in L2_GRID for b in (False, True) for w in (False, True)}
    q_key = max(quad_runs, key=lambda k: quad_runs[k][0])
    cv["quad_grid"] = {f"l2={k[0]} balanced={k[1]} codebook={k[2]}": round(v[0], 3) for k, v in quad_runs.items()}
    cv["quad_macro_f1"] = round(quad_runs[q_key][0], 3)
    type_runs = {(l2, b): cv_type(xc, conf, xe, extra, fold, l2, b) for l2 in L2_GRID for b in (False, True)}
    t_key = max(type_runs, key=lambda k: type_runs[k][1])
    cv["type_grid"] = {f"l2={k[0]} balanced={k[1]}": [round(v[0], 3), round(v[1], 3)] for k, v in type_runs.items()}
    cv["type_accuracy_weak_labels"], cv["type_macro_f1_weak_labels"] = (round(type_runs[t_key][0], 3), round(type_runs[t_key][1], 3))
    by_alpha = choices_by_alpha(quad_runs[q_key][1], type_runs[t_key][2])
    policy, f1_in = best_policy(gold, rule_classes, fillable, by_alpha)
    # an honest figure for the policy: choose it on four folds, apply it to the fifth
    nested = ["0"] * len(conf)
    for f in range(FOLDS):
        tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        pick = lambda a, idx: [a[i] for i in idx]  # noqa: E731
        p_f, _ = best_policy(pick(gold, tr), pick(rule_classes, tr), pick(fillable, tr),
                             {a: pick(c, tr) for a, c in by_alpha.items()})
        for i, c in zip(te, simulate(pick(rule_classes, te), pick(fillable, te), pick(by_alpha[p_f.alpha], te), p_f)):
            nested[i] = c
    cv["rules_plus_classifier_quad_macro_f1"] = round(macro_f1(gold, nested, QUAD_LABELS), 3)
    cv["rules_plus_classifier_quad_macro_f1_policy_in_sample"] = round(f1_in, 3)
    cv["classifier_only_quad_macro_f1"] = round(macro_f1(gold, [c.pentaclass for c in by_alpha[policy.alpha]], QUAD_LABELS), 3)
    # final heads on everything
    q_extra = extra if q_key[2] else []
    quad = fit(np.vstack([xc, xe]) if q_extra else xc, gold + [str(e.quad) for e in q_extra], QUAD_LABELS, q_key[0], q_key[1])
    typed = [i for i, e in enumerate(conf) if e.type_ is not None]
    type_head = fit(np.vstack([xc[typed], xe]), [str(conf[i].type_) for i in typed] + [str(e.type_) for e in extra],
                    TYPE_LABELS, t_key[0], t_key[1])
    card = {
        "model": "dyadwatch sentence classifier: two softmax-regression heads on sentence embeddings",
        "embedding_model": EMBEDDING_MODEL,
        "trained": date,
        "script": "tools/train_classifier.py",
        "data": {
            "conflibert_train": "conflibert-cameo/cameo_class/train.tsv (ConfliBERT, GPL-3.0; CAMEO manual sentences)",
            "codebook": "cameo-codebook/cameo-codes.csv (andybega/icews, MIT; CAMEO 1.1b3 manual text)",
            "own": "tools/classifier_sentences.tsv (written for dyadwatch)",
            "dedup": "every training sentence checked against every scored case of every suite "
                     "(evaluation.leakage.near_duplicates: normalised equality or half the word 4-grams)",
            "counts": counts,
            "weak_type_labels": Counter(str(e.type_) for e in conf if e.type_ is not None).most_common(),
            "type_unlabelled_conflibert": sum(e.type_ is None for e in conf),
        },
        "hyperparameters": {"quad": {"l2": q_key[0], "balanced": q_key[1], "codebook_and_own": q_key[2]},
                            "type": {"l2": t_key[0], "balanced": t_key[1]}},
        "policy": dataclasses.asdict(policy),
        "cross_validation": cv,
    }
    hashes = tuple(sorted({sentence_hash(e.text) for e in conf + extra}))
    return SentenceClassifier(quad, type_head, card, hashes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=None, help="default: the packaged model file")
    ap.add_argument("--cache", type=Path, default=None, help="embedding cache (.npz) for repeated runs")
    ap.add_argument("--date", default=_dt.date.today().isoformat(), help="date written in the card")
    ap.add_argument("--check", action="store_true", help="retrain and compare with the packaged weights")
    args = ap.parse_args()
    clf = train(args.data, args.cache, args.date)
    target = args.out or default_path()
    if args.check:
        shipped = SentenceClassifier.load(target)
        diffs = {name: float(np.abs(a.weight - b.weight).max()) for name, a, b in
                 (("quad", clf.quad, shipped.quad), ("type", clf.type_head, shipped.type_head))}
        same = clf.train_hashes == shipped.train_hashes and shipped.policy == clf.policy
        print(json.dumps({"max_abs_weight_difference": diffs, "same_data_and_policy": same}))
        raise SystemExit(0 if same and max(diffs.values()) < 1e-4 else 1)
    clf.save(target)
    print(json.dumps(clf.card["cross_validation"], indent=1))


if __name__ == "__main__":
    main()
