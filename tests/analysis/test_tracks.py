"""Track rules: our own news-like sentences → the tracks they belong to."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.analysis import TRACKS, assign_tracks, load_track_rules, track_of_text
from dyadwatch.analysis.tracks import parse_rules
from dyadwatch.errors import KnowledgeFileError, QueryError
from tests.analysis.frames import ev, frame

JK = ("JPN", "KOR")


@pytest.mark.parametrize(
    ("text", "contexts", "expected"),
    [
        ("Seoul demanded a fresh apology for wartime forced labour.", (), ("history",)),
        ("Tokyo protested over a new school textbook on Dokdo.", (), ("history",)),
        ("Japan says the 1965 treaty settled all claims.", (), ("history",)),
        (
            "Victims of forced labor sued two Japanese firms for compensation.",
            (),
            ("history", "economy"),
        ),
        ("Seoul said it would end the GSOMIA intelligence-sharing pact.", (), ("security",)),
        ("North Korea fired a ballistic missile into the sea.", (), ("security",)),
        ("The defence ministers met in Singapore.", (), ("security",)),
        (
            "Japan tightened export controls on three chemicals used for semiconductors.",
            (),
            ("economy",),
        ),
        ("The two sides discussed supply chains.", (), ("economy",)),
        ("The number of Korean tourists visiting Osaka doubled.", (), ("people",)),
        ("Students from both countries joined a cultural exchange.", (), ("people",)),
        ("The G7 leaders issued a joint statement.", (), ("multilateral",)),
        ("The foreign ministers held trilateral talks.", (), ("multilateral",)),
        (
            "The ruling party lost its majority in the National Assembly elections.",
            (),
            ("domestic",),
        ),
        ("Lawmakers voted to impeach the president.", (), ("domestic",)),
        ("The leaders met on Thursday.", (), ()),
        ("The leaders met on Thursday.", ("military",), ("security",)),
        ("The ministers talked.", ("economic", "election"), ("economy", "domestic")),
    ],
)
def test_track_of_text(text: str, contexts: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert track_of_text(text, contexts) == expected


def test_words_not_parts_of_words() -> None:
    assert track_of_text("The army chief resigned.", ()) == ("security",)
    assert track_of_text("The armistice held.", ()) == ()  # 'army' is not in 'armistice'
    assert track_of_text("A memorial service was held.", ()) == ("history",)
    assert track_of_text("Memory chip prices fell.", ()) == ("economy",)  # not memory → history
    assert track_of_text("Voters trade stories.", ()) == ("economy", "domestic")


def test_exact_terms_are_case_sensitive() -> None:
    assert track_of_text("The UN envoy arrived.", ()) == ("multilateral",)
    assert track_of_text("The un-named envoy arrived.", ()) == ()
    assert track_of_text("The Diet passed the bill.", ()) == ("domestic",)
    assert track_of_text("A healthy diet.", ()) == ()


def test_hyphen_or_space_between_words() -> None:
    assert track_of_text("an intelligence sharing pact", ()) == ("security",)
    assert track_of_text("a people to people programme", ()) == ("people",)


def test_third_countries_need_the_dyad() -> None:
    text = "Pompeo urged Tokyo and Seoul to find a way forward under pressure from Washington."
    assert track_of_text(text, ()) == ()
    assert track_of_text(text, (), dyad=JK) == ("multilateral",)
    # a mention of one of the dyad's sides is not a third party
    assert track_of_text("Washington raised tariffs on China.", (), dyad=("USA", "CHN")) == (
        "economy",
    )
    assert track_of_text("Kishida met Yoon.", (), countries=["JPN", "KOR"], dyad=JK) == ()
    assert track_of_text("Kishida met Yoon.", (), countries=["JPN", "KOR", "USA"], dyad=JK) == (
        "multilateral",
    )
    assert track_of_text("They met.", (), countries=["JPN", "KOR", "PRK"], dyad=JK) == (
        "security",
        "multilateral",
    )


def test_assign_tracks_adds_a_list_column() -> None:
    events = frame(
        [
            ev("1", "ACCUSE", ["KOR"], ["JPN"], "2019", text="Seoul condemned the textbook."),
            ev("2", "CONSULT", ["JPN", "KOR", "USA"], [], "2019", text="They met."),
            ev("3", "AGREE", ["JPN"], ["KOR"], "2019", text="They agreed.", contexts=("economic",)),
            ev("4", "AGREE", ["JPN"], ["KOR"], "2019", text="They agreed."),
        ]
    )
    out = assign_tracks(events, a="JPN", b="KOR")
    assert out["tracks"].tolist() == [["history"], ["multilateral"], ["economy"], []]
    assert "tracks" not in events.columns  # a copy
    assert assign_tracks(events)["tracks"].tolist()[1] == []  # no dyad: no third parties


def test_packaged_rules_cover_every_track_and_load_once() -> None:
    rules = load_track_rules()
    assert load_track_rules() is rules
    assert {r.track for r in rules.rules} == set(TRACKS)
    kinds = {r.kind for r in rules.rules}
    assert kinds == {"context", "phrase", "prefix", "exact", "actor", "mention"}


def test_custom_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "tracks.tsv"
    path.write_text("# mine\ntrack\tkind\tterm\npeople\tphrase\tbaseball\n", encoding="utf-8")
    rules = load_track_rules(path)
    assert track_of_text("Baseball fans cheered.", (), rules=rules) == ("people",)
    assert track_of_text("Seoul demanded an apology.", (), rules=rules) == ()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("track\tkind\tterm\nsport\tphrase\tfootball\n", "unknown track"),
        ("track\tkind\tterm\npeople\tregex\tfoo\n", "unknown rule kind"),
        ("track\tkind\tterm\npeople\tphrase\n", "3 tab-separated"),
        ("track\tkind\tterm\nmultilateral\tmention\tWashington\n", "CODE:words"),
        ("kind\ttrack\tterm\n", "header"),
    ],
)
def test_malformed_rules_name_the_line(body: str, message: str) -> None:
    with pytest.raises(KnowledgeFileError, match=message):
        parse_rules(body, "x.tsv")


def test_assign_tracks_needs_text() -> None:
    with pytest.raises(QueryError):
        assign_tracks(frame([ev("1", "AGREE", ["A"], ["B"], "2019")]).drop(columns=["text"]))
