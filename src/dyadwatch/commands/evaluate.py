"""Scoring the coder: ``dyadwatch eval``."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .options import progress_bar


def eval_(
    suites: Annotated[list[str], typer.Argument(help="Suites to score, or 'all'.")],
    data: Annotated[Path, typer.Option("--data", help="Folder holding the suites.")] = Path("../shared/data"),
    limit: Annotated[Optional[int], typer.Option("--limit", help="Score the first N cases of each suite.")] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write the figures as JSON.")] = None,
    markdown: Annotated[Optional[Path], typer.Option("--markdown", help="Write docs/accuracy.md.")] = None,
    classifier: Annotated[bool, typer.Option(
        "--classifier", help="Also score the rules with the learned sentence classifier.")] = False,
    file: Annotated[Optional[Path], typer.Option(
        "--file", help="Score this file instead of the packaged one (one suite: ja or ko; same format).")] = None,
) -> None:
    """Score the coder on other projects' annotated suites (PLOVER gold, UniversalPetrarch,
    ConfliBERT, CASE 2021, PETRARCH-2 unit tests; PolNeAR for quotes) and our own Japanese and
    Korean suites (ja, ko), and print the figures against the targets."""
    from ..evaluation.report import render_table, report_to_json, write_markdown
    from ..evaluation.runner import VARIANTS, coder_for, predict
    from ..evaluation.scoring import score_suite
    from ..evaluation.polnear import polnear_report
    from ..evaluation.suites import PACKAGED_SUITES, SUITE_NAMES, load_suite

    known = (*SUITE_NAMES, "polnear")
    names = list(known) if suites == ["all"] else suites
    unknown = [n for n in names if n not in known]
    if unknown:
        raise typer.BadParameter(f"unknown suite(s) {unknown}; choose from {', '.join(known)} or all")
    if file is not None and (len(names) != 1 or names[0] not in ("ja", "ko")):
        raise typer.BadParameter("--file scores one suite, ja or ko")
    reports = []
    coder = None
    for variant in VARIANTS if classifier else ("rules",):
        coder = coder_for(variant)
        for name in names:
            if name == "polnear":  # quotes, not events: scored by its own harness, rules only
                if variant == "rules":
                    with progress_bar() as progress:
                        progress.add_task("scoring polnear (quote attribution)", total=None)
                        reports.append(polnear_report(coder, data, limit))
                continue
            if variant != "rules" and name in PACKAGED_SUITES:
                continue  # the classifier reads English only: the same figures twice
            suite = load_suite(name, data, limit=limit, file=file)
            with progress_bar() as progress:
                progress.add_task(f"scoring {name} ({len(suite.cases)} cases, {variant})", total=None)
                reports.append(replace(score_suite(suite, predict(coder, suite.cases)), variant=variant))
    Console(width=max(Console().width, 120)).print(render_table(reports))
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(report_to_json(reports), indent=2), encoding="utf-8")
    if markdown is not None:
        command = "dyadwatch eval " + " ".join(suites) + (f" --limit {limit}" if limit else "")
        command += " --classifier" if classifier else ""
        version = coder.config.coder_version if coder is not None else ""
        write_markdown(reports, markdown, coder_version=version, date=_dt.date.today(),
                       data_dir=str(data), command=command)
