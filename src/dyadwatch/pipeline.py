"""The pipeline: ingest → parse → code, as a stream of results, and the store-writing job.

A pipeline is a list of plain stages over a stream: :func:`extract` yields one
:class:`Result` per document (or the :class:`~dyadwatch.errors.IngestError` that stopped it);
:func:`ingest` writes each result to the store in its own transaction. Progress display is the
caller's business (the CLI wraps the stream).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from .coding.actors import ActorResolver
from .coding.coder import EventCoder
from .coding.indicators import IndicatorExtractor
from .coding.quotes import QuoteExtractor
from .coding.kb import KnowledgeBase
from .coding.lexicon import Lexicon
from .config import Config
from .errors import IngestError
from .ingest import read_paths
from .nlp.lang import detect_language
from .nlp.pipeline import load_model, parse
from .records import Article, Event, Indicator, Quote, Sentence

if TYPE_CHECKING:
    from .coding.cjk.coder import CjkCoder
    from .coding.cjk.quotes import CjkQuotes
    from .nlp.cjk import MorphParser


@dataclass(frozen=True, slots=True)
class Result:
    article: Article
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...] = ()
    indicators: tuple[Indicator, ...] = ()


class Coder:
    """The loaded model, knowledge base and lexicon: build once, reuse for many documents.

    Each document is coded in its own language (``Config.lang``, else detected from its script):
    English through the spaCy pipeline; Japanese and Korean through :mod:`dyadwatch.coding.cjk`,
    whose analysers are loaded on the first document of that language. The stream keeps its
    order; runs of documents in one language are parsed in batches."""

    def __init__(self, config: Config | None = None, cue_files: Iterable[Path] = ()) -> None:
        self.config = config or Config()
        self.nlp = load_model(self.config)
        self.kb = KnowledgeBase.load(self.config.actor_files)
        self.lexicon = Lexicon.load(cue_files)
        self.coder = EventCoder(ActorResolver(self.kb, self.nlp), self.lexicon, self.config)
        self.quotes = QuoteExtractor(self.coder.resolver, self.config)
        self.indicators = IndicatorExtractor(self.coder.resolver, self.config)
        self.assist = None  # the learned classifier's pass (Config.classifier), loaded lazily
        if self.config.classifier:
            from .coding.assist import Assist
            from .coding.classifier import SentenceClassifier

            self.assist = Assist(self.coder, SentenceClassifier.load())
        self._cjk: dict[str, tuple[MorphParser, CjkCoder, CjkQuotes]] = {}

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Result]:
        for lang, run in groupby((self._with_lang(a) for a in articles), key=lambda a: a.lang):
            yield from (self._code_english(run) if lang == "en" else self._code_cjk(lang, run))

    def _with_lang(self, article: Article) -> Article:
        lang = self.config.lang or detect_language(article.text)
        return article if article.lang == lang else dataclasses.replace(article, lang=lang)

    def _code_cjk(self, lang: str, articles: Iterable[Article]) -> Iterator[Result]:
        if lang not in self._cjk:
            from .coding.cjk.coder import CjkCoder
            from .coding.cjk.quotes import CjkQuotes
            from .nlp.cjk import make_parser

            coder = CjkCoder(lang, self.kb, self.config)
            self._cjk[lang] = (make_parser(lang), coder, CjkQuotes(coder.lexicon, coder.resolver, self.config))
        parser, coder, quotes = self._cjk[lang]
        for article in articles:
            coded = coder.code(article, parser.parse(article.text), quotes)
            yield Result(article, tuple(coded.sentences), tuple(coded.events), tuple(coded.quotes), ())

    def _code_english(self, articles: Iterable[Article]) -> Iterator[Result]:
        for article, doc in parse(self.nlp, articles, self.config):
            sentences, events = self.coder.code(article, doc)
            if self.assist is not None:
                events = self.assist.revise(article, doc, sentences, events)
            quotes = self.quotes.extract(article, doc, sentences)
            indicators = self.indicators.extract(article, doc, sentences)
            yield Result(article, tuple(sentences), tuple(events), tuple(quotes), tuple(indicators))

    def code_text(self, text: str, *, published: "str | None" = None, doc_id: str = "text") -> Result:
        """Code one piece of text (handy in notebooks and tests)."""
        import datetime as _dt

        from .ingest import content_hash

        pub = _dt.date.fromisoformat(published) if published else None
        article = Article(doc_id=doc_id, text=text, content_hash=content_hash(text), published=pub,
                          published_basis="override" if pub else None)
        return next(self.code_articles([article]))


def extract(
    coder: Coder, paths: Iterable[str | Path], on_error: "callable[[IngestError], None] | None" = None
) -> Iterator[Result]:
    """Read and code every document under ``paths``; bad inputs go to ``on_error``."""

    def articles() -> Iterator[Article]:
        for item in read_paths(paths, coder.config):
            if isinstance(item, IngestError):
                if on_error is not None:
                    on_error(item)
                continue
            yield item

    yield from coder.code_articles(articles())
