"""Indicators: the numbers a news article reports (trade, travellers, aid, tariff rates…), each
with its value in base units, unit, qualifier, the period it describes, the countries it concerns
and a metric label (docs/indicators.md).

The amounts of a sentence come from the text (:mod:`.amounts`); the parse then says what a bare
number counts ("1,500 Korean forced laborers"), which keyword names the metric (the one nearest
the number in the dependency tree), which time expression is the figure's own (one written right
after it, "200 million dollars in 1965", else one attached to its clause) and which countries it
concerns (who exports, who receives; "bilateral" and "between the two countries" name the
document's main pair).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..config import Config
from ..nlp.dates import find_time_expressions
from ..records import Article, Indicator, Sentence
from .actors import ActorResolver, Discourse, MentionSpan
from .amounts import Amount, find_amounts
from .indicators_lexicon import DURATION_WORDS, PEOPLE_NOUNS
from .indicators_links import (
    RECEIVE_VERBS,
    Found,
    claims,
    complete,
    governing_verb,
    is_change,
    metric_of,
    names_pair,
    noun_roles,
    period_of,
    phrase,
    prep_roles,
    subject,
)
from .indicators_metrics import MetricVocabulary

GEO_KINDS = {"country", "demonym", "capital", "GPE", "NORP"}
#: Verbs that put a head count in their subject ("tourists numbered 8 million").
MEASURE_VERBS = {"number", "total", "reach", "exceed", "top", "hit", "surpass", "stand", "be", "amount", "climb",
                 "rise", "grow", "fall", "drop", "increase", "decrease"}
AGE_PREPS = {"under", "over", "above", "below"}
#: Nouns that an "under 40" qualifies as an age ("a generation under 40").
AGE_NOUNS = {"generation", "age", "youth", "child", "adult", "voter", "people", "those", "anyone", "group"}
#: Metrics that flow from one country to another: with one country named, the other side of the
#: document's main pair is the partner.
FLOW_METRICS = {"exports", "imports", "aid", "loans", "investment", "compensation"}


class IndicatorExtractor:
    """Stateless across documents: build once, call :meth:`extract` per parsed article."""

    def __init__(self, resolver: ActorResolver, config: Config, vocabulary: MetricVocabulary | None = None) -> None:
        self.resolver = resolver
        self.config = config
        self.vocabulary = vocabulary or MetricVocabulary.load()

    def extract(self, article: Article, doc: Doc, sentences: Sequence[Sentence]) -> list[Indicator]:
        """Indicators of one article; ``sentences`` are the article's sentences as the event
        coder made them from ``doc.sents`` (matched by start offset)."""
        by_start = {s.start: s for s in sentences}
        countries = self._token_countries(doc, article)
        counts: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        out: list[Indicator] = []
        previous: dict[str, Indicator] = {}
        last_end: int | None = None
        for sent in doc.sents:
            sentence = by_start.get(sent.start_char)
            for tok in sent:
                geo = countries.get(tok.i)
                if geo is not None and geo[1] and (tok.i == sent.start or countries.get(tok.i - 1) != geo):
                    counts[geo[0]] += 1
                    first_seen.setdefault(geo[0], tok.i)
            if sentence is None:
                continue
            if last_end is not None and "\n" in article.text[last_end : sentence.start]:
                previous = {}  # context carries within a paragraph only
            last_end = sentence.end
            if len(sent.text) > self.config.max_sentence_chars or not any(c.isdigit() or c.isalpha() for c in sent.text):
                previous = {}
                continue
            ranked = sorted(counts, key=lambda c: (-counts[c], first_seen[c]))
            pair = tuple(sorted(ranked[:2])) if len(ranked) >= 2 else ()
            found = self._sentence(article, sentence, sent, countries, pair, previous)
            out.extend(found)
            previous = {i.metric: i for i in found if i.metric is not None}
        return out

    # -- one sentence ---------------------------------------------------------------------------
    def _sentence(self, article: Article, sentence: Sentence, sent: Span, countries: dict[int, tuple[str, bool]],
                  pair: tuple[str, ...], previous: dict[str, Indicator]) -> list[Indicator]:
        text = sentence.text
        exprs = find_time_expressions(text, article.published, None)
        base = sent.start_char
        found: list[Found] = []
        for amount in find_amounts(text, [(e.start, e.end) for e in exprs]):
            item = self._anchor(amount, sent, base)
            if item is not None:
                found.append(item)
        found = _inherit_units(found)
        keywords = self.vocabulary.matches(sent)
        spans = [(f.amount.start + base, f.amount.end + base) for f in found]
        claimed = claims(text, [f.amount for f in found], exprs)
        out = []
        for k, item in enumerate(found):
            a = item.amount
            others = [s for j, s in enumerate(spans) if j != k]
            match = metric_of(item, keywords, others, sent)
            metric = match.keyword.metric if match else None
            metric_tok = match.head if match else None
            flags = list(a.flags)
            if a.unit_kind in ("percent", "ratio") and is_change(item, text):
                flags.append("change")
            ctry, paired = self._countries(item, metric_tok, metric, sent, countries, pair, others)
            if metric == "trade" and (paired or len(ctry) >= 2):
                metric = "bilateral trade"
            expr = period_of(item, k, exprs, claimed, sent, base, metric_tok)
            period, basis = (expr.date, expr.basis) if expr is not None else (None, None)
            prior = previous.get(metric) if metric else None
            if prior is not None and not ctry:  # "Exports grew by 11.4%" after "Japan exported …"
                if prior.countries:
                    ctry = prior.countries
                    flags.append("countries_from_context")
                if period is None and basis is None and prior.period is not None:
                    period, basis = prior.period, "context"
            if len(ctry) == 1 and metric in FLOW_METRICS and ctry[0] in pair:
                ctry = complete(ctry[0], pair, item, metric)
                flags.append("countries_from_context")
            if a.unit is None and match is not None and "people" in match.keyword.units and \
                    "currency" not in match.keyword.units:
                a = a.with_unit("people", "people", flag="unit_from_context")  # "population … 51.7 million"
                flags = [f for f in flags if f != "no_unit"] + ["unit_from_context"]
            if a.written and a.unit_kind == "count" and not a.scaled and metric is None:
                continue  # "two large explosions": a written count of things is prose unless it measures a metric
            out.append(self._record(article, sentence, a, metric, period, basis, ctry, tuple(dict.fromkeys(flags))))
        return _share_with_partner(out, [f.amount for f in found])

    def _record(self, article: Article, sentence: Sentence, a: Amount, metric: str | None, period: str | None,
                basis: str | None, countries: tuple[str, ...], flags: tuple[str, ...]) -> Indicator:
        key = f"{article.content_hash}|{sentence.index}|{a.start}|{a.end}|{a.role}"
        return Indicator(
            indicator_id="ind-" + hashlib.sha1(key.encode()).hexdigest()[:16],
            doc_id=article.doc_id,
            sentence_id=sentence.sentence_id,
            text=sentence.text,
            char_span=(a.start, a.end),
            metric=metric,
            value=a.value,
            unit=a.unit,
            qualifier=a.qualifier,
            period=period,
            period_basis=basis,  # type: ignore[arg-type]
            countries=countries,
            flags=flags,
            coder_version=self.config.coder_version,
        )

    # -- what a number counts ----------------------------------------------------------------
    def _anchor(self, a: Amount, sent: Span, base: int) -> Found | None:
        doc = sent.doc
        num = doc.char_span(base + a.num_start, base + a.num_end, alignment_mode="expand")
        if num is None or len(num) == 0:
            return None
        if a.unit is None:
            got = self._bare(a, num.root, sent, base)
            if got is None:
                return None
            a = got
        phrase = doc.char_span(base + a.num_start, base + a.end, alignment_mode="expand") or num
        root = phrase.root
        inside = {t.i for t in phrase}
        if root.pos_ in ("VERB", "AUX") and a.unit_kind != "ratio":
            root = num.root  # "2 billion won" with "won" parsed as a verb
        return Found(a, root, governing_verb(root, inside), frozenset(inside))

    def _bare(self, a: Amount, tok: Token, sent: Span, base: int) -> Amount | None:
        """A number written without a unit: a head count or a count of things (the noun it
        modifies), an age ("South Koreans under 40"), or an amount with no unit."""
        while tok.dep_ in ("compound", "quantmod", "nummod") and tok.head.pos_ == "NUM" and tok.head.i > tok.i:
            tok = tok.head
        noun = tok.head if tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN") else None
        while noun is not None and noun.dep_ == "compound" and noun.head.tag_ == "NNS" and noun.head.i > noun.i:
            noun = noun.head  # "110 party candidates"
        if noun is not None and noun.i < sent.end:
            lemma = noun.lemma_.lower()
            if any(lemma.startswith(w) for w in DURATION_WORDS):
                return None
            end = noun.idx + len(noun.text) - base
            if self._is_people(noun):
                return a.with_unit("people", "people", end=end)
            if noun.pos_ == "NOUN" and (not a.written or (a.value or 0) >= 2 and noun.tag_ == "NNS"):
                return a.with_unit("count", "count", end=end)  # written: kept only with a metric
            return None
        if a.written and not a.scaled:
            return None  # "one of them", "two agreed": prose, not a figure
        rest = sent.text[a.end:].strip(" .)\t\n")
        if a.start == 0 and (not rest or rest[:1].isupper()):
            return None  # "6 Manage your exposure", a lone "3": a list marker
        head = tok.head
        if a.qualifier in ("less_than", "more_than") and head.dep_ == "prep" and head.lower_ in AGE_PREPS:
            before = [t for t in sent.doc[max(sent.start, head.i - 4) : head.i] if t.pos_ in ("NOUN", "PROPN")]
            if head.head.lemma_.lower() in AGE_NOUNS or any(self._is_people(t) or t.ent_type_ == "NORP" for t in before):
                return None  # "South Koreans under 40", "a generation under 40": an age
        verb = governing_verb(tok)
        if verb is not None and verb.lemma_.lower() in MEASURE_VERBS:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.i != tok.i and self._is_people(subj):
                return a.with_unit("people", "people")  # "tourists numbered 8 million"
        return a

    def _is_people(self, noun: Token) -> bool:
        """A head-count noun: "people", "tourists", or a demonym used as a noun ("11 million
        Koreans", "2.3 million Japanese")."""
        if noun.lower_ in PEOPLE_NOUNS or noun.lemma_.lower() + "s" in PEOPLE_NOUNS or noun.lemma_.lower() in PEOPLE_NOUNS:
            return True
        if not noun.text[:1].isupper() or noun.pos_ not in ("NOUN", "PROPN"):
            return False
        if noun.ent_type_ == "NORP":
            return True
        country = self.resolver.kb.country(noun.text)
        return country is not None and noun.text not in (country.name, *self._names_of(country.iso3))

    def _names_of(self, iso3: str) -> tuple[str, ...]:
        c = self.resolver.kb.country_by_code(iso3)
        return (c.name, *c.aliases, *c.capitals) if c is not None else ()

    # -- countries ---------------------------------------------------------------------------
    def _token_countries(self, doc: Doc, article: Article) -> dict[int, tuple[str, bool]]:
        """Token index → (ISO3 of the country the mention resolves to, is it a place or people
        word rather than a person or body)."""
        mentions = self.resolver.mentions(doc)
        out: dict[int, tuple[str, bool]] = {}
        for m in set(mentions.values()):
            iso3: str | None = None
            if m.kind in GEO_KINDS:
                c = self.resolver.kb.country(m.text)
                iso3 = c.iso3 if c else None
            else:
                own: dict[int, MentionSpan] = {i: m for i in range(m.start, m.end)}
                actors = self.resolver.resolve(doc[m.end - 1], own, Discourse(), article.published)
                iso3 = next((x.country for x in actors if x.country), None)
            if iso3 and iso3 != "IGO":
                for i in range(m.start, m.end):
                    out[i] = (iso3, m.kind in GEO_KINDS)
        return out

    def _countries(self, item: Found, metric_tok: Token | None, metric: str | None, sent: Span,
                   countries: dict[int, tuple[str, bool]], pair: tuple[str, ...],
                   others: list[tuple[int, int]]) -> tuple[tuple[str, ...], bool]:
        """The countries a figure concerns, in flow order (exporter, giver first), and whether
        the text names the document's pair ("bilateral", "between the two countries")."""
        src: list[str] = []
        tgt: list[str] = []
        sym: list[str] = []
        sides = (src, tgt, sym)

        def names(tok: Token) -> list[str]:
            got = []
            for t in phrase(tok):
                c = countries.get(t.i)
                if c is not None and not any(s <= t.idx < e for s, e in others):
                    got.append(c[0])
            return got

        importer = metric == "imports"
        verb = item.verb
        for noun in dict.fromkeys(t for t in (item.root, metric_tok) if t is not None):
            noun_roles(noun, names, sides, importer)
        if verb is not None:
            receive = verb.lemma_.lower() in RECEIVE_VERBS
            subj = subject(verb)
            if subj is not None and subj.dep_ == "nsubjpass":
                noun_roles(subj, names, (tgt, tgt, sym), False)
            elif subj is not None:
                noun_roles(subj, names, (tgt, src, sym) if receive else sides, importer)
            for child in verb.children:
                if child.dep_ in ("dative", "dobj") and child.i != item.root.i and (
                        metric_tok is None or child.i != metric_tok.i):
                    tgt.extend(names(child))
                elif child.dep_ == "agent":
                    src.extend(n for o in child.children for n in names(o))
                elif child.dep_ == "prep":
                    prep_roles(child, names, sides)
        paired = names_pair(item, metric_tok, sent)
        linked = list(dict.fromkeys(src + sorted(set(sym) - set(src) - set(tgt)) + tgt))
        if paired:
            if len(linked) == 2:
                return tuple(sorted(linked)), True
            return (tuple(pair), True) if pair else (tuple(linked), True)
        if not linked:
            scope = verb.subtree if verb is not None else sent
            linked = [c[0] for t in scope if (c := countries.get(t.i)) is not None and c[1]
                      and not any(s <= t.idx < e for s, e in others)]
        ordered = tuple(dict.fromkeys(linked))
        if set(ordered) == set(sym) and len(ordered) == 2:
            ordered = tuple(sorted(ordered))
        return ordered, False


def _inherit_units(found: list[Found]) -> list[Found]:
    """"… 691 billion yen and 367 billion": a scaled number with no unit takes the currency of
    the amount before it in the sentence (flag ``unit_from_context``)."""
    out: list[Found] = []
    for item in found:
        a = item.amount
        if a.unit is None and (a.scaled or a.role == "to"):
            prior = next((p.amount for p in reversed(out) if p.amount.unit_kind == "currency"), None)
            if prior is not None:
                a = a.with_unit(prior.unit, "currency", flag="unit_from_context")
                item = replace(item, amount=a)
        out.append(item)
    return out


def _share_with_partner(out: list[Indicator], amounts: list[Amount]) -> list[Indicator]:
    """The two ends of a range or a change ("between 10,000 and 15,000 refugees") describe one
    quantity: an end without a metric or countries takes its partner's."""
    for k in range(len(out) - 1):
        pair = (amounts[k].role, amounts[k + 1].role)
        if pair not in (("low", "high"), ("from", "to")):
            continue
        a, b = out[k], out[k + 1]
        for x, y, i in ((a, b, k), (b, a, k + 1)):
            changes: dict[str, object] = {}
            if x.metric is None and y.metric is not None:
                changes["metric"] = y.metric
            if not x.countries and y.countries:
                changes["countries"] = y.countries
            if changes:
                out[i] = replace(x, **changes)  # type: ignore[arg-type]
    return out
