"""Rough speed check of dyadwatch.nlp.dates: prints microseconds per sentence.

Usage: ``python benchmarks/bench_dates.py [FILE]`` where FILE (optional) holds one sentence a
line; without it a built-in set of typical news sentences is used.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from dyadwatch.nlp.dates import find_time_expressions

SENTENCES = (
    "The foreign minister said on Thursday that talks with Seoul would resume next month.",
    "Japan and South Korea signed the treaty on 22 June 1965, normalising relations.",
    "In 2018, South Korea's Supreme Court ordered Japanese firms to compensate 1,500 workers.",
    "The president is expected to host a reception on Thursday 19 June for visiting leaders.",
    "Exports fell 3.2% in the first quarter of 2025, the ministry said in a statement.",
    "Protesters gathered outside the embassy, calling for the release of the detainees.",
    "Earlier this month, officials from both countries met in Tokyo for the May dialogue.",
    "The agreement, reached last year after months of negotiations, expires in December.",
    "Tensions have risen sharply since the 2023 election, analysts say.",
    "More than 3000 troops took part in the exercise, which ended two weeks ago.",
    "The ministry did not respond to a request for comment.",
    "Between 1910 and 1945 the peninsula was under Japanese colonial rule.",
)


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        lines = Path(argv[1]).read_text(encoding="utf-8").splitlines()
        sentences = tuple(s for s in lines if s.strip())
    else:
        sentences = SENTENCES
    ref = dt.date(2025, 6, 18)
    rounds = max(1, 20000 // len(sentences))
    for s in sentences:  # warm up
        find_time_expressions(s, ref)
    t0 = time.perf_counter()
    found = 0
    for _ in range(rounds):
        for s in sentences:
            found += len(find_time_expressions(s, ref))
    elapsed = time.perf_counter() - t0
    n = rounds * len(sentences)
    print(f"{n} sentences, {found / rounds:.0f} expressions per pass, "
          f"{elapsed / n * 1e6:.1f} us/sentence")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
