"""Shared by the development diagnostics: note the events the rule coder turned down for want
of actors (``EventCoder._enough`` said no), to print beside each sentence."""

from __future__ import annotations

from dyadwatch.coding.coder import EventCoder


def note_rejected() -> list[str]:
    """Wrap ``EventCoder._enough`` so that every refusal is appended to the returned list (as
    "TYPE [(name, country)…] -> […]"); clear the list before each sentence."""
    rejected: list[str] = []
    enough = EventCoder._enough

    def noting(self, etype, source, target, joint):  # type: ignore[no-untyped-def]
        ok = enough(self, etype, source, target, joint)
        if not ok:
            rejected.append(f"{etype} {[(a.name, a.country) for a in source]} -> {[(a.name, a.country) for a in target]}")
        return ok

    EventCoder._enough = noting  # type: ignore[method-assign]
    return rejected
