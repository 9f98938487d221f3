"""Leakage checks between sentence sets. Fast: no spaCy. The data tests read ../shared/data and
skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.errors import DyadwatchError, LeakageError
from dyadwatch.evaluation.leakage import (
    assert_no_leak,
    codebook_examples,
    find_leaks,
    manual_sentences,
    manual_sets,
    normalize_sentence,
)
from dyadwatch.evaluation.suites import load_suite


@pytest.fixture(scope="module")
def sets(data_dir: Path) -> dict[str, set[str]]:
    return manual_sets(data_dir)


def test_normalize_sentence() -> None:
    assert normalize_sentence("  Moscow\u2019s  \u201cWILL\u201d \u2014 to agree. ") == (
        "moscow s will to agree"
    )
    assert normalize_sentence('Moscow\'s "will" -- to agree') == "moscow s will to agree"
    assert normalize_sentence("``Enough'' group") == normalize_sentence("\u201cEnough\u201d group")
    assert normalize_sentence("U.S.-led\tforces,\n 1,000 men") == "u s led forces 1 000 men"
    assert normalize_sentence("Çankaya STRASSE") == "çankaya strasse"
    assert normalize_sentence(" ... ") == ""


def test_find_leaks_order_duplicates_and_empties() -> None:
    train = ["Iran rejected the offer.", "Talks began.", "..."]
    scored = ["TALKS BEGAN", "Nothing here.", "iran rejected the offer", "Talks began!", "?"]
    assert find_leaks(train, scored) == ["talks began", "iran rejected the offer"]
    assert find_leaks([], scored) == []


def test_assert_no_leak_passes_on_a_clean_pair() -> None:
    assert_no_leak(["Iran rejected the offer."], ["Iran accepted the offer."], "toy")


def test_assert_no_leak_raises_with_count_and_three_examples() -> None:
    train = [f"Sentence number {i}." for i in range(10)]
    scored = [f"sentence NUMBER {i}" for i in range(5)] + ["A new one."]
    with pytest.raises(LeakageError) as err:
        assert_no_leak(train, scored, "lexicon vs plover")
    message = str(err.value)
    assert isinstance(err.value, DyadwatchError) and err.value.code == "E500"
    assert message.startswith("[E500] lexicon vs plover: 5 scored sentence(s)")
    assert "'sentence number 2'" in message and "'sentence number 3'" not in message


def test_codebook_examples_are_decoded(data_dir: Path) -> None:
    examples = codebook_examples(data_dir)
    assert len(examples) == 277  # SOURCE.md: 277 rows with an example
    assert not any("\u201a\u00c4" in e or "\u00ac\u00a3" in e for e in examples)
    assert any("Moscow\u2019s will to agree" in e for e in examples)


def test_manual_set_sizes(sets: dict[str, set[str]], data_dir: Path) -> None:
    # distinct normalised sentences: the GSR repeats 6 of its 322 sentences; ConfliBERT
    # train/test hold 1,349/451 rows with 5/1 normalised duplicates
    assert {k: len(v) for k, v in sets.items()} == {
        "plover": 316,
        "codebook": 277,
        "conflibert_train": 1344,
        "conflibert_test": 450,
    }
    assert manual_sentences(data_dir) == set().union(*sets.values())


def test_conflibert_overlaps_plover_in_its_test_split(sets: dict[str, set[str]]) -> None:
    """SOURCE.md says 267 of the 322 GSR sentences match ConfliBERT after normalisation. With this
    module's normalisation 257 distinct sentences (261 of the 322 records) match, and all of them
    are in ConfliBERT's *test* split: its train split shares nothing with the GSR."""
    plover = sorted(sets["plover"])
    leaks = find_leaks(plover, sorted(sets["conflibert_test"]))
    assert len(leaks) == 257
    with pytest.raises(LeakageError, match="257 scored sentence"):
        assert_no_leak(plover, sorted(sets["conflibert_test"]), "plover vs conflibert test")
    assert find_leaks(plover, sorted(sets["conflibert_train"])) == []
    assert len(find_leaks(sets["codebook"], sets["plover"])) == 142


def test_real_suites_against_the_manual(sets: dict[str, set[str]], data_dir: Path) -> None:
    manual = set().union(*sets.values())
    # CASE 2021 snippets and the PETRARCH unit tests share nothing with the CAMEO-manual sets
    for name in ("case2021", "petrarch2"):
        assert_no_leak(manual, [c.text for c in load_suite(name, data_dir).cases], name)
    # ... but ConfliBERT's test split also holds 64 of the 78 UniversalPetrarch GSR sentences
    up = [c.text for c in load_suite("universalpetrarch", data_dir).cases]
    assert len(find_leaks(sets["conflibert_test"], up)) == 64
    assert find_leaks(sets["conflibert_train"] | sets["plover"] | sets["codebook"], up) == []
