"""The Japanese/Korean coder's mechanics: roles from particles, joint actions, headlines, event
nouns with compound modifiers, dates (own, carried, publication), status, titles → office
holders, quotes. Fixture tables (tests/coding/cjk/fixtures), not the packaged lexicons."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


def _events(coded: Any) -> list[tuple[str, str, list[str | None], list[str | None], str | None, str]]:
    return [(e.trigger, e.event_type, [a.country for a in e.source], [a.country for a in e.target], e.date, e.status)
            for e in coded.events]  # fmt: skip


def test_japanese_roles_dates_and_status(code_cjk: Any) -> None:
    text = ("石破首相、李大統領と会談\n"
            "石破茂首相は17日、カナダで李在明大統領と初めて会談した。両首脳は関係を発展させることで合意した。"
            "韓国政府は抗議しなかった。\n"
            "日本政府は2019年7月4日、韓国向けの輸出管理を厳格化した。韓国政府は日本に抗議した。")  # fmt: skip
    coded, _ = code_cjk("ja", text, "2025-06-18")
    assert _events(coded) == [
        ("会談", "CONSULT", ["JPN", "KOR"], [], "2025-06-17", "asserted"),  # headline: the lede's day
        ("会談", "CONSULT", ["JPN", "KOR"], [], "2025-06-17", "asserted"),
        ("合意", "AGREE", ["KOR", "JPN"], [], "2025-06-17", "asserted"),  # 両首脳: the two leaders
        ("抗議", "ACCUSE", ["KOR"], ["JPN"], "2025-06-17", "negated"),  # implied target: the other party
        ("輸出管理を厳格化", "SANCTION", ["JPN"], ["KOR"], "2019-07-04", "historical"),
        ("抗議", "ACCUSE", ["KOR"], ["JPN"], "2019-07-04", "historical"),  # date carried
    ]
    first = coded.events[1]
    assert [a.person for a in first.source] == ["Shigeru Ishiba", "Lee Jae-myung"]
    assert first.date_basis == "relative" and coded.events[5].date_basis == "context"
    assert coded.events[0].date_basis == "context"  # not the publication day: the news of the 17th
    assert all(e.coder_version for e in coded.events)


def test_japanese_event_noun_with_compound_and_future(code_cjk: Any) -> None:
    coded, _ = code_cjk("ja", "日韓首脳会談は来月開かれる予定だ。", "2025-06-18")
    assert [(e.event_type, [a.country for a in e.source], e.status) for e in coded.events] == [
        ("CONSULT", ["JPN", "KOR"], "future")]


def test_japanese_quote_and_speaker(code_cjk: Any) -> None:
    _, quotes = code_cjk("ja", "石破首相は17日、「関係を発展させたい」と述べた。", "2025-06-18")
    (q,) = quotes
    assert (q.quote, q.direct, q.speaker.person if q.speaker else None) == ("関係を発展させたい", True, "Shigeru Ishiba")
    assert q.date == "2025-06-17"
    _, indirect = code_cjk("ja", "石破首相は関係を発展させたいと述べた。", "2025-06-18")
    assert [(q.quote, q.direct) for q in indirect] == [("関係を発展させたい", False)]


def test_no_date_no_lede_is_the_publication_day(code_cjk: Any) -> None:
    coded, _ = code_cjk("ja", "韓国政府は日本に抗議した。", "2025-06-18")
    assert [(e.date, e.date_basis) for e in coded.events] == [("2025-06-18", "publication")]


def test_same_day_and_relative_clauses(code_cjk: Any) -> None:
    text = "石破首相は2025年6月17日、李大統領と会談した。\n\n韓国政府は同日、日本に抗議した。"
    coded, _ = code_cjk("ja", text, "2025-08-01")
    assert [(e.event_type, e.date, e.date_basis) for e in coded.events][-1] == ("ACCUSE", "2025-06-17", "context")
    # 日本が持つ…: a subject inside a relative clause is not the protest's source
    coded, _ = code_cjk("ja", "韓国政府は日本が強化した輸出管理に抗議した。", "2025-06-18")
    assert [([a.country for a in e.source], [a.country for a in e.target]) for e in coded.events
            if e.event_type == "ACCUSE"] == [(["KOR"], ["JPN"])]


def test_no_actor_no_event(code_cjk: Any) -> None:
    coded, _ = code_cjk("ja", "会談は和やかな雰囲気で行われた。", "2025-06-18")
    assert coded.events == []


def test_korean_roles_dates_and_status(code_cjk: Any) -> None:
    text = ("이 대통령, 이시바 총리와 회담\n"
            "이재명 대통령은 23일 도쿄에서 이시바 시게루 일본 총리와 정상회담을 했다. 양국 정상은 협력 강화에 합의했다. "
            "한국 정부는 항의하지 않았다.\n"
            "일본 정부는 2019년 7월 4일 한국에 대한 수출 규제를 강화했다. 한국 정부는 일본에 항의했다.")  # fmt: skip
    coded, _ = code_cjk("ko", text, "2025-08-24")
    assert _events(coded) == [
        ("회담", "CONSULT", ["KOR", "JPN"], [], "2025-08-23", "asserted"),
        ("정상회담", "CONSULT", ["KOR", "JPN"], [], "2025-08-23", "asserted"),
        ("합의", "AGREE", ["JPN", "KOR"], [], "2025-08-23", "asserted"),
        ("항의", "ACCUSE", ["KOR"], ["JPN"], "2025-08-23", "negated"),
        ("수출 규제를 강화", "SANCTION", ["JPN"], ["KOR"], "2019-07-04", "historical"),
        ("항의", "ACCUSE", ["KOR"], ["JPN"], "2019-07-04", "historical"),
    ]


def test_korean_negation_before_the_verb_and_quote(code_cjk: Any) -> None:
    coded, quotes = code_cjk("ko", "한국 정부는 일본과 안 만났다. 이 대통령은 \"미래지향적 관계를 만들겠다\"고 말했다.", "2025-08-24")
    assert [(e.event_type, e.status) for e in coded.events] == [("CONSULT", "negated")]
    assert [(q.quote, q.speaker.person if q.speaker else None) for q in quotes] == [
        ("미래지향적 관계를 만들겠다", "Lee Jae-myung")]


def test_passive_shared_partner_and_coordination(code_cjk: Any) -> None:
    coded, _ = code_cjk("ja", "韓国は1910年8月29日、日本に併合された。", "2025-06-18")
    assert [(e.event_type, [a.country for a in e.source], [a.country for a in e.target]) for e in coded.events] == [
        ("COERCE", ["JPN"], ["KOR"])]  # CAMEO 192 (occupy territory); the passive turns the roles
    coded, _ = code_cjk("ja", "岸田文雄外相と尹炳世外相は2015年12月28日、ソウルで会談し、合意した。", "2015-12-29")
    assert [(e.event_type, sorted(a.person or "" for a in e.source)) for e in coded.events] == [
        ("CONSULT", ["Fumio Kishida", "Yun Byung-se"]), ("AGREE", ["Fumio Kishida", "Yun Byung-se"])]


def test_korean_place_home_leader_and_decided_sanction(code_cjk: Any) -> None:
    # no subject written: the Korean president meets the Japanese prime minister; 도쿄에서 is a place
    coded, _ = code_cjk("ko", "23일 도쿄에서 이시바 시게루 총리와 정상회담을 열었다.", "2025-08-24")
    assert [(e.event_type, sorted(a.person or "" for a in e.source), e.target) for e in coded.events] == [
        ("CONSULT", ["Lee Jae-myung", "Shigeru Ishiba"], ())]
    # an announced tariff is the sanction itself, not a threat of one
    coded, _ = code_cjk("ko", "미국 정부는 2일 중국에 관세를 부과한다고 발표했다.", "2025-04-03")
    assert [(e.event_type, e.status) for e in coded.events] == [("SANCTION", "asserted")]


def test_surname_with_honorific_refers_back(code_cjk: Any) -> None:
    # 尹錫悦 is not in the fixture tables: Sudachi's 人名 tag keeps him a person; 尹氏 is him again
    _, quotes = code_cjk("ja", "韓国の尹錫悦大統領は17日、日本に抗議した。尹氏は「遺憾だ」と述べた。", "2023-03-18")
    assert [(q.quote, q.speaker.person if q.speaker else None, q.speaker.country if q.speaker else None)
            for q in quotes] == [("遺憾だ", "尹錫悦", "KOR")]  # fmt: skip


def test_korean_visit_joint_drill_and_domestic_groups(code_cjk: Any) -> None:
    def coded(text: str, published: str) -> list[tuple[str, list[str | None], list[str | None]]]:
        got, _ = code_cjk("ko", text, published)
        return [(e.event_type, sorted(str(a.country) for a in e.source), sorted(str(a.country) for a in e.target))
                for e in got.events]  # fmt: skip

    # 방한: a visit to South Korea; the summit on it is a second event
    assert coded("아베 신조 총리는 9일 방한해 문재인 대통령과 정상회담을 했다.", "2018-02-10") == [
        ("CONSULT", ["JPN"], ["KOR"]), ("CONSULT", ["JPN", "KOR"], [])]
    # a drill held by three countries together is cooperation, not a show of force
    assert coded("한미일은 17일 미사일 방어 훈련을 실시했다.", "2023-07-18") == [("COOPERATE", ["JPN", "KOR", "USA"], [])]
    # in Korean news, 시민단체 with no country written are Korean
    assert coded("시민단체는 6일 일본에 항의했다.", "2023-03-07") == [("ACCUSE", ["KOR"], ["JPN"])]
