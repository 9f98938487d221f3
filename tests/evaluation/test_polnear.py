"""PolNeAR scoring: the BRAT loader on the real files, the scorer on tiny constructed cases, and
an accuracy floor on the first ten test texts (docs/quotes.md has the full figures)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dyadwatch.errors import ConfigError
from dyadwatch.evaluation.polnear import (
    GoldAttribution,
    Predicted,
    Tally,
    covered,
    evaluate_polnear,
    figures,
    is_direct,
    jaccard,
    load_polnear,
    pair,
    parse_ann,
    score_text,
    word_spans,
)

ANN = """T1\tSource 0 3\tLee
T2\tCue 4 8\tsaid
T3\tContent 9 30\tthe talks would resume
T4\tAttribution 4 8\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tCue 32 38\tadding
T6\tContent 39 44;50 60\ttrade grows
E2\tAttribution:T5 Source:T1 Cue:T5 Content:T6
T7\tCue 61 65\tsaid
E3\tCue:T7 Source:T1
"""


# -- loading -------------------------------------------------------------------------------------
def test_parse_ann_reads_relations_with_shared_and_discontinuous_spans() -> None:
    gold, skipped = parse_ann(ANN)
    assert skipped == 1  # E3 has no Content
    assert gold[0] == GoldAttribution(content=((9, 30),), source=((0, 3),), cue=((4, 8),))
    assert gold[1].content == ((39, 44), (50, 60)) and gold[1].source == ((0, 3),)


def test_loader_on_the_real_files(data_dir: Path) -> None:
    texts = load_polnear(data_dir)
    assert len(texts) == 84
    assert sum(len(t.attributions) for t in texts) == 2044  # first annotator of each text
    canada = next(t for t in texts if "canada-eu-failure" in t.name)
    assert canada.annotation_file.endswith("_4b22.ann")  # six annotators: the first id in name order
    first = texts[0]
    assert first.published is not None and first.published.isoformat() == first.name.split("_")[1]
    assert all(0 <= a < b <= len(t.text) for t in texts for g in t.attributions for a, b in g.content)
    # every relation of every annotation file (2,231 in SOURCE.md) reads
    files = sorted((data_dir / "polnear-test" / "attributions").glob("*.ann"))
    assert sum(len(parse_ann(f.read_text(encoding="utf-8"))[0]) for f in files) == 2231


def test_loader_limit_and_missing_data(tmp_path: Path, data_dir: Path) -> None:
    assert [t.name for t in load_polnear(data_dir / "polnear-test", limit=2)] == [
        t.name for t in load_polnear(data_dir)[:2]]
    with pytest.raises(ConfigError):
        load_polnear(tmp_path)
    with pytest.raises(ConfigError):
        load_polnear(data_dir, limit=-1)


# -- scoring ---------------------------------------------------------------------------------------
def test_word_overlap() -> None:
    text = "“We will win,” Lee said, adding that trade grows."
    words = word_spans(text)
    assert [text[a:b] for a, b in words][:4] == ["We", "will", "win", "Lee"]
    gold = covered(words, ((0, 14),))  # the marks and the comma do not count
    assert len(gold) == 3 and covered(words, ((1, 12),)) == gold
    assert jaccard(gold, covered(words, ((1, 8),))) == pytest.approx(2 / 3)
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_pairs_are_one_to_one_best_first() -> None:
    a, b = frozenset({0, 1, 2, 3}), frozenset({10, 11})
    preds = [frozenset({0, 1}), frozenset({0, 1, 2, 3}), frozenset({10})]
    assert pair([a, b], preds) == [(0, 1, 1.0), (1, 2, 0.5)]
    assert pair([a, b], preds, exact=True) == [(0, 1, 1.0)]


def test_direct_gold_needs_a_quotation_mark_not_an_apostrophe() -> None:
    text = "“We will win,” Lee said. Clinton’s aides said it's over. ‘No,’ he said."
    assert is_direct(text, ((0, 14),))
    assert not is_direct(text, ((25, 55),))
    assert is_direct(text, ((57, 62),))


def test_score_text_counts_matches_sources_and_errors() -> None:
    text = "Lee said the talks would resume soon, adding that trade grows. Nothing else was said here at all."
    gold = [
        GoldAttribution(((9, 36),), ((0, 3),), ((4, 8),)),  # the talks would resume soon
        GoldAttribution(((50, 61),), ((0, 3),), ((38, 44),)),  # trade grows
        GoldAttribution(((63, 96),), (), ()),  # never predicted
    ]
    pred = [
        Predicted(((9, 31),), ((0, 3),), ((4, 8),), False, False),  # 4 of 5 words: a match
        Predicted(((45, 61),), ((20, 25),), ((38, 44),), False, False),  # a match, wrong source
        Predicted(((0, 3),), (), (), False, False),  # overlaps no gold content
    ]
    tally, errors = Tally(), Counter[str]()
    score_text(text, gold, pred, tally, errors)
    assert (tally.gold, tally.pred, tally.matched, tally.exact) == (3, 3, 2, 0)
    assert (tally.with_source, tally.source_ok, tally.cue_ok) == (2, 1, 2)
    assert errors == Counter({"wrong_source:phrase": 1, "missed:indirect:none_cue": 1, "spurious:indirect": 1})
    got = figures(tally)
    assert got["content_precision"] == got["content_recall"] == pytest.approx(0.667, abs=1e-3)
    assert got["source_accuracy"] == 0.5 and got["exact_f1"] == 0.0


# -- accuracy floor ------------------------------------------------------------------------------
#: Floors a little under the figures measured on the first ten texts (in the comments).
FLOORS = {"content_f1": 0.62, "content_precision": 0.78, "source_accuracy": 0.90}  # 0.664, 0.825, 0.946


@pytest.mark.slow
def test_floor_on_ten_texts(coder, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = evaluate_polnear(coder, data_dir, limit=10)
    assert result["counts"]["texts"] == 10 and result["counts"]["gold"] == 169
    assert result["threshold"] == 0.5
    assert len(result["errors"]) <= 10 and all(n > 0 for _, n in result["errors"])
    for metric, floor in FLOORS.items():
        assert result["metrics"][metric] >= floor, (metric, result["metrics"][metric])
