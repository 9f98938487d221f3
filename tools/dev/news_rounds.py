"""Development diagnostic: the rule coder on the CAMEO_ConfliBERT annotator-training rounds.

``../shared/data/cameo-conflibert-annotations`` holds 200 real news sentences (headlines and
leads) that 3-5 coders labelled with CAMEO codes and source/target spans. The labels are not
adjudicated, so this is not a scored suite: it is the English *development* set we tune the rule
coder on (no sentence of it is in a scored suite; checked with ``evaluation.leakage``).

Gold per sentence: "relevant" when most coders who finished it marked it relevant; the gold
CAMEO roots are those at least two coders chose (one coder's when only one labelled it).

    .venv/bin/python tools/dev/news_rounds.py            # figures
    .venv/bin/python tools/dev/news_rounds.py --show     # every sentence with gold and events
    .venv/bin/python tools/dev/news_rounds.py --classifier
"""

from __future__ import annotations

import argparse
import ast
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.config import Config  # noqa: E402
from dyadwatch.evaluation.leakage import near_duplicates, scored_sentences  # noqa: E402
from dyadwatch.pipeline import Coder  # noqa: E402
from rejected import note_rejected  # noqa: E402  (tools/dev/rejected.py)

ROUNDS = ("training_round_7", "training_round_9", "training_round_10")


@dataclass
class Gold:
    text: str
    votes: int = 0
    relevant: int = 0
    roots: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    targets: Counter[str] = field(default_factory=Counter)


def load(data: Path) -> list[Gold]:
    csv.field_size_limit(10**8)
    by_text: dict[str, Gold] = {}
    for rnd in ROUNDS:
        path = data / "cameo-conflibert-annotations" / rnd / "summary.csv"
        for row in csv.DictReader(path.open(encoding="utf-8")):
            text = row["sentences"].strip()
            gold = by_text.setdefault(text, Gold(text))
            for k in range(1, 6):
                if row.get(f"anncomplete_{k}") != "True":
                    continue
                gold.votes += 1
                if row.get(f"1_Relevant_{k}") == "True":
                    gold.relevant += 1
                roots = set()
                for a in range(1, 5):
                    code = row.get(f"Action{a}_CAMEO_{k}") or ""
                    if code and code != "NA" and "-" in code:
                        roots.add(code.split(" ")[0].split("-")[1].zfill(2))
                gold.roots.update(roots)
                ents = ast.literal_eval(row.get(f"entities_{k}") or "[]")
                gold.sources.update({t for lab, t, _ in ents if lab.startswith("Source")})
                gold.targets.update({t for lab, t, _ in ents if lab.startswith("Target")})
    return list(by_text.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--classifier", action="store_true")
    args = ap.parse_args()
    golds = load(args.data)
    scored = scored_sentences(args.data)
    leaks = near_duplicates([g.text for g in golds], scored)
    if leaks:
        raise SystemExit(f"{len(leaks)} development sentences are in scored suites")
    coder = Coder(Config().with_(classifier=args.classifier))
    rejected = note_rejected()
    tp = fp = fn = tn = root_hit = root_gold = 0
    for g in golds:
        rel = g.relevant * 2 > g.votes
        need = 2 if max(g.roots.values(), default=0) >= 2 else 1
        groots = {r for r, n in g.roots.items() if n >= need} if rel else set()
        rejected.clear()
        res = coder.code_text(g.text)
        events = [e for e in res.events if e.status != "negated"]
        pred = bool(events)
        tp += rel and pred
        fp += pred and not rel
        fn += rel and not pred
        tn += not rel and not pred
        if groots:
            root_gold += 1
            root_hit += bool(groots & {e.cameo_root for e in events})
        if args.show:
            mark = "OK " if rel == pred else ("FN " if rel else "FP ")
            print(f"{mark}{g.text}")
            print(f"     gold roots={sorted(groots)} src={list(g.sources)[:3]} tgt={list(g.targets)[:3]}")
            for e in events:
                src = [(a.name, a.country) for a in e.source]
                tgt = [(a.name, a.country) for a in e.target]
                print(f"     -> {e.event_type} {e.cameo_root} {e.trigger!r} {src} -> {tgt}")
            for r in rejected:
                print(f"     x  {r}")
    n = len(golds)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    print(f"sentences {n}: relevant {tp + fn}; event found in relevant {rec:.3f}, "
          f"precision {prec:.3f}, non-relevant left empty {tn / (tn + fp) if tn + fp else 0:.3f}; "
          f"root among events {root_hit}/{root_gold} = {root_hit / max(root_gold, 1):.3f}")


if __name__ == "__main__":
    main()
