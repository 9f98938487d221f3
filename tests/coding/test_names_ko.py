"""Checks of the Korean lexicon's content in ``src/dyadwatch/data/ko`` (fast, no parser): key
names and their meanings, and key phrases of Korea–Japan news hitting the intended CAMEO code.
The checks both languages' tables share are in test_cjk_tables.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

Rows = Callable[[str, str], list[dict[str, str]]]


def test_core_names_present(cjk_rows: Rows) -> None:
    by_surface = {r["surface"]: (r["kind"], r["key"]) for r in cjk_rows("ko", "names.tsv")}
    assert by_surface["대한민국"] == ("country", "KOR")
    assert by_surface["북한"] == ("country", "PRK")
    assert by_surface["한미일"] == ("countries", "KOR|USA|JPN")
    assert by_surface["도쿄"] == ("capital", "JPN")
    assert by_surface["이시바 시게루"] == ("person", "Shigeru Ishiba")
    assert by_surface["이재명"] == ("person", "Lee Jae-myung")
    assert by_surface["외무상"] == ("title", "foreign minister")
    assert by_surface["대법원"] == ("body", "Supreme Court")


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
def test_key_cues_match(cjk_rows: Rows, text: str, cameo: str) -> None:
    codes = {r["cameo"] for r in cjk_rows("ko", "cues.tsv") if re.search(r["cue"], text)}
    assert cameo in codes
