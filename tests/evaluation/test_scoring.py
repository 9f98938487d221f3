"""Scorers on small hand-built suites; every expected figure is worked out by hand."""

from __future__ import annotations

import pytest

from dyadwatch.errors import ConfigError
from dyadwatch.evaluation.scoring import (
    CAMEO_ROOT_TO_PENTACLASS,
    EXAMPLES_PER_ERROR,
    TOP_ERRORS,
    greedy_match,
    macro_f1,
    precision_recall_f1,
    score_suite,
)
from dyadwatch.evaluation.types import (
    Case,
    GoldEvent,
    PredictedEvent,
    Prediction,
    Suite,
)


def gold(kind: str | None, src: str = "", tgt: str = "", cameo: str | None = None) -> GoldEvent:
    return GoldEvent(kind, frozenset(src.split()), frozenset(tgt.split()), cameo=cameo)


def ev(kind: str, src: str = "", tgt: str = "", root: str = "04", conf: float = 0.5) -> PredictedEvent:
    return PredictedEvent(kind, frozenset(src.split()), frozenset(tgt.split()), 1, root, confidence=conf)


def case(suite: str, cid: str, *events: GoldEvent, label: str | None = None, no_event: bool = False) -> Case:
    return Case(suite, cid, f"text of {cid}", tuple(events), label=label, no_event=no_event)


def preds(**by_case: list[PredictedEvent]) -> dict[str, Prediction]:
    return {cid: Prediction(cid, tuple(events)) for cid, events in by_case.items()}


# ---------------------------------------------------------------------------------------------
# helpers


def test_precision_recall_f1_by_hand() -> None:
    g = ["a", "a", "b", "b"]
    p = ["a", "b", "b", "b"]
    # a: tp 1, predicted 1, gold 2 -> P 1, R .5, F1 2/3 ; b: tp 2, predicted 3, gold 2 -> P 2/3, R 1, F1 .8
    assert precision_recall_f1(g, p, "a") == pytest.approx((1.0, 0.5, 2 / 3))
    assert precision_recall_f1(g, p, "b") == pytest.approx((2 / 3, 1.0, 0.8))
    assert precision_recall_f1(g, p, "c") == (0.0, 0.0, 0.0)
    assert macro_f1(g, p, ["a", "b"]) == pytest.approx((2 / 3 + 0.8) / 2)
    assert macro_f1(g, p, []) == 0.0
    with pytest.raises(ValueError):
        precision_recall_f1(["a"], [], "a")


def test_unknown_suite_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no scorer for suite 'acled'"):
        score_suite(Suite("acled", "", ()), {})


# ---------------------------------------------------------------------------------------------
# plover


def _plover_suite() -> Suite:
    return Suite(
        "plover",
        "PLOVER examples",
        (
            case("plover", "c1", gold("CONSULT", "USA", "CHN")),
            case("plover", "c2", gold("PROTEST", "KOR")),
            case("plover", "c3", gold("REQUEST", "USA", "RUS")),
            case("plover", "c4", gold("ASSAULT", "ISR", "PSE")),
            case("plover", "c5", gold("AGREE", "", "FRA")),
            case("plover", "c6", gold("CONSULT", "USA", "CHN")),
        ),
        notes=("suite note",),
    )


def test_plover_scores_by_hand() -> None:
    predictions = preds(
        c1=[ev("AGREE", "USA", "CHN"), ev("CONSULT", "USA", "CHN")],  # same type wins: all right
        c2=[ev("PROTEST")],  # type right, source KOR missed
        # c3: no prediction record at all
        c4=[ev("ACCUSE", "ISR", "PSE"), ev("AID", "USA", "PSE")],  # no same type: most overlap (ACCUSE)
        c5=[ev("AGREE", "DEU", "ITA")],  # type right, no gold source, target wrong
        c6=[],  # a record with no event
    )
    report = score_suite(_plover_suite(), predictions)
    assert report.suite == "plover"
    assert report.n_cases == 6
    assert report.metrics == {
        "event_type_accuracy": 0.5,  # c1 c2 c5 of 6
        "source_country_accuracy": 0.4,  # c1 c4 of c1 c2 c3 c4 c6 (c5 has no gold source)
        "target_country_accuracy": 0.4,  # c1 c4 of c1 c3 c4 c5 c6
        "triple_accuracy": 0.167,  # c1 of 6
        "coverage": 0.667,  # c1 c2 c4 c5 of 6
    }
    assert report.confusion == {
        "AGREE": {"AGREE": 1},
        "ASSAULT": {"ACCUSE": 1},
        "CONSULT": {"CONSULT": 1, "NONE": 1},
        "PROTEST": {"PROTEST": 1},
        "REQUEST": {"NONE": 1},
    }
    assert dict(report.errors) == {
        "missed:REQUEST": 1,
        "missed:CONSULT": 1,
        "source:KOR->none": 1,
        "ASSAULT->ACCUSE": 1,
        "target:FRA->ITA": 1,
    }
    assert report.examples["missed:REQUEST"] == ["c3"]
    assert report.examples["source:KOR->none"] == ["c2"]
    assert report.notes[0] == "suite note"
    assert any("1 case(s) had no prediction record" in n for n in report.notes)


def test_plover_best_match_prefers_actor_overlap_within_the_type() -> None:
    suite = Suite("plover", "", (case("plover", "x", gold("CONSULT", "USA", "CHN")),))
    report = score_suite(suite, preds(x=[ev("CONSULT", "RUS", "IRN"), ev("CONSULT", "usa", "CHN")]))
    assert report.metrics["source_country_accuracy"] == 1.0  # codes compared case-insensitively
    assert report.metrics["triple_accuracy"] == 1.0
    assert report.errors == []


def test_plover_triple_counts_missing_gold_target_as_right() -> None:
    suite = Suite(
        "plover",
        "",
        (case("plover", "a", gold("PROTEST", "KOR")), case("plover", "b", gold("PROTEST", "KOR"))),
    )
    report = score_suite(suite, preds(a=[ev("PROTEST", "KOR")], b=[ev("PROTEST", "KOR", "JPN")]))
    assert report.metrics["triple_accuracy"] == 1.0
    assert "target_country_accuracy" not in report.metrics  # no gold target anywhere: not computed
    assert any("target_country_accuracy" in n for n in report.notes)


def test_plover_empty_predictions() -> None:
    report = score_suite(_plover_suite(), {})
    assert report.metrics == {
        "event_type_accuracy": 0.0,
        "source_country_accuracy": 0.0,
        "target_country_accuracy": 0.0,
        "triple_accuracy": 0.0,
        "coverage": 0.0,
    }
    assert report.errors == [("missed:CONSULT", 2)] + [
        (k, 1) for k in ("missed:AGREE", "missed:ASSAULT", "missed:PROTEST", "missed:REQUEST")
    ]
    assert report.examples["missed:CONSULT"] == ["c1", "c6"]
    assert any("6 case(s) had no prediction record" in n for n in report.notes)


def test_error_list_keeps_top_ten_and_three_examples() -> None:
    types = [f"T{i:02d}" for i in range(12)]
    cases = [case("plover", f"m{i}", gold(t)) for i, t in enumerate(types)]
    cases += [case("plover", f"r{i}", gold("REQUEST")) for i in range(5)]
    report = score_suite(Suite("plover", "", tuple(cases)), {})
    assert len(report.errors) == TOP_ERRORS
    assert report.errors[0] == ("missed:REQUEST", 5)
    assert report.examples["missed:REQUEST"] == ["r0", "r1", "r2"][:EXAMPLES_PER_ERROR]
    assert set(report.examples) == {kind for kind, _ in report.errors}
    # ties broken alphabetically: T10 and T11 fall off
    assert "missed:T10" not in report.examples and "missed:T08" in report.examples


# ---------------------------------------------------------------------------------------------
# PETRARCH style


def _petrarch_suite(name: str = "universalpetrarch") -> Suite:
    c = lambda cid, *events, **kw: case(name, cid, *events, **kw)
    return Suite(
        name,
        "PETRARCH validation",
        (
            c("u1", gold("CONSULT", "USA", "CHN"), gold("CONSULT", "USA", "CHN")),  # duplicate gold
            c("u2", gold("AGREE", "USA", "CHN")),
            c("u3", gold("ASSAULT", "ISR", "PSE")),
            c("u4", gold(None, "USA", "", cameo="010")),  # a statement: left out
            c("u5", no_event=True),
            c("u6", no_event=True),
            c("u7", gold("REQUEST", "USA", "IRN"), gold("THREATEN", "USA", "IRN")),
            c("u8", gold("SANCTION", "USA")),
        ),
    )


def _petrarch_predictions() -> dict[str, Prediction]:
    return preds(
        u1=[ev("CONSULT", "USA", "CHN")],  # one found, one missed
        u2=[ev("AGREE", "USA", "CHN")] * 3,  # one found, two extra (duplicates)
        u3=[ev("ASSAULT", "ISR", "LBN")],  # type found, wrong target: extra
        u4=[],
        u5=[],
        u6=[ev("PROTEST", "KOR")],  # on a no-event case: extra
        u7=[ev("ACCUSE", "USA", "IRN")],  # REQUEST->ACCUSE, THREATEN missed; extra
        u8=[ev("SANCTION", "USA", "RUS")],  # found: the gold target names no country
    )


@pytest.mark.parametrize("name", ["universalpetrarch", "petrarch2"])
def test_petrarch_scores_by_hand(name: str) -> None:
    report = score_suite(_petrarch_suite(name), _petrarch_predictions())
    assert report.n_cases == 8
    # typed gold: u1 2, u2 1, u3 1, u7 2, u8 1 = 7 ; found u1 u2 u8 = 3 ; type-found + u3 = 4
    # predicted: 1 + 3 + 1 + 1 + 1 + 1 = 8 ; unmatched: u2 2, u3 1, u6 1, u7 1 = 5
    assert report.metrics == {
        "found_rate": 0.429,
        "missed_rate": 0.571,
        "extra_rate": 0.625,
        "type_found_rate": 0.571,
        "no_event_accuracy": 0.5,
    }
    assert report.confusion == {
        "AGREE": {"AGREE": 1},
        "ASSAULT": {"ASSAULT": 1},
        "CONSULT": {"CONSULT": 1, "NONE": 1},
        "REQUEST": {"ACCUSE": 1},
        "SANCTION": {"SANCTION": 1},
        "THREATEN": {"NONE": 1},
        "NONE": {"AGREE": 2, "PROTEST": 1},
    }
    assert report.errors[0] == ("extra:AGREE", 2)
    assert dict(report.errors[1:]) == {
        "missed:CONSULT": 1,
        "target:PSE->LBN": 1,
        "extra:PROTEST": 1,
        "REQUEST->ACCUSE": 1,
        "missed:THREATEN": 1,
    }
    assert report.examples["extra:AGREE"] == ["u2"]
    assert any("1 gold event(s) with no PLOVER type" in n for n in report.notes)


def test_petrarch_greedy_takes_most_specific_gold_first() -> None:
    golds = [gold("CONSULT", "USA"), gold("CONSULT", "USA", "CHN")]
    predicted = [ev("CONSULT", "USA", "CHN"), ev("CONSULT", "USA", "RUS")]
    suite = Suite("universalpetrarch", "", (case("universalpetrarch", "g", *golds),))
    report = score_suite(suite, preds(g=predicted))
    assert report.metrics["found_rate"] == 1.0
    assert report.metrics["extra_rate"] == 0.0
    pairs, rest_gold, rest_pred = greedy_match(golds, predicted, lambda g, p: g.event_type == p.event_type)
    assert {(g.target, p.target) for g, p in pairs} == {
        (frozenset({"CHN"}), frozenset({"CHN"})),
        (frozenset(), frozenset({"RUS"})),
    }
    assert rest_gold == [] and rest_pred == []


def test_greedy_match_uses_each_prediction_once() -> None:
    golds = [gold("AGREE", "USA", "CHN")] * 3
    predicted = [ev("AGREE", "USA", "CHN")] * 2
    pairs, rest_gold, rest_pred = greedy_match(golds, predicted, lambda g, p: True)
    assert len(pairs) == 2 and len(rest_gold) == 1 and rest_pred == []


def test_petrarch_empty_predictions() -> None:
    report = score_suite(_petrarch_suite(), {})
    assert report.metrics == {
        "found_rate": 0.0,
        "missed_rate": 1.0,
        "extra_rate": 0.0,  # nothing predicted, nothing extra
        "type_found_rate": 0.0,
        "no_event_accuracy": 1.0,
    }
    assert report.confusion["CONSULT"] == {"NONE": 2}
    assert "NONE" not in report.confusion


def test_petrarch_without_no_event_cases_has_no_such_metric() -> None:
    suite = Suite("petrarch2", "", (case("petrarch2", "a", gold("AID", "USA", "HTI")),))
    report = score_suite(suite, preds(a=[ev("AID", "USA", "HTI")]))
    assert report.metrics == {
        "found_rate": 1.0,
        "missed_rate": 0.0,
        "extra_rate": 0.0,
        "type_found_rate": 1.0,
    }


# ---------------------------------------------------------------------------------------------
# classification suites


def test_cameo_root_map_covers_all_roots() -> None:
    expected = {
        "0": {1, 2},
        "1": {3, 4, 5},
        "2": {6, 7, 8},
        "3": {9, 10, 11, 12, 13, 16},
        "4": {14, 15, 17, 18, 19, 20},
    }
    assert len(CAMEO_ROOT_TO_PENTACLASS) == 20
    for cls, roots in expected.items():
        assert {int(r) for r, c in CAMEO_ROOT_TO_PENTACLASS.items() if c == cls} == roots


def test_conflibert_scores_by_hand() -> None:
    suite = Suite(
        "conflibert",
        "",
        tuple(
            case("conflibert", cid, label=label)
            for cid, label in (("k1", "0"), ("k2", "1"), ("k3", "3"), ("k4", "4"), ("k5", "4"), ("k6", "2"))
        ),
    )
    predictions = preds(
        k1=[],  # no event: class 0, right
        k2=[ev("CONSULT", root="04", conf=0.9)],  # 1, right
        k3=[ev("ASSAULT", root="14", conf=0.5), ev("ACCUSE", root="11", conf=0.5)],  # tie: first -> 4
        k4=[ev("ASSAULT", root="19", conf=0.2), ev("CONSULT", root="4", conf=0.8)],  # "4" = root 04 -> 1
        k5=[ev("ASSAULT", root="18")],  # 4, right
        # k6: no record -> 0
    )
    report = score_suite(suite, predictions)
    # gold 0 1 3 4 4 2 ; predicted 0 1 4 1 4 0
    # F1: 0 -> P 1/2 R 1 = 2/3 ; 1 -> 2/3 ; 2 -> 0 ; 3 -> 0 ; 4 -> P 1/2 R 1/2 = 1/2 ; macro 11/30
    assert report.metrics == {
        "macro_f1": 0.367,
        "accuracy": 0.5,
        "f1_0": 0.667,
        "f1_1": 0.667,
        "f1_2": 0.0,
        "f1_3": 0.0,
        "f1_4": 0.5,
    }
    assert report.confusion == {
        "0": {"0": 1},
        "1": {"1": 1},
        "2": {"0": 1},
        "3": {"4": 1},
        "4": {"1": 1, "4": 1},
    }
    assert dict(report.errors) == {"3->4": 1, "4->1": 1, "missed:2": 1}
    assert any("class 0" in n for n in report.notes)


def test_conflibert_unmapped_root_is_wrong() -> None:
    suite = Suite("conflibert", "", (case("conflibert", "a", label="1"),))
    report = score_suite(suite, preds(a=[ev("CONSULT", root="")]))
    assert report.confusion == {"1": {"UNMAPPED": 1}}
    assert report.metrics["accuracy"] == 0.0
    assert any("UNMAPPED" in n for n in report.notes)


def test_conflibert_empty_predictions_are_class_zero() -> None:
    suite = Suite("conflibert", "", (case("conflibert", "a", label="0"), case("conflibert", "b", label="4")))
    report = score_suite(suite, {})
    # 0 -> P 1/2 R 1 = 2/3 ; 4 -> 0 ; macro 1/3
    assert report.metrics == {"macro_f1": 0.333, "accuracy": 0.5, "f1_0": 0.667, "f1_4": 0.0}
    assert report.errors == [("missed:4", 1)]


def test_case2021_scores_by_hand() -> None:
    suite = Suite(
        "case2021",
        "",
        (
            case("case2021", "q1", label="PROTEST"),
            case("case2021", "q2", label="PROTEST"),
            case("case2021", "q3", label="ASSAULT"),
            case("case2021", "q4", label="COERCE"),
            case("case2021", "q5", label="OTHER"),  # left out
            case("case2021", "q6"),  # no label
        ),
        left_out={"OTHER": "no PLOVER equivalent"},
    )
    predictions = preds(
        q1=[ev("PROTEST", conf=0.9)],
        q2=[],
        q3=[ev("PROTEST", conf=0.3), ev("ASSAULT", conf=0.7)],  # most confident wins
        q4=[ev("DEMAND")],  # outside the gold label set: wrong
        q5=[ev("PROTEST")],
    )
    report = score_suite(suite, predictions)
    # gold P P A C ; predicted P NONE A DEMAND
    # PROTEST P 1 R 1/2 = 2/3 ; ASSAULT 1 ; COERCE 0 ; macro 5/9
    assert report.n_cases == 6
    assert report.metrics == {
        "macro_f1": 0.556,
        "accuracy": 0.5,
        "f1_ASSAULT": 1.0,
        "f1_COERCE": 0.0,
        "f1_PROTEST": 0.667,
    }
    assert report.confusion == {
        "ASSAULT": {"ASSAULT": 1},
        "COERCE": {"DEMAND": 1},
        "PROTEST": {"PROTEST": 1, "NONE": 1},
    }
    assert dict(report.errors) == {"missed:PROTEST": 1, "COERCE->DEMAND": 1}
    assert report.left_out == {"OTHER": "no PLOVER equivalent"}
    assert any("1 case(s) of left-out classes" in n for n in report.notes)
    assert any("1 case(s) without a gold label" in n for n in report.notes)


def test_classification_with_no_scorable_case_computes_nothing() -> None:
    report = score_suite(Suite("case2021", "", (case("case2021", "a"),)), {})
    assert report.metrics == {}
    assert any("macro_f1" in n and "accuracy" in n for n in report.notes)


def test_a_joint_action_is_scored_as_each_party_acting_on_the_others() -> None:
    from dyadwatch.evaluation.runner import predicted
    from tests.factories import make_document

    _, _, [joint, one] = make_document(
        "j", "Canada and Costa Rica agreed to talk. Canada asked Peru.",
        events=[{"event_type": "AGREE", "source": ["CAN", "CRI"], "target": None},
                {"sentence": 1, "event_type": "REQUEST", "source": "CAN", "target": None}],
    )
    p = predicted(joint)
    assert p.source == p.target == frozenset({"CAN", "CRI"})
    assert predicted(one).target == frozenset()  # one party alone has no target
    report = score_suite(
        Suite("plover", "joint", (case("plover", "c1", gold("AGREE", "CAN", "CRI")),)), preds(c1=[p])
    )
    assert report.metrics["target_country_accuracy"] == 1.0
