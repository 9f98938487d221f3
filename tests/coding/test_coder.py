"""Sentence-level behaviour of the coder: roles, actors, status, dates, and silence where there
is no event. Sentences are our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(coder, text: str, published: str | None = "2025-06-18"):  # type: ignore[no-untyped-def]
    return list(coder.code_text(text, published=published).events)


def _countries(actors) -> set[str]:  # type: ignore[no-untyped-def]
    return {a.country for a in actors}


def test_title_resolves_to_the_office_holder_on_the_event_date(coder) -> None:  # type: ignore[no-untyped-def]
    e2019 = _events(coder, "The Japanese prime minister visited Seoul on 3 May 2019.")
    e2025 = _events(coder, "The Japanese prime minister visited Seoul on 3 May 2025.")
    assert e2019[0].source[0].person == "Shinzo Abe" and e2019[0].source[0].basis == "title"
    assert e2025[0].source[0].person == "Shigeru Ishiba"
    assert e2019[0].event_type == "CONSULT" and e2019[0].mode == "visit" and _countries(e2019[0].target) == {"KOR"}


def test_multi_party_subject_gives_one_joint_event(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "Japan, South Korea and China agreed to expand trade talks in Seoul on Monday.")
    agree = [e for e in events if e.event_type == "AGREE"]
    assert len(agree) == 1
    assert _countries(agree[0].source) == {"JPN", "KOR", "CHN"} and agree[0].target == ()
    assert agree[0].date == "2025-06-16"


def test_pronoun_and_two_leaders_resolve_from_context(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("South Korean President Lee Jae-myung met Japanese Prime Minister Shigeru Ishiba on 17 June. "
            "The two leaders agreed to resume shuttle diplomacy. He later criticised Pyongyang.")
    events = _events(coder, text)
    agree = next(e for e in events if e.event_type == "AGREE")
    assert {a.person for a in agree.source} == {"Lee Jae-myung", "Shigeru Ishiba"}
    assert agree.date == "2025-06-17" and agree.date_basis == "context"
    accuse = next(e for e in events if e.event_type == "ACCUSE")
    assert accuse.source[0].basis == "coreference" and _countries(accuse.target) == {"PRK"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The South Korean embassy is expected to host Japanese officials on Thursday 19 June.", "future"),
        ("China will impose sanctions on Japan next month.", "future"),
        ("Russia and Ukraine did not agree on a ceasefire on Friday.", "negated"),
        ("India could attack Pakistan if talks fail.", "hypothetical"),
        ("Japan annexed Korea in 1910.", "historical"),
        ("Japan criticised North Korea on Monday.", "asserted"),
    ],
)
def test_status(coder, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, text)
    assert events and events[0].status == status, [(e.event_type, e.status) for e in events]


def test_planned_sanction_is_coded_as_a_threat(coder) -> None:  # type: ignore[no-untyped-def]
    e = _events(coder, "China will impose sanctions on Japan next month.")[0]
    assert (e.event_type, e.status, e.date, e.date_precision) == ("THREATEN", "future", "2025-07", "month")


def test_court_order_is_a_sanction_convict(coder) -> None:  # type: ignore[no-untyped-def]
    e = _events(coder, "South Korea's Supreme Court ordered Japanese firms to compensate victims in 2018.")[0]
    assert (e.event_type, e.mode, e.source[0].sector) == ("SANCTION", "convict", "JUD")
    assert _countries(e.target) == {"JPN"} and e.date == "2018"


def test_unresolved_relative_date_without_publication_date(coder) -> None:  # type: ignore[no-untyped-def]
    e = _events(coder, "Japan and South Korea held talks last week.", published=None)[0]
    assert e.date is None and e.date_basis == "relative" and e.date_text == "last week"


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Seoul was mild on Tuesday.",
        "Trade between Japan and South Korea was worth $70 billion last year.",
        "More than 11 million people travelled between the two countries in 2024.",
        "Analysts in Tokyo remain divided on the outlook.",
        "The importance of bilateral cooperation between Japan and South Korea has grown.",
    ],
)
def test_no_event(coder, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _events(coder, text) == []


def test_event_ids_are_stable_and_carry_the_coder_version(coder) -> None:  # type: ignore[no-untyped-def]
    a = _events(coder, "Japan accused China of coercion on Monday.")
    b = _events(coder, "Japan accused China of coercion on Monday.")
    assert [e.event_id for e in a] == [e.event_id for e in b]
    assert a[0].coder_version == coder.config.coder_version


def test_generic_agent_takes_the_country_of_the_place_named(coder) -> None:  # type: ignore[no-untyped-def]
    [event] = _events(coder, "A suicide bomber killed five soldiers in Pakistan's Swat valley on Thursday.")
    assert event.event_type == "ASSAULT"
    bomber = event.source[0]
    assert (bomber.country, bomber.sector, bomber.basis) == ("PAK", "INS", "location")
    assert event.confidence < 0.9  # an actor placed by location is less sure than one named


def test_generic_agent_takes_the_country_of_the_dateline(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "BAGHDAD (Reuters) - Police arrested dozens of protesters on Monday.")
    arrest = next(e for e in events if e.event_type == "COERCE")
    assert _countries(arrest.source) == {"IRQ"} and arrest.source[0].sector == "COP"


def test_without_a_place_a_generic_agent_stays_unresolved(coder) -> None:  # type: ignore[no-untyped-def]
    assert _events(coder, "Police arrested dozens of protesters on Monday.") == []


def test_part_of_a_group_and_country_after_the_title(coder) -> None:  # type: ignore[no-untyped-def]
    shot = _events(coder, "A member of the Tunisian security forces shot a protester on Monday.")
    assert _countries(shot[0].source) == {"TUN"} and shot[0].source[0].sector == "COP"
    pledge = _events(coder, "The president of Equatorial Guinea pledged support to Gambia on Monday.")
    assert _countries(pledge[0].source) == {"GNQ"} and _countries(pledge[0].target) == {"GMB"}


def test_accented_name_matches_the_knowledge_base(coder) -> None:  # type: ignore[no-untyped-def]
    [meet] = _events(coder, "Erdoğan will meet Italian President Sergio Mattarella in Rome on Monday.", "2018-02-01")
    assert meet.source[0].person == "Recep Tayyip Erdogan" and _countries(meet.target) == {"ITA"}


def test_agent_without_country_takes_the_other_side_s(coder) -> None:  # type: ignore[no-untyped-def]
    [arrest] = _events(coder, "Chinese police detained 18 people on Saturday.")
    assert arrest.event_type == "COERCE"
    people = arrest.target[0]
    assert (people.country, people.sector, people.basis) == ("CHN", "CVL", "context")


def test_named_source_without_a_target_is_an_event(coder) -> None:  # type: ignore[no-untyped-def]
    [reject] = _events(coder, "The Iraqi parliament rejected the Kirkuk council decision on Monday.")
    assert reject.event_type == "REJECT" and _countries(reject.source) == {"IRQ"} and reject.target == ()
    # a source only inferred from context is not enough on its own
    assert _events(coder, "It rejected the decision on Monday.") == []


def test_source_acting_alone_needs_a_country_or_a_person(coder) -> None:  # type: ignore[no-untyped-def]
    # a source with a country, however found, may act without a target
    [reject] = _events(coder, "The Supreme Court of India refused to lift the ban on Monday.")
    assert reject.event_type == "REJECT" and _countries(reject.source) == {"IND"} and reject.target == ()
    # a named person is an actor even where the text gives no country
    [resign] = _events(coder, "President Sooronbai Jeenbekov resigned on Thursday.")
    assert resign.event_type == "RETREAT" and resign.source[0].country is None
    assert resign.source[0].name == "Sooronbai Jeenbekov"


def test_failing_to_agree_is_a_rejection(coder) -> None:  # type: ignore[no-untyped-def]
    [fail] = _events(coder, "Japan and South Korea failed to agree on the compensation fund on Monday.")
    assert (fail.event_type, fail.status, fail.cameo_root) == ("REJECT", "asserted", "12")
    assert _countries(fail.source) == {"JPN", "KOR"}


def test_a_call_for_hostile_action_is_a_demand(coder) -> None:  # type: ignore[no-untyped-def]
    [demand] = _events(coder, "The EU called for sanctions against Uganda on Monday.")
    assert (demand.event_type, demand.cameo_root, _countries(demand.target)) == ("REQUEST", "10", {"UGA"})
    # a call for talks is an appeal (CAMEO 02), and its partner is the target
    [appeal] = _events(coder, "Seoul pushed for a summit with Tokyo on Monday.")
    assert (appeal.event_type, appeal.cameo_root, _countries(appeal.target)) == ("REQUEST", "02", {"JPN"})


def test_generic_agent_takes_the_country_of_its_city(coder) -> None:  # type: ignore[no-untyped-def]
    # places.tsv: a city or region gives its country, after a preposition or as a modifier
    [arrest] = _events(coder, "Kirkuk police arrested five men on Monday.")
    assert (arrest.source[0].country, arrest.source[0].sector, arrest.source[0].basis) == ("IRQ", "COP", "location")
    [curfew] = _events(coder, "Police in Los Angeles detained 18 protesters on Saturday.")
    assert _countries(curfew.source) == {"USA"}


def test_offered_withdrawal_is_an_intent_to_yield(coder) -> None:  # type: ignore[no-untyped-def]
    [offer] = _events(coder, "Pakistan is willing to withdraw its troops from Kashmir.")
    assert (offer.event_type, offer.cameo_root, offer.status) == ("AGREE", "03", "future")
    assert _countries(offer.source) == {"PAK"}
    [planned] = _events(coder, "Japan will provide aid to the Philippines next year.")
    assert (planned.event_type, planned.cameo_root) == ("AGREE", "03")  # intent to provide aid (033)


def test_armed_group_takes_the_country_where_it_acted(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "The Islamic State attacked an army camp in western Kabul on Monday.")
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.source[0].name == "Islamic State" and attack.source[0].country == "AFG"
    assert attack.source[0].basis == "location" and attack.source[0].sector == "INS"


@pytest.mark.parametrize(
    ("text", "etype", "countries"),
    [
        ("Germany donated 56 million euros to the World Food Programme on Monday.", "AID", {"DEU", "IGO"}),
        ("The Russian and US navies began a joint military exercise in the Sea of Japan on Monday.",
         "COOPERATE", {"RUS", "USA"}),
    ],
)
def test_aid_and_joint_exercise_cues(coder, text: str, etype: str, countries: set[str]) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _events(coder, text) if e.event_type == etype]
    assert events and _countries(events[0].source + events[0].target) == countries


def test_surname_matches_only_as_written(coder) -> None:  # type: ignore[no-untyped-def]
    [lift] = _events(coder, "US President Donald Trump lifted a travel ban imposed on Chadian citizens.", "2018-04-10")
    assert all(a.person != "Ban Ki-moon" for a in lift.source + lift.target)


def test_a_surname_inside_another_name_is_not_its_known_holder(coder) -> None:  # type: ignore[no-untyped-def]
    # "Lee" is President Lee Jae-myung's surname, "Bishop" Julie Bishop's: neither is meant here
    [lee] = _events(coder, "Kim Sung-han criticised Japan on Monday.", "2025-06-18")
    assert all(a.person != "Kim Jong Un" and a.country != "PRK" for a in lee.source)
    assert lee.source[0].name == "Kim Sung-han"  # the model's cut-off "Kim Sung-" made whole
    bishop = _events(coder, "Bishop Paul Verryn criticised Zimbabwe's government on Monday.", "2012-02-01")
    assert all(a.country != "AUS" for e in bishop for a in e.source + e.target)
    [moon] = _events(coder, "President Moon Jae-in met Abe Shinzo in Osaka on Friday.", "2019-06-30")
    assert {a.person for a in moon.source + moon.target} == {"Moon Jae-in", "Shinzo Abe"}


def test_agent_nouns_of_people_and_business_give_a_sector(coder) -> None:  # type: ignore[no-untyped-def]
    [attack] = _events(coder, "Chinese fishermen attacked a South Korean coast guard officer on Sunday.")
    assert [(a.country, a.sector) for a in attack.source] == [("CHN", "CVL")]
    [sue] = _events(coder, "South Korean survivors of forced labour sued Mitsubishi Heavy Industries in 2012.")
    assert [(a.country, a.sector) for a in sue.source] == [("KOR", "CVL")]
    assert _countries(sue.target) == {"JPN"}


def test_own_troops_moved_make_the_place_the_target(coder) -> None:  # type: ignore[no-untyped-def]
    [pull] = _events(coder, "Russia has begun withdrawing some of its troops from Syria.")
    assert pull.event_type == "RETREAT" and _countries(pull.target) == {"SYR"}


def test_country_in_an_apposition_or_a_from_phrase(coder) -> None:  # type: ignore[no-untyped-def]
    [meet] = _events(coder, "Xi Jinping met regional rival Japan's Prime Minister Shinzo Abe in Da Nang.", "2017-11-11")
    assert _countries(meet.target) == {"JPN"}
    events = _events(coder, "Troops from the United States arrived in Nepal to deliver aid on Monday.")
    assert any(_countries(e.source) == {"USA"} for e in events)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("China has agreed to lift a ban on imports of British beef.", {"GBR"}),
        ("The United Nations imposed sanctions in relation to Iraq in 1990.", {"IRQ"}),
        ("Serbian units threatened to shell British forces based in Vitez.", {"GBR"}),
    ],
)
def test_target_named_within_the_verb_phrase(coder, text: str, target: set[str]) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, text)
    assert events and _countries(events[0].target) == target


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Chancellor Olaf Scholz defended Germany's decision to send tanks to Ukraine.", "SUPPORT"),
        ("Pakistan-based groups have launched cyber warfare against India.", "ASSAULT"),
        ("Guyana has established diplomatic relations with San Marino.", "SUPPORT"),
        ("Sudan declared a cessation of hostilities with the rebels in Darfur.", "RETREAT"),
        # material cooperation
        ("The United States returned two paintings to the government of Brazil.", "RETREAT"),
        ("Mexico decided to grant political asylum to Evo Morales.", "AID"),
        ("EU and UN hand over medical supplies to the Nigerian Government.", "AID"),
        ("Afghan intelligence officials shared evidence with their Pakistani counterparts.", "COOPERATE"),
        # easing: tariffs cut (not a sanction from the noun), a curfew lifted
        ("Washington cut tariffs on Chinese machine tools on Monday.", "RETREAT"),
        ("Iraqi officials lifted the curfew in Kirkuk on Monday.", "RETREAT"),
        ("Lee defended South Korea's right to build new destroyers.", "SUPPORT"),
        # troops sent to a peacekeeping force are peacekeeping (CAMEO 074), not a mobilisation
        ("Japan is sending troops to the United Nations peacekeeping force in South Sudan.", "AID"),
        # ending one's own strike eases dissent (CAMEO 082)
        ("Rail workers in Busan ended their strike on Monday.", "CONCEDE"),
    ],
)
def test_more_verb_object_cues(coder, text: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert etype in {e.event_type for e in _events(coder, text)}


def test_plural_demonyms_name_their_country(coder) -> None:  # type: ignore[no-untyped-def]
    [deport] = _events(coder, "Trinidad's authorities deported at least 165 Venezuelans in recent weeks.", "2019-05-01")
    assert _countries(deport.target) == {"VEN"}


@pytest.mark.parametrize(
    ("text", "etype", "cameo_root"),
    [
        ("Azerbaijani forces violated the ceasefire about 80 times this morning.", "ASSAULT", "19"),
        ("The United States reduced military aid to Egypt by $30 million.", "SANCTION", "16"),
        ("The U.S. Treasury removed the sanctions on Rusal.", "RETREAT", "08"),
    ],
)
def test_violations_cuts_and_easing(coder, text: str, etype: str, cameo_root: str) -> None:  # type: ignore[no-untyped-def]
    assert (etype, cameo_root) in {(e.event_type, e.cameo_root) for e in _events(coder, text)}


def test_phrasal_cue_needs_its_particle_next_to_the_verb(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "On Nov. 18, NATO Secretary General Jens Stoltenberg called Erdogan to discuss the case.", "2019-11-20")
    assert "REQUEST" not in {e.event_type for e in events}  # not "call on"
    [urge] = _events(coder, "Japan called on South Korea to resolve the issue on Monday.")
    assert urge.event_type == "REQUEST"


def test_a_refused_concession_is_a_rejection(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "The British government announced that it will not lift the ban on the LTTE.")
    refusal = next(e for e in events if e.event_type == "REJECT")
    assert refusal.cameo_root == "12" and refusal.status == "asserted"
    # a past negation stays a non-event
    assert all(e.status == "negated" for e in _events(coder, "Japan did not lift its export controls on Korea."))


def test_what_someone_must_do_is_a_demand_on_them(coder) -> None:  # type: ignore[no-untyped-def]
    [demand] = _events(coder, "Human Rights Watch said that Sudanese authorities must ensure security in Darfur.")
    assert demand.event_type == "REQUEST" and _countries(demand.target) == {"SDN"}


@pytest.mark.parametrize(
    ("text", "etype", "source"),
    [
        # an attack noun under a support verb takes the verb's subject as source
        ("The Syrian army intensified its bombardment of rebel-held areas near Aleppo on Friday.", "ASSAULT", {"SYR"}),
        ("Pakistani forces launched a ground operation against militants in South Waziristan.", "ASSAULT", {"PAK"}),
        ("Israeli air strikes hit targets in Gaza on Monday.", "ASSAULT", {"ISR"}),
        # the tokenizer splits "cease-fire"
        ("Sudan announced a cease-fire with the rebels in Darfur.", "RETREAT", {"SDN"}),
        ("Russia dispatched warships to the Mediterranean on Tuesday.", "MOBILIZE", {"RUS"}),
        # "staged" is lemmatized "stag" by the model; the pipeline mends it
        ("The joint exercise was staged by Japanese and American troops.", "COOPERATE", {"JPN", "USA"}),
        ("DHS returned stolen artifacts to the government of Italy.", "RETREAT", {"USA"}),
        ("Police in Thailand imposed a curfew on Bangkok on Saturday.", "COERCE", {"THA"}),
        ("Thailand imposed martial law on Tuesday.", "COERCE", {"THA"}),
        ("Russian opposition leader Alexei Navalny started a hunger strike in prison.", "PROTEST", {"RUS"}),
        ("Germany opened its borders to refugees from Syria in 2015.", "AID", {"DEU"}),
        ("Russia has reinforced its troops along the border with Ukraine.", "MOBILIZE", {"RUS"}),
        ("Obama gave Russian President Vladimir Putin a stern warning.", "THREATEN", {"USA"}),
        # "strike" is an attack, but not when what is struck is a deal
        ("Ethiopia struck a deal with the United Nations on aid access.", "SUPPORT", {"ETH"}),
        ("The United States deployed search-and-rescue teams to Haiti.", "AID", {"USA"}),
    ],
)
def test_event_nouns_and_verb_cues(coder, text: str, etype: str, source: set[str]) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _events(coder, text) if e.event_type == etype]
    assert events and _countries(events[0].source) == source


def test_a_labour_strike_is_a_protest_and_an_air_strike_an_assault(coder) -> None:  # type: ignore[no-untyped-def]
    [strike] = _events(coder, "Workers in France began a general strike on Monday.")
    assert strike.event_type == "PROTEST" and all("general" not in a.name for a in strike.source)
    [air] = _events(coder, "Israeli air strikes hit targets in Gaza on Monday.")
    assert air.event_type == "ASSAULT" and air.cameo_root == "19"


def test_person_takes_the_country_of_an_apposition(coder) -> None:  # type: ignore[no-untyped-def]
    [resign] = _events(coder, "Andrej Babis, the Czech prime minister, resigned on Monday.")
    assert resign.event_type == "RETREAT" and resign.source[0].person == "Andrej Babis"
    assert _countries(resign.source) == {"CZE"}


@pytest.mark.parametrize("text", [
    # statements (CAMEO 01) named by a verb and its object stop the verb's general cue
    "The Chinese government has denied charges by the U.S. Chamber of Commerce.",
    "Seoul rejected accusations that it had leaked the talks to the press.",
    "Putin offered his condolences to the British people.",
    "The ministry released figures showing a rise in exports to China.",
    # nothing to code: "fight" against a disease is no assault
    "Germany doubled its funding to fight the Ebola epidemic in West Africa.",
    # a participle describing an actor is no event of its own
    "Syrian government forces backed by Russian warplanes continued their advance.",
    # talking to the press is a statement, not a consultation
    "President Donald Trump speaks to reporters as he departs the White House.",
])
def test_not_events(coder, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(e.event_type not in ("SUPPORT", "CONSULT", "REJECT", "AGREE", "ASSAULT") for e in _events(coder, text))


def test_a_yielding_action_needs_no_target(coder) -> None:  # type: ignore[no-untyped-def]
    [ease] = _events(coder, "Authorities eased the curfew in Amman on Monday.")
    assert ease.event_type == "RETREAT" and _countries(ease.source) == {"JOR"} and ease.target == ()
    assert ease.source[0].basis == "location"


def test_a_statement_row_leaves_the_verb_s_other_objects_alone(coder) -> None:  # type: ignore[no-untyped-def]
    [entry] = _events(coder, "Japan denied entry to two Russian diplomats.")
    assert entry.event_type == "REJECT" and _countries(entry.target) == {"RUS"}


def test_pronouns_and_possessives_take_the_subject_of_their_clause(coder) -> None:  # type: ignore[no-untyped-def]
    [lift] = _events(coder, "Vladimir Putin said his country will not lift the ban on European pork.", "2014-02-10")
    assert lift.event_type == "REJECT" and _countries(lift.source) == {"RUS"}
    [free] = _events(coder, "Sri Lankan Tamil rebels said that they will release two soldiers on Monday.")
    assert free.event_type == "RETREAT" and _countries(free.source) == {"LKA"}


def test_event_noun_as_modifier_of_a_support_verb_s_object(coder) -> None:  # type: ignore[no-untyped-def]
    events = _events(coder, "Pakistan's prime minister launched a mediation effort between Qatar and Saudi Arabia.")
    mediate = [e for e in events if e.event_type == "CONSULT"]
    assert mediate and _countries(mediate[0].source) >= {"PAK"}


def test_violence_with_an_unknown_perpetrator_is_an_event(coder) -> None:  # type: ignore[no-untyped-def]
    [kidnap] = _events(coder, "A Japanese journalist was kidnapped in Syria on Monday.")
    assert kidnap.event_type == "ASSAULT" and kidnap.source == () and _countries(kidnap.target) == {"JPN"}
    # a subject that is no actor is not an unknown one
    assert _events(coder, "Typhoon Mitag lashed South Korea with heavy rain and strong winds.") == []


@pytest.mark.parametrize("text", [
    "Some of them said the talks had failed.",
    "Many of them were killed in the attack in Kabul, and most of their leaders fled.",
    "Most of its members voted against it.",
    "One of his aides said his country would not lift the ban.",
])
def test_a_pronoun_inside_its_own_clause_subject_does_not_loop(coder, text: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(_events(coder, text), list)  # "some of them": the subject holds the pronoun itself
