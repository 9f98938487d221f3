"""Coders over small fixture tables (tests/coding/cjk/fixtures) and a tiny date finder, so the
mechanics are tested apart from the packaged lexicons, which grow."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from dyadwatch.coding.cjk.coder import CjkCoder, Coded
from dyadwatch.coding.cjk.lexicon import CjkLexicon
from dyadwatch.coding.cjk.quotes import CjkQuotes
from dyadwatch.coding.kb import KnowledgeBase
from dyadwatch.config import Config
from dyadwatch.nlp.cjk import make_parser
from dyadwatch.records import Article, Quote, TimeExpr

FIXTURES = Path(__file__).parent / "fixtures"
_FULL = {"ja": r"(\d{4})年(\d{1,2})月(\d{1,2})日", "ko": r"(\d{4})년 (\d{1,2})월 (\d{1,2})일"}
_DAY = {"ja": r"(\d{1,2})日", "ko": r"(\d{1,2})일"}


def fake_dates(lang: str) -> Callable[[str, _dt.date | None], list[TimeExpr]]:
    """Full dates (explicit) and a bare day of the publication month (relative)."""

    def find(text: str, published: _dt.date | None) -> list[TimeExpr]:
        out = []
        for m in re.finditer(f"{_FULL[lang]}|{_DAY[lang]}", text):
            if m.group(1):
                out.append(TimeExpr(m.start(), m.end(), m.group(), f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}",
                                    "day", "explicit"))  # fmt: skip
            elif published is not None:
                date = published.replace(day=int(m[4])).isoformat()
                out.append(TimeExpr(m.start(), m.end(), m.group(), date, "day", "relative"))
        return out

    return find


@pytest.fixture(scope="session")
def code_cjk(kb: KnowledgeBase) -> Callable[[str, str, str], tuple[Coded, list[Quote]]]:
    made: dict[str, tuple[object, CjkCoder, CjkQuotes]] = {}

    def code(lang: str, text: str, published: str) -> tuple[Coded, list[Quote]]:
        if lang not in made:
            lexicon = CjkLexicon.load(lang, kb, root=FIXTURES)
            coder = CjkCoder(lang, kb, Config(), lexicon=lexicon, find_dates=fake_dates(lang))
            made[lang] = (make_parser(lang), coder, CjkQuotes(lexicon, coder.resolver, Config()))
        parser, coder, quotes = made[lang]
        article = Article("doc", text, "f" * 32, published=_dt.date.fromisoformat(published))
        coded = coder.code(article, parser.parse(text), quotes)  # type: ignore[attr-defined]
        return coded, coded.quotes

    return code
