"""Checks of the Japanese lexicon files in ``src/dyadwatch/data/ja`` (fast, no parser).

Every key of ``names.tsv`` must resolve in the knowledge base — countries through
``kb.country_by_code``, persons through ``kb.persons`` (the canonical name itself), titles,
agents and bodies through ``kb.title``/``kb.agent``/``kb.body`` — so that a Japanese surface always
leads to a known actor, and no surface may be listed twice (the longest-match lookup needs one
meaning per surface). Rows commented out as ``#pending`` name persons that people.tsv lacks; they
are checked for shape only. ``cues.tsv`` and ``markers.tsv`` are checked for well-formed rows and
for coverage of all 16 PLOVER types, and a few key phrases of Japan–Korea news must hit the
intended CAMEO code.
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

DATA = Path(__file__).resolve().parents[2] / "src/dyadwatch/data/ja"
KINDS = {"country", "countries", "capital", "person", "title", "agent", "body", "pair"}
FRAMES = {"", "joint", "recv"}
MARKER_CATEGORIES = {"negation", "future", "hypothetical", "speech", "report"}
PENDING = "#pending "


def _rows(name: str) -> Iterator[dict[str, str]]:
    """The data rows of a TSV file of the Japanese lexicon (comment lines skipped)."""
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _pending() -> list[list[str]]:
    with (DATA / "names.tsv").open(encoding="utf-8") as fh:
        return [ln[len(PENDING):].rstrip("\n").split("\t") for ln in fh if ln.startswith(PENDING)]


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
    surfaces = [r["surface"] for r in _rows("names.tsv")] + [cells[0] for cells in _pending()]
    assert sorted({s for s in surfaces if surfaces.count(s) > 1}) == []


def test_surfaces_are_clean() -> None:
    for r in _rows("names.tsv"):
        assert r["surface"] and r["surface"] == r["surface"].strip(), r
        assert r["key"] and r["key"] == r["key"].strip(), r


def test_pending_rows_are_person_rows() -> None:
    rows = _pending()
    assert rows
    for cells in rows:
        assert len(cells) == 4 and cells[1] == "person" and cells[2], cells


def test_core_names_present() -> None:
    by_surface = {r["surface"]: (r["kind"], r["key"]) for r in _rows("names.tsv")}
    assert by_surface["日本"] == ("country", "JPN")
    assert by_surface["北朝鮮"] == ("country", "PRK")
    assert by_surface["日米韓"] == ("countries", "JPN|USA|KOR")
    assert by_surface["韓日"] == ("countries", "KOR|JPN")
    assert by_surface["ソウル"] == ("capital", "KOR")
    assert by_surface["石破茂"] == ("person", "Shigeru Ishiba")
    assert by_surface["石破"] == ("person", "Shigeru Ishiba")
    assert by_surface["李在明"] == ("person", "Lee Jae-myung")
    assert by_surface["尹錫悦"] == ("person", "Yoon Suk Yeol")
    assert by_surface["外相"] == ("title", "foreign minister")
    assert by_surface["政府"] == ("agent", "government")
    assert by_surface["大法院"] == ("body", "Supreme Court")
    assert by_surface["両首脳"] == ("pair", "leaders")


def test_ambiguous_short_forms_absent() -> None:
    surfaces = {r["surface"] for r in _rows("names.tsv")}
    for short in ("日", "米", "中", "韓", "朝", "露", "尹", "李", "文", "菅", "佐藤", "河野", "小泉"):
        assert short not in surfaces, short


def test_cue_rows_are_well_formed() -> None:
    table = cameo_table()
    rows = list(_rows("cues.tsv"))
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


def test_cues_cover_all_plover_types() -> None:
    table = cameo_table()
    types = {r["type"] or table[r["cameo"]].plover for r in _rows("cues.tsv")}
    assert types == set(PLOVER_TYPES)


def _last(text: str) -> tuple[str, str]:
    """(cameo, type) of the cue whose match ends last in ``text`` — the predicate of a Japanese
    clause comes last — and, among those, the longest match (first row on ties)."""
    table = cameo_table()
    best: tuple[int, int, str, str] | None = None
    for r in _rows("cues.tsv"):
        m = re.search(r["cue"], text)
        if m and (best is None or (m.end(), len(m.group())) > best[:2]):
            best = (m.end(), len(m.group()), r["cameo"], r["type"] or table[r["cameo"]].plover)
    assert best is not None, text
    return best[2], best[3]


@pytest.mark.parametrize(("text", "cameo", "etype"), [
    ("日韓首脳会談を行った", "040", "CONSULT"),
    ("電話会談を行った", "041", "CONSULT"),
    ("シャトル外交の再開で一致した", "030", "AGREE"),
    ("韓国を訪問した", "042", "CONSULT"),
    ("輸出管理を強化した", "163", "SANCTION"),
    ("ホワイト国から除外した", "163", "SANCTION"),
    ("大使を外務省に呼び出し", "114", "ACCUSE"),
    ("駐韓大使を召致した", "114", "ACCUSE"),
    ("WTOに提訴した", "115", "ACCUSE"),
    ("提訴を取り下げる", "080", "CONCEDE"),
    ("輸出規制を解除する", "085", "RETREAT"),
    ("GSOMIAの終了を決定した", "161", "SANCTION"),
    ("GSOMIAを完全に正常化した", "064", "COOPERATE"),
    ("賠償を命じた", "116", "SANCTION"),
    ("国交正常化から60年", "054", "SUPPORT"),
    ("弾道ミサイルを発射した", "150", "MOBILIZE"),
    ("韓国を併合した", "192", "COERCE"),
    ("抗議集会を開いた", "141", "PROTEST"),
    ("強く抗議した", "114", "ACCUSE"),
    ("日本製品の不買運動", "143", "PROTEST"),
    ("共同訓練を実施した", "062", "COOPERATE"),
])
def test_key_cues_match(text: str, cameo: str, etype: str) -> None:
    assert _last(text) == (cameo, etype)


@pytest.mark.parametrize("text", ["世論調査によると", "協力的な姿勢", "冷静な対応が求められる", "60周年を迎えた"])
def test_cues_stay_quiet(text: str) -> None:
    table = cameo_table()
    hits = [r["cue"] for r in _rows("cues.tsv") if re.search(r["cue"], text)
            and (r["type"] or table[r["cameo"]].plover) in PLOVER_TYPES]
    assert hits == []


def test_marker_rows_are_well_formed() -> None:
    rows = list(_rows("markers.tsv"))
    assert set(rows[0]) == {"marker", "category", "note"}
    for r in rows:
        re.compile(r["marker"])
        assert r["category"] in MARKER_CATEGORIES, r
    assert {r["category"] for r in rows} == MARKER_CATEGORIES


@pytest.mark.parametrize(("after", "category"), [
    ("しなかった", "negation"), ("せず", "negation"), ("していない", "negation"), ("を見送った", "negation"),
    ("する予定だ", "future"), ("する方針を固めた", "future"), ("する考えを示した", "future"),
    ("すれば", "hypothetical"), ("した場合", "hypothetical"),
    ("」と述べた", "speech"), ("と強調した", "speech"), ("したという。", "report"),
])
def test_markers_match(after: str, category: str) -> None:
    cats = {r["category"] for r in _rows("markers.tsv") if re.search(r["marker"], after)}
    assert category in cats


def test_lexicon_loads_into_the_cjk_coder(kb: KnowledgeBase) -> None:
    from dyadwatch.coding.cjk.lexicon import CjkLexicon

    lex = CjkLexicon.load("ja", kb)
    assert lex.name_pattern.search("石破茂首相").group() == "石破茂"  # type: ignore[union-attr]
    assert len(lex.cues) >= 150
