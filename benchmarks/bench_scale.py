"""Corpus-scale throughput, in one run, on a generated corpus (benchmarks/corpus_gen.py):

- sentences/s of plain spaCy ``nlp.pipe`` (same model, no dyadwatch component), of the full
  pipeline (read, parse, code) in this process, on 2 local worker processes and on a 2-worker
  Dask ``LocalCluster``, and the ratios;
- peak memory per worker, on 2 local workers over a small and a 10× larger corpus;
- seconds to store the results in DuckDB (``Store.add_documents`` in batches, as
  ``dyadwatch ingest`` does, and the Parquet load of the Dask run);
- a dyad monthly series on a generated table of 1 million events, through the store's SQL.

Sentences/s divide the corpus's sentence count (as generated) by wall-clock seconds. Worker
start-up (loading the model) is reported apart; the rates after start-up are the ones the
targets apply to. Usage:

    python benchmarks/bench_scale.py [--smoke] [--sentences 20000] [--markdown docs/performance.md]

``--smoke`` is a small run that checks everything works (CI), not how fast.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb
import psutil
import spacy
from corpus_gen import example_sentences, generate, write

from dyadwatch.config import Config
from dyadwatch.pipeline import Coder, Result
from dyadwatch.scale import RunStats, load_dir, run_dask, run_local
from dyadwatch.store import Store

ROOT = Path(__file__).resolve().parents[1]
GB = 1 << 30


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": f"{cpu}, {os.cpu_count()} logical cores",
        "memory": f"{psutil.virtual_memory().total / GB:.1f} GiB",
        "system": f"{platform.system()} {platform.release()}, Python {platform.python_version()}",
        "versions": f"spaCy {spacy.__version__}, DuckDB {duckdb.__version__}",
        "load": "load average at start: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def bench_spacy(model: str, texts: list[str], sentences: int, batch: int) -> dict[str, float]:
    nlp = spacy.load(model)
    list(nlp.pipe(texts[:4]))
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch):
        _ = list(doc.sents)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "rate": sentences / seconds}


def bench_local(corpus: Path, workers: int, sentences: int, coder: Coder | None = None,
                keep: bool = False) -> dict[str, Any]:  # fmt: skip
    """Throughput of ``run_local``; ``rate`` leaves out start-up (until every worker has its
    model) and the sentences coded during it."""
    stats = RunStats()
    results: list[Result] = []
    during_startup = 0
    t0 = time.perf_counter()
    m0 = time.monotonic()
    for item in run_local([corpus], Config(), workers, coder=coder, stats=stats):
        if isinstance(item, Result):
            if stats.ready_at is None:
                during_startup += len(item.sentences)
            if keep:
                results.append(item)
    seconds = time.perf_counter() - t0
    startup = (stats.ready_at - m0) if stats.ready_at is not None else 0.0
    steady = (stats.sentences - during_startup) / max(seconds - startup, 1e-9)
    scale = sentences / max(stats.sentences, 1)  # in the corpus's own sentence count
    return {"seconds": seconds - startup, "startup": startup, "rate_total": sentences / seconds,
            "rate": steady * scale, "stats": stats, "results": results}  # fmt: skip


def bench_dask(corpus: Path, work: Path, sentences: int, chunk: int) -> dict[str, Any]:
    from distributed import LocalCluster

    t0 = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:  # fmt: skip
        cluster_s = time.perf_counter() - t0
        warm = work / "warm.jsonl"
        write(warm, generate(40, seed=1, min_per_doc=2, max_per_doc=2))
        t1 = time.perf_counter()
        with Store(work / "warm.duckdb") as store:  # loads the model on each worker
            run_dask([warm], Config(), cluster.scheduler_address, work / "warm-parts", store=store,
                     chunk_size=1)  # fmt: skip
        warm_s = time.perf_counter() - t1
        stats = RunStats()
        t2 = time.perf_counter()
        with Store(work / "dask.duckdb") as store:
            run_dask([corpus], Config(), cluster.scheduler_address, work / "parts", store=store,
                     stats=stats, chunk_size=chunk)  # fmt: skip
        seconds = time.perf_counter() - t2
    return {"seconds": seconds, "cluster": cluster_s, "startup": warm_s, "rate": sentences / seconds,
            "stats": stats}  # fmt: skip


def bench_store(results: list[Result], work: Path, batch: int) -> float:
    t0 = time.perf_counter()
    with Store(work / "load.duckdb") as store:
        for i in range(0, len(results), batch):
            part = results[i : i + batch]
            store.add_documents([(r.article, r.sentences, r.events, r.quotes, r.indicators) for r in part])
    return time.perf_counter() - t0


def bench_parquet_load(work: Path) -> float:
    t0 = time.perf_counter()
    with Store(work / "parquet-load.duckdb") as store:
        load_dir(store, work / "parts")
    return time.perf_counter() - t0


def bench_memory(work: Path, sizes: list[int]) -> list[dict[str, Any]]:
    out = []
    for n in sizes:
        corpus = work / f"mem-{n}.jsonl"
        write(corpus, generate(2 * n, seed=11, min_per_doc=2, max_per_doc=2))  # n documents
        stats = RunStats()
        t0 = time.perf_counter()
        for _ in run_local([corpus], Config(), 2, stats=stats):
            pass
        out.append({"documents": stats.coded, "seconds": time.perf_counter() - t0,
                    "peak": max(stats.peak_rss.values())})  # fmt: skip
    return out


# Resident memory is sampled (psutil): a child's getrusage peak starts at its parent's size.
_READ_SCRIPT = """
import sys, time, psutil
from dyadwatch.config import Config
from dyadwatch.scale import Chunk, chunk_stream
me = psutil.Process()
base = peak = me.memory_info().rss
t0 = time.perf_counter()
n = 0
for i, c in enumerate(chunk_stream([sys.argv[1]], Config(), 64)):
    n += len(c.articles) if isinstance(c, Chunk) else 0
    if i % 50 == 0:
        peak = max(peak, me.memory_info().rss)
print(n, time.perf_counter() - t0, base, max(peak, me.memory_info().rss))
"""


def bench_large_input(work: Path, lines: int) -> dict[str, float]:
    """Stream a gzip JSON Lines file of ``lines`` records through the driver's reader and
    chunker (no coding), in a fresh process: seconds and that process's peak memory."""
    path = work / "large.jsonl.gz"
    sentences = [s for s, *_ in zip(example_sentences(), range(50), strict=False)]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for i in range(lines):
            text = f"{sentences[i % len(sentences)]} (record {i})"
            handle.write(json.dumps({"id": f"L{i}", "text": text, "published": "2024-05-01"}) + "\n")
    out = subprocess.run([sys.executable, "-c", _READ_SCRIPT, str(path)], check=True,
                         capture_output=True, text=True).stdout.split()  # fmt: skip
    return {"lines": lines, "read": int(out[0]), "seconds": float(out[1]), "base": int(out[2]),
            "peak": int(out[3]), "mb": path.stat().st_size / 1e6}  # fmt: skip


_COUNTRIES = ["JPN", "KOR", "CHN", "USA", "RUS", "UKR", "IND", "PAK", "FRA", "DEU", "TUR", "BRA",
              "EGY", "ISR", "IRN", "VNM"]  # fmt: skip
_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]  # fmt: skip
SERIES_SQL = """
SELECT date_trunc('month', date_start) AS month, count(*) AS n_events,
       count(*) FILTER (WHERE quad_class <= 2) AS n_coop,
       count(*) FILTER (WHERE quad_class >= 3) AS n_conflict,
       sum(goldstein) AS goldstein_sum
FROM events
WHERE date_start IS NOT NULL
  AND ((list_contains(source_countries, ?) AND list_contains(target_countries, ?))
    OR (list_contains(source_countries, ?) AND list_contains(target_countries, ?)))
GROUP BY 1 ORDER BY 1
"""


def bench_query(work: Path, n: int, repeat: int = 5) -> dict[str, float]:
    path = work / "events.duckdb"
    Store(path).close()  # the schema
    con = duckdb.connect(str(path))
    con.execute("SET enable_progress_bar = false")
    countries, types = _COUNTRIES, _TYPES
    t0 = time.perf_counter()
    con.execute(f"""
        INSERT INTO events (event_id, content_hash, doc_id, sentence_id, text, span_start, span_end,
            event_type, contexts, status, quad_class, intensity, goldstein, date, date_start,
            date_precision, date_basis, published, confidence, coder_version, source_countries,
            target_countries, source, target)
        SELECT 'ev-' || i, 'h' || (i // 10), 'd' || (i // 10), 's' || (i // 3), 'text', 0, 4,
            {types}[1 + i % 16], [], 'asserted', 1 + (i * 7) % 4, 1.0, ((i * 13) % 21) - 10.0,
            strftime(d, '%Y-%m-%d'), d, 'day', 'explicit', d, 0.9, 'bench',
            [{countries}[1 + CAST(hash(i) % 16 AS BIGINT)]],
            [{countries}[1 + CAST(hash(i + {n}) % 16 AS BIGINT)]], '[]', '[]'
        FROM (SELECT i, DATE '1990-01-01' + CAST((i * 7919) % 13000 AS INTEGER) AS d
              FROM range({n}) t(i))
    """)  # fmt: skip
    con.close()
    build = time.perf_counter() - t0
    times = []
    with Store(path, read_only=True) as store:
        assert store.counts()["events"] == n
        for _ in range(repeat):
            t1 = time.perf_counter()
            rows = store._fetch(SERIES_SQL, ["JPN", "KOR", "KOR", "JPN"])  # the store's SQL
            times.append(time.perf_counter() - t1)
        t2 = time.perf_counter()
        frame = store.events("JPN-KOR", mentions=True)
        frame_s = time.perf_counter() - t2
    return {"events": n, "build": build, "best": min(times), "median": sorted(times)[len(times) // 2],
            "months": len(rows), "dyad_events": len(frame), "frame": frame_s}  # fmt: skip


def report(m: dict[str, str], r: dict[str, Any], args: argparse.Namespace) -> str:
    one, two, dask = r["one"], r["two"], r["dask"]
    mem_lines = "\n".join(
        f"| {x['documents']:,} documents | {x['peak'] / 2**20:,.0f} MiB | {x['seconds']:.1f} s |"
        for x in r["memory"]
    )
    q, lg = r["query"], r["large"]
    per_worker = ", ".join(f"{v / 2**20:,.0f}" for v in two["stats"].peak_rss.values())
    dask_mem = ", ".join(f"{v / 2**20:,.0f}" for v in dask["stats"].peak_rss.values())
    return f"""# Performance

Measured by `make bench` (`benchmarks/bench_scale.py{' --smoke' if args.smoke else ''}`) on
{time.strftime('%Y-%m-%d')}. Corpus: `benchmarks/corpus_gen.py`, {r['sentences']:,} sentences in
{r['documents']:,} documents (seed {args.seed}; our own templates and the sentences of
`examples/`). Sentences/s = the corpus's sentences / wall-clock seconds.

**Machine:** {m['cpu']}; {m['memory']}; {m['system']}; {m['versions']}; {m['load']}
(other work on the machine makes these figures noisy; compare runs on a quiet machine).

## Throughput

| run | seconds | sentences/s | ratio | target |
|---|---:|---:|---:|---|
| plain spaCy `nlp.pipe` ({r['model']}) | {r['spacy']['seconds']:.1f} | {r['spacy']['rate']:,.0f} | 1.00 | |
| full pipeline, 1 worker (this process) | {one['seconds']:.1f} | {one['rate']:,.0f} | {one['rate'] / r['spacy']['rate']:.2f} × spaCy | ≥ 0.70 × spaCy |
| full pipeline, 2 local workers | {two['seconds']:.1f} (+{two['startup']:.1f} start-up) | {two['rate']:,.0f} | {two['rate'] / one['rate']:.2f} × 1 worker | ≥ 1.6 × 1 worker |
| full pipeline, 2-worker Dask `LocalCluster` | {dask['seconds']:.1f} (+{dask['startup']:.1f} start-up) | {dask['rate']:,.0f} | {dask['rate'] / one['rate']:.2f} × 1 worker | |

The 2-worker rates leave out start-up (each worker loading the model; in the table after
"+"); with it, 2 local workers ran at {two['rate_total']:,.0f} sentences/s on this corpus. The Dask
rate includes writing Parquet and loading it into DuckDB as chunks complete
(the cluster itself took {dask['cluster']:.1f} s to start).

## Memory per worker

Peak resident memory of each worker process (`getrusage`), 2 local workers, documents of two
sentences: flat when the corpus grows tenfold (target ≤ 1 GiB).

| corpus | peak per worker | seconds |
|---|---:|---:|
{mem_lines}

On the throughput corpus: local workers {per_worker} MiB; Dask workers {dask_mem} MiB (Dask's
own memory included).

## DuckDB

| step | seconds |
|---|---:|
| store {r['documents']:,} coded documents (`Store.add_documents`, batches of {r['batch']}) | {r['store']:.2f} |
| load the Dask run's Parquet chunks (`dyadwatch.scale.load_dir`) | {r['parquet']:.2f} |
| build a table of {q['events']:,} generated events | {q['build']:.2f} |
| dyad monthly series (JPN–KOR, `GROUP BY date_trunc('month', …)`, {q['months']} months), best of 5 | {q['best']:.3f} (median {q['median']:.3f}) |
| `store.events("JPN-KOR", mentions=True)` as a DataFrame ({q['dyad_events']:,} events) | {q['frame']:.2f} |

Target: the monthly series on 1 million events under 1 s.

## A large input

One gzip-compressed JSON Lines file of {lg['lines']:,} records ({lg['mb']:,.0f} MB compressed)
streamed through the driver's reader and chunker, without coding: {lg['read']:,} documents in
{lg['seconds']:.1f} s ({lg['read'] / lg['seconds']:,.0f} documents/s). Peak memory of that process:
{lg['base'] / 2**20:,.0f} MiB after imports, {lg['peak'] / 2**20:,.0f} MiB after reading every record
(resident memory sampled every 50 chunks; the model is not loaded there).
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smoke", action="store_true", help="a small run that checks it works")
    ap.add_argument("--sentences", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--memory-docs", default="5000,50000", help="corpus sizes for the memory check")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--large-lines", type=int, default=1_000_000, help="records in the large-input check")
    ap.add_argument("--markdown", type=Path, default=None,
                    help="write the report here (default: docs/performance.md, not with --smoke)")
    args = ap.parse_args()
    if args.smoke:
        args.sentences, args.memory_docs, args.events, args.large_lines = 600, "50,200", 20_000, 10_000
    markdown = args.markdown or (None if args.smoke else ROOT / "docs" / "performance.md")
    m = machine()
    work = Path(tempfile.mkdtemp(prefix="dyadwatch-bench-"))
    try:
        corpus = work / "corpus.jsonl"
        documents = write(corpus, generate(args.sentences, seed=args.seed))
        coder = Coder(Config())
        texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
        r: dict[str, Any] = {"sentences": args.sentences, "documents": documents,
                             "model": coder.config.spacy_model, "batch": coder.config.batch_size}  # fmt: skip
        coder.code_text(texts[0])  # warm up
        r["spacy"] = bench_spacy(coder.config.spacy_model, texts, args.sentences, coder.config.batch_size)
        print(f"spaCy: {r['spacy']['rate']:,.0f} sentences/s", flush=True)
        r["one"] = bench_local(corpus, 1, args.sentences, coder=coder)
        print(f"1 worker: {r['one']['rate']:,.0f} sentences/s", flush=True)
        r["two"] = bench_local(corpus, 2, args.sentences, keep=True)  # results for the store step
        print(f"2 workers: {r['two']['rate']:,.0f} sentences/s", flush=True)
        r["dask"] = bench_dask(corpus, work, args.sentences, chunk=64)
        print(f"Dask: {r['dask']['rate']:,.0f} sentences/s", flush=True)
        r["store"] = bench_store(r["two"]["results"], work, coder.config.batch_size)
        r["parquet"] = bench_parquet_load(work)
        r["memory"] = bench_memory(work, [int(x) for x in args.memory_docs.split(",")])
        r["query"] = bench_query(work, args.events)
        r["large"] = bench_large_input(work, args.large_lines)
        text = report(m, r, args)
        print(text)
        if markdown is not None:
            markdown.write_text(text, encoding="utf-8")
            print(f"→ {markdown}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
