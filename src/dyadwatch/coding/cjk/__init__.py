"""Coding Japanese and Korean news: the same event records as English, from morphemes.

``lexicon`` reads the per-language tables (``data/ja``, ``data/ko``: names, cues, markers);
``actors`` finds actor phrases and the particle that gives each its role; ``coder`` turns cues
and roles into :class:`~dyadwatch.records.Event` records, dated by ``dating`` like English events;
``quotes`` attributes 「…」と述べた and "…"라고 말했다. See docs/languages.md.
"""
