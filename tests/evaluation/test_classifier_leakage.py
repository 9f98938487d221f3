"""The sentence classifier's training data against every scored sentence, and the harness's
refusal to score a suite with a classifier that saw its sentences. Fast: no spaCy, no torch."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from dyadwatch.coding.classifier import SentenceClassifier
from dyadwatch.errors import LeakageError
from dyadwatch.evaluation.leakage import (
    assert_hashes_clear,
    near_duplicates,
    scored_sentences,
    sentence_hash,
)
from dyadwatch.evaluation.report import check_targets, report_to_json, reports_from_json
from dyadwatch.evaluation.runner import predict
from dyadwatch.evaluation.scoring import SuiteReport
from dyadwatch.evaluation.types import Case

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def clf() -> SentenceClassifier:
    return SentenceClassifier.load()


@pytest.fixture(scope="module")
def scored(data_dir: Path) -> list[str]:
    return scored_sentences(data_dir)


def test_near_duplicates() -> None:
    scored = [
        "Iran rejected the European proposal for new talks on its nuclear programme on Monday.",
        "Rebels shelled the town. Two people died. The army said it would respond.",
    ]
    train = [
        "IRAN rejected the European proposal for new talks on its nuclear programme on Monday!",  # exact
        "Iran rejected the European proposal for new talks on its nuclear programme on Tuesday.",  # edited
        "Two people died.",  # too short for 4-grams, and not equal to a scored text
        "The army said it would respond.",  # inside a scored snippet
        "Iran accepted a Chinese offer to mediate with Saudi Arabia.",  # unrelated
    ]
    assert near_duplicates(train, scored) == [0, 1, 3]
    assert near_duplicates(train, []) == []


def test_shipped_training_set_shares_no_sentence_with_any_suite(clf: SentenceClassifier, scored: list[str]) -> None:
    assert len(scored) > 1900  # every case of every suite
    assert_hashes_clear(clf.train_hashes, scored, "shipped classifier")


def test_training_set_is_rebuilt_exactly_and_is_clean(clf: SentenceClassifier, data_dir: Path, scored: list[str]) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import train_classifier
    finally:
        sys.path.remove(str(ROOT / "tools"))
    conf, extra, counts = train_classifier.gather(data_dir)
    texts = [e.text for e in conf + extra]
    assert near_duplicates(texts, scored) == []
    assert tuple(sorted({sentence_hash(t) for t in texts})) == clf.train_hashes
    assert counts["codebook_example"]["scored_duplicates"] == 273  # the codebook examples are test sentences


def test_predict_refuses_a_case_the_classifier_was_trained_on(clf: SentenceClassifier) -> None:
    own = (ROOT / "tools" / "classifier_sentences.tsv").read_text(encoding="utf-8").splitlines()
    seen = next(line.split("\t")[0] for line in own if line and not line.startswith("#"))
    coder = SimpleNamespace(assist=SimpleNamespace(classifier=clf))  # stops before coding
    with pytest.raises(LeakageError, match="1 scored sentence"):
        predict(coder, [Case("toy", "c1", "A sentence nobody trained on."), Case("toy", "c2", seen.upper())])  # type: ignore[arg-type]


def _report(suite: str, variant: str, f1: float) -> SuiteReport:
    return SuiteReport(suite, 10, {"macro_f1": f1}, {}, [], {}, variant=variant)


def test_reports_carry_the_variant() -> None:
    reports = [_report("conflibert", "rules", 0.4), _report("conflibert", "rules+classifier", 0.6)]
    checks = [c for c in check_targets(reports) if c.metric == "macro_f1"]
    assert [(c.suite, c.value) for c in checks] == [
        ("conflibert", 0.4), ("case2021", None), ("conflibert (rules+classifier)", 0.6)
    ]
    back = reports_from_json(report_to_json(reports))
    assert [r.label for r in back] == ["conflibert", "conflibert (rules+classifier)"]
