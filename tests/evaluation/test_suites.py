"""Suite loaders and label mappings. Fast: no spaCy. Tests marked with the ``data_dir`` fixture
read ../shared/data beside the checkout and skip when it is absent; the counts they assert are the
ones found in the pinned copies (each folder's SOURCE.md names the commit)."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from dyadwatch.coding.ontology import PLOVER_SCORES, PLOVER_TYPES
from dyadwatch.errors import ConfigError
from dyadwatch.evaluation.mappings import (
    ACLED_LEFT_OUT,
    ACLED_TO_PLOVER,
    CAMEO_ROOT_TO_PENTACLASS,
    PENTACLASS_NAMES,
    PLOVER05_MODE_TO_CURRENT,
    PLOVER05_TO_CURRENT,
    cameo_entry,
    current_mode,
    pentaclass,
    phoenix_country,
    plover05,
)
from dyadwatch.evaluation.suites import PACKAGED_SUITES, SUITE_FILES, SUITE_NAMES, load_suite
from dyadwatch.evaluation.types import Suite


@pytest.fixture(scope="module")
def suites(data_dir: Path) -> dict[str, Suite]:
    return {name: load_suite(name, data_dir) for name in SUITE_NAMES}


def _events(suite: Suite) -> int:
    return sum(len(c.events) for c in suite.cases)


# -- the mapping tables (no data needed) ---------------------------------------------------------


def test_plover05_table_covers_the_18_labels_and_targets_current_types() -> None:
    assert len(PLOVER05_TO_CURRENT) == 18
    assert set(PLOVER05_TO_CURRENT.values()) == set(PLOVER_TYPES)
    renamed = {k: v for k, v in PLOVER05_TO_CURRENT.items() if k != v}
    assert renamed == {
        "DEMAND": "REQUEST",
        "DISAPPROVE": "ACCUSE",
        "INVESTIGATE": "ACCUSE",
        "FIGHT": "ASSAULT",
    }


def test_plover05_modes_are_current_manual_modes() -> None:
    for (label, _), (kind, mode) in PLOVER05_MODE_TO_CURRENT.items():
        assert label in PLOVER05_TO_CURRENT
        assert kind in PLOVER_TYPES
        assert mode is None or f"{kind}:{mode}" in PLOVER_SCORES, (kind, mode)


def test_plover05_function() -> None:
    assert plover05("DEMAND", None) == ("REQUEST", None)
    assert plover05("INVESTIGATE", "") == ("ACCUSE", "investigate")
    assert plover05("FIGHT", "heavy-weapons") == ("ASSAULT", "heavy-weapons")
    assert plover05("PROTEST", "strike-hun") == ("PROTEST", "hunger")
    assert plover05("COERCE", "destroy") == ("ASSAULT", "destroy")
    with pytest.raises(ConfigError, match="unknown PLOVER 0.5 label 'NEGOTIATE'"):
        plover05("NEGOTIATE", None)
    with pytest.raises(ConfigError, match="unknown PLOVER 0.5 mode 'drone' for PROTEST"):
        plover05("PROTEST", "drone")


def test_acled_tables_partition_the_case2021_labels() -> None:
    seen = [
        "ABDUCT_DISSAP",
        "AGREEMENT",
        "AIR_STRIKE",
        "ARMED_CLASH",
        "ARREST",
        "ART_MISS_ATTACK",
        "ATTACK",
        "CHANGE_TO_GROUP_ACT",
        "CHEM_WEAP",
        "DISR_WEAP",
        "FORCE_AGAINST_PROTEST",
        "GOV_REGAINS_TERIT",
        "GRENADE",
        "HQ_ESTABLISHED",
        "MOB_VIOL",
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "NON_VIOL_TERRIT_TRANSFER",
        "OTHER",
        "PEACE_PROTEST",
        "PROPERTY_DISTRUCT",
        "PROTEST_WITH_INTER",
        "REM_EXPLOS",
        "SEX_VIOL",
        "SUIC_BOMB",
        "VIOL_DEMONSTR",
    ]
    unseen = ["ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"]
    assert not set(ACLED_TO_PLOVER) & set(ACLED_LEFT_OUT)
    assert set(ACLED_TO_PLOVER) | set(ACLED_LEFT_OUT) == set(seen + unseen)
    assert set(ACLED_TO_PLOVER.values()) <= set(PLOVER_TYPES)
    assert all(len(reason) > 15 for reason in ACLED_LEFT_OUT.values())
    assert ACLED_TO_PLOVER["PEACE_PROTEST"] == "PROTEST"
    assert ACLED_TO_PLOVER["ARREST"] == "COERCE"


def test_pentaclass_table() -> None:
    assert sorted(CAMEO_ROOT_TO_PENTACLASS) == [f"{i:02d}" for i in range(1, 21)]
    assert set(CAMEO_ROOT_TO_PENTACLASS.values()) == set(PENTACLASS_NAMES) == set("01234")
    assert [pentaclass(c) for c in ("013", "0211", "042", "073", "112", "163", "145", "195")] == [
        "0", "0", "1", "2", "3", "3", "4", "4",
    ]  # fmt: skip
    assert pentaclass("21") is None


def test_cameo_entry_falls_back_to_shorter_codes() -> None:
    assert cameo_entry("195") is not None and cameo_entry("195").plover == "ASSAULT"
    assert cameo_entry("0311") is not None and cameo_entry("0311").plover == "AGREE"
    fallback = cameo_entry("1099")  # not a CAMEO code, nor is 109; 10 is
    assert fallback is not None and fallback.code == "10" and fallback.plover == "REQUEST"
    four = cameo_entry("1717")  # PETRARCH toy sub-code of 171
    assert four is not None and four.code == "171"
    letter = cameo_entry("174K")
    assert letter is not None and letter.plover == "COERCE"
    assert cameo_entry("015") is None  # CAMEO 01 statements: no PLOVER type
    assert cameo_entry("903") is None  # PETRARCH toy code


def test_current_mode_drops_modes_the_manual_lacks() -> None:
    assert current_mode("ASSAULT", "heavy-weapons") == "heavy-weapons"
    assert current_mode("ASSAULT", "pro_autocracy") is None
    assert current_mode("COERCE", "ban") is None
    assert current_mode("AGREE", None) is None


@pytest.mark.parametrize(
    ("code", "country"),
    [
        ("USA", "USA"),
        ("IRQGOVMIL", "IRQ"),
        ("PSEREBHMSGOV", "PSE"),
        ("igounomil", "IGO"),
        ("IGOEUREEC", "IGO"),
        ("IMGMUSISI", None),
        ("---GOV", None),
        ("---", None),
        ("", None),
        ('"GRYFFINDOR HEAD"', None),
        ("GON", None),  # PETRARCH toy actor (Gondor)
    ],
)
def test_phoenix_country(code: str, country: str | None) -> None:
    assert phoenix_country(code) == country


# -- load_suite errors (no data needed) ---------------------------------------------------------


def test_unknown_suite_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown evaluation suite 'acled'.*plover"):
        load_suite("acled", tmp_path)


@pytest.mark.parametrize("name", [n for n in SUITE_NAMES if n not in PACKAGED_SUITES])
def test_missing_file_names_the_path(name: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load_suite(name, tmp_path)
    assert str(tmp_path / SUITE_FILES[name]) in str(err.value)
    assert err.value.code == "E300"


def test_negative_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="limit"):
        load_suite("plover", tmp_path, limit=-1)


def _write(root: Path, name: str, text: str) -> Path:
    path = root / SUITE_FILES[name]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_plover_unknown_label_fails_loudly(tmp_path: Path) -> None:
    records = [
        {"id": "DOC", "event": "DOCUMENT", "text": "header"},
        {"id": "X-1", "event": "NEGOTIATE", "text": "A and B negotiated."},
    ]
    path = _write(tmp_path, "plover", json.dumps(records))
    with pytest.raises(ConfigError, match="record X-1: unknown PLOVER 0.5 label 'NEGOTIATE'") as e:
        load_suite("plover", tmp_path)
    assert str(path) in str(e.value)


def test_universalpetrarch_parser_on_a_malformed_snippet(tmp_path: Path) -> None:
    text = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
# header comment mentioning <EventCoding...> and <Sentence records
<Sentences>
<Sentence category="GOLD" date="20150609" id="G_1" evaluate="true"/>
<!-- <EventCoding eventcode="010" sourcecode="XXX" targetcode="YYY" /> -->
<EventCoding eventcode="195" sourcecode="USA" targetcode="IRQMUS" />
<EventCoding eventcode="015" sourcecode="---GOV" targetcode="IGOUNO" />
<Text>
US jets  struck
Islamic State &amp; allies.
</Text>
<Parse>1 US ...</Parse>
</Sentence>
<Sentence category="AFP" date="121108" id="G_2" evaluate="true">
<EventCoding noevents="True" />
<Text> Nothing happened. </Text>
</Parse></Sentence>
</Sentences>
</Validation>
"""
    _write(tmp_path, "universalpetrarch", text)
    suite = load_suite("universalpetrarch", tmp_path)
    first, second = suite.cases
    assert first.case_id == "G_1" and first.text == "US jets struck Islamic State & allies."
    assert first.date == dt.date(2015, 6, 9) and not first.no_event
    strike, statement = first.events
    assert (strike.event_type, strike.cameo, strike.mode) == ("ASSAULT", "195", "heavy-weapons")
    assert strike.source == {"USA"} and strike.target == {"IRQ"}
    assert statement.event_type is None and statement.cameo == "015"
    assert statement.source == frozenset() and statement.target == {"IGO"}
    assert second.no_event and second.events == () and second.date is None
    assert "015" in suite.left_out


# -- the real suites ------------------------------------------------------------------------------


def test_plover_counts_and_labels(suites: dict[str, Suite]) -> None:
    suite = suites["plover"]
    assert len(suite.cases) == 322 and _events(suite) == 322  # the DOCUMENT header is skipped
    original = Counter(c.events[0].original_label for c in suite.cases)
    assert original == {  # SOURCE.md's event counts
        "AGREE": 40, "DEMAND": 34, "REJECT": 34, "THREATEN": 29, "PROTEST": 27, "COERCE": 18,
        "FIGHT": 17, "DISAPPROVE": 16, "ASSAULT": 15, "RETREAT": 14, "SANCTION": 14,
        "SUPPORT": 12, "CONCEDE": 12, "CONSULT": 11, "AID": 10, "INVESTIGATE": 9, "MOBILIZE": 6,
        "COOPERATE": 4,
    }  # fmt: skip
    mapped = Counter(c.events[0].event_type for c in suite.cases)
    # 15 ASSAULT + 17 FIGHT + 3 COERCE/destroy + 1 COERCE/firearms
    assert mapped["ASSAULT"] == 36 and mapped["COERCE"] == 14
    assert mapped["ACCUSE"] == 25 and mapped["REQUEST"] == 34
    assert sum(c.events[0].mode == "investigate" for c in suite.cases) == 9


def test_plover_actors_and_ids(suites: dict[str, Suite]) -> None:
    cases = {c.case_id: c for c in suites["plover"].cases}
    first = cases["PLOVER-GSR01-AGREE-0001"].events[0]
    assert first.source == {"HUN", "ROU"} and first.target == frozenset()
    assert cases["PLOVER-GSR01-CONSULT-0005"].events[0].target == {"JPN"}  # JAP fixed
    assert cases["PLOVER-GSR01-AGREE-0007"].events[0].target == frozenset()  # stray "diplomatic"
    # the one duplicated id in the file
    assert "PLOVER-GSR01-COERCE-0004" in cases and "PLOVER-GSR01-COERCE-0004#2" in cases
    codes = {code for c in cases.values() for e in c.events for code in e.source | e.target}
    assert {"JAP", "ITL", "VTN"}.isdisjoint(codes)
    assert all(code == code.upper() and len(code) == 3 for code in codes)


def test_universalpetrarch_counts(suites: dict[str, Suite], data_dir: Path) -> None:
    path = data_dir / SUITE_FILES["universalpetrarch"]
    with pytest.raises(ET.ParseError):  # the file really is malformed
        ET.parse(path)
    suite = suites["universalpetrarch"]
    assert len(suite.cases) == 78
    assert _events(suite) == 80
    assert sum(c.no_event for c in suite.cases) == 12
    assert not any(c.no_event and c.events for c in suite.cases)
    untyped = [e.cameo for c in suite.cases for e in c.events if e.event_type is None]
    assert sorted(untyped) == ["013", "015", "015", "015", "015", "018"]  # CAMEO 01 statements
    assert set(suite.left_out) == {"013", "015", "018"}
    categories = Counter(c.case_id.split("_")[0] for c in suite.cases)
    assert categories["GOLD"] == 10
    gold0 = next(c for c in suite.cases if c.case_id == "GOLD_0")
    assert gold0.date == dt.date(2015, 6, 9)
    assert [(e.event_type, e.cameo, e.source, e.target) for e in gold0.events] == [
        ("ASSAULT", "195", {"USA"}, {"IRQ"})
    ]
    assert all("\n" not in c.text and c.text for c in suite.cases)
    rebuilt = next(c for c in suite.cases if c.case_id == "abc12_3")  # empty <Text> in the file
    assert rebuilt.text.startswith("Boko Haram has launched many similar attacks")
    assert rebuilt.text.endswith("in northeastern Nigeria.")


def test_conflibert_counts(suites: dict[str, Suite]) -> None:
    suite = suites["conflibert"]
    assert len(suite.cases) == 451
    assert Counter(c.label for c in suite.cases) == {"0": 56, "1": 80, "2": 57, "3": 150, "4": 108}
    assert all(c.events == () and "\t" not in c.text for c in suite.cases)


def test_case2021_mapping_and_left_out(suites: dict[str, Suite], data_dir: Path) -> None:
    suite = suites["case2021"]
    # 1,019 snippets; 227 of them carry one of the 8 left-out labels
    assert len(suite.cases) == 792
    assert Counter(c.label for c in suite.cases) == {
        "ASSAULT": 493, "PROTEST": 132, "COERCE": 92, "SANCTION": 44, "AGREE": 31,
    }  # fmt: skip
    assert set(suite.left_out) == set(ACLED_LEFT_OUT)
    assert "(52 snippets)" in suite.left_out["MAN_MADE_DISASTER"]
    assert all(c.label in PLOVER_TYPES for c in suite.cases)
    types_file = (data_dir / "case2021-task2" / "event_types.txt").read_text("utf-8").split()
    assert set(types_file) <= set(ACLED_TO_PLOVER) | set(ACLED_LEFT_OUT)


def test_petrarch2_counts(suites: dict[str, Suite]) -> None:
    suite = suites["petrarch2"]
    # 284 records: 279 with sentence="true", of which 7 carry an error coding and are skipped
    assert len(suite.cases) == 272
    # 359 codings with an eventcode, 7 of them in the 5 sentence="false" records
    assert _events(suite) == 352
    assert sum(c.no_event for c in suite.cases) == 19
    ids = {c.case_id for c in suite.cases}
    assert {"DISCARD-01", "ERROR-01", "DEMO-04"}.isdisjoint(ids)  # error / sentence="false"
    assert "PATTERN-06" in ids  # sentence="true" with no coding at all
    assert any("toy" in note and "not" in note for note in suite.notes)
    untyped = sum(e.event_type is None for c in suite.cases for e in c.events)
    assert untyped == 57 and "903" in suite.left_out
    demo = next(c for c in suite.cases if c.case_id == "DEMO-00")
    assert demo.events[0].source == {"ARN"} and demo.events[0].event_type == "COOPERATE"


@pytest.mark.parametrize("name", SUITE_NAMES)
def test_every_suite_is_well_formed(name: str, suites: dict[str, Suite]) -> None:
    suite = suites[name]
    assert suite.name == name and suite.description and suite.notes
    assert "\n" not in suite.description
    ids = [c.case_id for c in suite.cases]
    assert len(set(ids)) == len(ids)
    for case in suite.cases:
        assert case.suite == name and case.text.strip() == case.text and case.text
        for event in case.events:
            assert event.event_type is None or event.event_type in PLOVER_TYPES
            if event.mode is not None:
                assert f"{event.event_type}:{event.mode}" in PLOVER_SCORES
    if name == "plover":
        assert all(e.event_type is not None for c in suite.cases for e in c.events)


@pytest.mark.parametrize("name", SUITE_NAMES)
def test_limit_keeps_the_first_cases(name: str, suites: dict[str, Suite], data_dir: Path) -> None:
    limited = load_suite(name, data_dir, limit=5)
    assert limited.cases == suites[name].cases[:5]
    assert limited.left_out == suites[name].left_out and limited.notes == suites[name].notes
    assert load_suite(name, data_dir, limit=0).cases == ()
    assert load_suite(name, data_dir, limit=10_000).cases == suites[name].cases
