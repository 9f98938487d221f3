from __future__ import annotations

import pytest

from dyadwatch.coding.ontology import (
    DEFAULT_CAMEO,
    PLOVER_SCORES,
    PLOVER_TYPES,
    QUAD_CLASS,
    cameo,
    cameo_table,
    intensity,
)


def test_sixteen_types_each_with_quad_score_and_default_code() -> None:
    assert len(PLOVER_TYPES) == 16
    for t in PLOVER_TYPES:
        assert QUAD_CLASS[t] in (1, 2, 3, 4)
        assert t in PLOVER_SCORES
        assert cameo(DEFAULT_CAMEO[t]).plover == t


@pytest.mark.parametrize(
    ("code", "plover", "mode", "goldstein"),
    [
        ("042", "CONSULT", "visit", 1.9),
        ("057", "SUPPORT", None, 8.0),
        ("163", "COERCE", "restrict", -8.0),
        ("192", "COERCE", "seize", -9.5),
        ("143", "PROTEST", "boycott", -6.5),
        ("026", "REQUEST", "meet", 4.0),
    ],
)
def test_cameo_rows_follow_cameo2plover(code: str, plover: str, mode: str | None, goldstein: float) -> None:
    row = cameo(code)
    assert (row.plover, row.mode, row.goldstein, row.root) == (plover, mode, goldstein, code[:2])


def test_every_cameo_row_maps_to_a_plover_type() -> None:
    table = cameo_table()
    assert len(table) > 250
    assert {r.plover for r in table.values()} == set(PLOVER_TYPES)


def test_intensity_uses_mode_score_where_the_manual_gives_one() -> None:
    assert intensity("CONSULT", "visit") == 4.0
    assert intensity("CONSULT", None) == 2.5
    assert intensity("COERCE", "not-a-mode") == -7.0
    assert QUAD_CLASS["SANCTION"] == 4
