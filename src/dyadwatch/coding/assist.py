"""Rules first, the sentence classifier (:mod:`.classifier`) where they fall short.

Per sentence, after the rule coder has run:

* the classifier's choice is the joint best of its two heads: a PLOVER type (or no event) and
  the CAMEO pentaclass that type's CAMEO code falls in (``REQUEST`` has two: an appeal, CAMEO
  02, class 0; a demand, CAMEO 10, class 3); score ``P(type) ** alpha * P(class)``, normalised;
* **fill** — the rules found no event, the choice is an event with probability ≥ ``fill``: an
  event of that type is coded on the sentence's main verbs (root first) with the rule coder's own
  role, actor, date and status logic; nothing is added when no verb gives it the actors the rule
  coder would ask for (with ``relaxed``: a country on either side is enough, and the event's
  confidence is lowered by 0.2);
* **override** — the rules found events but the choice falls in another pentaclass with
  probability ≥ ``override``: the most confident rule event is retyped (actors kept); a choice of
  no event drops the sentence's events when its probability is ≥ ``drop``.

The thresholds and ``alpha`` were chosen by cross-validation on the training data (the model
card, ``policy``). Events the classifier made or retyped carry ``coder_version`` with a
``+classifier`` suffix.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span, Token

from ..nlp.dates import find_time_expressions
from ..records import Actor, Article, Event, Sentence
from .actors import Discourse, MentionSpan
from .classifier import NO_EVENT, TYPE_LABELS, SentenceClassifier
from .coder import EventCoder, Trigger
from .lexicon import Cue
from .ontology import DEFAULT_CAMEO, QUAD_CLASS, cameo, intensity

#: verbs tried per sentence for a filled-in event (root first, then by depth)
MAX_VERBS = 4
SUFFIX = "+classifier"
#: CAMEO root -> pentaclass (the ConfliBERT classes; same table as the evaluation's)
_PENTA = {**dict.fromkeys(("01", "02"), "0"), **dict.fromkeys(("03", "04", "05"), "1"),
          **dict.fromkeys(("06", "07", "08"), "2"),
          **dict.fromkeys(("09", "10", "11", "12", "13", "16"), "3"),
          **dict.fromkeys(("14", "15", "17", "18", "19", "20"), "4")}  # fmt: skip


def pentaclass_of(cameo_code: str) -> str | None:
    return _PENTA.get(cameo_code[:2])


@dataclass(frozen=True, slots=True)
class Policy:
    fill: float = 0.5
    override: float = 0.8
    drop: float = 1.1  # above 1: never drop
    alpha: float = 1.0
    #: a filled-in event may name a country on one side only (the rules ask for both sides,
    #: except for one-sided types)
    relaxed: float = 0.0

    @classmethod
    def from_card(cls, values: dict[str, float]) -> "Policy":
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: float(v) for k, v in values.items() if k in known})


@dataclass(frozen=True, slots=True)
class Choice:
    event_type: str | None  # None: no event
    cameo: str | None
    pentaclass: str
    prob: float


#: the joint options: (type or None, CAMEO code, pentaclass)
OPTIONS: tuple[tuple[str | None, str | None, str], ...] = (
    (None, None, "0"),
    ("REQUEST", "020", "0"),
    *((t, DEFAULT_CAMEO[t], str(pentaclass_of(DEFAULT_CAMEO[t]))) for t in TYPE_LABELS[1:]),
)


def choose(quad_p: np.ndarray, type_p: np.ndarray, alpha: float = 1.0) -> Choice:
    """The best joint option of one sentence's two probability rows."""
    scores = np.array([
        type_p[TYPE_LABELS.index(t or NO_EVENT)] ** alpha * quad_p[int(pc)] for t, _, pc in OPTIONS
    ])
    scores = scores / scores.sum()
    best = int(scores.argmax())
    t, code, pc = OPTIONS[best]
    return Choice(t, code, pc, float(scores[best]))


def decide(rule_class: str | None, choice: Choice, policy: Policy) -> str:
    """``"keep"``, ``"fill"``, ``"retype"`` or ``"drop"`` for one sentence whose rule events have
    top pentaclass ``rule_class`` (``None``: no rule event)."""
    if rule_class is None:
        return "fill" if choice.event_type is not None and choice.prob >= policy.fill else "keep"
    if choice.pentaclass == rule_class:
        return "keep"
    if choice.event_type is None:
        return "drop" if choice.prob >= policy.drop else "keep"
    return "retype" if choice.prob >= policy.override else "keep"


def top_event(events: Sequence[Event]) -> Event | None:
    """The most confident event (ties: the first), as the evaluation scores it."""
    return max(events, key=lambda e: e.confidence) if events else None


class Assist:
    """Applies a :class:`SentenceClassifier` to the rule coder's output for one document."""

    def __init__(
        self, coder: EventCoder, classifier: SentenceClassifier | None, policy: Policy | None = None
    ) -> None:
        """``classifier`` may be ``None`` only for :meth:`probe` (training)."""
        self.coder = coder
        self.classifier = classifier
        self.policy = policy or Policy.from_card(classifier.policy if classifier else {})
        self.version = f"{coder.config.coder_version}{SUFFIX}"
        self.relaxed = _OneSideEnough(coder.resolver, coder.lexicon, coder.config)

    def revise(self, article: Article, doc: Doc, sentences: Sequence[Sentence], events: Sequence[Event]) -> list[Event]:
        by_sentence: dict[str, list[Event]] = {}
        for e in events:
            by_sentence.setdefault(e.sentence_id, []).append(e)
        mentions = self.coder.resolver.mentions(doc)
        spans = list(doc.sents)
        # only sentences that name an actor, or have rule events, are embedded
        todo = [i for i, s in enumerate(sentences)
                if i < len(spans) and (s.sentence_id in by_sentence or any(t.i in mentions for t in spans[i]))
                and len(s.text) <= self.coder.config.max_sentence_chars]
        if not todo or self.classifier is None:
            return list(events)
        quad_p, type_p = self.classifier.probabilities([sentences[i].text for i in todo])
        choices = {i: choose(quad_p[r], type_p[r], self.policy.alpha) for r, i in enumerate(todo)}
        ctx = Discourse()
        out: list[Event] = []
        for i, sentence in enumerate(sentences):
            own = by_sentence.get(sentence.sentence_id, [])
            if i < len(spans):
                ctx.begin_sentence()
                self.coder._remember(spans[i], mentions, ctx, article.published)
            choice = choices.get(i)
            top = top_event([e for e in own if e.status != "negated"])
            action = "keep" if choice is None else decide(
                pentaclass_of(top.cameo_root) if top else None, choice, self.policy)
            if action == "fill" and choice is not None:
                made = self.fill(article, sentence, spans[i], choice, mentions, ctx, self.policy.relaxed >= 0.5)
                own = [made] if made is not None else []
            elif action == "retype" and choice is not None and top is not None:
                own = [retyped(top, choice, self.version) if e is top else e for e in own]
            elif action == "drop":
                own = []
            for e in own:
                ctx.add(e.source + e.target)
            out.extend(own)
        return out

    def probe(self, article: Article, doc: Doc, sentences: Sequence[Sentence],
              events: Sequence[Event]) -> list[dict[int, int]]:
        """For each sentence and each option of :data:`OPTIONS` (by index), whether :meth:`fill`
        would code a (not negated) event: 0 no, 1 yes, 2 only when relaxed. What
        ``tools/train_classifier.py`` needs to choose the policy by cross-validation."""
        mentions = self.coder.resolver.mentions(doc)
        spans = list(doc.sents)
        ctx = Discourse()
        out: list[dict[int, int]] = []
        for i, sentence in enumerate(sentences):
            found: dict[int, int] = {}
            if i < len(spans):
                ctx.begin_sentence()
                self.coder._remember(spans[i], mentions, ctx, article.published)
                for k, (t, code, pc) in enumerate(OPTIONS):
                    if t is not None:
                        made, how = self._fill(article, sentence, spans[i], Choice(t, code, pc, 1.0), mentions, ctx, True)
                        found[k] = how if made is not None and made.status != "negated" else 0
            for e in events:
                if e.sentence_id == sentence.sentence_id:
                    ctx.add(e.source + e.target)
            out.append(found)
        return out

    def fill(self, article: Article, sentence: Sentence, sent: Span, choice: Choice,
             mentions: dict[int, MentionSpan], ctx: Discourse, relaxed: bool = False) -> Event | None:
        """An event of the chosen type on the first of the sentence's main verbs that gets the
        actors the rule coder asks for, else (``relaxed``) the first that names a country on
        either side; ``None`` when none does."""
        return self._fill(article, sentence, sent, choice, mentions, ctx, relaxed)[0]

    def _fill(self, article: Article, sentence: Sentence, sent: Span, choice: Choice,
              mentions: dict[int, MentionSpan], ctx: Discourse, relaxed: bool) -> tuple[Event | None, int]:
        assert choice.event_type is not None and choice.cameo is not None
        exprs = find_time_expressions(sent.text, article.published, None)
        verbs = main_verbs(sent)
        for how, coder in enumerate((self.coder, self.relaxed) if relaxed else (self.coder,), start=1):
            for tok in verbs:
                cue = Cue(tok.lemma_.lower(), "V", frozenset(), choice.cameo, choice.event_type, None, (), "")
                event = coder._event(article, sentence, sent, Trigger(tok, cue, None), exprs, None, mentions, ctx)
                if event is not None:
                    lower = 0.2 if how == 2 else 0.0
                    return dataclasses.replace(event, coder_version=self.version,
                                               confidence=round(max(event.confidence - lower, 0.1), 2)), how
        return None, 0


class _OneSideEnough(EventCoder):
    """The rule coder, content with a country on either side of an event."""

    def _enough(self, etype: str, source: tuple[Actor, ...], target: tuple[Actor, ...], joint: bool) -> bool:
        return any(a.country for a in source + target)


def main_verbs(sent: Span) -> list[Token]:
    """The sentence's verbs, root first, then by depth in the parse and position."""
    def depth(t: Token) -> int:
        d = 0
        while t.head.i != t.i and d < 50:
            t, d = t.head, d + 1
        return d

    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and (t.pos_ == "VERB" or t.dep_ == "ROOT")]
    return sorted(verbs, key=lambda t: (depth(t), t.i))[:MAX_VERBS]


def retyped(event: Event, choice: Choice, version: str) -> Event:
    """``event`` with the classifier's type (mode dropped, CAMEO, quad class and scores redone)."""
    assert choice.event_type is not None and choice.cameo is not None
    info = cameo(choice.cameo)
    return dataclasses.replace(
        event, event_type=choice.event_type, mode=None, contexts=(), quad_class=QUAD_CLASS[choice.event_type],
        intensity=intensity(choice.event_type, None), cameo_root=info.root, goldstein=info.goldstein,
        coder_version=version,
    )
