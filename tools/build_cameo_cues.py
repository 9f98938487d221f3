"""Build ``src/dyadwatch/data/cues_cameo.tsv`` from the CAMEO 2.0 verb dictionary.

The PETRARCH-2 production verb dictionary (``CAMEO.2.0.txt``, openeventdata/petrarch2, MIT
licence, copied to ``../shared/data/cameo-phoenix-dictionaries/``) groups ~1,000 English verbs in
blocks under a CAMEO code (``---  SHOOT   [190]  ---``), each member verb optionally with a code of
its own (``AIM [030]``), followed by phrase patterns (``- * ATTACK  [193]``). This script turns
the plain parts into rows of our cue table, which the lexicon reads after ``cues.tsv``:

* a member verb with a code → a ``V`` cue (``shoot  V  190``);
* a two-word member joined by ``_`` whose second word is a particle → a ``VP`` cue.

Left out, and why: CAMEO 01 codes (public statements: PLOVER has no statement event); blocks and
members coded ``---`` (no event) or with a ``:`` transformation code; the phrase patterns (they
are written for a block's verbs together and misfire when spread over each verb); lemmas that
``cues.tsv`` already lists (the hand-written rows win for those verbs); and every verb not in
``REVIEWED`` below: of the dictionary's ~1,000 verbs, most have an ordinary sense that is not
the block's event (``rule``, ``manage``, ``reside``, ``gather``, ``weigh``…).
No sentence of any scored suite is read here; the dictionary holds no test cases.

    .venv/bin/python tools/build_cameo_cues.py            # write the table
    .venv/bin/python tools/build_cameo_cues.py --check    # fail if the table is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from dyadwatch.coding.lexicon import read_cues  # noqa: E402
from dyadwatch.coding.ontology import cameo_table  # noqa: E402
from built_tables import write_or_check  # noqa: E402  (tools/built_tables.py)

SOURCE = ROOT.parent / "shared" / "data" / "cameo-phoenix-dictionaries" / "CAMEO.2.0.txt"
OUT = ROOT / "src" / "dyadwatch" / "data" / "cues_cameo.tsv"
PARTICLES = {"up", "down", "out", "off", "in", "on", "back", "over", "away", "for", "with", "to", "into"}
#: The dictionary's verbs we take, reviewed one by one: those whose ordinary news sense is the
#: block's event. Left out are verbs with a common non-event sense ("rule", "manage", "defend" a
#: policy, "beat" in an election, "damage" ties, "approve" a budget, "exchange" fire coded 060).
REVIEWED = frozenset("""
    grill interrogate petition defy brand spurn rescind breach mock beg implore plead solicit
    proffer volunteer guarantee invite contact bargain barter haggle ally coordinate acclaim
    admire applaud compliment congratulate extol felicitate greet honor honour reward salute
    laud legitimise legitimize forgave forgive assist help bankroll finance fund invest
    sponsor arm equip extradite rescue shelter airlift consent arbitrate conciliate intercede
    pardon retract comply capitulate cede relinquish renounce surrender waive acquit exculpate
    exonerate spy clamor clamour entreat exhort allege rebuff snub challenge contest disagree
    dispute object refute belittle denigrate impugn malign slander admonish berate castigate
    censure chasten chastise chide deride disparage lambaste remonstrate reprimand reproach
    ridicule scold scorn jeer scoff pillory charge fault implicate indict caution harass riot
    muster overfly patrol blacklist sabotage secede confine imprison incarcerate jail withhold
    bar exclude ostracise ostracize blackmail compel inflict reimpose penalize punish
    quell repress restrain subdue suppress vandalise vandalize apprehend capture nab wrest
    nationalise nationalize steal commandeer hijack subvert usurp fine censor criminalise
    criminalize forbid interdict outlaw prohibit proscribe prosecute rearrest banish evict exile
    oust abuse mistreat injure wound rampage scuffle slap terrorize lash whip overthrow rape
    torture stab ambush annihilate decimate demolish destroy obliterate overpower raze subjugate
    encircle surround bombard detonate dynamite pelt torch snipe behead decapitate murder slay
    strangle altercate assault battle blitz bludgeon pummel pound siege skirmish stone storm raid
    despoil foray pillage plunder ransack loot repel repulse shoot besiege overrun recapture
    butcher massacre slaughter
""".split())


def blocks(text: str) -> list[tuple[str, list[tuple[str, str | None]], list[tuple[str, str]]]]:
    """(header code, [(member, own code)], [(pattern, code)]) per verb block."""
    out: list[tuple[str, list[tuple[str, str | None]], list[tuple[str, str]]]] = []
    for line in text.splitlines():
        head = re.match(r"^---\s+\S+\s+\[([^\]]*)\]\s+---", line)
        if head:
            out.append((head.group(1).strip(), [], []))
            continue
        if not out:
            continue
        body = line.split("#")[0].rstrip()
        if not body.strip():
            continue
        pat = re.match(r"^-\s+(.*?)\s+\[([^\]]*)\]", body)
        if pat:
            out[-1][2].append((pat.group(1).strip(), pat.group(2).strip()))
            continue
        mem = re.match(r"^([A-Z][A-Z_\-]*)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$", body)
        if mem:
            out[-1][1].append((mem.group(1), mem.group(2).strip() if mem.group(2) else None))
    return out


def usable(code: str | None) -> bool:
    table = cameo_table()
    return bool(code) and code not in ("---",) and ":" not in code and not code.startswith("01") and code in table  # type: ignore[operator]


def rows(text: str, hand: set[str]) -> list[tuple[str, str, str, str]]:
    """(cue, kind, cameo, note) rows, in dictionary order, without duplicates."""
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str, str, str]] = []

    def emit(cue: str, kind: str, code: str, note: str) -> None:
        lemma = cue.split()[0]
        if lemma in hand or lemma not in REVIEWED or (cue, kind) in seen:
            return
        seen.add((cue, kind))
        out.append((cue, kind, code, note))

    for header, members, patterns in blocks(text):
        for member, own in members:
            code = own or header
            if not usable(code):
                continue
            words = member.lower().split("_")
            if len(words) == 1 and "-" not in words[0]:
                emit(words[0], "V", code, f"CAMEO.2.0 {member}")
            elif len(words) == 2 and words[1] in PARTICLES:
                emit(" ".join(words), "VP", code, f"CAMEO.2.0 {member}")
    return out


def render(found: list[tuple[str, str, str, str]]) -> str:
    head = ("# Derived from the CAMEO 2.0 verb dictionary (openeventdata/petrarch2, MIT licence) by\n"
            "# tools/build_cameo_cues.py; do not edit by hand (edit cues.tsv: its rows win).\n"
            "cue\tkind\tcameo\ttype\tmode\tframe\tnote\n")
    return head + "".join(f"{c}\t{k}\t{code}\t\t\t\t{note}\n" for c, k, code, note in found)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--source", type=Path, default=SOURCE)
    args = ap.parse_args()
    hand_path = ROOT / "src" / "dyadwatch" / "data" / "cues.tsv"
    # the verbs our table lists, read as the coder reads them ("raid" N is no verb row)
    hand = {c.lemma for c in read_cues(hand_path.read_text(encoding="utf-8"), str(hand_path)) if c.kind != "N"}
    text = args.source.read_text(encoding="utf-8", errors="replace")
    table = render(rows(text, hand))
    write_or_check(OUT, table, "tools/build_cameo_cues.py", args.check)


if __name__ == "__main__":
    main()
