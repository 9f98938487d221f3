"""Indicators: golden tests (text in, indicator records out) on our own sentences, checks on the
two source articles in ../shared/corpus (read from there, never copied), and bad input.

Each golden case lists every indicator the text must give, in order, with the fields that
matter; a case with an empty list must give none."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from dyadwatch.coding.indicators import IndicatorExtractor
from dyadwatch.config import Config
from dyadwatch.ingest import content_hash, read_paths
from dyadwatch.nlp.pipeline import parse
from dyadwatch.records import Article, Indicator

pytestmark = pytest.mark.slow

Extract = Callable[..., list[Indicator]]
ARTICLE_1 = "000_3ace1f45b5fdacfe.txt"
ARTICLE_2 = "002_fdae8c812c998ea1.txt"


def _run(coder, extractor: IndicatorExtractor, article: Article) -> list[Indicator]:  # type: ignore[no-untyped-def]
    ((art, doc),) = list(parse(coder.nlp, [article], coder.config))
    sentences, _ = coder.coder.code(art, doc)
    return extractor.extract(art, doc, sentences)


@pytest.fixture(scope="module")
def extractor(coder) -> IndicatorExtractor:  # type: ignore[no-untyped-def]
    return IndicatorExtractor(coder.coder.resolver, coder.config)


@pytest.fixture(scope="module")
def extract(coder, extractor: IndicatorExtractor) -> Extract:  # type: ignore[no-untyped-def]
    def run(text: str, published: str | None = "2025-06-18", doc_id: str = "t") -> list[Indicator]:
        pub = _dt.date.fromisoformat(published) if published else None
        article = Article(doc_id, text, content_hash(text), published=pub, published_basis="override" if pub else None)
        return _run(coder, extractor, article)

    return run


def _view(i: Indicator) -> dict[str, object]:
    start, end = i.char_span
    return {"span": i.text[start:end], "value": i.value, "unit": i.unit, "qualifier": i.qualifier,
            "metric": i.metric, "period": i.period, "basis": i.period_basis, "countries": i.countries,
            "flags": i.flags}


def _e(span: str, value: float | None, unit: str | None, metric: str | None = None, qualifier: str | None = None,
       period: str | None = None, basis: str | None = None, countries: tuple[str, ...] = (),
       flags: tuple[str, ...] = ()) -> dict[str, object]:
    return {"span": span, "value": value, "unit": unit, "qualifier": qualifier, "metric": metric, "period": period,
            "basis": basis, "countries": countries, "flags": flags}


JK = ("JPN", "KOR")
PAIR = "Japan and South Korea marked the anniversary on Monday. "

GOLDEN: list[tuple[str, str, list[dict[str, object]]]] = [
    ("from-to-and-ratio",
     PAIR + "Bilateral trade grew from 200 million dollars in 1965 to more than 70 billion in the last year, "
     "representing an increase of approximately 350 times.",
     [_e("200 million dollars", 2e8, "USD", "bilateral trade", None, "1965", "explicit", JK),
      _e("more than 70 billion", 7e10, "USD", "bilateral trade", "more_than", "2024", "relative", JK,
         ("unit_from_context",)),
      _e("approximately 350 times", 350.0, "ratio", "bilateral trade", "about", None, None, JK, ("change",))]),
    ("between-the-two-countries",
     ("Japan and South Korea are close neighbours. In 2024, more than 11 million people travelled between the two "
      "countries."),
     [_e("more than 11 million people", 11e6, "people", "travellers", "more_than", "2024", "explicit", JK)]),
    ("exporter-first",
     "In May 2024, Japan exported 700 billion yen of goods to South Korea and imported 350 billion yen.",
     [_e("700 billion yen", 7e11, "JPY", "exports", None, "2024-05", "explicit", JK),
      _e("350 billion yen", 3.5e11, "JPY", "imports", None, "2024-05", "explicit", ("KOR", "JPN"),
         ("countries_from_context",))]),
    ("aid-this-year", "Japan pledged $4.5bn in aid to Ukraine this year.",
     [_e("$4.5bn", 4.5e9, "USD", "aid", None, "2025", "relative", ("JPN", "UKR"))]),
    ("percent-change", "South Korea's exports to China fell 12% in 2023.",
     [_e("12%", 12.0, "percent", "exports", None, "2023", "explicit", ("KOR", "CHN"), ("change",))]),
    ("tonnes-importer", "China imported 5 million tonnes of soybeans from the United States in 2022.",
     [_e("5 million tonnes", 5e6, "tonnes", "imports", None, "2022", "explicit", ("USA", "CHN"))]),
    ("tariff", "The United States imposed a 25% tariff on Japanese cars in April 2025.",
     [_e("25%", 25.0, "percent", "tariff rate", None, "2025-04", "explicit", ("USA", "JPN"))]),
    ("share-of-gdp-is-a-level", "Germany will raise defence spending to 3.5% of GDP by 2029.",
     [_e("3.5%", 3.5, "percent", "defence spending", None, "2029", "explicit", ("DEU",))]),
    ("tourists", "About 8 million Japanese tourists visited South Korea in 2019.",
     [_e("About 8 million Japanese tourists", 8e6, "people", "tourists", "about", "2019", "explicit", JK)]),
    ("casualties", "Nearly 2,000 people were killed and at least 5,000 were wounded in the fighting.",
     [_e("Nearly 2,000 people", 2000.0, "people", "deaths", "about"),
      _e("at least 5,000", 5000.0, "people", "casualties", "at_least", flags=("unit_from_context",))]),
    ("growth-rate", "India's economy grew 7.2% last year.",
     [_e("7.2%", 7.2, "percent", "growth rate", None, "2024", "relative", ("IND",), ("change",))]),
    ("count-and-troops", "Japan deployed 12 ships and 3,000 troops near the islands.",
     [_e("12 ships", 12.0, "count", None, countries=("JPN",)),
      _e("3,000 troops", 3000.0, "people", "troops", countries=("JPN",))]),
    ("deficit", "Seoul's trade deficit with Tokyo narrowed to 18 billion dollars last year.",
     [_e("18 billion dollars", 1.8e10, "USD", "trade deficit", None, "2024", "relative", ("KOR", "JPN"))]),
    ("population", "The population of South Korea is about 51.7 million.",
     [_e("about 51.7 million", 51.7e6, "people", "population", "about", countries=("KOR",),
         flags=("unit_from_context",))]),
    ("range", "Between 10,000 and 15,000 refugees crossed into Poland on Sunday.",
     [_e("10,000", 10000.0, "people", "refugees", "at_least", "2025-06-15", "relative", ("POL",)),
      _e("15,000 refugees", 15000.0, "people", "refugees", "up_to", "2025-06-15", "relative", ("POL",))]),
    ("points", "Unemployment rose by 0.4 percentage points to 3.1 per cent.",
     [_e("0.4 percentage points", 0.4, "percentage_points", "unemployment", flags=("change",)),
      _e("3.1 per cent", 3.1, "percent", "unemployment")]),
    ("written-number", "Officials expect two million tourists in 2026.",
     [_e("two million tourists", 2e6, "people", "tourists", None, "2026", "explicit")]),
    ("currencies", "The fund holds £3.5m, €5 billion, 2 billion yuan, 300 million renminbi and US$1.2 trillion.",
     [_e("£3.5m", 3.5e6, "GBP"), _e("€5 billion", 5e9, "EUR"), _e("2 billion yuan", 2e9, "CNY"),
      _e("300 million renminbi", 3e8, "CNY"), _e("US$1.2 trillion", 1.2e12, "USD")]),
    ("won", "Korea paid compensation of 1.2 trillion won to the victims.",
     [_e("1.2 trillion won", 1.2e12, "KRW", "compensation", countries=("KOR",))]),
    ("twofold", "Investment from Japan into Vietnam rose twofold in 2020.",
     [_e("twofold", 2.0, "ratio", "investment", None, "2020", "explicit", ("JPN", "VNM"), ("change",))]),
    ("loans", "Tokyo will provide loans worth 300 billion yen to Manila.",
     [_e("300 billion yen", 3e11, "JPY", "loans", countries=("JPN", "PHL"))]),
    ("receiver-second", "Japan received more than 3 million Korean visitors, while Korea welcomed 2.3 million Japanese.",
     [_e("more than 3 million Korean visitors", 3e6, "people", "tourists", "more_than", countries=("KOR", "JPN")),
      _e("2.3 million Japanese", 2.3e6, "people", None, countries=("JPN", "KOR"))]),
    ("a-million", "A million visitors and half a million students came, and the deal was worth KRW 30 trillion.",
     [_e("A million visitors", 1e6, "people", "tourists"), _e("half a million students", 5e5, "people"),
      _e("KRW 30 trillion", 3e13, "KRW")]),
    ("qualifiers", "Aid to the region fell to under $2bn, while up to 3,000 troops stayed.",
     [_e("under $2bn", 2e9, "USD", "aid", "less_than"), _e("up to 3,000 troops", 3000.0, "people", "troops", "up_to")]),
    ("no-unit", "The company said revenue reached 500 on Monday.",
     [_e("500", 500.0, None, None, None, "2025-06-16", "relative", flags=("no_unit",))]),
    ("absurd-power", "The ministry claimed exports of 10^30 yen to Korea.",
     [_e("10^30 yen", None, "JPY", "exports", countries=("KOR",), flags=("absurd_value",))]),
    ("absurd-digits", "Officials reported 1,000,000,000,000,000,000,000,000,000,000 yen in losses.",
     [_e("1,000,000,000,000,000,000,000,000,000,000 yen", None, "JPY", flags=("absurd_value",))]),
    ("no-period-without-time-expression", "Japan's exports rose 5%.",
     [_e("5%", 5.0, "percent", "exports", countries=("JPN",), flags=("change",))]),
    # numbers that are not indicators
    ("dates-durations-ordinals",
     ("Japan annexed Korea in 1910 and ruled it for 35 years; the 60th anniversary falls on 22 June 2025."), []),
    ("ages-times-phones",
     ("The 61-year-old president, aged 61, met officials at 10:30 a.m. and again at 3 pm; call +82 2 1234 5678."), []),
    ("age-under-40", "South Koreans under 40 hold different views of Japan.", []),
    ("names", "The G7 and COVID-19 were discussed under Article 9 in the March 1st Movement hall.", []),
    ("frequency", "They met five times in 2024.", []),
    ("written-prose", "One of the leaders said two large explosions hit the port.", []),
    ("written-head-count", "Ten marines were wounded on Friday.",
     [_e("Ten marines", 10.0, "people", "casualties", None, "2025-06-13", "relative")]),
    ("death-toll-of-soldiers", "The blast killed at least 25 soldiers.",
     [_e("at least 25 soldiers", 25.0, "people", "deaths", "at_least")]),
    ("distance-is-not-a-figure", "The camp lies about 30 kilometres from the border.", []),
    ("list-numbers", "Contents\n1.\nFrom enemies to allies\n2.\nTrade partners", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden(extract: Extract, case: str, text: str, expected: list[dict[str, object]]) -> None:
    got = [_view(i) for i in extract(text)]
    assert got == expected


def test_periods_need_a_publication_date_for_relative_expressions(extract: Extract) -> None:
    text = "Trade grew from 5 billion dollars in 1990 to about 9 billion in the last year."
    (first, second) = extract(text, published=None)
    assert (first.period, first.period_basis) == ("1990", "explicit")
    assert (second.period, second.period_basis) == (None, "relative")


def test_contract(coder, extract: Extract) -> None:  # type: ignore[no-untyped-def]
    text = PAIR + "Bilateral trade grew from 200 million dollars in 1965 to more than 70 billion in the last year."
    found = extract(text, doc_id="contract")
    again = extract(text, doc_id="contract")
    assert [i.indicator_id for i in found] == [i.indicator_id for i in again]
    assert len({i.indicator_id for i in found}) == len(found) and all(i.indicator_id.startswith("ind-") for i in found)
    prefix = content_hash(text)[:16]
    for i in found:
        assert i.doc_id == "contract" and i.sentence_id == f"{prefix}-s0001"
        assert i.text == "Bilateral trade grew from 200 million dollars in 1965 to more than 70 billion in the last year."
        assert i.coder_version == coder.config.coder_version
        assert list(i.to_dict()) == ["indicator_id", "doc_id", "sentence_id", "text", "char_span", "metric", "value",
                                     "unit", "qualifier", "period", "period_basis", "countries", "flags",
                                     "coder_version"]
    custom = IndicatorExtractor(coder.coder.resolver, dataclasses.replace(coder.config, coder_version="test/9"))
    article = Article("x", text, content_hash(text), published=_dt.date(2025, 6, 18))
    assert {i.coder_version for i in _run(coder, custom, article)} == {"test/9"}


# -- the two source articles ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus(coder, extractor: IndicatorExtractor, corpus_dir: Path) -> dict[str, list[Indicator]]:  # type: ignore[no-untyped-def]
    out = {}
    for name, config in ((ARTICLE_1, Config(pub_date=_dt.date(2025, 6, 18))), (ARTICLE_2, Config())):
        (article,) = [a for a in read_paths([corpus_dir / name], config) if isinstance(a, Article)]
        out[name] = _run(coder, extractor, article)
    return out


#: (article, amount as written, value, unit, qualifier, metric, period, countries, flags that must be set)
CORPUS = [
    (ARTICLE_1, "200 million dollars", 2e8, "USD", None, "bilateral trade", "1965", JK, ()),
    (ARTICLE_1, "more than 70 billion", 7e10, "USD", "more_than", "bilateral trade", "2024", JK, ("unit_from_context",)),
    (ARTICLE_1, "approximately 350 times", 350.0, "ratio", "about", "bilateral trade", None, JK, ("change",)),
    (ARTICLE_1, "800 million dollars", 8e8, "USD", None, "aid", None, JK, ()),
    (ARTICLE_1, "9.3 trillion yen", 9.3e12, "JPY", None, "bilateral trade", "2018", JK, ()),
    (ARTICLE_1, "691 billion yen", 6.91e11, "JPY", None, "exports", "2025-03", JK, ()),
    (ARTICLE_1, "367 billion yen", 3.67e11, "JPY", None, "imports", "2025-03", ("KOR", "JPN"), ()),
    (ARTICLE_1, "11.4%", 11.4, "percent", None, "exports", "2025-03", JK, ("change",)),
    (ARTICLE_1, "2.55%", 2.55, "percent", None, "imports", "2025-03", ("KOR", "JPN"), ("change",)),
    (ARTICLE_1, "more than 11 million people", 11e6, "people", "more_than", "travellers", "2024", JK, ()),
    (ARTICLE_2, "over 1,500 Korean forced laborers", 1500.0, "people", "more_than", None, None, ("KOR",), ()),
]


@pytest.mark.parametrize(("name", "span", "value", "unit", "qualifier", "metric", "period", "countries", "flags"),
                         CORPUS, ids=[c[1] for c in CORPUS])
def test_corpus_indicator(corpus: dict[str, list[Indicator]], name: str, span: str, value: float, unit: str,
                          qualifier: str | None, metric: str | None, period: str | None, countries: tuple[str, ...],
                          flags: tuple[str, ...]) -> None:
    matches = [i for i in corpus[name] if i.text[i.char_span[0] : i.char_span[1]] == span]
    assert len(matches) == 1, [_view(i) for i in corpus[name]]
    i = matches[0]
    assert (i.value, i.unit, i.qualifier, i.metric, i.period, i.countries) == (
        value, unit, qualifier, metric, period, countries)
    assert set(flags) <= set(i.flags)


def test_corpus_has_nothing_else(corpus: dict[str, list[Indicator]]) -> None:
    """No dates, durations ("35 years", "14 years"), ordinals ("60th anniversary"), list numbers,
    ages ("under 40") or summit lengths ("30-minute") among the indicators."""
    for name, found in corpus.items():
        expected = {c[1] for c in CORPUS if c[0] == name}
        assert {i.text[i.char_span[0] : i.char_span[1]] for i in found} == expected


# -- bad input ----------------------------------------------------------------------------------
def test_odd_text_never_crashes(extract: Extract) -> None:
    rng = random.Random(9)
    pieces = ["10^30", "yen", "$", "5", "1,000,000", "‘", "’", "\"", "(", ")", "million", "%", "more than", "\n",
              "Japan", "Korea", "exported", "between", "and", "to", "from", "in 1965", "the last year", "😀", "\u200b",
              "—", "–", "⁰", "x", "e", ".", ",", "two", "half a", "won", "won the", "fold", "times"]
    for _ in range(40):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        for i in extract(text):
            start, end = i.char_span
            assert 0 <= start < end <= len(i.text)
            assert i.value is None or abs(i.value) <= 1e18


@pytest.mark.parametrize("text", ["", " \n ", "...", "‘unbalanced quote 5 million dollars", "9" * 3000 + " yen"])
def test_bad_input_gives_records_or_nothing(extract: Extract, text: str) -> None:
    found = extract(text)
    for i in found:
        assert i.value is None or abs(i.value) <= 1e18
        assert i.unit is not None or "no_unit" in i.flags


def test_sentences_that_do_not_match_the_doc_are_skipped(coder, extractor: IndicatorExtractor) -> None:  # type: ignore[no-untyped-def]
    text = "Japan exported 691 billion yen."
    article = Article("t", text, content_hash(text), published=_dt.date(2025, 6, 18))
    ((art, doc),) = list(parse(coder.nlp, [article], coder.config))
    assert extractor.extract(art, doc, []) == []
