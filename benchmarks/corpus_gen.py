"""A deterministic corpus of news-like articles for the throughput benchmark.

The sentences come from our own templates (filled with public country names, capitals and
leaders' titles) and from the sentences of the articles in ``examples/`` (also our own writing),
shuffled together with a seeded random generator: the same arguments always give the same
corpus, byte for byte. Nothing is taken from ``../shared``. Usage:

    python benchmarks/corpus_gen.py OUT.jsonl[.gz] [--sentences 20000] [--seed 7]
                                    [--min-per-doc 8] [--max-per-doc 16]

Each line is a JSON object with ``id``, ``title``, ``published`` and ``text`` (the JSONL format
``dyadwatch ingest`` reads). :func:`generate` yields the same records for use from Python.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import hashlib
import io
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from dyadwatch.nlp.lang import detect_language

ROOT = Path(__file__).resolve().parents[1]

# (name, adjective, capital, leader's title) — public facts, our own wording.
COUNTRIES: tuple[tuple[str, str, str, str], ...] = (
    ("Japan", "Japanese", "Tokyo", "Prime Minister"),
    ("South Korea", "South Korean", "Seoul", "President"),
    ("China", "Chinese", "Beijing", "President"),
    ("the United States", "American", "Washington", "President"),
    ("Russia", "Russian", "Moscow", "President"),
    ("Ukraine", "Ukrainian", "Kyiv", "President"),
    ("India", "Indian", "New Delhi", "Prime Minister"),
    ("Pakistan", "Pakistani", "Islamabad", "Prime Minister"),
    ("France", "French", "Paris", "President"),
    ("Germany", "German", "Berlin", "Chancellor"),
    ("Turkey", "Turkish", "Ankara", "President"),
    ("Brazil", "Brazilian", "Brasilia", "President"),
    ("Egypt", "Egyptian", "Cairo", "President"),
    ("Israel", "Israeli", "Jerusalem", "Prime Minister"),
    ("Iran", "Iranian", "Tehran", "President"),
    ("Vietnam", "Vietnamese", "Hanoi", "Prime Minister"),
)
MINISTRIES = ("foreign minister", "defence minister", "trade minister", "finance minister")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
GOODS = ("steel", "semiconductors", "rice", "natural gas", "electric cars", "fertiliser")

# {A}/{B}: country names; {a}/{b}: adjectives; {cap_a}/{cap_b}: capitals; {lead_a}: title;
# {min}: a ministry; {day}: a weekday; {date}: a full date; {month}; {n}: a number; {goods}.
TEMPLATES: tuple[str, ...] = (
    "{A} and {B} agreed on {day} to resume talks on a new trade framework.",
    "The {a} {lead_a} met his {b} counterpart in {cap_b} on {date}.",
    "{A} accused {B} of violating the terms of the agreement, a charge {cap_b} denied.",
    "{A} imposed tariffs of {n} percent on {b} {goods} on {day}.",
    "{B} retaliated within hours by suspending imports of {a} {goods}.",
    "The {a} {min} visited {cap_b} last week for two days of talks.",
    "{A} expelled two {b} diplomats on {date}, citing espionage.",
    "{cap_a} summoned the {b} ambassador to protest against the remarks.",
    "{A} pledged {n} million dollars in humanitarian aid to {B} on {day}.",
    "{A} and {B} signed a defence cooperation pact in {cap_a} in {month}.",
    "{A} warned {B} that it would respond if the exercises continued.",
    "The {b} government rejected the proposal from {cap_a} on {day}.",
    "Troops from {A} shelled positions near the border with {B} early on {day}.",
    "{A} called on {B} to release the detained fishermen.",
    "{A} lifted its export restrictions on {b} {goods} in {month}.",
    "{A} threatened to impose sanctions on {B} over the dispute.",
    "{B} said it welcomed the decision by {A} to reopen the consulate.",
    "The {a} {lead_a} praised {B} for its role in the negotiations.",
    "{A} deployed additional warships near the disputed waters on {date}.",
    "Protesters gathered outside the {b} embassy in {cap_a} on {day}.",
    "{A} offered to mediate between {B} and its neighbours.",
    "The two sides held a phone call on {day} to discuss the crisis.",
    "{A} cut diplomatic ties with {B} in {month}.",
    "{A} and {B} exchanged {n} prisoners on {date}.",
    "Analysts said relations between {A} and {B} remained fragile.",
    "Trade between {A} and {B} reached {n} billion dollars last year.",
    "The {a} economy grew by {n} percent in the first quarter.",
    "{cap_a} is home to more than {n} million people.",
    "The ministry did not respond to a request for comment.",
    "Officials in {cap_b} declined to say when the talks would resume.",
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def example_sentences(folder: Path = ROOT / "examples") -> list[str]:
    """The sentences of the English example articles (plain text and JSON Lines bodies; the
    Japanese and Korean examples are left out: the corpus measures the English pipeline)."""
    texts: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        texts.append(" ".join(lines[2:]))  # line 1 title, line 2 dateline
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(str(json.loads(line)["text"]))
    out: list[str] = []
    for text in (t for t in texts if detect_language(t) == "en"):
        out += [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if len(s.split()) >= 4]
    return out


def _fill(template: str, rng: random.Random, year: int) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    date = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    text = template.format(
        A=a[0], B=b[0], a=a[1], b=b[1], cap_a=a[2], cap_b=b[2], lead_a=a[3],
        min=rng.choice(MINISTRIES), day=rng.choice(WEEKDAYS),
        date=f"{date.day} {MONTHS[date.month - 1]} {date.year}", month=rng.choice(MONTHS),
        n=rng.choice((2, 3, 10, 12, 25, 34, 50, 145, 390, 1000)), goods=rng.choice(GOODS),
    )  # fmt: skip
    return text[0].upper() + text[1:]


def generate(
    sentences: int = 20_000, *, seed: int = 7, min_per_doc: int = 8, max_per_doc: int = 16
) -> Iterator[dict[str, str]]:
    """Records (``id``, ``title``, ``published``, ``text``) holding ``sentences`` sentences in
    all, ``min_per_doc``–``max_per_doc`` per document (the last one may be shorter), about a
    third of them from the examples; no two documents alike. Deterministic in its arguments."""
    rng = random.Random(seed)
    pool = example_sentences()
    seen: set[bytes] = set()  # every document is distinct (a repeat would be skipped, not coded)
    left, index = sentences, 0
    while left > 0:
        k = min(left, rng.randint(min_per_doc, max_per_doc))
        published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(11 * 365))
        body: list[str] = []
        for _ in range(k):
            if pool and rng.random() < 0.33:
                body.append(rng.choice(pool))
            else:
                body.append(_fill(rng.choice(TEMPLATES), rng, published.year))
        paragraphs = [" ".join(body[i : i + 4]) for i in range(0, len(body), 4)]
        digest = hashlib.blake2b("\n\n".join(paragraphs).encode(), digest_size=12).digest()
        if digest in seen:
            continue
        seen.add(digest)
        yield {
            "id": f"gen-{seed}-{index:07d}",
            "title": _fill(rng.choice(TEMPLATES[:24]), rng, published.year).rstrip("."),
            "published": published.isoformat(),
            "text": "\n\n".join(paragraphs),
        }
        left -= k
        index += 1


def write(path: Path, records: Iterator[dict[str, str]]) -> int:
    """Write records as JSON Lines (gzip when ``path`` ends in ``.gz``); returns the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with contextlib.ExitStack() as stack:
        handle: IO[str]
        if path.suffix == ".gz":
            # no name and mtime=0 in the header: the same records give the same bytes
            raw = stack.enter_context(open(path, "wb"))
            packed = stack.enter_context(gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0))
            handle = stack.enter_context(io.TextIOWrapper(packed, encoding="utf-8"))
        else:
            handle = stack.enter_context(open(path, "w", encoding="utf-8"))
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--sentences", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-per-doc", type=int, default=8)
    ap.add_argument("--max-per-doc", type=int, default=16)
    args = ap.parse_args()
    n = write(args.out, generate(args.sentences, seed=args.seed, min_per_doc=args.min_per_doc,
                                 max_per_doc=args.max_per_doc))
    print(f"{n} documents, {args.sentences} sentences → {args.out}")


if __name__ == "__main__":
    main()
