"""Throughput of `dyadwatch extract` against plain spaCy `nlp.pipe`, same model, same texts;
and of Japanese and Korean coding beside it.

Both English runs parse the same documents with the same model (the one in Config) on one
process; the dyadwatch run adds actor matching, date finding and event coding. Runs are
interleaved and repeated; the best of each is reported, with the ratio. The Japanese and Korean
example articles are coded the same way and compared with their analysers alone (GiNZA's
SudachiPy tokenizer, Kiwi), which is what the coder parses with. Usage:

    python benchmarks/bench_extract.py [--repeat 3] [--copies 20] [--smoke]
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

import spacy

from dyadwatch.config import Config
from dyadwatch.ingest import read_paths
from dyadwatch.nlp.cjk import make_parser
from dyadwatch.nlp.lang import detect_language
from dyadwatch.pipeline import Coder
from dyadwatch.records import Article

ROOT = Path(__file__).resolve().parents[1]


def corpus(copies: int) -> list[Article]:
    paths = [ROOT / "examples"]
    shared = ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        paths += sorted(shared.glob("*.txt"))
    config = Config(pub_date=None)
    base = [a for a in read_paths(paths, config) if isinstance(a, Article)]
    return [a for _ in range(copies) for a in base]


def by_language(articles: list[Article]) -> dict[str, list[Article]]:
    out: dict[str, list[Article]] = {"en": [], "ja": [], "ko": []}
    for a in articles:
        out[detect_language(a.text)].append(a)
    return out


def bench_cjk(coder: Coder, lang: str, articles: list[Article], repeat: int) -> None:
    """Sentences/s of the coder on one language's articles, and of its analyser alone."""
    if not articles:
        print(f"{lang}: no example articles")
        return
    parser = make_parser(lang)
    n_sent = sum(len(parser.parse(a.text)) for a in articles)
    list(coder.code_articles(articles[:1]))  # load the analyser and tables
    best_parse = best_dw = float("inf")
    n_events = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        for a in articles:
            parser.parse(a.text)
        best_parse = min(best_parse, time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_events = sum(len(r.events) for r in coder.code_articles(articles))
        best_dw = min(best_dw, time.perf_counter() - t0)
    name = {"ja": "GiNZA tokenizer", "ko": "Kiwi"}[lang]
    print(f"{lang}: documents {len(articles)}  sentences {n_sent}  events {n_events}")
    print(f"{lang}: {name} alone: {n_sent / best_parse:8.1f} sentences/s; dyadwatch: {n_sent / best_dw:8.1f} "
          f"sentences/s (ratio {best_parse / best_dw:.2f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=20, help="copies of the corpus per run")
    ap.add_argument("--smoke", action="store_true", help="tiny run that checks the benchmark works")
    args = ap.parse_args()
    if args.smoke:
        args.repeat, args.copies = 1, 1
    coder = Coder(Config())
    nlp = spacy.load(coder.config.spacy_model)  # plain spaCy: no dyadwatch component
    languages = by_language(corpus(args.copies))
    articles = languages["en"]
    texts = [a.text for a in articles]
    list(coder.code_articles(articles[:2]))  # warm up both paths
    list(nlp.pipe(texts[:2]))
    n_sent = sum(len(list(doc.sents)) for doc in nlp.pipe(texts[: len(texts) // max(args.copies, 1)]))
    n_sent *= args.copies
    best_spacy = best_dw = float("inf")
    n_events = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=coder.config.batch_size):
            _ = list(doc.sents)
        best_spacy = min(best_spacy, time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_events = sum(len(r.events) for r in coder.code_articles(articles))
        best_dw = min(best_dw, time.perf_counter() - t0)
    spacy_rate, dw_rate = n_sent / best_spacy, n_sent / best_dw
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"documents: {len(articles)}  sentences: {n_sent}  events coded: {n_events}  repeats: {args.repeat}")
    print(f"spaCy nlp.pipe ({coder.config.spacy_model}): {spacy_rate:8.1f} sentences/s")
    print(f"dyadwatch extract:                 {dw_rate:8.1f} sentences/s")
    print(f"ratio extract / spaCy: {dw_rate / spacy_rate:.2f} (target >= 0.70)")
    for lang in ("ja", "ko"):
        bench_cjk(coder, lang, languages[lang], args.repeat)


if __name__ == "__main__":
    main()
