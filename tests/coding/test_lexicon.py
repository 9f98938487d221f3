from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.coding.lexicon import Lexicon
from dyadwatch.errors import KnowledgeFileError

HEADER = "cue\tkind\tcameo\ttype\tmode\tframe\n"


def test_packaged_lexicon_loads_verbs_and_nouns() -> None:
    lex = Lexicon.load()
    assert lex.verbs["meet"][0].event_type == "CONSULT"
    assert lex.nouns["annexation"][0].event_type == "COERCE"
    hold = lex.verbs["hold"]
    assert all(c.kind == "VO" for c in hold) and any("talk" in c.objects for c in hold)
    launch = lex.nouns["launch"][0]
    assert launch.event_type == "MOBILIZE" and "missile" in launch.objects


def test_more_specific_cue_comes_first() -> None:
    receive = Lexicon.load().verbs["receive"]
    assert receive[0].kind == "VO" and receive[0].frame == "recv"


def test_user_cue_file_extends_lexicon(tmp_path: Path) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text(HEADER + "snub\tV\t110\t\t\t\n", encoding="utf-8")
    lex = Lexicon.load([f])
    assert lex.verbs["snub"][0].event_type == "ACCUSE"


@pytest.mark.parametrize(
    "row",
    ["snub\tX\t110\t\t\t", "snub\tV\t999\t\t\t", "snub\tV\t110\tFIGHT\t\t", "snub\tVO\t110\t\t\t",
     "deny rumour\tVO\t120\tNONE\t\t"],
)
def test_bad_cue_rows_name_file_and_line(tmp_path: Path, row: str) -> None:
    f = tmp_path / "bad.tsv"
    f.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError) as info:
        Lexicon.load([f])
    assert f"{f}:2" in str(info.value)


def test_cameo_dictionary_verbs_extend_ours_without_overriding_them() -> None:
    lex = Lexicon.load()
    assert lex.verbs["ridicule"][0].event_type == "ACCUSE"  # taken from CAMEO 2.0
    assert lex.verbs["shoot"][0].event_type == "ASSAULT"
    # a verb our table lists keeps our rows only
    assert [c.cameo for c in lex.verbs["kill"]] == ["1823"]


def test_cameo_cue_table_is_built_from_the_dictionary() -> None:
    root = Path(__file__).resolve().parents[2]
    source = root.parent / "shared" / "data" / "cameo-phoenix-dictionaries" / "CAMEO.2.0.txt"
    if not source.is_file():
        pytest.skip("../shared/data not beside the repository")
    import subprocess
    import sys

    run = subprocess.run([sys.executable, str(root / "tools" / "build_cameo_cues.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
