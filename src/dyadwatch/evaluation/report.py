"""The accuracy report: targets, a terminal table, ``docs/accuracy.md`` and JSON."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from rich.table import Table

from .scoring import DIGITS, SuiteReport

#: (suite, metric) -> (">=" or "<=", target value)
TARGETS: Final[dict[tuple[str, str], tuple[str, float]]] = {
    ("plover", "event_type_accuracy"): (">=", 0.80),
    ("plover", "source_country_accuracy"): (">=", 0.85),
    ("plover", "target_country_accuracy"): (">=", 0.80),
    ("universalpetrarch", "found_rate"): (">=", 0.80),
    ("universalpetrarch", "extra_rate"): ("<=", 0.15),
    ("conflibert", "macro_f1"): (">=", 0.80),
    ("case2021", "macro_f1"): (">=", 0.65),
    ("polnear", "content_f1"): (">=", 0.75),
    ("polnear", "source_accuracy"): (">=", 0.80),
    # our own Japanese and Korean suites: the bar set for English (PLOVER gold, UniversalPetrarch)
    **{(lang, metric): goal for lang in ("ja", "ko") for metric, goal in (
        ("event_type_accuracy", (">=", 0.80)), ("source_country_accuracy", (">=", 0.85)),
        ("target_country_accuracy", (">=", 0.80)), ("found_rate", (">=", 0.80)), ("extra_rate", ("<=", 0.15)),
        ("date_accuracy", (">=", 0.80)))},
}

_OP_SIGN: Final = {">=": "≥", "<=": "≤"}


@dataclass(frozen=True, slots=True)
class TargetCheck:
    """One target and how the measured figure stands against it."""

    suite: str
    metric: str
    op: str
    target: float
    #: the measured figure; ``None`` when the suite was not run or the figure not computed
    value: float | None
    #: ``None`` when there is no value to judge
    met: bool | None
    #: how far the value falls short (0.0 when met); ``None`` without a value
    gap: float | None
    #: the suite was part of the run
    ran: bool

    @property
    def target_text(self) -> str:
        return f"{_OP_SIGN.get(self.op, self.op)} {self.target:.2f}"

    @property
    def status(self) -> str:
        if not self.ran:
            return "not run"
        if self.value is None or self.gap is None:
            return "not computed"
        return "met" if self.met else f"short by {_short(self.gap)}"


def _short(value: float) -> str:
    """Two or three decimals: ``0.07`` rather than ``0.070``, ``0.60``, ``0.633``."""
    text = f"{value:.{DIGITS}f}"
    return text.removesuffix("0")


def _value(value: float | None) -> str:
    return "—" if value is None else f"{value:.{DIGITS}f}"


def check_target(
    suite: str, metric: str, op: str, target: float, value: float | None, *, ran: bool = True
) -> TargetCheck:
    if value is None:
        return TargetCheck(suite, metric, op, target, None, None, None, ran)
    if op == ">=":
        gap = round(max(0.0, target - value), DIGITS)
        met = value >= target
    elif op == "<=":
        gap = round(max(0.0, value - target), DIGITS)
        met = value <= target
    else:
        raise ValueError(f"unknown comparison {op!r} (expected '>=' or '<=')")
    return TargetCheck(suite, metric, op, target, value, met, gap, ran)


def check_targets(reports: Sequence[SuiteReport]) -> list[TargetCheck]:
    """Every target in :data:`TARGETS`, in its order, judged against ``reports``."""
    variants = list(dict.fromkeys(["rules", *(r.variant for r in reports)]))
    checks = []
    for variant in variants:
        by_suite = {r.suite: r for r in reports if r.variant == variant}
        if variant != "rules" and not by_suite:
            continue
        for (suite, metric), (op, target) in TARGETS.items():
            report = by_suite.get(suite)
            if variant != "rules" and report is None:
                continue  # a second variant lists only the suites it ran
            value = None if report is None else report.metrics.get(metric)
            label = suite if report is None else report.label
            checks.append(check_target(label, metric, op, target, value, ran=report is not None))
    return checks


def render_table(reports: Sequence[SuiteReport]) -> Table:
    """Every figure of every report, with its target and whether it is met."""
    table = Table(title="Accuracy")
    table.add_column("suite")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    table.add_column("status")
    for report in reports:
        for metric, value in report.metrics.items():
            goal = TARGETS.get((report.suite, metric))
            if goal is None:
                table.add_row(report.label, metric, _value(value), "", "")
                continue
            check = check_target(report.suite, metric, goal[0], goal[1], value)
            style = "green" if check.met else "red"
            table.add_row(
                report.label,
                metric,
                _value(value),
                check.target_text,
                f"[{style}]{check.status}[/{style}]",
            )
    return table


# ---------------------------------------------------------------------------------------------
# markdown


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], align: str) -> list[str]:
    """A markdown table; ``align`` has one ``l``/``r`` per column."""
    rule = "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"
    return [_row(header), rule, *(_row(r) for r in rows)]


def _label_order(labels: set[str]) -> list[str]:
    return sorted(labels, key=lambda label: (label == "NONE", label))


def confusion_markdown(confusion: Mapping[str, Mapping[str, int]]) -> list[str]:
    """Rows gold, columns predicted; only labels that occur (with a non-zero count)."""
    rows = _label_order({g for g, preds in confusion.items() if any(preds.values())})
    cols = _label_order({p for preds in confusion.values() for p, n in preds.items() if n})
    if not rows:
        return ["(nothing to show)"]
    body = [[f"**{g}**", *(confusion.get(g, {}).get(p, 0) or "" for p in cols)] for g in rows]
    return _table(["gold \\ predicted", *cols], body, "l" + "r" * len(cols))


def _suite_markdown(report: SuiteReport) -> list[str]:
    lines = [f"## {report.label}", "", f"{report.n_cases} cases.", "", "### Metrics", ""]
    rows = []
    for metric, value in report.metrics.items():
        goal = TARGETS.get((report.suite, metric))
        if goal is None:
            rows.append([metric, _value(value), "", ""])
        else:
            check = check_target(report.suite, metric, goal[0], goal[1], value)
            rows.append([metric, _value(value), check.target_text, check.status])
    lines += _table(["Metric", "Value", "Target", "Status"], rows, "lrrl") if rows else ["(none)"]
    lines += ["", "### Confusion (rows: gold, columns: predicted)", ""]
    lines += confusion_markdown(report.confusion)
    lines += ["", "### Most common errors", ""]
    if report.errors:
        err_rows = [
            [f"`{kind}`", count, ", ".join(f"`{cid}`" for cid in report.examples.get(kind, []))]
            for kind, count in report.errors
        ]
        lines += _table(["Error", "Count", "Example cases"], err_rows, "lrl")
    else:
        lines.append("None.")
    if report.notes:
        lines += ["", "### Notes", "", *(f"- {_cell(note)}" for note in report.notes)]
    if report.left_out:
        lines += ["", "### Left-out classes", ""]
        lines += [
            f"- `{label}`: {_cell(reason)}" for label, reason in sorted(report.left_out.items())
        ]
    return [*lines, ""]


def render_markdown(
    reports: Sequence[SuiteReport],
    *,
    coder_version: str,
    date: _dt.date,
    data_dir: str,
    command: str,
) -> str:
    """The text of ``docs/accuracy.md``."""
    lines = [
        "# dyadwatch accuracy",
        "",
        f"- Date: {date.isoformat()}",
        f"- Coder version: {coder_version}",
        f"- Data: `{data_dir}`",
        f"- Command: `{command}`",
        "",
        "## Targets",
        "",
    ]
    rows = [
        [c.suite, c.metric, _value(c.value), c.target_text, c.status]
        for c in check_targets(reports)
    ]
    lines += _table(["Suite", "Metric", "Value", "Target", "Status"], rows, "llrrl")
    lines.append("")
    for report in reports:
        lines += _suite_markdown(report)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_markdown(
    reports: Sequence[SuiteReport],
    path: Path,
    *,
    coder_version: str,
    date: _dt.date,
    data_dir: str,
    command: str,
) -> None:
    """Write the accuracy report (``docs/accuracy.md``) to ``path``, creating its folder."""
    text = render_markdown(
        reports, coder_version=coder_version, date=date, data_dir=data_dir, command=command
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# JSON


def _report_dict(report: SuiteReport) -> dict[str, Any]:
    return {
        "suite": report.suite,
        "n_cases": report.n_cases,
        "metrics": dict(report.metrics),
        "confusion": {g: dict(preds) for g, preds in report.confusion.items()},
        "errors": [[kind, count] for kind, count in report.errors],
        "examples": {kind: list(ids) for kind, ids in report.examples.items()},
        "notes": list(report.notes),
        "left_out": dict(report.left_out),
        "variant": report.variant,
    }


def report_to_json(reports: Sequence[SuiteReport]) -> dict[str, Any]:
    """A JSON-ready dict (for ``--report out.json``): the target checks and every suite report."""
    return {
        "targets": [
            {
                "suite": c.suite,
                "metric": c.metric,
                "op": c.op,
                "target": c.target,
                "value": c.value,
                "met": c.met,
                "status": c.status,
            }
            for c in check_targets(reports)
        ],
        "suites": [_report_dict(r) for r in reports],
    }


def reports_from_json(data: Mapping[str, Any]) -> list[SuiteReport]:
    """The suite reports back from :func:`report_to_json`'s output (after a JSON round trip)."""
    return [
        SuiteReport(
            suite=str(d["suite"]),
            n_cases=int(d["n_cases"]),
            metrics={str(k): float(v) for k, v in d["metrics"].items()},
            confusion={
                str(g): {str(p): int(n) for p, n in preds.items()}
                for g, preds in d["confusion"].items()
            },
            errors=[(str(kind), int(count)) for kind, count in d["errors"]],
            examples={str(k): [str(i) for i in ids] for k, ids in d["examples"].items()},
            notes=tuple(str(n) for n in d.get("notes", ())),
            left_out={str(k): str(v) for k, v in d.get("left_out", {}).items()},
            variant=str(d.get("variant", "rules")),
        )
        for d in data["suites"]
    ]
