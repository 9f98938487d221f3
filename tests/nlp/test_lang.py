"""Language detection by script."""

from __future__ import annotations

import pytest

from dyadwatch.nlp.lang import detect_language


@pytest.mark.parametrize(("text", "lang"), [
    ("Japan and South Korea agreed on Friday.", "en"),
    ("石破茂首相は17日、李在明大統領と会談した。", "ja"),
    ("이재명 대통령은 23일 이시바 총리와 회담했다.", "ko"),
    ("日本の石破首相は G7 サミットで Lee 大統領と会った。", "ja"),
    # Chinese has no kana: not Japanese, and not a language we code (read as English, no events)
    ("中国外交部发言人表示反对。", "en"),
    ("", "en"),
    ("2025-06-17 12:00", "en"),
    # a Korean article quoting an English name stays Korean
    ("트럼프 대통령은 \"America First\"를 강조했다.", "ko"),
])  # fmt: skip
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
