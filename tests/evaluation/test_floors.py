"""Accuracy floors on a fast slice of each suite (50 evenly spaced cases), so that a change that
breaks accuracy fails CI. Floors sit a little under the figures measured when they were set;
raise them when the coder improves. The full figures are in docs/accuracy.md (`make eval`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.evaluation.runner import predict
from dyadwatch.evaluation.scoring import score_suite
from dyadwatch.evaluation.suites import load_suite
from dyadwatch.evaluation.types import Suite

pytestmark = pytest.mark.slow
SLICE = 50

#: (suite, metric) -> floor; "extra_rate" is a ceiling. Measured values in the comments.
FLOORS = {
    ("plover", "event_type_accuracy"): 0.43,  # 0.48 (2026-12-02, third stop; 0.40 at the second, 0.26 with 0.2.0)
    ("plover", "source_country_accuracy"): 0.64,  # 0.70
    ("universalpetrarch", "found_rate"): 0.20,  # 0.256
    # a ceiling: 0.711 since events with a named source and no target stand (0.619 before)
    ("universalpetrarch", "extra_rate"): 0.75,
    ("conflibert", "macro_f1"): 0.61,  # 0.663
    ("case2021", "macro_f1"): 0.17,  # 0.206
}


def sliced(suite: Suite, n: int = SLICE) -> Suite:
    step = max(len(suite.cases) // n, 1)
    return Suite(suite.name, suite.description, suite.cases[::step][:n], suite.left_out, suite.notes)


@pytest.mark.parametrize("name", sorted({s for s, _ in FLOORS}))
def test_accuracy_floor(coder, data_dir: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    suite = sliced(load_suite(name, data_dir))
    report = score_suite(suite, predict(coder, suite.cases))
    for (suite_name, metric), floor in FLOORS.items():
        if suite_name != name:
            continue
        value = report.metrics[metric]
        if metric == "extra_rate":
            assert value <= floor, f"{name} {metric} {value} > ceiling {floor}"
        else:
            assert value >= floor, f"{name} {metric} {value} < floor {floor}"


#: The same slices with the learned sentence classifier on (Config.classifier); measured values
#: in the comments (2026-12-02, third stop). Its extra-event rate is worse than the rules':
#: that is why it is off by default.
CLASSIFIER_FLOORS = {
    ("plover", "event_type_accuracy"): 0.52,  # 0.58
    ("plover", "source_country_accuracy"): 0.76,  # 0.82 (0.84 at the second stop)
    ("conflibert", "macro_f1"): 0.71,  # 0.771
    ("case2021", "macro_f1"): 0.40,  # 0.451
}


@pytest.fixture(scope="module")
def classifier_coder():  # type: ignore[no-untyped-def]
    from dyadwatch.evaluation.runner import coder_for

    return coder_for("rules+classifier")


@pytest.mark.parametrize("name", sorted({s for s, _ in CLASSIFIER_FLOORS}))
def test_classifier_accuracy_floor(classifier_coder, data_dir: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    suite = sliced(load_suite(name, data_dir))
    report = score_suite(suite, predict(classifier_coder, suite.cases))
    for (suite_name, metric), floor in CLASSIFIER_FLOORS.items():
        if suite_name == name:
            assert report.metrics[metric] >= floor, f"{name} {metric} {report.metrics[metric]} < floor {floor}"
