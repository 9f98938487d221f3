"""Development diagnostic for quotes: what the extractor misses and adds on PolNeAR's *dev* split.

The PolNeAR test split (``../shared/data/polnear-test``) is scored by ``dyadwatch eval polnear``
and never inspected case by case. To tune the quote rules we use the public dev split of the
same corpus (networkdynamics/PolNeAR, ``data/dev``, commit 9b85973; no licence stated, so it is
not in this repository): put ``text/`` and ``attributions/`` in a folder and run

    .venv/bin/python tools/dev/polnear_misses.py FOLDER            # figures and cue counts
    .venv/bin/python tools/dev/polnear_misses.py FOLDER --show 40  # 40 misses with their sentence
    .venv/bin/python tools/dev/polnear_misses.py FOLDER --show 40 --boundary  # only boundary errors
    .venv/bin/dyadwatch eval polnear --data FOLDER                 # the same figures as the test

A second folder of 40 train-split articles (same layout, also outside the repository) serves to
check that a rule found on the dev split holds on texts it was not found on.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.coding.quotes import QuoteExtractor  # noqa: E402
from dyadwatch.config import Config  # noqa: E402
from dyadwatch.evaluation.polnear import covered, jaccard, load_polnear, pair, predicted, word_spans  # noqa: E402
from dyadwatch.ingest import content_hash  # noqa: E402
from dyadwatch.pipeline import Coder  # noqa: E402
from dyadwatch.records import Article  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--spurious", action="store_true", help="show predictions matching no gold")
    ap.add_argument("--boundary", action="store_true", help="show only misses a prediction overlaps")
    args = ap.parse_args()
    coder = Coder(Config())
    extractor = QuoteExtractor(coder.coder.resolver, coder.config)
    missed_cues: Counter[str] = Counter()
    shown = 0
    for item in load_polnear(args.folder):
        art = Article(doc_id=item.name, text=item.text, content_hash=content_hash(item.text), published=item.published)
        doc = coder.nlp(item.text)
        pred = predicted(extractor.attributions(art, doc, []))
        words = word_spans(item.text)
        g_sets = [covered(words, g.content) for g in item.attributions]
        p_sets = [covered(words, p.content) for p in pred]
        pairs = pair(g_sets, p_sets)
        got = {gi for gi, _, _ in pairs}
        used = {pi for _, pi, _ in pairs}
        for gi, g in enumerate(item.attributions):
            if gi in got:
                continue
            cue = " ".join(item.text[a:b] for a, b in g.cue).lower() if g.cue else "-"
            missed_cues[cue] += 1
            best = max((jaccard(g_sets[gi], p) for p in p_sets), default=0)
            if shown < args.show and not args.spurious and (best > 0 or not args.boundary):
                shown += 1
                lo = min(a for a, _ in g.content + g.cue + g.source)
                hi = max(b for _, b in g.content + g.cue + g.source)
                src = " ".join(item.text[a:b] for a, b in g.source)
                content = " | ".join(item.text[a:b] for a, b in g.content)
                print(f"MISS cue={cue!r} src={src!r} overlap={best:.2f}\n   {item.text[lo:hi]!r}\n   C: {content!r}")
                if best > 0:
                    pi = max(range(len(p_sets)), key=lambda k: jaccard(g_sets[gi], p_sets[k]))
                    print(f"   P: {' | '.join(item.text[a:b] for a, b in pred[pi].content)!r}")
        if args.spurious:
            for pi, p in enumerate(pred):
                if pi in used or shown >= args.show:
                    continue
                shown += 1
                best = max((jaccard(p_sets[pi], g) for g in g_sets), default=0)
                cue = " ".join(item.text[a:b] for a, b in p.cue)
                print(f"EXTRA cue={cue!r} overlap={best:.2f}: {' | '.join(item.text[a:b] for a, b in p.content)!r}")
    print("missed by cue:", missed_cues.most_common(60))


if __name__ == "__main__":
    main()
