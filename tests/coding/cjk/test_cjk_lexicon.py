"""The Japanese/Korean tables: a bad row is refused with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyadwatch.coding.cjk.lexicon import CjkLexicon
from dyadwatch.coding.kb import KnowledgeBase
from dyadwatch.errors import KnowledgeFileError

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture()
def tables(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "ja", tmp_path / "ja")
    return tmp_path


def test_fixture_tables_load(tables: Path, kb: KnowledgeBase) -> None:
    lex = CjkLexicon.load("ja", kb, root=tables)
    assert lex.names["石破"].key == "Shigeru Ishiba"
    assert lex.name_pattern.match("石破茂首相").group() == "石破茂"  # longest first
    assert lex.marked("negation", "しなかった") is not None
    assert {c.event_type for c in lex.cues} >= {"CONSULT", "AGREE", "ACCUSE", "SANCTION"}


@pytest.mark.parametrize(("table", "row", "message"), [
    ("names.tsv", "鈴木\tperson\tNobody Known\t", "not in the knowledge base"),
    ("names.tsv", "鈴木\tfriend\tJPN\t", "bad name row"),
    ("cues.tsv", "会(\tP\t040\t\t\t\t", "bad regular expression"),
    ("cues.tsv", "会談\tP\t999\t\t\t\t", "unknown CAMEO code"),
    ("cues.tsv", "会談\tX\t040\t\t\t\t", "bad cue row"),
    ("cues.tsv", "会談\tP\t040\tMEET\t\t\t", "unknown PLOVER type"),
    ("markers.tsv", "ない\tmaybe\t", "bad marker row"),
])  # fmt: skip
def test_bad_rows_name_file_and_line(tables: Path, kb: KnowledgeBase, table: str, row: str, message: str) -> None:
    path = tables / "ja" / table
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, row]) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match=message) as info:
        CjkLexicon.load("ja", kb, root=tables)
    assert f"{table}:{len(lines) + 1}" in str(info.value)
