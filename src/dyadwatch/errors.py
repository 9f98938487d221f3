"""The one exception tree of dyadwatch. Every error carries a stable code (``E1xx`` ingest,
``E2xx`` store, ``E3xx`` configuration and knowledge files, ``E4xx`` coding, ``E5xx`` evaluation).

Ingest errors name the file and, where it has lines, the line: ``str(err)`` is the one-line
message the CLI prints.
"""

from __future__ import annotations


class DyadwatchError(Exception):
    """Base class of every error raised by dyadwatch."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class IngestError(DyadwatchError):
    """An input could not be read; the rest of a batch still goes through."""

    code = "E100"

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.reason = message


class UnreadableInputError(IngestError):
    """Binary or non-UTF-8 content, or a file that cannot be opened."""

    code = "E101"


class EmptyInputError(IngestError):
    """A file (or record) with no text in it."""

    code = "E102"


class MalformedRecordError(IngestError):
    """A JSONL line that is not a JSON object, a CSV row that cannot be parsed."""

    code = "E103"


class MissingFieldError(IngestError):
    """A JSONL/CSV input without a ``text`` field."""

    code = "E104"


class NoArticleError(IngestError):
    """An HTML page or feed entry in which no article text was found."""

    code = "E105"


class InputTooLargeError(IngestError):
    """A single document larger than the configured limit (``Config.max_document_bytes``)."""

    code = "E106"


class UnsupportedInputError(IngestError):
    """A path that does not exist or whose format is unknown."""

    code = "E107"


class StoreError(DyadwatchError):
    """The database could not be opened, migrated or written."""

    code = "E200"


class SchemaVersionError(StoreError):
    """The database was written by a newer dyadwatch than this one."""

    code = "E201"


class ConfigError(DyadwatchError):
    """A bad setting or a malformed knowledge file (actors, cues)."""

    code = "E300"


class KnowledgeFileError(ConfigError):
    """A row of an actor or cue data file could not be read."""

    code = "E301"

    def __init__(self, message: str, path: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class ModelNotInstalledError(ConfigError):
    """The spaCy model named in the configuration is not installed."""

    code = "E302"


class QueryError(DyadwatchError):
    """A bad query parameter (unknown event type, malformed dyad or date)."""

    code = "E400"


class LeakageError(DyadwatchError):
    """An evaluation set shares sentences with the data a component was trained or tuned on."""

    code = "E500"
