"""The HTML report: self-contained (no network), charts with their data, alerts, top events."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dyadwatch.analysis import build_charts, write_report
from tests.analysis.test_alerts import calm_then_crisis

# Any tag that would fetch something from the network when the page opens.
_REMOTE = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data)\s*="
    r"\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


def _specs(page: str) -> list[dict]:
    return [
        json.loads(m) for m in re.findall(r"vegaEmbed\('#chart-\d+', (\{.*?\}), \{actions", page)
    ]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, object]:
    out = tmp_path_factory.mktemp("report")
    events = calm_then_crisis()
    events.loc[events["event_id"] == "s4", "text"] = "Troops <b>fired</b> at a patrol & left."
    files = write_report(events, "JPN", "KOR", out / "r" / "report.html", png_dir=out / "png")
    return out, files.html.read_text(encoding="utf-8"), files


def test_html_is_self_contained(report: tuple[Path, str, object]) -> None:
    _, page, _ = report
    assert page.startswith("<!DOCTYPE html>")
    assert not _REMOTE.search(page)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page)
    assert "window.vegaEmbed" in page  # the inlined bundle defines it


def test_charts_carry_their_data(report: tuple[Path, str, object]) -> None:
    _, page, files = report
    specs = _specs(page)
    assert len(specs) == 4 == page.count("class='chart'")
    assert all("$schema" not in s for s in specs)
    text = json.dumps(specs)
    assert '"period": "2020-07"' in text and "history" in text
    assert files.n_events == 17 and files.n_alerts == 2  # type: ignore[attr-defined]


def test_alerts_and_top_events_are_listed_and_escaped(report: tuple[Path, str, object]) -> None:
    _, page, _ = report
    assert "toward conflict" in page and "2020-07" in page
    assert "Troops &lt;b&gt;fired&lt;/b&gt; at a patrol &amp; left." in page
    assert "<b>fired</b>" not in page
    top = page.split("Top 17 events by |intensity|")[1]
    assert top.index("s4") < top.index("s1")  # ASSAULT (−9) before the sanctions (−6)


def test_png_and_svg_files(report: tuple[Path, str, object]) -> None:
    out, _, files = report
    images = files.images  # type: ignore[attr-defined]
    names = sorted(p.name for p in images)
    assert names == sorted(
        f"jpn_kor_{c}.{x}"
        for c in ("dual_track", "tracks", "quads", "directed")
        for x in ("png", "svg")
    )
    for p in images:
        assert p.parent == out / "png" and p.stat().st_size > 1000
        if p.suffix == ".png":
            assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        else:
            assert "<svg" in p.read_text(encoding="utf-8")[:500]


def test_empty_dyad_still_writes_a_report(tmp_path: Path) -> None:
    files = write_report(
        calm_then_crisis(), "IND", "PAK", tmp_path / "empty.html", png_dir=tmp_path
    )
    page = files.html.read_text(encoding="utf-8")
    assert "No dated events" in page and files.images == () and files.n_events == 0


def test_build_charts_names() -> None:
    assert list(build_charts(calm_then_crisis(), "JPN", "KOR")) == [
        "dual_track",
        "tracks",
        "quads",
        "directed",
    ]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None and not os.environ.get("CI"),
                    reason="Debian's chromium is not installed (never skipped in CI)")
def test_charts_render_offline_in_headless_chromium(report: tuple[Path, str, object]) -> None:
    out, _, files = report
    args = [
        shutil.which("chromium"),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={out / 'chromium'}",
        "--virtual-time-budget=10000",
        "--dump-dom",
        files.html.resolve().as_uri(),  # type: ignore[attr-defined]
    ]
    dom = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout
    assert dom.count('class="marks"') == 4  # one rendered SVG per chart


def test_who_reads_each_kind_of_event() -> None:
    from dyadwatch.analysis.report import _who

    assert _who({"source_countries": ["JPN"], "target_countries": ["KOR"]}) == "JPN → KOR"
    assert _who({"source_countries": ["JPN", "KOR"], "target_countries": []}) == "JPN, KOR (jointly)"
    assert _who({"source_countries": [], "target_countries": ["JPN"]}) == "(unnamed) → JPN"
