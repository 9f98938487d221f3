"""Loaders of the external evaluation suites in ``../shared/data`` (each folder's SOURCE.md gives
the format, licence and counts). Every loader returns a :class:`~dyadwatch.evaluation.types.Suite`
whose gold labels are already mapped to current PLOVER types (tables in :mod:`.mappings`).

Suites and what they measure:

- ``plover``: the PLOVER GSR, CAMEO-manual sentences hand-coded in PLOVER 0.5b1 (type, actors,
  mode);
- ``universalpetrarch``: PETRARCH-2 validation records, mostly real wire sentences with CAMEO
  codes and Phoenix actor codes;
- ``conflibert``: ConfliBERT's CAMEO five-class sentence classification test split;
- ``case2021``: CASE 2021 task 2 snippets with ACLED sub-event types, mapped to PLOVER types;
- ``petrarch2``: PETRARCH-2 unit tests, constructed sentences coded with toy dictionaries;
- ``ja``, ``ko``: our own Japanese and Korean sentences, labelled by us (packaged in
  ``dyadwatch/data/eval``, format in its README.md); another file of the same format can be
  scored with ``dyadwatch eval ja --file PATH``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .mappings import (
    ACLED_LEFT_OUT,
    ACLED_TO_PLOVER,
    PENTACLASS_NAMES,
    PLOVER_CODE_FIXES,
    cameo_entry,
    current_mode,
    phoenix_country,
    plover05,
)
from .types import Case, GoldEvent, Suite

SUITE_NAMES: tuple[str, ...] = (
    "plover",
    "universalpetrarch",
    "conflibert",
    "case2021",
    "petrarch2",
    "ja",
    "ko",
)
#: Suites written by us and shipped with the package (not in ../shared/data).
PACKAGED_SUITES: tuple[str, ...] = ("ja", "ko")

#: Files of each suite, relative to the data folder.
SUITE_FILES: dict[str, str] = {
    "plover": "plover/PLOVER_GSR_CAMEO.txt",
    "universalpetrarch": "universalpetrarch-gsr/PETR2_GSR_validation.xml",
    "conflibert": "conflibert-cameo/cameo_class/test.tsv",
    "case2021": "case2021-task2/test_set_final_release_with_labels.tsv",
    "petrarch2": "petrarch2-unittest/PETR.UnitTest.records.xml",
}


def load_suite(name: str, data_dir: Path, limit: int | None = None, file: Path | None = None) -> Suite:
    """Load one suite from ``data_dir`` (the folder holding the suites, normally
    ``../shared/data``; the ``ja`` and ``ko`` suites come with the package, or from ``file``).
    ``limit`` keeps the first N cases in file order.

    Raises :class:`~dyadwatch.errors.ConfigError` for an unknown name, a missing or unreadable
    file (the message names the path) or a label that no mapping covers."""
    loaders: dict[str, Callable[[Path], Suite]] = {
        "plover": _load_plover,
        "universalpetrarch": _load_universalpetrarch,
        "conflibert": _load_conflibert,
        "case2021": _load_case2021,
        "petrarch2": _load_petrarch2,
        "ja": lambda p: _load_native(p, "ja"),
        "ko": lambda p: _load_native(p, "ko"),
    }
    if name not in loaders:
        raise ConfigError(f"unknown evaluation suite {name!r}; known: {', '.join(SUITE_NAMES)}")
    if limit is not None and limit < 0:
        raise ConfigError(f"suite limit must be 0 or more, not {limit}")
    path = require_file(file, f"the {name} suite") if file is not None else suite_path(name, data_dir)
    suite = loaders[name](path)
    seen: set[str] = set()
    for case in suite.cases:
        if case.case_id in seen:
            raise ConfigError(f"{path}: case id {case.case_id!r} occurs twice")
        seen.add(case.case_id)
    if limit is None:
        return suite
    return Suite(
        name=suite.name,
        description=suite.description,
        cases=suite.cases[:limit],
        left_out=suite.left_out,
        notes=suite.notes,
    )


def suite_path(name: str, data_dir: Path) -> Path:
    """The data file of a suite; :class:`ConfigError` naming the path when it is missing."""
    if name in PACKAGED_SUITES:
        from importlib import resources

        return require_file(Path(str(resources.files("dyadwatch.data").joinpath("eval").joinpath(f"{name}.tsv"))),
                            f"the {name} suite")  # fmt: skip
    if name not in SUITE_FILES:
        raise ConfigError(f"unknown evaluation suite {name!r}; known: {', '.join(SUITE_NAMES)}")
    return require_file(data_dir / SUITE_FILES[name], f"the {name} suite")


def require_file(path: Path, what: str) -> Path:
    """``path`` if it is a file, else :class:`ConfigError` naming it."""
    if not path.is_file():
        raise ConfigError(f"{path}: data file for {what} not found (is ../shared/data present?)")
    return path


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The file's text; :class:`ConfigError` naming the path when it cannot be read or decoded."""
    try:
        return path.read_text(encoding=encoding)
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read ({err})") from err


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _yyyymmdd(value: str | None) -> _dt.date | None:
    if value is None or not re.fullmatch(r"\d{8}", value):
        return None
    try:
        return _dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def _cameo_event(code: str, source: frozenset[str], target: frozenset[str]) -> GoldEvent:
    entry = cameo_entry(code)
    return GoldEvent(
        event_type=entry.plover if entry else None,
        source=source,
        target=target,
        cameo=code,
        mode=current_mode(entry.plover, entry.mode) if entry else None,
        original_label=code,
    )


def _unmapped_codes(cases: list[Case]) -> dict[str, str]:
    """Left-out entries for the CAMEO codes that have no PLOVER type, with their event counts."""
    counts = Counter(e.cameo for c in cases for e in c.events if e.event_type is None and e.cameo)
    left_out = {}
    for code, n in sorted(counts.items()):
        why = (
            "CAMEO 01 public statement, which PLOVER dropped"
            if code.startswith("01")
            else "not a CAMEO code (PETRARCH toy verb dictionary)"
        )
        left_out[code] = f"{why}; kept with event_type None ({n} event{'s' if n != 1 else ''})"
    return left_out


# -- plover --------------------------------------------------------------------------------------


def plover_records(path: Path) -> list[dict[str, Any]]:
    """The coded records of the PLOVER GSR file (the DOCUMENT header left out)."""
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as err:
        raise ConfigError(f"{path}: not valid JSON ({err})") from err
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a JSON array of records")
    records = [r for r in data if isinstance(r, dict) and r.get("event") != "DOCUMENT"]
    for record in records:
        if not isinstance(record.get("id"), str) or not isinstance(record.get("text"), str):
            raise ConfigError(f"{path}: record without id or text: {str(record)[:80]}")
    return records


def _plover_codes(actors: object) -> frozenset[str]:
    """Actor codes of a GSR ``source``/``target`` field. Non-list values ("" and one stray
    "diplomatic", a context misplaced into ``target``) mean no actor."""
    if not isinstance(actors, list):
        return frozenset()
    codes = set()
    for actor in actors:
        code = actor.get("code") if isinstance(actor, dict) else None
        if isinstance(code, str) and code.strip():
            code = code.strip().upper()
            codes.add(PLOVER_CODE_FIXES.get(code, code))
    return frozenset(codes)


def _load_plover(path: Path) -> Suite:
    cases = []
    seen: Counter[str] = Counter()
    for record in plover_records(path):
        # One id (PLOVER-GSR01-COERCE-0004) is used by two records; the second becomes "...#2".
        seen[record["id"]] += 1
        n = seen[record["id"]]
        case_id = record["id"] if n == 1 else f"{record['id']}#{n}"
        label = str(record.get("event"))
        raw_mode = record.get("mode")
        try:
            event_type, mode = plover05(label, raw_mode if isinstance(raw_mode, str) else None)
        except ConfigError as err:
            raise ConfigError(f"{path}: record {case_id}: {err.message}") from err
        event = GoldEvent(
            event_type=event_type,
            source=_plover_codes(record.get("source")),
            target=_plover_codes(record.get("target")),
            mode=mode,
            original_label=label,
        )
        cases.append(
            Case(suite="plover", case_id=case_id, text=record["text"].strip(), events=(event,))
        )
    return Suite(
        name="plover",
        description="PLOVER GSR: CAMEO-manual example sentences hand-coded in PLOVER 0.5b1 "
        "(type, actors, mode); one event per sentence",
        cases=tuple(cases),
        notes=(
            (
                "Labels mapped from PLOVER 0.5b1 to the current manual "
                "(mappings.PLOVER05_TO_CURRENT): DEMAND->REQUEST, DISAPPROVE->ACCUSE, "
                "INVESTIGATE->ACCUSE (mode investigate), FIGHT->ASSAULT; the 0.5 label is kept as "
                "original_label."
            ),
            (
                "0.5 modes renamed to current ones (mappings.PLOVER05_MODE_TO_CURRENT); COERCE "
                "records with mode destroy or firearms become ASSAULT, as in CAMEO2PLOVER-2021."
            ),
            (
                "Actors are the GSR's country codes as given (IGO, NGO, IMG, ISM kept); JAP, ITL "
                "and VTN corrected to JPN, ITA and VNM. The record date is a placeholder and is "
                "not used. The id PLOVER-GSR01-COERCE-0004 occurs twice; the second record "
                "is ...-0004#2."
            ),
            (
                "The sentences come from the CAMEO manual: 257 of them are also in the conflibert "
                "suite and 142 in the CAMEO codebook examples (exact after normalisation, see "
                "evaluation.leakage); do not tune on those sets."
            ),
        ),
    )


# -- universalpetrarch ---------------------------------------------------------------------------

_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_ATTR_RE = re.compile(r'([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"')
_EVENT_RE = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT_RE = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)


def _attrs(fragment: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR_RE.findall(fragment)}


_PARSE_RE = re.compile(r"<Parse>(.*?)</Parse>", re.DOTALL)
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([.,;:!?)\]}%]|'s\b|n't\b)")


def _text_from_conllu(parse: str) -> str:
    """The sentence of a CoNLL-U parse: the token forms, with SpaceAfter=No honoured and no space
    before closing punctuation. Used for the one record whose <Text> is empty."""
    out: list[str] = []
    for line in parse.splitlines():
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue  # comments, multiword ranges, empty nodes
        out.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", "".join(out)).strip()


def _load_universalpetrarch(path: Path) -> Suite:
    text = _COMMENT_RE.sub("", read_text(path))
    start = text.find("<Sentences>")
    if start < 0:
        raise ConfigError(f"{path}: no <Sentences> element")
    cases: list[Case] = []
    for chunk in text[start:].split("<Sentence ")[1:]:
        head = _attrs(chunk[: chunk.find(">")])
        case_id = head.get("id")
        body = _TEXT_RE.search(chunk)
        parse = _PARSE_RE.search(chunk)
        text = _one_line(html.unescape(body.group(1))) if body else ""
        if not text and parse:
            text = _text_from_conllu(html.unescape(parse.group(1)))
        if not case_id or not text:
            raise ConfigError(f"{path}: <Sentence> record without id or text: {chunk[:80]!r}")
        events = []
        no_event = False
        for match in _EVENT_RE.finditer(chunk):
            coding = _attrs(match.group(1))
            if coding.get("noevents", "").lower() == "true":
                no_event = True
                continue
            code = coding.get("eventcode")
            if not code:
                raise ConfigError(f"{path}: {case_id}: <EventCoding> without eventcode")
            events.append(
                _cameo_event(
                    code,
                    _phoenix_set(coding.get("sourcecode", "")),
                    _phoenix_set(coding.get("targetcode", "")),
                )
            )
        if no_event and events:
            raise ConfigError(f"{path}: {case_id}: both noevents and expected events")
        cases.append(
            Case(
                suite="universalpetrarch",
                case_id=case_id,
                text=text,
                events=tuple(events),
                date=_yyyymmdd(head.get("date")),
                no_event=no_event,
            )
        )
    return Suite(
        name="universalpetrarch",
        description="UniversalPetrarch GSR: PETRARCH-2 validation records (real AFP/wire and "
        "constructed sentences) with expected CAMEO codes and Phoenix actor codes",
        cases=tuple(cases),
        left_out=_unmapped_codes(cases),
        notes=(
            (
                "The file is not well-formed XML; records are split on '<Sentence ' with regexes "
                "(comments removed first)."
            ),
            (
                "CAMEO codes mapped with the project's CAMEO table (code, else first 3, else first "
                "2 characters); mode from the same table when the current manual defines it."
            ),
            (
                "Actors: Phoenix codes reduced to a country (first 3 letters when a known ISO3 "
                "code; IGO... -> IGO); '---' (unknown country) and IMG... (militant groups) give "
                "no actor."
            ),
            (
                "Expected codes were first produced by PETRARCH-2 and then hand-corrected: a "
                "silver/gold mix. One record has the 6-digit date '121108', read as no date; one "
                "(abc12_3) has an empty <Text>, rebuilt from its CoNLL-U parse."
            ),
        ),
    )


def _phoenix_set(code: str) -> frozenset[str]:
    country = phoenix_country(code) if code else None
    return frozenset({country}) if country else frozenset()


# -- conflibert ----------------------------------------------------------------------------------


def conflibert_rows(path: Path) -> list[tuple[int, str, str]]:
    """(line number, sentence, label) of a ConfliBERT ``cameo_class`` TSV (CRLF, no header)."""
    rows = []
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        sentence, sep, label = line.rpartition("\t")
        if not sep or label not in PENTACLASS_NAMES or not sentence.strip():
            raise ConfigError(f"{path}:{number}: expected 'sentence<TAB>label' with label 0-4")
        rows.append((number, sentence.strip(), label))
    return rows


def _load_conflibert(path: Path) -> Suite:
    cases = tuple(
        Case(suite="conflibert", case_id=f"test-{number}", text=sentence, label=label)
        for number, sentence, label in conflibert_rows(path)
    )
    names = ", ".join(f"{k} = {v}" for k, v in PENTACLASS_NAMES.items())
    return Suite(
        name="conflibert",
        description="ConfliBERT CAMEO test split: CAMEO-manual sentences with a five-class "
        "(pentaclass) label",
        cases=cases,
        notes=(
            f"Classes (inferred in conflibert-cameo/SOURCE.md): {names}.",
            (
                "Class by CAMEO root (mappings.CAMEO_ROOT_TO_PENTACLASS): 01-02 -> 0, 03-05 -> 1, "
                "06-08 -> 2, 09-13 and 16 -> 3, 14-15 and 17-20 -> 4."
            ),
            (
                "PLOVER has no statement/appeal category; class 0 sentences are expected to get "
                "no PLOVER event or REQUEST (CAMEO 02 appeals)."
            ),
            (
                "Not independent of the other suites: 257 of the 450 distinct test sentences are "
                "PLOVER GSR sentences and 64 are UniversalPetrarch sentences (exact after "
                "normalisation, see evaluation.leakage); ConfliBERT's train split shares none."
            ),
        ),
    )


# -- case2021 ------------------------------------------------------------------------------------

_CASE_HEADER = ("id", "EventSnippet", "SubType")


def _load_case2021(path: Path) -> Suite:
    reader = csv.reader(
        io.StringIO(read_text(path), newline=""), delimiter="\t", quoting=csv.QUOTE_NONE
    )
    rows = list(reader)
    if not rows or tuple(rows[0]) != _CASE_HEADER:
        raise ConfigError(f"{path}: expected the header {' / '.join(_CASE_HEADER)}")
    cases: list[Case] = []
    skipped: Counter[str] = Counter()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 3:
            raise ConfigError(f"{path}:{number}: expected 3 tab-separated fields, got {len(row)}")
        case_id, snippet, subtype = (cell.strip() for cell in row)
        if subtype in ACLED_LEFT_OUT:
            skipped[subtype] += 1
            continue
        if subtype not in ACLED_TO_PLOVER:
            raise ConfigError(
                f"{path}:{number}: unknown CASE 2021 label {subtype!r}: add it to "
                "mappings.ACLED_TO_PLOVER or ACLED_LEFT_OUT"
            )
        cases.append(
            Case(suite="case2021", case_id=case_id, text=snippet, label=ACLED_TO_PLOVER[subtype])
        )
    return Suite(
        name="case2021",
        description="CASE 2021 task 2: news snippets with one ACLED-style event type, mapped to a "
        "PLOVER type (snippet-level classification)",
        cases=tuple(cases),
        left_out={
            label: f"{reason} ({skipped[label]} snippets)"
            for label, reason in ACLED_LEFT_OUT.items()
            if skipped[label]
        },
        notes=(
            (
                "Labels mapped with mappings.ACLED_TO_PLOVER: battles, explosions, attacks, "
                "abductions, sexual violence, mob violence, force against protesters and property "
                "destruction -> ASSAULT; protests and violent demonstrations -> PROTEST; arrests "
                "and disrupted weapons -> COERCE; agreements -> AGREE; DIPLO (mostly sanctions and "
                "expulsions) -> SANCTION."
            ),
            (
                "Snippets may hold several sentences and several events; the gold label is the "
                "snippet's main event type. No actors, dates or spans."
            ),
        ),
    )


# -- petrarch2 -----------------------------------------------------------------------------------


def _load_petrarch2(path: Path) -> Suite:
    try:
        root = ET.fromstring(read_text(path))
    except ET.ParseError as err:
        raise ConfigError(f"{path}: not well-formed XML ({err})") from err
    cases: list[Case] = []
    not_sentences = 0
    errors: Counter[str] = Counter()
    for sentence in root.iter("Sentence"):
        case_id = sentence.get("id")
        text = sentence.findtext("Text")
        if not case_id or text is None:
            raise ConfigError(f"{path}: <Sentence> without id or <Text>")
        if sentence.get("sentence") != "true":
            not_sentences += 1
            continue
        codings = sentence.findall("EventCoding")
        error_kinds = [c.get("error", "") for c in codings if c.get("error")]
        if error_kinds:
            errors.update(error_kinds)
            continue
        events = tuple(
            _cameo_event(
                c.get("eventcode", "").strip(),
                _toy_actor(c.get("sourcecode", "")),
                _toy_actor(c.get("targetcode", "")),
            )
            for c in codings
            if c.get("eventcode", "").strip()
        )
        no_event = any(c.get("noevents", "").lower() == "true" for c in codings)
        cases.append(
            Case(
                suite="petrarch2",
                case_id=case_id,
                text=_one_line(text),
                events=events,
                date=_yyyymmdd(sentence.get("date")),
                no_event=no_event,
            )
        )
    skipped = ", ".join(f"{k} {n}" for k, n in sorted(errors.items()))
    return Suite(
        name="petrarch2",
        description="PETRARCH-2 unit tests: mostly constructed sentences with fictional actors, "
        "expected CAMEO codes from toy dictionaries",
        cases=tuple(cases),
        left_out=_unmapped_codes(cases),
        notes=(
            (
                "Uses the toy validation dictionaries of PETRARCH (fictional actors such as Arnor "
                "and Gondor, verb codes 'tweaked quite unsystematically'): a behaviour check of "
                "compound actors, agents, passives and no-event cases, not a measure of accuracy. "
                "Do not tune the coder to it."
            ),
            (
                "Actors: a real country where phoenix_country finds one, else the code as given "
                "(toy codes, quoted actor text); '---' and '###' give no actor. CAMEO codes mapped "
                "like universalpetrarch. One sentence (PATTERN-06) has no expected coding at all: "
                "kept with no events and no_event False."
            ),
            (
                f'Skipped: {not_sentences} records with sentence="false" and '
                f"{sum(errors.values())} error records ({skipped})."
            ),
        ),
    )


def _toy_actor(code: str) -> frozenset[str]:
    """A real country where there is one, else the toy code as given; "---..." (unknown country)
    and "###" (an old TABARI discard marker) mean no actor."""
    code = code.strip()
    if not code or code.startswith(("---", "###")):
        return frozenset()
    return frozenset({phoenix_country(code) or code})


# ---------------------------------------------------------------------------------------------
# ja, ko: our own suites

_NATIVE_EVENT = re.compile(r"^([A-Z]+)\s+([A-Z+]*)>([A-Z+]*)(?:@(negated|future|hypothetical))?$")


def _load_native(path: Path, lang: str) -> Suite:
    """Our Japanese or Korean suite: ``id, published, text, events, date, note`` (TSV).
    ``events`` is ``-`` or ``;``-separated ``TYPE SRC>TGT[@status]`` with ``+``-joined ISO codes.
    A negated event is not expected (the coder's negated events are not counted either)."""
    from ..coding.ontology import PLOVER_TYPES

    cases: list[Case] = []
    header: list[str] | None = None
    for lineno, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if header[:4] != ["id", "published", "text", "events"]:
                raise ConfigError(f"{path}:{lineno}: header must start id, published, text, events")
            continue
        row = dict(zip(header, cells, strict=False))
        published = _iso_date(row.get("published", ""), path, lineno)
        events: list[GoldEvent] = []
        negated = 0
        spec = (row.get("events") or "").strip()
        for item in ([] if spec == "-" else [x.strip() for x in spec.split(";") if x.strip()]):
            m = _NATIVE_EVENT.match(item)
            if m is None or m[1] not in PLOVER_TYPES:
                raise ConfigError(f"{path}:{lineno}: bad event {item!r} (TYPE SRC>TGT[@status])")
            if m[4] == "negated":
                negated += 1
                continue
            side = lambda codes: frozenset(c for c in codes.split("+") if c)  # noqa: E731
            events.append(GoldEvent(m[1], side(m[2]), side(m[3]), date=(row.get("date") or "").strip() or None))
        if not spec:
            raise ConfigError(f"{path}:{lineno}: events column is empty (write - for no event)")
        cases.append(Case(lang, row["id"].strip(), row["text"].strip(), tuple(events), date=published,
                          no_event=not events))  # fmt: skip
    names = {"ja": "Japanese", "ko": "Korean"}
    return Suite(
        name=lang,
        description=f"dyadwatch's own {names[lang]} sentences, labelled by us (PLOVER type, countries, date)",
        cases=tuple(cases),
        notes=("written and labelled independently of the Japanese/Korean lexicons (data/eval/README.md)",),
    )


def _iso_date(value: str, path: Path, lineno: int) -> _dt.date | None:
    if not value.strip():
        return None
    try:
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{path}:{lineno}: published must be YYYY-MM-DD, not {value!r}") from None
