"""Checks of the Korean lexicon files in ``src/dyadwatch/data/ko`` (fast, no parser).

Every key of ``names.tsv`` must resolve in the knowledge base (so that a Korean surface always
leads to a known country, person, title, agent or body) and no surface may be listed twice
(the longest-match lookup needs one meaning per surface). ``cues.tsv`` and ``markers.tsv`` are
checked for well-formed rows: compilable regexes, known CAMEO codes, PLOVER types, modes, frames
and marker categories, and coverage of all 16 PLOVER types.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyadwatch.coding.cjk.lexicon import key_resolves
from dyadwatch.coding.kb import KnowledgeBase
from dyadwatch.coding.ontology import PLOVER_SCORES, PLOVER_TYPES, cameo_table

DATA = Path(__file__).resolve().parents[2] / "src/dyadwatch/data/ko"
KINDS = {"country", "countries", "capital", "person", "title", "agent", "body", "pair"}
FRAMES = {"", "joint", "recv"}
MARKER_CATEGORIES = {"negation", "negation_before", "future", "hypothetical", "speech", "report"}


def _rows(name: str) -> Iterator[dict[str, str]]:
    """The data rows of a TSV file of the Korean lexicon (comment lines skipped)."""
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


_resolves = key_resolves  # the loader's own check (coding/cjk/lexicon.py)


def test_names_header_and_size() -> None:
    rows = list(_rows("names.tsv"))
    assert set(rows[0]) == {"surface", "kind", "key", "note"}
    assert len(rows) >= 150
    assert {r["kind"] for r in rows} == KINDS


def test_every_name_key_resolves(kb: KnowledgeBase) -> None:
    bad = [(r["surface"], r["kind"], r["key"]) for r in _rows("names.tsv")
           if r["kind"] not in KINDS or not _resolves(kb, r["kind"], r["key"])]
    assert bad == []


def test_no_surface_listed_twice() -> None:
    seen: dict[str, int] = {}
    for r in _rows("names.tsv"):
        seen[r["surface"]] = seen.get(r["surface"], 0) + 1
    assert [s for s, n in seen.items() if n > 1] == []


def test_surfaces_are_clean() -> None:
    for r in _rows("names.tsv"):
        assert r["surface"] == r["surface"].strip() and r["surface"], r
        assert "\t" not in r["key"] and r["key"] == r["key"].strip(), r


def test_core_names_present() -> None:
    by_surface = {r["surface"]: (r["kind"], r["key"]) for r in _rows("names.tsv")}
    assert by_surface["대한민국"] == ("country", "KOR")
    assert by_surface["북한"] == ("country", "PRK")
    assert by_surface["한미일"] == ("countries", "KOR|USA|JPN")
    assert by_surface["도쿄"] == ("capital", "JPN")
    assert by_surface["이시바 시게루"] == ("person", "Shigeru Ishiba")
    assert by_surface["이재명"] == ("person", "Lee Jae-myung")
    assert by_surface["외무상"] == ("title", "foreign minister")
    assert by_surface["대법원"] == ("body", "Supreme Court")


def test_cue_rows_are_well_formed() -> None:
    table = cameo_table()
    rows = list(_rows("cues.tsv"))
    assert set(rows[0]) >= {"cue", "kind", "cameo", "type", "mode", "frame", "note"}
    assert len(rows) >= 150
    seen: set[tuple[str, str]] = set()
    for r in rows:
        re.compile(r["cue"])
        assert not r["cue"].startswith("^") and not r["cue"].endswith("$"), r
        assert r["kind"] in ("P", "N"), r
        assert (r["cue"], r["kind"]) not in seen, r
        seen.add((r["cue"], r["kind"]))
        assert r["cameo"] in table, r
        etype = r["type"] or table[r["cameo"]].plover
        assert etype in PLOVER_TYPES, r
        if r["mode"]:
            assert f"{etype}:{r['mode']}" in PLOVER_SCORES, r
        assert r["frame"] in FRAMES, r


def test_cues_cover_all_plover_types() -> None:
    table = cameo_table()
    types = {r["type"] or table[r["cameo"]].plover for r in _rows("cues.tsv")}
    assert types == set(PLOVER_TYPES)


@pytest.mark.parametrize(("text", "cameo"), [
    ("정상회담을 가졌다", "040"),
    ("만났다", "040"),
    ("수출 규제를 강화했다", "163"),
    ("화이트리스트에서 제외했다", "163"),
    ("남관표 대사를 초치했다", "114"),
    ("지소미아를 종료하기로", "161"),
    ("배상 판결", "116"),
    ("국교 정상화", "054"),
])
def test_key_cues_match(text: str, cameo: str) -> None:
    codes = {r["cameo"] for r in _rows("cues.tsv") if re.search(r["cue"], text)}
    assert cameo in codes


def test_marker_rows_are_well_formed() -> None:
    rows = list(_rows("markers.tsv"))
    assert set(rows[0]) >= {"marker", "category", "note"}
    for r in rows:
        re.compile(r["marker"])
        assert r["category"] in MARKER_CATEGORIES, r
    assert {r["category"] for r in rows} == MARKER_CATEGORIES
