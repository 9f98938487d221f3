"""Checks of the Japanese lexicon's content in ``src/dyadwatch/data/ja`` (fast, no parser): key
names and their meanings, ``#pending`` rows (persons people.tsv lacks) in the right shape, no
ambiguous one-character forms, key phrases of Japan–Korea news hitting the intended CAMEO code,
markers. The checks both languages' tables share are in test_cjk_tables.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from dyadwatch.coding.kb import KnowledgeBase
from dyadwatch.coding.ontology import PLOVER_TYPES, cameo_table

Rows = Callable[[str, str], list[dict[str, str]]]


def test_pending_rows_are_person_rows(cjk_pending: Callable[[str], list[list[str]]]) -> None:
    rows = cjk_pending("ja")
    assert rows
    for cells in rows:
        assert len(cells) == 4 and cells[1] == "person" and cells[2], cells


def test_core_names_present(cjk_rows: Rows) -> None:
    by_surface = {r["surface"]: (r["kind"], r["key"]) for r in cjk_rows("ja", "names.tsv")}
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


def test_ambiguous_short_forms_absent(cjk_rows: Rows) -> None:
    surfaces = {r["surface"] for r in cjk_rows("ja", "names.tsv")}
    for short in ("日", "米", "中", "韓", "朝", "露", "尹", "李", "文", "菅", "佐藤", "河野", "小泉"):
        assert short not in surfaces, short


def _last(cues: list[dict[str, str]], text: str) -> tuple[str, str]:
    """(cameo, type) of the cue whose match ends last in ``text`` — the predicate of a Japanese
    clause comes last — and, among those, the longest match (first row on ties)."""
    table = cameo_table()
    best: tuple[int, int, str, str] | None = None
    for r in cues:
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
def test_key_cues_match(cjk_rows: Rows, text: str, cameo: str, etype: str) -> None:
    assert _last(cjk_rows("ja", "cues.tsv"), text) == (cameo, etype)


@pytest.mark.parametrize("text", ["世論調査によると", "協力的な姿勢", "冷静な対応が求められる", "60周年を迎えた"])
def test_cues_stay_quiet(cjk_rows: Rows, text: str) -> None:
    table = cameo_table()
    hits = [r["cue"] for r in cjk_rows("ja", "cues.tsv") if re.search(r["cue"], text)
            and (r["type"] or table[r["cameo"]].plover) in PLOVER_TYPES]
    assert hits == []


@pytest.mark.parametrize(("after", "category"), [
    ("しなかった", "negation"), ("せず", "negation"), ("していない", "negation"), ("を見送った", "negation"),
    ("する予定だ", "future"), ("する方針を固めた", "future"), ("する考えを示した", "future"),
    ("すれば", "hypothetical"), ("した場合", "hypothetical"),
    ("」と述べた", "speech"), ("と強調した", "speech"), ("したという。", "report"),
])
def test_markers_match(cjk_rows: Rows, after: str, category: str) -> None:
    cats = {r["category"] for r in cjk_rows("ja", "markers.tsv") if re.search(r["marker"], after)}
    assert category in cats


def test_lexicon_loads_into_the_cjk_coder(kb: KnowledgeBase) -> None:
    from dyadwatch.coding.cjk.lexicon import CjkLexicon

    lex = CjkLexicon.load("ja", kb)
    assert lex.name_pattern.search("石破茂首相").group() == "石破茂"  # type: ignore[union-attr]
    assert len(lex.cues) >= 150
