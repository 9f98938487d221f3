"""Japanese (GiNZA's tokenizer) and Korean (Kiwi) sentences of morphemes, offsets in the text."""

from __future__ import annotations

import pytest

from dyadwatch.nlp.cjk import make_parser, split_japanese

pytestmark = pytest.mark.slow


def test_split_japanese_keeps_quotes_whole() -> None:
    line = "石破首相は「関係を発展させたい。未来志向で行く。」と述べた。韓国は歓迎した！"
    spans = list(split_japanese(line))
    assert [line[s:e] for s, e in spans] == ["石破首相は「関係を発展させたい。未来志向で行く。」と述べた。", "韓国は歓迎した！"]


@pytest.mark.parametrize(("lang", "text", "sentences"), [
    ("ja", "日韓首脳会談\n\n石破首相は17日、会談した。韓国政府は抗議しなかった。",
     ["日韓首脳会談", "石破首相は17日、会談した。", "韓国政府は抗議しなかった。"]),
    ("ko", "한일 정상회담\n\n이재명 대통령은 23일 회담했다. 한국 정부는 항의하지 않았다.",
     ["한일 정상회담", "이재명 대통령은 23일 회담했다.", "한국 정부는 항의하지 않았다."]),
])  # fmt: skip
def test_sentences_and_offsets(lang: str, text: str, sentences: list[str]) -> None:
    parsed = make_parser(lang).parse(text)
    assert [s.text for s in parsed] == sentences
    assert [s.line_start for s in parsed] == [True, True, False]
    for s in parsed:
        assert text[s.start:s.end] == s.text
        for m in s.morphs:
            assert s.start <= m.start < m.end <= s.end
            assert text[m.start:m.end] == m.text or lang == "ko"  # Kiwi splits 했 into 하+었


def test_morphemes_carry_particles_and_verbs() -> None:
    ja = make_parser("ja").parse("韓国政府は抗議しなかった。")[0]
    assert [(m.text, m.pos) for m in ja.morphs[:4]] == [("韓国", "PROPN"), ("政府", "NOUN"), ("は", "ADP"), ("抗議", "VERB")]
    ko = make_parser("ko").parse("한국 정부는 항의하지 않았다.")[0]
    assert [(m.text, m.tag) for m in ko.morphs[:5]] == [("한국", "NNP"), ("정부", "NNG"), ("는", "JX"), ("항의", "NNG"), ("하", "XSV")]


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="zh"):
        make_parser("zh")
