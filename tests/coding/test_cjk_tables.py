"""Checks shared by the Japanese and Korean lexicon tables in ``src/dyadwatch/data/{ja,ko}``
(fast, no parser); the checks of one language's content are in test_names_ja.py and
test_names_ko.py.

Every key of ``names.tsv`` must resolve in the knowledge base — countries through
``kb.country_by_code``, persons through ``kb.persons`` (the canonical name itself), titles,
agents and bodies through ``kb.title``/``kb.agent``/``kb.body`` — so that a surface always leads
to a known actor, and no surface may be listed twice, ``#pending`` rows included (the
longest-match lookup needs one meaning per surface). ``cues.tsv`` and ``markers.tsv`` must have
well-formed rows: compilable regexes without capturing groups or anchors, known CAMEO codes,
PLOVER types, modes, frames and marker categories, and cues for all 16 PLOVER types.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from dyadwatch.coding.cjk.lexicon import key_resolves
from dyadwatch.coding.kb import KnowledgeBase
from dyadwatch.coding.ontology import PLOVER_SCORES, PLOVER_TYPES, cameo_table

LANGS = ("ja", "ko")
KINDS = {"country", "countries", "capital", "person", "title", "agent", "body", "pair"}
FRAMES = {"", "joint", "recv"}
MARKER_CATEGORIES = {
    "ja": {"negation", "future", "hypothetical", "speech", "report"},
    "ko": {"negation", "negation_before", "future", "hypothetical", "speech", "report"},
}
Rows = Callable[[str, str], list[dict[str, str]]]


@pytest.mark.parametrize("lang", LANGS)
def test_names_header_and_size(cjk_rows: Rows, lang: str) -> None:
    rows = cjk_rows(lang, "names.tsv")
    assert set(rows[0]) == {"surface", "kind", "key", "note"}
    assert len(rows) >= 150
    assert {r["kind"] for r in rows} == KINDS


@pytest.mark.parametrize("lang", LANGS)
def test_every_name_key_resolves(cjk_rows: Rows, kb: KnowledgeBase, lang: str) -> None:
    bad = [(r["surface"], r["kind"], r["key"]) for r in cjk_rows(lang, "names.tsv")
           if r["kind"] not in KINDS or not key_resolves(kb, r["kind"], r["key"])]
    assert bad == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_surface_listed_twice(cjk_rows: Rows, cjk_pending: Callable[[str], list[list[str]]], lang: str) -> None:
    surfaces = [r["surface"] for r in cjk_rows(lang, "names.tsv")] + [cells[0] for cells in cjk_pending(lang)]
    assert sorted({s for s in surfaces if surfaces.count(s) > 1}) == []


@pytest.mark.parametrize("lang", LANGS)
def test_surfaces_are_clean(cjk_rows: Rows, lang: str) -> None:
    for r in cjk_rows(lang, "names.tsv"):
        assert r["surface"] and r["surface"] == r["surface"].strip(), r
        assert r["key"] and r["key"] == r["key"].strip() and "\t" not in r["key"], r


@pytest.mark.parametrize("lang", LANGS)
def test_cue_rows_are_well_formed(cjk_rows: Rows, lang: str) -> None:
    table = cameo_table()
    rows = cjk_rows(lang, "cues.tsv")
    assert set(rows[0]) == {"cue", "kind", "cameo", "type", "mode", "frame", "note"}
    assert len(rows) >= 150
    seen: set[tuple[str, str]] = set()
    for r in rows:
        pattern = re.compile(r["cue"])
        assert pattern.groups == 0, r  # non-capturing groups only
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


@pytest.mark.parametrize("lang", LANGS)
def test_cues_cover_all_plover_types(cjk_rows: Rows, lang: str) -> None:
    table = cameo_table()
    types = {r["type"] or table[r["cameo"]].plover for r in cjk_rows(lang, "cues.tsv")}
    assert types == set(PLOVER_TYPES)


@pytest.mark.parametrize("lang", LANGS)
def test_marker_rows_are_well_formed(cjk_rows: Rows, lang: str) -> None:
    rows = cjk_rows(lang, "markers.tsv")
    assert set(rows[0]) == {"marker", "category", "note"}
    for r in rows:
        re.compile(r["marker"])
        assert r["category"] in MARKER_CATEGORIES[lang], r
    assert {r["category"] for r in rows} == MARKER_CATEGORIES[lang]
