"""Our Japanese and Korean suites: the file format, the loader's errors, the scorer."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from dyadwatch.errors import ConfigError
from dyadwatch.evaluation.scoring import score_suite
from dyadwatch.evaluation.suites import load_suite
from dyadwatch.evaluation.types import PredictedEvent, Prediction

HEADER = "id\tpublished\ttext\tevents\tdate\tnote\n"
ROWS = [
    "ja-1\t2025-06-18\t石破首相は17日、李大統領と会談した。\tCONSULT JPN+KOR>\t2025-06-17\t",
    "ja-2\t2019-07-05\t日本は韓国向けの輸出管理を厳格化した。\tSANCTION JPN>KOR\t2019-07\t",
    "ja-3\t2025-06-18\t両国の貿易額は増えた。\t-\t\t",
    "ja-4\t2025-06-18\t韓国は抗議しなかった。\tACCUSE KOR>JPN@negated\t\t",
]


def _write(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "ja.tsv"
    path.write_text("# comment\n" + HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_load(tmp_path: Path) -> None:
    suite = load_suite("ja", tmp_path, file=_write(tmp_path, ROWS))
    first, second, third, fourth = suite.cases
    assert first.date == _dt.date(2025, 6, 18)
    assert (first.events[0].event_type, first.events[0].source, first.events[0].target, first.events[0].date) == (
        "CONSULT", frozenset({"JPN", "KOR"}), frozenset(), "2025-06-17")
    assert second.events[0].target == frozenset({"KOR"})
    assert third.no_event and not third.events
    assert fourth.no_event  # a negated event is not expected


@pytest.mark.parametrize(("row", "message"), [
    ("ja-9\t2025-06-18\tX\tMEET JPN>KOR\t\t", "bad event"),
    ("ja-9\t2025-13-01\tX\t-\t\t", "published must be"),
    ("ja-9\t2025-06-18\tX\t\t\t", "events column is empty"),
    ("ja-1\t2025-06-18\tX\t-\t\t", "occurs twice"),
])  # fmt: skip
def test_bad_rows(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_suite("ja", tmp_path, file=_write(tmp_path, [*ROWS, row]))


def test_score(tmp_path: Path) -> None:
    suite = load_suite("ja", tmp_path, file=_write(tmp_path, ROWS))
    ev = lambda t, s, g, d: PredictedEvent(t, frozenset(s), frozenset(g), 1, "04", date=d)  # noqa: E731
    predictions = {
        "ja-1": Prediction("ja-1", (ev("CONSULT", {"JPN", "KOR"}, set(), "2025-06-17"),)),
        "ja-2": Prediction("ja-2", (ev("SANCTION", {"JPN"}, {"KOR"}, "2019-08-02"),)),  # wrong month
        "ja-3": Prediction("ja-3", (ev("AGREE", {"JPN"}, {"KOR"}, "2025-06-18"),)),  # extra
        "ja-4": Prediction("ja-4", ()),
    }
    report = score_suite(suite, predictions)
    m = report.metrics
    assert m["found_rate"] == 1.0 and m["extra_rate"] == pytest.approx(1 / 3, abs=1e-3)
    assert m["event_type_accuracy"] == 1.0 and m["target_country_accuracy"] == 1.0
    assert m["date_accuracy"] == 0.5
    assert m["no_event_accuracy"] == 0.5
    assert dict(report.errors)["date:wrong"] == 1


def test_packaged_suites_load() -> None:
    for lang in ("ja", "ko"):
        suite = load_suite(lang, Path("/nonexistent"))
        assert len(suite.cases) >= 60
        assert sum(c.no_event for c in suite.cases) >= 5
