"""Build ``src/dyadwatch/data/people_phoenix.tsv`` from the Phoenix country-actor dictionary.

``Phoenix.Countries.actors.txt`` (openeventdata/petrarch2, MIT licence; built by the Parus
Analytics CountryInfo project, copied to ``../shared/data/cameo-phoenix-dictionaries/``) lists
heads of state and government, ministers and other officials of every country with the CAMEO code
of each post and its dates::

    NICOLAS_MADURO            primary name
    +MADURO                   synonyms
    	[VENGOV >060901]       country + sector, from 1 September 2006 (yymmdd; "<" = until)

Each dated code of a person (a name of two words or more whose codes all carry dates) becomes a
row of our people table with role ``official``: the name, its synonyms of two words or more as
aliases, a one-word synonym that is the name's last word as surname, the country, the sector and
the dates. Persons ``people.tsv`` already lists (by normalised name or alias) are skipped: its rows,
with their exact offices, win. Codes whose country is not in ``countries.tsv`` or whose sector is
not one of ours are skipped. No sentence of any scored suite is read here.

    .venv/bin/python tools/build_phoenix_people.py            # write the table
    .venv/bin/python tools/build_phoenix_people.py --check    # fail if it is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from dyadwatch.coding.kb import SECTORS, KnowledgeBase, normalize_key  # noqa: E402
from built_tables import write_or_check  # noqa: E402  (tools/built_tables.py)

SOURCE = ROOT.parent / "shared" / "data" / "cameo-phoenix-dictionaries" / "Phoenix.Countries.actors.txt"
OUT = ROOT / "src" / "dyadwatch" / "data" / "people_phoenix.tsv"
CODE = re.compile(r"\[([A-Z]{3})([A-Z]{3})?[A-Z]*\s+([<>]?\d{6}(?:-\d{6})?)\]")


def words(raw: str) -> str:
    """"NICOLAS_MADURO_MOROS_" → "Nicolas Maduro Moros"."""
    parts = [p for p in raw.strip().strip("+").split("_") if p]
    return " ".join(p.capitalize() if not p.isdigit() else p for p in parts)


def day(yymmdd: str) -> str:
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]) or 1, int(yymmdd[4:6]) or 1
    year = 1900 + yy if yy >= 30 else 2000 + yy
    return f"{year:04d}-{min(mm, 12):02d}-{min(dd, 28):02d}"


def entries(text: str) -> list[tuple[str, list[str], list[tuple[str, str, str]]]]:
    """(name, synonyms, [(country, sector, date range)]) per dictionary entry."""
    out: list[tuple[str, list[str], list[tuple[str, str, str]]]] = []
    for line in text.splitlines():
        body = line.split("#")[0].rstrip()
        if not body.strip():
            continue
        if body.startswith("\t") or body.startswith(" "):
            if out:
                out[-1][2].extend((m.group(1), m.group(2) or "GOV", m.group(3)) for m in CODE.finditer(body))
            continue
        if body.startswith("+"):
            if out:
                out[-1][1].append(words(body))
            continue
        name = body.split("[")[0]
        undated = "[" in body and not CODE.search(body)
        out.append((words(name), [], [] if not undated else [("", "", "")]))
    return out


def rows(text: str, kb: KnowledgeBase) -> list[str]:
    known = {normalize_key(n) for p in kb.people if p.note != "Phoenix" for n in (p.name, *p.aliases)}
    codes = {c.iso3 for c in kb.countries}
    out: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for name, synonyms, posts in entries(text):
        if len(name.split()) < 2 or not posts or any(not rng for _, _, rng in posts):
            continue  # not a person: a country, a city, a group (no dated posts)
        if normalize_key(name) in known or any(normalize_key(s) in known for s in synonyms):
            continue
        last = name.split()[-1]
        surname = last if any(s == last for s in synonyms) else ""
        aliases = "|".join(dict.fromkeys(s for s in synonyms if len(s.split()) >= 2 and s != name))
        for country, sector, rng in posts:
            if country not in codes or sector not in SECTORS:
                continue
            if rng.startswith(">"):
                start, end = day(rng[1:]), ""
            elif rng.startswith("<"):
                start, end = "1945-01-01", day(rng[1:])
            else:
                a, _, b = rng.partition("-")
                start, end = day(a), day(b) if b else ""
            if end and end < start:
                continue
            key = (name, country, start)
            if key in seen:
                continue
            seen.add(key)
            out.append("\t".join((name, aliases, surname, country, sector, "official", start, end, "Phoenix")))
    return out


HEADER = ("# Derived from Phoenix.Countries.actors.txt (openeventdata/petrarch2, MIT licence; CountryInfo,\n"
          "# Parus Analytics) by tools/build_phoenix_people.py; do not edit (people.tsv rows win).\n"
          "name\taliases\tsurname\tcountry\tsector\trole\tstart\tend\tnote\n")


def build(make_rows: Callable[[str, KnowledgeBase], list[str]], header: str, out: Path, script: str) -> None:
    """The command line of a table built from the Phoenix dictionary: ``[--check] [--source F]``."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--source", type=Path, default=SOURCE)
    args = ap.parse_args()
    kb = KnowledgeBase.load()
    table = header + "".join(r + "\n" for r in make_rows(args.source.read_text(encoding="utf-8", errors="replace"), kb))
    write_or_check(out, table, script, args.check)


def main() -> None:
    build(rows, HEADER, OUT, "tools/build_phoenix_people.py")


if __name__ == "__main__":
    main()
