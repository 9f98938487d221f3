"""The accuracy report: target checks, the rich table, markdown and JSON."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest
from rich.console import Console

from dyadwatch.evaluation.report import (
    TARGETS,
    check_target,
    check_targets,
    render_markdown,
    render_table,
    report_to_json,
    reports_from_json,
    write_markdown,
)
from dyadwatch.evaluation.scoring import SuiteReport


def _reports() -> list[SuiteReport]:
    plover = SuiteReport(
        suite="plover",
        n_cases=40,
        metrics={
            "event_type_accuracy": 0.73,
            "source_country_accuracy": 0.9,
            "target_country_accuracy": 0.8,
            "triple_accuracy": 0.6,
            "coverage": 0.95,
        },
        confusion={"CONSULT": {"CONSULT": 20, "AGREE": 7}, "REQUEST": {"NONE": 5, "ACCUSE": 0}},
        errors=[("CONSULT->AGREE", 7), ("missed:REQUEST", 5)],
        examples={"CONSULT->AGREE": ["p-1", "p|2", "p-3"], "missed:REQUEST": ["p-9"]},
        notes=("one gold event per case",),
        left_out={"RETREAT": "no example in the suite"},
    )
    up = SuiteReport(
        suite="universalpetrarch",
        n_cases=10,
        metrics={"found_rate": 0.85, "missed_rate": 0.15, "extra_rate": 0.2, "type_found_rate": 0.9},
        confusion={"AID": {"AID": 3}, "NONE": {"AID": 1}},
        errors=[("extra:AID", 1)],
        examples={"extra:AID": ["u-1"]},
    )
    return [plover, up]


def test_check_target_met_and_short_by() -> None:
    short = check_target("plover", "event_type_accuracy", ">=", 0.80, 0.73)
    assert (short.met, short.gap, short.status) == (False, 0.07, "short by 0.07")
    over = check_target("universalpetrarch", "extra_rate", "<=", 0.15, 0.2)
    assert (over.met, over.gap, over.status) == (False, 0.05, "short by 0.05")
    met = check_target("universalpetrarch", "extra_rate", "<=", 0.15, 0.15)
    assert (met.met, met.gap, met.status) == (True, 0.0, "met")
    assert check_target("x", "y", ">=", 0.5, None).status == "not computed"
    assert check_target("x", "y", ">=", 0.5, None, ran=False).status == "not run"
    with pytest.raises(ValueError):
        check_target("x", "y", "==", 0.5, 0.5)


def test_check_targets_lists_every_target_in_order() -> None:
    checks = check_targets(_reports())
    assert [(c.suite, c.metric) for c in checks] == list(TARGETS)
    by_key = {(c.suite, c.metric): c for c in checks}
    assert by_key[("universalpetrarch", "found_rate")].status == "met"
    assert by_key[("conflibert", "macro_f1")].status == "not run"
    assert by_key[("plover", "target_country_accuracy")].status == "met"  # 0.80 >= 0.80


def test_render_table_shows_value_target_and_status() -> None:
    console = Console(record=True, width=200)
    console.print(render_table(_reports()))
    text = console.export_text()
    assert "event_type_accuracy" in text and "0.730" in text and "≥ 0.80" in text
    assert "short by 0.07" in text
    assert "triple_accuracy" in text  # untargeted figures are listed too
    assert text.count("met") >= 2


def test_markdown_has_targets_table_and_per_suite_sections(tmp_path: Path) -> None:
    path = tmp_path / "docs" / "accuracy.md"
    write_markdown(
        _reports(),
        path,
        coder_version="0.1.0",
        date=_dt.date(2025, 3, 1),
        data_dir="../shared/eval",
        command="dyadwatch evaluate --all",
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# dyadwatch accuracy\n")
    assert "- Date: 2025-03-01" in text and "- Coder version: 0.1.0" in text
    assert "`dyadwatch evaluate --all`" in text and "`../shared/eval`" in text
    targets = text.split("## Targets", 1)[1].split("## plover", 1)[0]
    assert "| plover | event_type_accuracy | 0.730 | ≥ 0.80 | short by 0.07 |" in targets
    assert "| universalpetrarch | extra_rate | 0.200 | ≤ 0.15 | short by 0.05 |" in targets
    assert "| conflibert | macro_f1 | — | ≥ 0.80 | not run |" in targets
    assert targets.count("\n| ") == len(TARGETS) + 1  # header + one row per target
    plover = text.split("## plover", 1)[1].split("## universalpetrarch", 1)[0]
    # confusion: rows gold, columns predicted, only labels that occur (ACCUSE has a zero count)
    assert "| gold \\ predicted | AGREE | CONSULT | NONE |" in plover
    assert "| **CONSULT** | 7 | 20 |  |" in plover
    assert "ACCUSE" not in plover
    assert "| `CONSULT->AGREE` | 7 | `p-1`, `p\\|2`, `p-3` |" in plover
    assert "- one gold event per case" in plover
    assert "- `RETREAT`: no example in the suite" in plover
    assert "| triple_accuracy | 0.600 |  |  |" in plover
    assert "| **NONE** |" in text.split("## universalpetrarch", 1)[1]


def test_render_markdown_without_reports_lists_targets_as_not_run() -> None:
    text = render_markdown([], coder_version="0", date=_dt.date(2025, 1, 1), data_dir="d", command="c")
    assert text.count("not run") == len(TARGETS)


def test_json_round_trips() -> None:
    reports = _reports()
    data = json.loads(json.dumps(report_to_json(reports)))
    assert reports_from_json(data) == reports
    assert len(data["targets"]) == len(TARGETS)
    first = data["targets"][0]
    assert first == {
        "suite": "plover",
        "metric": "event_type_accuracy",
        "op": ">=",
        "target": 0.8,
        "value": 0.73,
        "met": False,
        "status": "short by 0.07",
    }
    assert data["suites"][0]["errors"][0] == ["CONSULT->AGREE", 7]
