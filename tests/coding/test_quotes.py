"""Quote attribution: golden cases on our own sentences (text → quote, speaker, cue, date), the
two corpus articles, and bad input."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import pytest

from dyadwatch.coding.quotes import QuoteExtractor
from dyadwatch.ingest import content_hash, read_paths
from dyadwatch.records import Article, Quote

pytestmark = pytest.mark.slow

PUB = "2025-06-18"


def _run(coder, text: str, published: str | None = PUB) -> tuple[list[Quote], list]:  # type: ignore[no-untyped-def]
    pub = _dt.date.fromisoformat(published) if published else None
    article = Article(doc_id="t", text=text, content_hash=content_hash(text), published=pub)
    doc = coder.nlp(text)
    sentences, _ = coder.coder.code(article, doc)
    quotes = QuoteExtractor(coder.coder.resolver, coder.config).extract(article, doc, sentences)
    return quotes, sentences


def _quotes(coder, text: str, published: str | None = PUB) -> list[Quote]:  # type: ignore[no-untyped-def]
    return _run(coder, text, published)[0]


def _one(coder, text: str, published: str | None = PUB) -> Quote:  # type: ignore[no-untyped-def]
    quotes = _quotes(coder, text, published)
    assert len(quotes) == 1, [q.quote for q in quotes]
    return quotes[0]


# text, quote, direct, cue, speaker person (or name), country, speaker_basis
GOLDEN = [
    ("‘Our two countries share the same backyard,’ said South Korean President Lee Jae-myung.",
     "Our two countries share the same backyard", True, "said", "Lee Jae-myung", "KOR", "text"),
    (("Foreign Minister Takeshi Iwaya arrived in Seoul on Monday. “We cannot move away from each other,” "
     "he told reporters."), "We cannot move away from each other", True, "told", "Takeshi Iwaya", "JPN", "coreference"),
    ("South Korean President Lee Jae-myung said the two countries would expand cooperation on supply chains.",
     "the two countries would expand cooperation on supply chains", False, "said", "Lee Jae-myung", "KOR", "text"),
    ("Lee detailed that exports to Japan rose by 5 percent.",
     "exports to Japan rose by 5 percent", False, "detailed", "Lee Jae-myung", "KOR", "text"),
    ("Prime Minister Ishiba echoed this sentiment, emphasizing the importance of bilateral relations.",
     "the importance of bilateral relations", False, "emphasizing", "Shigeru Ishiba", "JPN", "text"),
    ("Lee Jae-myung met Ishiba in Tokyo. The president said the visit was a success.",
     "the visit was a success", False, "said", "Lee Jae-myung", "KOR", "title"),
    ("The economy will grow faster next year, the Japanese prime minister told reporters.",
     "The economy will grow faster next year", False, "told", "Shigeru Ishiba", "JPN", "title"),
]


@pytest.mark.parametrize(("text", "quote", "direct", "cue", "person", "country", "basis"), GOLDEN)
def test_golden(coder, text, quote, direct, cue, person, country, basis) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, text)
    assert (q.quote, q.direct, q.cue) == (quote, direct, cue)
    assert q.speaker is not None and (q.speaker.person, q.speaker.country) == (person, country)
    assert q.speaker_basis == basis
    assert q.flags == ()


def test_interrupted_quote_is_one_quote_dated_by_its_cue(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("“We will not give up,” Prime Minister Shigeru Ishiba said on Tuesday, "
            "“because the alliance with Seoul matters more than ever.”")
    q = _one(coder, text)
    assert q.quote == "We will not give up, because the alliance with Seoul matters more than ever."
    assert q.speaker is not None and q.speaker.person == "Shigeru Ishiba" and q.speaker.role == "prime_minister"
    assert q.speaker_text == "Prime Minister Shigeru Ishiba"
    assert (q.date, q.date_basis) == ("2025-06-17", "relative")  # the Tuesday before 18 June 2025
    assert "interrupted" in q.flags
    assert text[q.char_span[0] : q.char_span[1]].startswith("We will not give up")


def test_quote_over_several_sentences_lists_them_all(coder) -> None:  # type: ignore[no-untyped-def]
    text = ('"Trade has doubled since 2015. Tourism is at a record. We want more," '
            "Japan's foreign minister told reporters on 3 June.")
    quotes, sentences = _run(coder, text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.quote == "Trade has doubled since 2015. Tourism is at a record. We want more"
    assert len(q.sentence_ids) == 3 and q.sentence_id == q.sentence_ids[0] == sentences[0].sentence_id
    assert q.speaker is not None and q.speaker.person == "Takeshi Iwaya" and q.speaker_basis == "title"
    assert (q.date, q.date_basis) == ("2025-06-03", "relative")


def test_quote_continued_in_the_next_sentence_joins_it(coder) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, "“We want stability,” Lee said. “Both sides need it.”")
    assert q.quote == "We want stability, Both sides need it."
    assert len(q.sentence_ids) == 2 and "continued" in q.flags
    assert q.speaker is not None and q.speaker.person == "Lee Jae-myung"


def test_quote_continued_where_the_parser_kept_one_sentence_joins_it(coder) -> None:  # type: ignore[no-untyped-def]
    # with doubled single quotes the parser keeps "… said X. ''…''" as one sentence: the second
    # quote finds the same cue, and is the same quote
    text = ("''This is not reform,'' said Douglas Holtz, an economist who served at the budget office. "
            "''It is a tax increase. It adds complexity.''")
    q = _one(coder, text)
    assert q.quote == "This is not reform, It is a tax increase. It adds complexity."
    assert "continued" in q.flags and q.speaker_text == "Douglas Holtz"


def test_short_quote_opening_a_paragraph_stands_as_a_sentence(coder) -> None:  # type: ignore[no-untyped-def]
    # a one-word first part after a line break still takes the cue between the parts
    text = '"We expect more visits," Lee said.\n\n"That," he added, "would help both economies."'
    quotes = _quotes(coder, text)
    assert [(q.quote, q.cue) for q in quotes] == [("We expect more visits", "said"),
                                                 ("That, would help both economies.", "added")]


@pytest.mark.parametrize(("text", "expected"), [
    # the parser splits "“…?” Kim demanded." in two; the quote is Kim's, not a continuation of Lee's
    ('"We expect more visits," Lee said.\n\n'
     '"Why has the ministry not published the figures for the last two years?" Kim demanded.',
     [("We expect more visits", "said", "Lee"),
      ("Why has the ministry not published the figures for the last two years?", "demanded", "Kim")]),
    # a participle of saying between two quotes opens the second
    ('"We cannot afford this anymore," Ishiba said, adding later, '
     '"The alliance is costing us a fortune, and we are spending a lot of money."',
     [("We cannot afford this anymore", "said", "Ishiba"),
      ("The alliance is costing us a fortune, and we are spending a lot of money.", "adding", "Ishiba")]),
])
def test_two_quotes_with_cues_of_their_own(coder, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert [(q.quote, q.cue, q.speaker_text) for q in _quotes(coder, text)] == expected


def test_cue_ending_a_paragraph_covers_what_the_paragraph_said_before(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("Lee met Ishiba on Monday, his office said.\n\n"
            "The ferry line reopened in March. Bookings have doubled since then, the operator said.")
    quotes = _quotes(coder, text)
    # the first paragraph's report stops at its own sentence; the second covers both sentences
    assert [(q.quote, q.cue) for q in quotes] == [
        ("Lee met Ishiba on Monday", "said"),
        ("The ferry line reopened in March. Bookings have doubled since then", "said")]
    assert len(quotes[1].sentence_ids) == 2


def test_partial_quote_gives_the_reported_clause(coder) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, "Lee said the summit had opened “a new chapter” for both nations.")
    assert q.quote == "the summit had opened “a new chapter” for both nations"
    assert not q.direct and q.cue == "said" and "partial_quote" in q.flags


def test_according_to_gives_the_source(coder) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, "According to Japan's foreign ministry, the two sides will hold talks in July.")
    assert (q.quote, q.cue) == ("the two sides will hold talks in July", "according to")
    assert q.speaker is not None and (q.speaker.country, q.speaker.sector, q.speaker.person) == ("JPN", "GOV", None)


def test_according_to_covers_every_coordinated_clause(coder) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, "Exports rose 3 percent, imports fell 2 percent and tourism grew 9 percent, according to the ministry.")
    assert (q.quote, q.cue) == ("Exports rose 3 percent, imports fell 2 percent and tourism grew 9 percent", "according to")


def test_professor_with_university_gets_role_and_sector(coder) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, "“The alliance has survived worse,” said Professor Kim Min-ji of Seoul National University.")
    assert q.speaker is not None
    assert (q.speaker.person, q.speaker.role, q.speaker.sector, q.speaker.country) == (
        "Kim Min-ji", "professor", "EDU", None)
    assert q.speaker_text is not None and q.speaker_text.startswith("Professor Kim Min-ji")


@pytest.mark.parametrize("text", [
    "Japan's leaders don't expect the '90s disputes to return, and the two countries' ministers met.",
    "The “comfort women” statue stands near the embassy in Seoul.",
    "Lee did not say that the talks had failed.",
    # where or when something was said is not what was said
    "Trump spoke for about five minutes.",
    "Ishiba spoke on Fox News Sunday.",
])
def test_no_quote(coder, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(coder, text) == []


def test_date_without_publication_is_none(coder) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, "Lee said the two countries would expand cooperation.", published=None)
    assert (q.date, q.date_basis) == (None, None)
    q = _one(coder, "Lee said the two countries would expand cooperation.")
    assert (q.date, q.date_basis) == (PUB, "publication")


def test_ids_are_deterministic_and_the_contract_is_json(coder) -> None:  # type: ignore[no-untyped-def]
    text = "“We want stability,” Lee said. Ishiba said the talks would resume in July."
    first, second = _quotes(coder, text), _quotes(coder, text)
    assert [q.quote_id for q in first] == [q.quote_id for q in second]
    assert len({q.quote_id for q in first}) == 2
    data = json.loads(json.dumps(first[0].to_dict()))
    assert set(data) == {"quote_id", "doc_id", "sentence_id", "sentence_ids", "quote", "char_span", "direct", "cue",
                         "speaker", "speaker_text", "speaker_basis", "date", "date_basis", "flags", "coder_version"}
    assert set(data["speaker"]) == {"name", "country", "sector", "person", "role"}
    assert data["coder_version"] == coder.config.coder_version


# -- bad input -----------------------------------------------------------------------------------
def test_unbalanced_opening_mark_is_flagged_and_cut_at_its_sentence(coder) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(coder, 'Lee said "we will cooperate closely with Tokyo. Ishiba agreed.')
    direct = [q for q in quotes if q.direct]
    assert len(direct) == 1 and direct[0].quote == "we will cooperate closely with Tokyo."
    assert "unbalanced_quotes" in direct[0].flags
    assert direct[0].speaker is not None and direct[0].speaker.person == "Lee Jae-myung"


def test_missing_opening_mark_is_flagged(coder) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, "We will win this fight,” the minister said.")
    assert q.quote == "We will win this fight" and "unbalanced_quotes" in q.flags
    assert q.speaker is not None and q.speaker.role == "minister" and q.speaker.country is None


def test_quote_without_speaker_is_flagged(coder) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, "“The era of cheap energy is over and nobody can change that.”")
    assert q.speaker is None and q.speaker_text is None and q.speaker_basis is None
    assert q.cue is None and set(q.flags) == {"no_cue", "no_speaker"}


@pytest.mark.parametrize("text", ["", "   \n\n ", '"', "“”", "''''", "‘’ ”“ \"\" ' «", "said said said",
                                  "“" * 50, "He said: “" + "very " * 400 + "long"])
def test_odd_input_never_raises(coder, text: str) -> None:  # type: ignore[no-untyped-def]
    for q in _quotes(coder, text):
        assert 0 <= q.char_span[0] <= q.char_span[1] <= len(text)


# -- the corpus articles ---------------------------------------------------------------------------
def _corpus(coder, corpus_dir: Path, prefix: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    article = next(a for a in read_paths([corpus_dir], coder.config)
                   if isinstance(a, Article) and Path(a.source_path or "").name.startswith(prefix))
    doc = coder.nlp(article.text)
    sentences, _ = coder.coder.code(article, doc)
    return QuoteExtractor(coder.coder.resolver, coder.config).extract(article, doc, sentences)


def _by(quotes: list[Quote], cue: str, person: str) -> list[Quote]:
    return [q for q in quotes if q.cue == cue and q.speaker is not None and q.speaker.person == person]


def test_corpus_new_stage_article(coder, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    quotes = _corpus(coder, corpus_dir, "000_")
    ishiba = _by(quotes, "added", "Shigeru Ishiba")  # the press-conference quote
    assert len(ishiba) == 1 and ishiba[0].direct and ishiba[0].speaker.country == "JPN"  # type: ignore[union-attr]
    assert ishiba[0].speaker.role == "prime_minister" and ishiba[0].speaker_basis == "text"  # type: ignore[union-attr]
    lee = _by(quotes, "said", "Lee Jae-myung")  # three quoted sentences, attributed at the end
    assert len(lee) == 1 and lee[0].direct and len(lee[0].sentence_ids) == 3
    detailed = _by(quotes, "detailed", "Lee Jae-myung")  # indirect speech around a quoted figure
    assert len(detailed) == 1 and not detailed[0].direct and "partial_quote" in detailed[0].flags
    last = _by(quotes, "said", "Shigeru Ishiba")  # "…, Shigeru Ishiba said, according to the office"
    assert len(last) == 1 and last[0].direct
    assert not [q for q in quotes if q.cue == "according to" and q.char_span[0] > last[0].char_span[0]]
    # no dateline and no date at the cue: no date is claimed
    assert (ishiba[0].date, ishiba[0].date_basis) == (None, None)
    assert [(q.date, q.date_basis) for q in quotes if q.date is not None] == [("2023", "explicit")]


def test_corpus_renew_efforts_article(coder, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    quotes = _corpus(coder, corpus_dir, "002_")
    govella = [q for q in quotes if q.speaker is not None and q.speaker.person == "Kristi Govella"]
    assert {q.cue for q in govella} == {"remarked", "noted"} and all(q.direct for q in govella)
    assert all((q.speaker.role, q.speaker.sector) == ("professor", "EDU") for q in govella)  # type: ignore[union-attr]
    echoed = _by(quotes, "emphasizing", "Shigeru Ishiba")
    assert len(echoed) == 1 and not echoed[0].direct
    described = _by(quotes, "described", "Lee Jae-myung")  # "which he described as “…”"
    assert len(described) == 1 and described[0].speaker_text == "he"
    assert described[0].speaker_basis == "coreference"
    assert all(q.date == "2025-06-18" for q in govella + echoed)
    assert {q.date_basis for q in govella + echoed} == {"publication"}


@pytest.mark.parametrize(
    ("text", "quote", "cue"),
    [
        # naming: the object and what it is called
        ("The Trump campaign called the charges unsubstantiated and fabricated.",
         "the charges unsubstantiated and fabricated", "called"),
        # an object with its own modifiers is content, not a pointer back ("echoed these comments")
        ("Clinton cited derogatory comments Trump had made about Machado.",
         "derogatory comments Trump had made about Machado", "cited"),
        # what follows the object belongs with it
        ("Warren blasted the bank for being dishonest with its customers.",
         "the bank for being dishonest with its customers", "blasted"),
        # naming: what lies between the object and its name belongs too
        ("The senator called the treaty with Japan a historic achievement.",
         "the treaty with Japan a historic achievement", "called"),
        # a second clause or infinitive hung from the cue is part of the report
        ("Lee said Japan has shown goodwill on the issue and the summit was a first step toward trust.",
         "Japan has shown goodwill on the issue and the summit was a first step toward trust", "said"),
        ("Ishiba wants to expand the student exchanges, restore the shuttle visits and open a new hotline.",
         "to expand the student exchanges, restore the shuttle visits and open a new hotline", "wants"),
        # "hopes" is lemmatized "hop" by the model: the cue lemma mends it
        ("Ishiba hopes to visit Seoul before the end of the year.",
         "to visit Seoul before the end of the year", "hopes"),
        ("Some lawmakers expressed reservations about the deal.", "reservations about the deal", "expressed"),
        # "call for" with a gerund
        ("Lee called for resuming the shuttle visits this year.", "resuming the shuttle visits this year", "called for"),
        # a relative clause after a comma at the end is the writer's aside
        ("Lee acknowledged the progress on the export curbs, which Tokyo lifted in 2023.",
         "the progress on the export curbs", "acknowledged"),
        # a clause of when (or as, although) after the object is the report's setting, not its content
        ("Lee hailed the deal as a turning point when he met Ishiba in Tokyo.", "the deal as a turning point", "hailed"),
        # a noun the parser coordinated with the cue is a second object
        ("The minister emphasized regional stability, and a need to restore the shuttle visits.",
         "regional stability, and a need to restore the shuttle visits", "emphasized"),
        # verbs of verbal attack and of playing down report through their object
        ("The ministry downplayed the risk of a new trade dispute.", "the risk of a new trade dispute", "downplayed"),
    ],
)
def test_object_reports(coder, text: str, quote: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, text)
    assert (q.quote, q.cue, q.direct) == (quote, cue, False)


def test_coordinated_speech_verb_is_a_second_report(coder) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(coder, "Trump said he would order a review of the defences and warned against foreign hackers.")
    assert [q.quote for q in quotes] == ["he would order a review of the defences", "foreign hackers"]


def test_line_opened_by_a_name_and_colon(coder) -> None:  # type: ignore[no-untyped-def]
    text = "PENCE: Well, look, we are going to win this election.\n\nISLAMABAD: The minister visited the port."
    q = _one(coder, text)
    assert q.quote.startswith("Well, look, we are going to win") and q.cue == ":" and q.speaker_text == "PENCE"
    assert "labelled" in q.flags


def test_speech_verb_set_off_by_commas_reports_the_sentence_around_it(coder) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, "To avoid a crisis, the minister said, the two governments must keep talking.")
    assert (q.quote, q.cue, q.speaker_text) == ("To avoid a crisis the two governments must keep talking", "said",
                                                "the minister")


def test_participle_of_saying_is_its_own_report(coder) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(coder, "The court rejected the appeal, saying the law left no room for doubt.")
    assert [(q.quote, q.cue) for q in quotes] == [("the appeal", "rejected"),
                                                 ("the law left no room for doubt", "saying")]


def test_clauses_coordinated_before_a_trailing_cue_are_one_report(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("Seoul had asked Tokyo to lift the curbs before the summit, but the ministry rejected that request, "
            "the official added.")
    added = [q for q in _quotes(coder, text) if q.cue == "added"]
    assert [q.quote for q in added] == [
        "Seoul had asked Tokyo to lift the curbs before the summit, but the ministry rejected that request"]


@pytest.mark.parametrize(("text", "quote"), [
    # "remains" governs the quoted words too, but the speech verb is the cue
    ('Kim said there remains a "deep gap in trust between the capitals," and urged patience.',
     'there remains a "deep gap in trust between the capitals'),
    # a second clause hung from the cue belongs to a partial quote's report too
    ("The envoy said Seoul has “deep respect” for the treaty and his blunt comment was instead an expression of "
     "frustration with the pace the talks have taken.",
     "Seoul has “deep respect” for the treaty and his blunt comment was instead an expression of frustration with "
     "the pace the talks have taken"),
])
def test_partial_quote_gives_the_whole_report(coder, text: str, quote: str) -> None:  # type: ignore[no-untyped-def]
    q = _one(coder, text)
    assert (q.quote, q.cue, q.direct) == (quote, "said", False)
    assert "partial_quote" in q.flags
