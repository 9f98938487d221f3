"""Train/test leakage checks on sentence text.

The CAMEO-manual example sentences circulate in several sets (the PLOVER GSR, the CAMEO
codebook's ``example`` column and ConfliBERT's ``cameo_class`` splits), often lightly edited.
Anything tuned on one of them must not be scored on another: :func:`manual_sentences` gives the
normalised sentences of all of them, and :func:`assert_no_leak` stops a run that would.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import ConfigError, LeakageError
from .suites import conflibert_rows, plover_records, read_text, require_file

#: Curly and typographic quotes, primes and dashes, unified before the punctuation is stripped.
_PUNCT = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "`": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
    }
)  # fmt: skip
_NON_ALNUM_RE = re.compile(r"[\W_]+")

#: Mac-Roman mojibake in ``cameo-codebook/cameo-codes.csv`` once decoded as cp1252 (its SOURCE.md).
CODEBOOK_MOJIBAKE: dict[str, str] = {
    "\u201a\u00c4\u00f4": "\u2019",  # ‚Äô -> ’
    "\u201a\u00c4\u00f2": "\u2018",  # ‚Äò -> ‘
    "\u201a\u00c4\u00fa": "\u201c",  # ‚Äú -> “
    "\u201a\u00c4\u00f9": "\u201d",  # ‚Äù -> ”
    "\u201a\u00c4\u00ee": "\u2014",  # ‚Äî -> —
    "\u201a\u00c4\u00ec": "\u2013",  # ‚Äì -> –
    "\u00ac\u00a3": "\u00a3",  # ¬£ -> £
}


def normalize_sentence(text: str) -> str:
    """The comparison key of a sentence: NFKC, quotes and dashes unified, casefolded, every run of
    non-alphanumeric characters turned into one space, trimmed."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT).casefold()
    return _NON_ALNUM_RE.sub(" ", text).strip()


def find_leaks(train: Iterable[str], scored: Iterable[str]) -> list[str]:
    """The normalised scored sentences that also occur (normalised) in ``train``, each once, in
    the order of ``scored``. Sentences that normalise to nothing are ignored."""
    seen = {key for key in map(normalize_sentence, train) if key}
    leaks: list[str] = []
    reported: set[str] = set()
    for key in map(normalize_sentence, scored):
        if key and key in seen and key not in reported:
            reported.add(key)
            leaks.append(key)
    return leaks


def assert_no_leak(train: Iterable[str], scored: Iterable[str], what: str) -> None:
    """Raise :class:`~dyadwatch.errors.LeakageError` when any scored sentence occurs in ``train``;
    the message names ``what``, the number of shared sentences and three examples."""
    leaks = find_leaks(train, scored)
    if leaks:
        examples = "; ".join(repr(s[:80]) for s in leaks[:3])
        raise LeakageError(
            f"{what}: {len(leaks)} scored sentence(s) also occur in the training data, "
            f"e.g. {examples}"
        )


def codebook_examples(data_dir: Path) -> list[str]:
    """The ``example`` sentences of ``cameo-codebook/cameo-codes.csv`` (cp1252, mojibake fixed;
    rows without an example left out)."""
    path = require_file(data_dir / "cameo-codebook" / "cameo-codes.csv", "the CAMEO codebook")
    text = read_text(path, encoding="cp1252")
    for bad, good in CODEBOOK_MOJIBAKE.items():
        text = text.replace(bad, good)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "example" not in reader.fieldnames:
        raise ConfigError(f"{path}: no 'example' column")
    return [
        row["example"].strip()
        for row in reader
        if row["example"] and row["example"].strip() not in ("", "NA")
    ]


def manual_sets(data_dir: Path) -> dict[str, set[str]]:
    """The normalised sentences of each CAMEO-manual set, by name: ``plover`` (GSR texts),
    ``codebook`` (codebook examples), ``conflibert_train`` and ``conflibert_test``."""
    class_dir = data_dir / "conflibert-cameo" / "cameo_class"
    gsr = require_file(data_dir / "plover" / "PLOVER_GSR_CAMEO.txt", "the PLOVER GSR")
    texts: dict[str, list[str]] = {
        "plover": [r["text"] for r in plover_records(gsr)],
        "codebook": codebook_examples(data_dir),
    }
    for split in ("train", "test"):
        path = require_file(class_dir / f"{split}.tsv", f"ConfliBERT {split}")
        texts[f"conflibert_{split}"] = [sentence for _, sentence, _ in conflibert_rows(path)]
    return {name: {k for k in map(normalize_sentence, ts) if k} for name, ts in texts.items()}


def manual_sentences(data_dir: Path) -> set[str]:
    """The normalised sentences of every CAMEO-manual set (see :func:`manual_sets`)."""
    return set().union(*manual_sets(data_dir).values())


# ---------------------------------------------------------------------------------------------
# learned components: their training sentences against every scored sentence

#: word n-grams compared by :func:`near_duplicates`
SHINGLE = 4
#: share of the smaller sentence's n-grams two sentences must have in common to count as one
NEAR_DUPLICATE = 0.5


def scored_sentences(data_dir: Path, suites: Iterable[str] | None = None) -> list[str]:
    """The text of every case that :mod:`.suites` scores (all suites unless ``suites`` names
    some), in suite and file order."""
    from .suites import SUITE_NAMES, load_suite

    return [case.text for name in (suites or SUITE_NAMES) for case in load_suite(name, data_dir).cases]


def sentence_hash(text: str) -> str:
    """A short stable key of a sentence's normalised text (shipped instead of the sentence)."""
    return hashlib.sha1(normalize_sentence(text).encode("utf-8")).hexdigest()[:16]


def _shingles(key: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    words = key.split()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def near_duplicates(
    train: Sequence[str], scored: Iterable[str], threshold: float = NEAR_DUPLICATE
) -> list[int]:
    """Indices of the ``train`` sentences that a scored text repeats: equal after
    :func:`normalize_sentence`, or sharing at least ``threshold`` of the smaller one's word
    4-grams (a lightly edited copy, or a sentence inside a scored snippet)."""
    exact = set()
    index: dict[tuple[str, ...], list[int]] = {}
    sizes: list[int] = []
    for j, key in enumerate(map(normalize_sentence, scored)):
        exact.add(key)
        grams = _shingles(key)
        sizes.append(len(grams))
        for gram in grams:
            index.setdefault(gram, []).append(j)
    out = []
    for i, key in enumerate(map(normalize_sentence, train)):
        if not key:
            continue
        if key in exact:
            out.append(i)
            continue
        grams = _shingles(key)
        shared: Counter[int] = Counter(j for g in grams for j in set(index.get(g, ())))
        if any(n >= threshold * min(len(grams), sizes[j]) for j, n in shared.items()):
            out.append(i)
    return out


def assert_hashes_clear(train_hashes: Iterable[str], scored: Iterable[str], what: str) -> None:
    """Raise :class:`~dyadwatch.errors.LeakageError` when a scored sentence's
    :func:`sentence_hash` is among ``train_hashes`` (a shipped model's training set)."""
    known = set(train_hashes)
    hits = sorted({normalize_sentence(s) for s in scored if sentence_hash(s) in known})
    if hits:
        examples = "; ".join(repr(s[:80]) for s in hits[:3])
        raise LeakageError(
            f"{what}: {len(hits)} scored sentence(s) are in the model's training data, e.g. {examples}"
        )
