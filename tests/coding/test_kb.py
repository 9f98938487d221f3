"""Tests of the actor knowledge base (packaged TSV files and loader). Fast: no spaCy."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from dyadwatch.coding.kb import (
    HEADERS,
    ROLES,
    SECTORS,
    KnowledgeBase,
    Person,
    normalize_key,
)
from dyadwatch.errors import KnowledgeFileError

D = dt.date.fromisoformat
G20_PLUS = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA PRK UKR PAK"
).split()


def _data_rows(kind: str, name: str | None = None) -> list[list[str]]:
    text = resources.files("dyadwatch").joinpath("data", name or f"{kind}.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert tuple(rows[0]) == HEADERS[kind]
    return rows[1:]


# -- normalisation -----------------------------------------------------------------------------


def test_normalize_key_rules() -> None:
    assert normalize_key("Yoon  Suk-yeol") == "yoon suk yeol"
    assert normalize_key("US") == "US" and normalize_key("us") == "us"
    assert normalize_key("U.S. Forces Korea") == "U.S. forces korea"
    assert normalize_key("People\u2019s Liberation Army") == "people's liberation army"
    assert normalize_key("SOUTH KOREA") == "south korea"


# -- countries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        ("Korean", "KOR"),
        ("Korea", "KOR"),
        ("South Korean", "KOR"),
        ("North Korean", "PRK"),
        ("DPRK", "PRK"),
        ("Pyongyang", "PRK"),
        ("the United States", "USA"),
        ("US", "USA"),
        ("the U.S.", "USA"),
        ("America", "USA"),
        ("Japan's", "JPN"),
        ("Japan\u2019s", "JPN"),
        ("Japanese", "JPN"),
        ("Tokyo", "JPN"),
        ("Britain", "GBR"),
        ("U.K.", "GBR"),
        ("Russian Federation", "RUS"),
        ("PRC", "CHN"),
        ("Beijing", "CHN"),
        ("Kiev", "UKR"),
        ("Kyiv", "UKR"),
        ("New Delhi", "IND"),
        ("Islamabad", "PAK"),
        ("Ivory Coast", "CIV"),
        ("Guinea-Bissau", "GNB"),
        ("guinea bissau", "GNB"),
        ("Taiwan", "TWN"),
        ("Kosovo", "XKX"),
        ("Palestinian", "PSE"),
        ("Holy See", "VAT"),
        ("Hong Kong", "HKG"),
        ("The Hague", "NLD"),
        ("St. John's", "ATG"),
    ],
)
def test_country_lookup(kb: KnowledgeBase, phrase: str, iso3: str) -> None:
    found = kb.country(phrase)
    assert found is not None and found.iso3 == iso3


def test_lowercase_us_is_not_the_united_states(kb: KnowledgeBase) -> None:
    assert kb.country("us") is None
    assert kb.country("Us") is None
    assert kb.country("UN") is None  # a body, not a country
    assert kb.country("Brussels") is None  # the EU, see bodies


def test_capitals(kb: KnowledgeBase) -> None:
    assert kb.is_capital("Seoul") and kb.is_capital("Washington") and kb.is_capital("Moscow")
    assert not kb.is_capital("Japan") and not kb.is_capital("Japanese")
    assert not kb.is_capital("Brussels")


def test_country_by_code(kb: KnowledgeBase) -> None:
    kor = kb.country_by_code("KOR")
    assert kor is not None and kor.name == "South Korea" and "Seoul" in kor.capitals
    assert kb.country_by_code("XXX") is None


def test_all_un_members_and_extras_present(kb: KnowledgeBase) -> None:
    codes = {c.iso3 for c in kb.countries}
    assert len(codes) == 198  # 193 UN member states + TWN XKX PSE VAT HKG
    assert {"TWN", "XKX", "PSE", "VAT", "HKG", "SSD", "TLS", "MNE"} <= codes
    without_capital = {c.iso3 for c in kb.countries if not c.capitals}
    # documented exceptions (ACTORS.md): city-states and ambiguous or EU capitals
    assert without_capital <= {"BEL", "SYC", "DJI", "MCO", "SMR", "SGP", "HKG"}


def test_country_surface_forms_do_not_collide() -> None:
    owner: dict[str, str] = {}
    for iso3, name, aliases, demonyms, capitals in _data_rows("countries"):
        forms = [name, *aliases.split("|"), *demonyms.split("|"), *capitals.split("|")]
        for form in filter(None, forms):
            key = normalize_key(form.removeprefix("the ").removeprefix("The "))
            assert owner.setdefault(key, iso3) == iso3, f"{form!r}: {owner[key]} and {iso3}"


# -- persons -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("JPN", "prime_minister", "2019-07-04", "Shinzo Abe"),
        ("JPN", "prime_minister", "2025-06-17", "Shigeru Ishiba"),
        ("JPN", "prime_minister", "2007-01-01", "Shinzo Abe"),
        ("JPN", "prime_minister", "1950-01-01", "Shigeru Yoshida"),
        ("JPN", "prime_minister", "2020-09-16", "Yoshihide Suga"),  # hand-over day: newcomer
        ("KOR", "president", "2018-10-30", "Moon Jae-in"),
        ("KOR", "president", "2023-03-16", "Yoon Suk Yeol"),
        ("KOR", "president", "2025-01-15", "Choi Sang-mok"),  # acting; Yoon suspended
        ("KOR", "president", "2024-12-20", "Han Duck-soo"),
        ("KOR", "president", "2025-04-10", "Han Duck-soo"),
        ("KOR", "president", "2025-05-20", "Lee Ju-ho"),
        ("KOR", "president", "2025-06-17", "Lee Jae-myung"),
        ("KOR", "president", "2017-02-01", "Hwang Kyo-ahn"),
        ("KOR", "president", "1950-06-25", "Syngman Rhee"),
        ("KOR", "foreign_minister", "2019-01-01", "Kang Kyung-wha"),
        ("PRK", "supreme_leader", "2000-06-13", "Kim Jong-il"),
        ("USA", "president", "2019-01-01", "Donald Trump"),
        ("USA", "foreign_minister", "2022-01-01", "Antony Blinken"),
        ("CHN", "president", "2024-01-01", "Xi Jinping"),
        ("RUS", "president", "2010-01-01", "Dmitry Medvedev"),
        ("IND", "prime_minister", "2020-01-01", "Narendra Modi"),
        ("JPN", "monarch", "2019-05-01", "Naruhito"),
    ],
)
def test_office_holder(kb: KnowledgeBase, country: str, role: str, day: str, name: str) -> None:
    holder = kb.office_holder(country, role, D(day))
    assert holder is not None and holder.name == name


def test_office_holder_none_when_vacant_or_unknown(kb: KnowledgeBase) -> None:
    assert kb.office_holder("TUR", "prime_minister", D("2020-01-01")) is None  # post abolished
    assert kb.office_holder("ZZZ", "president", D("2020-01-01")) is None
    assert kb.office_holder("KOR", "acting_president", D("2023-01-01")) is None


def test_persons_by_spelling_variants(kb: KnowledgeBase) -> None:
    for variant in ("Yoon Suk Yeol", "Yoon Suk-yeol", "yoon sukyeol", "Yoon Seok-youl", "Yoon"):
        names = {p.name for p in kb.persons(variant)}
        assert "Yoon Suk Yeol" in names, variant
    assert [p.name for p in kb.persons("Xi")] == ["Xi Jinping"]
    assert kb.persons("Nobody McNoname") == []


def test_persons_ordering_by_date(kb: KnowledgeBase) -> None:
    lees = kb.persons("Lee", on=D("2025-06-17"))
    assert lees[0].name == "Lee Jae-myung" and lees[0].in_office(D("2025-06-17"))
    abe = kb.persons("Shinzo Abe", on=D("2019-07-04"))
    assert [p.start.year for p in abe] == [2012, 2006]
    abe_early = kb.persons("Abe", on=D("2008-01-01"))
    assert abe_early[0].start.year == 2006  # nearest term first
    assert [p.start for p in kb.persons("Abe")] == sorted((p.start for p in abe), reverse=True)


def test_person_in_office() -> None:
    p = Person("A B", (), "B", "JPN", "GOV", "prime_minister", D("2020-01-01"), D("2020-12-31"))
    assert p.in_office(D("2020-01-01")) and p.in_office(D("2020-12-31"))
    assert not p.in_office(D("2021-01-01")) and not p.in_office(D("2019-12-31"))
    open_ended = Person("C", (), None, "JPN", "GOV", "monarch", D("2019-05-01"), None)
    assert open_ended.in_office(D("2030-01-01"))


def test_person_rows_are_consistent(kb: KnowledgeBase) -> None:
    codes = {c.iso3 for c in kb.countries} | {"IGO"}
    for p in kb.people:
        assert p.end is None or p.end >= p.start, p
        assert p.country in codes and p.role in ROLES and p.sector in SECTORS, p
    for b in kb.bodies:
        assert b.country is None or b.country in codes, b
    by_name: dict[str, set[str | None]] = defaultdict(set)
    for p in kb.people:
        by_name[p.name].add(p.surname)
    assert all(len(s) == 1 for s in by_name.values())  # one surname per person


def test_no_overlapping_terms(kb: KnowledgeBase) -> None:
    """Terms of one (country, role) may touch on a hand-over day but never overlap. IGO heads
    are grouped by their body, named first in the note ("UN; ...", "NATO; ...")."""
    groups: dict[tuple[str, str, str], list[Person]] = defaultdict(list)
    for p in kb.people:
        if p.role == "official":
            continue  # many officials at once (people_phoenix.tsv): not one office
        body = (p.note or "").split(";")[0] if p.country == "IGO" else ""
        groups[(p.country, p.role, body)].append(p)
    far = D("2100-01-01")
    for key, terms in groups.items():
        terms.sort(key=lambda p: p.start)
        for a, b in zip(terms, terms[1:]):
            where = f"{key}: {a.name} {a.start}..{a.end} / {b.name} {b.start}"
            assert (a.end or far) <= b.start, where


def test_required_coverage(kb: KnowledgeBase) -> None:
    for iso3 in G20_PLUS:
        roles = {p.role for p in kb.people if p.country == iso3}
        assert "foreign_minister" in roles and "defense_minister" in roles, iso3
        assert roles & {"president", "monarch", "supreme_leader"}, iso3
    jpn_pm = [p for p in kb.people if p.country == "JPN" and p.role == "prime_minister"]
    assert len({p.name for p in jpn_pm}) >= 35
    kor_pres = {p.name for p in kb.people if p.country == "KOR" and "president" in p.role}
    assert {"Syngman Rhee", "Park Chung-hee", "Kim Dae-jung", "Hwang Kyo-ahn", "Han Duck-soo",
            "Choi Sang-mok", "Lee Ju-ho"} <= kor_pres  # fmt: skip
    assert {p.name for p in kb.people if p.role == "secretary_general"} >= {
        "Ban Ki-moon", "Antonio Guterres", "Jens Stoltenberg", "Mark Rutte"}  # fmt: skip
    # every G20+ head of government or state is known on the reference day
    for iso3 in ("USA", "CHN", "JPN", "KOR", "RUS", "IND", "GBR", "DEU", "FRA", "UKR", "PAK"):
        assert kb.office_holder(iso3, "foreign_minister", D("2026-11-01")) is not None, iso3


# -- bodies, titles, agents ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Pentagon", "USA", "MIL"),
        ("the Pentagon's", "USA", "MIL"),
        ("White House", "USA", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("Blue House", "KOR", "GOV"),
        ("Diet", "JPN", "LEG"),
        ("LDP", "JPN", "PTY"),
        ("KCNA", "PRK", "MED"),
        ("Yonhap", "KOR", "MED"),
        ("PLA", "CHN", "MIL"),
        ("Samsung", "KOR", "BUS"),
        ("EU", "IGO", "IGO"),
        ("Brussels", "IGO", "IGO"),
        ("United Nations", "IGO", "IGO"),
        ("UN Security Council", "IGO", "IGO"),
        ("foreign ministry", None, "GOV"),
        ("Ministry of Foreign Affairs", None, "GOV"),
        ("Constitutional Court", None, "JUD"),
        ("Senate", None, "LEG"),
    ],
)
def test_body_lookup(kb: KnowledgeBase, phrase: str, country: str | None, sector: str) -> None:
    body = kb.body(phrase)
    assert body is not None and body.country == country and body.sector == sector


def test_body_aliases_do_not_collide() -> None:
    owner: dict[str, str] = {}
    for phrase, _name, _country, _sector, aliases in _data_rows("bodies"):
        for form in filter(None, [phrase, *aliases.split("|")]):
            key = normalize_key(form)
            assert owner.setdefault(key, phrase) == phrase, f"{form!r}: {owner[key]} and {phrase}"


def test_titles_and_agents(kb: KnowledgeBase) -> None:
    pm = kb.title("Prime Minister")
    assert pm is not None and pm.role == "prime_minister"
    assert (t := kb.title("foreign secretary")) is not None and t.role == "foreign_minister"
    assert (t := kb.title("Secretary-General")) is not None and t.role == "secretary_general"
    assert (t := kb.title("professor")) is not None and t.role is None and t.sector == "EDU"
    assert kb.title("banana") is None
    expected = {"government": "GOV", "officials": "GOV", "troops": "MIL", "police": "COP",
                "prosecutors": "JUD", "lawmakers": "LEG", "opposition": "OPP",
                "citizens": "CVL", "chipmakers": "BUS", "media": "MED", "militants": "REB",
                "experts": "EDU"}  # fmt: skip
    for phrase, sector in expected.items():
        agent = kb.agent(phrase)
        assert agent is not None and agent.sector == sector, phrase


def test_officials_of_every_country_come_from_the_phoenix_table(kb: KnowledgeBase) -> None:
    maduro = kb.persons("Nicolas Maduro", D("2019-01-24"))
    assert maduro and maduro[0].country == "VEN" and maduro[0].role == "official"
    # people.tsv wins: a person it lists is not repeated from the Phoenix table
    assert all(p.note != "Phoenix" for p in kb.persons("Shigeru Ishiba"))


@pytest.mark.parametrize("script", ["build_phoenix_people.py", "build_places.py"])
def test_phoenix_tables_are_built_from_the_dictionary(script: str) -> None:
    root = Path(__file__).resolve().parents[2]
    if not (root.parent / "shared" / "data" / "cameo-phoenix-dictionaries").is_dir():
        pytest.skip("../shared/data not beside the repository")
    import subprocess
    import sys

    run = subprocess.run([sys.executable, str(root / "tools" / script), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_places_give_the_country_of_a_city_or_region(kb: KnowledgeBase) -> None:
    assert kb.place("Kirkuk").iso3 == "IRQ" and kb.place("Los Angeles").iso3 == "USA"  # type: ignore[union-attr]
    assert kb.place("Busan").iso3 == "KOR" and kb.place("Osaka").iso3 == "JPN"  # type: ignore[union-attr]
    assert kb.place("Japan").iso3 == "JPN" and kb.place("Seoul").iso3 == "KOR"  # type: ignore[union-attr]
    assert kb.place("Atlantis") is None
    # a place is not a country: "Kirkuk said" names no government
    assert kb.country("Kirkuk") is None


def test_patterns(kb: KnowledgeBase) -> None:
    pats = list(kb.patterns())
    assert len(pats) == len(set(pats))
    kinds = {k for _, k in pats}
    assert kinds == {"country", "demonym", "capital", "person", "surname", "body", "title", "agent"}
    assert ("South Korea", "country") in pats and ("North Korean", "demonym") in pats
    assert ("Seoul", "capital") in pats and ("Yoon Suk-yeol", "person") in pats
    assert ("Yoon Suk yeol", "person") in pats and ("Ishiba", "surname") in pats
    assert ("KCNA", "body") in pats and ("prime minister", "title") in pats
    assert ("citizens", "agent") in pats


# -- files -------------------------------------------------------------------------------------


def test_every_packaged_row_loads(kb: KnowledgeBase) -> None:
    assert len(kb.countries) == len(_data_rows("countries"))
    assert len(kb.people) == len(_data_rows("people")) + len(_data_rows("people", "people_phoenix.tsv"))
    assert len(kb.bodies) == len(_data_rows("bodies"))
    assert len(kb.titles) == len(_data_rows("titles"))
    assert len(kb.agents) == len(_data_rows("agents"))
    assert len(kb._places) == len(_data_rows("places"))


def test_extra_files(tmp_path: Path) -> None:
    people = tmp_path / "my_people.tsv"
    people.write_text(
        "# my additions\n"
        "name\taliases\tsurname\tcountry\tsector\trole\tstart\tend\tnote\n"
        "Jane Roe\tJ. Roe\tRoe\tFRA\tGOV\ttrade_minister\t2024-01-01\t\ttest row\n",
        encoding="utf-8",
    )
    bodies = tmp_path / "b.tsv"
    bodies.write_text(
        "phrase\tname\tcountry\tsector\taliases\nAcme Corp\tAcme\tJPN\tBUS\tAcme|ACME Inc\n",
        encoding="utf-8",
    )
    countries = tmp_path / "c.tsv"
    countries.write_text(
        "iso3\tname\taliases\tdemonyms\tcapitals\nJPN\tJapan\tNippon\tJapanese\tTokyo|Edo\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([people, bodies, countries])
    holder = kb.office_holder("FRA", "trade_minister", D("2025-01-01"))
    assert holder is not None and holder.name == "Jane Roe" and holder.note == "test row"
    assert [p.name for p in kb.persons("j roe")] == ["Jane Roe"]
    assert (b := kb.body("ACME Inc")) is not None and b.country == "JPN" and b.name == "Acme"
    assert (c := kb.country("Edo")) is not None and c.iso3 == "JPN"  # the row was replaced
    assert len(kb.countries) == 198


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ("name\taliases\tsurname\tcountry\tsector\trole\tstart\tend\tnote\n"
         "A\t\tA\tJPN\tGOV\tprime_minister\t2020-13-01\t\t\n", 2, "start"),
        ("# c\nname\taliases\tsurname\tcountry\tsector\trole\tstart\tend\tnote\n"
         "A\t\tA\tJPN\tGOV\temperor\t2020-01-01\t\t\n", 3, "role"),
        ("name\taliases\tsurname\tcountry\tsector\trole\tstart\tend\tnote\n"
         "A\t\tA\tJPN\tGOV\tmonarch\t2020-01-01\t2019-01-01\t\n", 2, "before"),
        ("phrase\tname\tcountry\tsector\taliases\nX\tX\tjp\tGOV\t\n", 2, "country"),
        ("phrase\tsector\tplural\nrobots\tXYZ\t\n", 2, "sector"),
        ("name\tcountry\nAtlantis\tatl\n", 2, "three-letter"),
        ("name\tcountry\nAtlantis\tATL\n", 2, "not in the countries table"),
        ("phrase\tsector\tplural\nrobot\tBUS\trobots\textra\n", 2, "columns"),
        ("phrase\trole\tsector\n\tpresident\tGOV\n", 2, "phrase"),
        ("iso3,name\nJPN,Japan\n", 1, "header"),
    ],
)  # fmt: skip
def test_malformed_extra_file(tmp_path: Path, content: str, line: int, fragment: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeFileError) as info:
        KnowledgeBase.load([bad])
    err = info.value
    assert err.path == str(bad) and err.line == line
    assert fragment in str(err) and f"bad.tsv:{line}" in str(err) and err.code == "E301"


def test_unreadable_extra_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeFileError) as info:
        KnowledgeBase.load([tmp_path / "missing.tsv"])
    assert info.value.line is None and "missing.tsv" in info.value.path
    binary = tmp_path / "bin.tsv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(KnowledgeFileError, match="UTF-8"):
        KnowledgeBase.load([binary])
