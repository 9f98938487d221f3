"""Shared by the scripts that build a packaged table from ../shared/data: write it, or with
``--check`` fail when the committed table differs from what the script builds now."""

from __future__ import annotations

from pathlib import Path


def write_or_check(out: Path, table: str, script: str, check: bool, header_lines: int = 3) -> None:
    if check:
        if out.read_text(encoding="utf-8") != table:
            raise SystemExit(f"{out} is out of date: run {script}")
        return
    out.write_text(table, encoding="utf-8")
    print(f"wrote {out} ({table.count(chr(10)) - header_lines} rows)")
