"""Development diagnostic: the rule coder on the ConfliBERT CAMEO *train* split.

The issue allows learning from ``conflibert-cameo/*/train*`` once deduplicated against every
scored sentence; its sentences come from the CAMEO manual like the PLOVER gold and ConfliBERT
test suites, so it is where the rule coder's cues and actor rules are checked and tuned. Every
train sentence that a scored suite repeats (``evaluation.leakage.near_duplicates``) is dropped.

    .venv/bin/python tools/dev/conflibert_train.py                  # macro-F1 and confusion
    .venv/bin/python tools/dev/conflibert_train.py --show 60        # misses with the rule coder's
                                                                    # events and rejected events
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.config import Config  # noqa: E402
from dyadwatch.evaluation.leakage import near_duplicates, normalize_sentence, scored_sentences  # noqa: E402
from dyadwatch.evaluation.scoring import CAMEO_ROOT_TO_PENTACLASS, macro_f1  # noqa: E402
from dyadwatch.evaluation.suites import conflibert_rows  # noqa: E402
from dyadwatch.pipeline import Coder  # noqa: E402
from rejected import note_rejected  # noqa: E402  (tools/dev/rejected.py)


def spans(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Normalised sentence → (source spans, target spans) from the BIO file."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for block in path.read_text(encoding="utf-8").replace("\r", "").split("\n\n"):
        pairs = [ln.rsplit(" ", 1) for ln in block.splitlines() if " " in ln]
        if not pairs:
            continue
        found: dict[str, list[str]] = {"S": [], "T": [], "R": []}
        cur: list[str] = []
        kind = ""
        for tok, tag in pairs + [["", "O"]]:
            if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != kind):
                if cur:
                    found[kind].append(" ".join(cur))
                cur, kind = ([tok], tag[2:]) if tag != "O" else ([], "")
            else:
                cur.append(tok)
        key = normalize_sentence(" ".join(t for t, _ in pairs))
        out[key] = (found["S"] + found["R"], found["T"] + found["R"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--classifier", action="store_true")
    ap.add_argument("--show-targets", type=int, default=0, help="show N sentences whose events miss the gold target's country")
    args = ap.parse_args()
    base = args.data / "conflibert-cameo"
    rows = conflibert_rows(base / "cameo_class" / "train.tsv")
    texts = [text for _, text, _ in rows]
    leaks = set(near_duplicates(texts, scored_sentences(args.data)))
    kept = [(text, label) for i, (_, text, label) in enumerate(rows) if i not in leaks]
    ner = spans(base / "cameo_ner" / "train.txt")
    coder = Coder(Config().with_(classifier=args.classifier))
    rejected = note_rejected()
    gold, pred = [], []
    shown = 0
    resolver = coder.coder.resolver
    sides = {"source": [0, 0], "target": [0, 0]}  # [right, with gold countries]

    def span_countries(spans_: list[str]) -> set[str]:
        out: set[str] = set()
        for span in spans_:
            doc = coder.nlp(span)
            for m in resolver.mentions(doc).values():
                c = resolver.kb.country(m.text)
                if c is not None:
                    out.add(c.iso3)
                for p in resolver.kb.persons(m.text) if m.kind in ("person", "PERSON") else []:
                    out.add(p.country)
                    break
        return out

    for text, label in kept:
        rejected.clear()
        events = [e for e in coder.code_text(text).events if e.status != "negated"]
        top = max(events, key=lambda e: e.confidence) if events else None
        guess = CAMEO_ROOT_TO_PENTACLASS.get(top.cameo_root, "?") if top else "0"
        gold.append(label)
        pred.append(guess)
        src_spans, tgt_spans = ner.get(normalize_sentence(text), ([], []))
        for side, spans_ in (("source", src_spans), ("target", tgt_spans)):
            want = span_countries(spans_)
            if want and label != "0":
                sides[side][1] += 1
                got = {a.country for e in events for a in getattr(e, side)}
                sides[side][0] += bool(want & got)
                if side == "target" and events and not want & got and args.show_targets > 0:
                    args.show_targets -= 1
                    print(f"TARGET want={sorted(want)} {text}\n     gold T={spans_}")
                    for e in events:
                        print(f"     -> {e.event_type} {e.trigger!r} {[(a.name, a.country) for a in e.source]}"
                              f" -> {[(a.name, a.country) for a in e.target]}")
        if guess != label and shown < args.show:
            shown += 1
            src, tgt = ner.get(normalize_sentence(text), ([], []))
            print(f"{label}->{guess} {text}\n     gold S={src} T={tgt}")
            for e in events:
                print(f"     -> {e.event_type} {e.cameo_root} {e.trigger!r} "
                      f"{[(a.name, a.country) for a in e.source]} -> {[(a.name, a.country) for a in e.target]}")
            for r in rejected:
                print(f"     x  {r}")
    for side, (right, total) in sides.items():
        print(f"{side} country shared with the gold span's (non-statement sentences): {right}/{total} = "
              f"{right / max(total, 1):.3f}")
    labels = sorted(set(gold))
    confusion = Counter(zip(gold, pred))
    print(f"{len(kept)} train sentences ({len(leaks)} dropped as repeated by a scored suite); "
          f"macro-F1 {macro_f1(gold, pred, labels):.3f}")
    print("gold\\pred " + " ".join(f"{p:>4}" for p in labels + ["?"]))
    for g in labels:
        print(f"{g:>9} " + " ".join(f"{confusion[(g, p)]:>4}" for p in labels + ["?"]))


if __name__ == "__main__":
    main()
