"""Build ``src/dyadwatch/data/places.tsv`` (cities and regions → country) from the Phoenix
country-actor dictionary.

``Phoenix.Countries.actors.txt`` (openeventdata/petrarch2, MIT licence; built by the Parus
Analytics CountryInfo project, copied to ``../shared/data/cameo-phoenix-dictionaries/``) codes a
country's name together with its cities, provinces and regions as synonyms of one entry whose
code is the bare country (no sector)::

    IRAQ_                     primary name
    +BAGHDAD_                 synonyms: other names, cities, provinces
    +KIRKUK_
    	[IRQ <20030320]        the country (dated where it changed)

Every name of such an entry whose bare codes give one country of ``countries.tsv`` becomes a row
``name, country`` (Iraq's entry is also coded IRQOCC for the occupation years). Left out: names
that are already a country name, alias, demonym or capital of our table (that table decides
them), names of one or two letters, names that more than one country claims, and entries with
sector codes only (persons, bodies: actors, not places). No sentence of any scored suite is read
here.

    .venv/bin/python tools/build_places.py            # write the table
    .venv/bin/python tools/build_places.py --check    # fail if it is out of date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from dyadwatch.coding.kb import KnowledgeBase, name_key  # noqa: E402
from build_phoenix_people import build, words  # noqa: E402  (tools/build_phoenix_people.py)

OUT = ROOT / "src" / "dyadwatch" / "data" / "places.tsv"
#: A code in brackets: the country (three letters), maybe more letters (a sector), maybe dates.
ANY_CODE = re.compile(r"\[([A-Z]{3})([A-Z]*)[^\]]*\]")


def entries(text: str) -> list[tuple[list[str], list[tuple[str, str]]]]:
    """([primary name, synonyms…], [(country, sector letters)]) per dictionary entry."""
    out: list[tuple[list[str], list[tuple[str, str]]]] = []
    for line in text.splitlines():
        body = line.split("#")[0].rstrip()
        if not body.strip():
            continue
        codes = [(m.group(1), m.group(2)) for m in ANY_CODE.finditer(body)]
        if body.startswith(("\t", " ")):
            if out:
                out[-1][1].extend(codes)
            continue
        if body.startswith("+"):
            if out:
                out[-1][0].append(words(body.split("[")[0]))
            continue
        out.append(([words(body.split("[")[0])], codes))
    return out


def rows(text: str, kb: KnowledgeBase) -> list[str]:
    known = {c.iso3 for c in kb.countries}
    claims: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for found, codes in entries(text):
        countries = {c for c, sector in codes if not sector}
        if len(countries) != 1:
            continue  # a person or a body (only sector codes), or no single country
        (iso3,) = countries
        if iso3 not in known:
            continue
        for name in found:
            key = name_key(name)  # the key the knowledge base reads the table under
            if len(key.replace(" ", "")) < 3 or kb.country(name) is not None:
                continue
            claims.setdefault(key, set()).add(iso3)
            names.setdefault(key, name)
    return [f"{names[k]}\t{next(iter(v))}" for k, v in sorted(claims.items()) if len(v) == 1]


HEADER = ("# Derived from Phoenix.Countries.actors.txt (openeventdata/petrarch2, MIT licence; CountryInfo,\n"
          "# Parus Analytics) by tools/build_places.py; do not edit. Cities and regions -> country.\n"
          "name\tcountry\n")


def main() -> None:
    build(rows, HEADER, OUT, "tools/build_places.py")


if __name__ == "__main__":
    main()
