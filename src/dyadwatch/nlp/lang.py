"""Which language a document is written in, from the scripts it uses.

News in the three languages dyadwatch reads is told apart by script alone: Korean is written in
Hangul (with the odd Hanja), Japanese in kana mixed with kanji, English in Latin letters. A text
is Korean when Hangul makes up at least a fifth of its letters, Japanese when kana and kanji do
and kana are present (Chinese has kanji but no kana), otherwise English. Numbers, punctuation
and Latin names inside a Japanese or Korean article do not change the verdict.
"""

from __future__ import annotations

from typing import Final, Literal

Lang = Literal["en", "ja", "ko"]
LANGS: Final[tuple[str, ...]] = ("en", "ja", "ko")
#: Share of letters in the language's script needed to call a text Japanese or Korean.
MIN_SHARE: Final = 0.2
#: Characters looked at: enough for a verdict, cheap on long articles.
SAMPLE: Final = 4000


def _script(ch: str) -> str | None:
    o = ord(ch)
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
        return "kana"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return "han"
    if ch.isalpha():
        return "latin"
    return None


def detect_language(text: str) -> Lang:
    """``"ko"``, ``"ja"`` or ``"en"`` (the default, also for empty or script-less text)."""
    counts = {"hangul": 0, "kana": 0, "han": 0, "latin": 0}
    for ch in text[:SAMPLE]:
        script = _script(ch)
        if script is not None:
            counts[script] += 1
    letters = sum(counts.values())
    if not letters:
        return "en"
    if counts["hangul"] / letters >= MIN_SHARE:
        return "ko"
    if counts["kana"] and (counts["kana"] + counts["han"]) / letters >= MIN_SHARE:
        return "ja"
    return "en"
