"""The actor knowledge base: countries, persons and their terms of office, named bodies, person
titles and generic agent nouns, read from the packaged TSV files in ``dyadwatch/data`` (format:
``dyadwatch/data/ACTORS.md``) and from user files with the same columns.

Everything is indexed in dictionaries at load time; every lookup normalises its key with
:func:`normalize_key`, so the coder can call the lookups once per mention.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeFileError

#: Sector codes accepted in the data files (CAMEO / PLOVER actor sectors).
SECTORS: frozenset[str] = frozenset(
    {
        "GOV", "MIL", "JUD", "LEG", "PTY", "OPP", "BUS", "CVL", "MED", "IGO", "COP", "REB",
        "EDU", "NGO", "REL", "LAB", "ELI", "REF", "CRM", "SPY", "HLH", "AGR", "ENV", "UAF",
        "MNC", "INS", "SEP",
    }
)  # fmt: skip

#: The controlled vocabulary of offices in ``people.tsv`` and ``titles.tsv``.
ROLES: frozenset[str] = frozenset(
    {
        "president", "vice_president", "prime_minister", "monarch", "foreign_minister",
        "defense_minister", "acting_president", "supreme_leader", "chief_cabinet_secretary",
        "trade_minister", "unification_minister", "secretary_general",
        "official",  # a post the source does not name (people_phoenix.tsv)
    }
)  # fmt: skip

#: Header columns of each kind of knowledge file (the kind of an extra file is read from these).
HEADERS: dict[str, tuple[str, ...]] = {
    "countries": ("iso3", "name", "aliases", "demonyms", "capitals"),
    "people": ("name", "aliases", "surname", "country", "sector", "role", "start", "end", "note"),
    "bodies": ("phrase", "name", "country", "sector", "aliases"),
    "titles": ("phrase", "role", "sector"),
    "agents": ("phrase", "sector", "plural"),
    "places": ("name", "country"),
}

#: The packaged tables in load order: ours, then officials of every country taken from the
#: Phoenix dictionary (tools/build_phoenix_people.py; it skips every person people.tsv lists).
PACKAGED: tuple[tuple[str, str], ...] = (*((kind, f"{kind}.tsv") for kind in HEADERS), ("people", "people_phoenix.tsv"))

#: Columns that may not be empty.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "countries": ("iso3", "name"),
    "people": ("name", "country", "sector", "role", "start"),
    "bodies": ("phrase", "sector"),
    "titles": ("phrase", "sector"),
    "agents": ("phrase", "sector"),
    "places": ("name", "country"),
}

_CODE_RE = re.compile(r"^[A-Z]{3}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
_HYPHENS_RE = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014\u2212]")
_ARTICLE_RE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['\u2019]s$|(?<=s)['\u2019]$")


def fold_latin(text: str) -> str:
    """Latin letters without their accents ("Erdoğan" → "Erdogan", "Lula da Silva" unchanged);
    other scripts untouched (a Japanese voiced mark is not an accent)."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        out.append(base[0] if base[0].isascii() and base[0].isalpha() and len(base) > 1 else ch)
    return "".join(out)


def _straight_quotes(text: str) -> str:
    """Curly quotes and apostrophes made straight. They are all non-ASCII, so ASCII text (most
    names) skips ``str.translate``, which looks up every character."""
    return text if text.isascii() else text.translate(_QUOTES)


def normalize_key(text: str) -> str:
    """The lookup key of a phrase: accents of Latin letters dropped, curly quotes made straight,
    hyphens made spaces, runs of spaces collapsed, and every token case-folded except all-capital
    tokens of at most three letters (``US``, ``UK``, ``EU``, ``U.S.``), which stay case-sensitive
    so that "us" is not the United States."""
    tokens = []
    for token in _HYPHENS_RE.sub(" ", _straight_quotes(fold_latin(text))).split():
        letters = [c for c in token if c.isalpha()]
        if letters and len(letters) <= 3 and all(c.isupper() for c in letters):
            tokens.append(token)
        else:
            tokens.append(token.casefold())
    return " ".join(tokens)


def _person_key(text: str) -> str:
    """Person names are matched ignoring case, spaces, hyphens and full stops: the words of
    :func:`normalize_key` run together and case-folded. Built without normalize_key's per-word
    case rule, which the case-folding undoes (``str.casefold`` works character by character, is
    idempotent and never yields a space or a full stop): the same key at a fraction of the cost,
    which counts for the ~28,000 names and aliases indexed at every start-up."""
    words = _HYPHENS_RE.sub(" ", _straight_quotes(fold_latin(text))).split()
    return "".join(words).casefold().replace(".", "")


def _strip_article(text: str) -> str:
    return _ARTICLE_RE.sub("", text.strip())


def name_key(text: str) -> str:
    """The key a country, capital, body, agent or place name is indexed under: its
    :func:`normalize_key` less a leading "the"."""
    return normalize_key(_strip_article(text))


def _key_variants(phrase: str) -> list[str]:
    """Keys to try for a looked-up phrase: as given (less a leading "the"), then without a
    trailing possessive ("Japan's", "the Pentagon’s")."""
    base = _strip_article(phrase)
    keys = [normalize_key(base)]
    bare = _POSSESSIVE_RE.sub("", base)
    if bare != base:
        keys.append(normalize_key(bare))
    return keys


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Person:
    """One term of office of one person (a person with two terms has two rows)."""

    name: str
    aliases: tuple[str, ...]
    surname: str | None
    country: str
    sector: str
    role: str
    start: _dt.date
    end: _dt.date | None
    note: str | None = None

    def in_office(self, on: _dt.date) -> bool:
        """True when ``on`` falls within the term (both ends included)."""
        return self.start <= on and (self.end is None or on <= self.end)

    def distance(self, on: _dt.date) -> int:
        """Days between ``on`` and the term (0 when in office)."""
        if on < self.start:
            return (self.start - on).days
        if self.end is not None and on > self.end:
            return (on - self.end).days
        return 0


@dataclass(frozen=True, slots=True)
class Body:
    phrase: str
    name: str
    country: str | None
    sector: str


@dataclass(frozen=True, slots=True)
class Title:
    phrase: str
    role: str | None
    sector: str


@dataclass(frozen=True, slots=True)
class Agent:
    phrase: str
    sector: str


# -- reading files ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    values: dict[str, str]


def _split_list(value: str) -> tuple[str, ...]:
    """The items of a ``|``-separated cell; an empty cell (most alias cells) returns at once."""
    if not value:
        return ()
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _read_table(text: str, path: str, expected: str | None = None) -> tuple[str, list[_Row]]:
    """Parse one TSV knowledge file; returns its kind (from the header) and its rows."""
    kind: str | None = None
    columns: tuple[str, ...] = ()
    required: tuple[tuple[int, str], ...] = ()
    rows: list[_Row] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if not stripped or stripped[0] == "#":
            continue
        fields = [f.strip() for f in line.split("\t")]
        if kind is None:
            header = tuple(f.casefold() for f in fields)
            for name, cols in HEADERS.items():
                if header == cols:
                    kind, columns = name, cols
                    break
            else:
                known = "; ".join(f"{k}: {' '.join(c)}" for k, c in HEADERS.items())
                raise KnowledgeFileError(
                    f"unknown header {' '.join(fields)!r} (expected tab-separated columns of one "
                    f"of: {known})",
                    path,
                    lineno,
                )
            if expected is not None and kind != expected:
                raise KnowledgeFileError(f"expected a {expected} file, found {kind}", path, lineno)
            required = tuple((columns.index(col), col) for col in _REQUIRED[kind])
            continue
        if len(fields) > len(columns):
            raise KnowledgeFileError(
                f"expected {len(columns)} tab-separated columns, found {len(fields)}", path, lineno
            )
        fields += [""] * (len(columns) - len(fields))
        for i, col in required:  # by position, before the row's dict is built
            if not fields[i]:
                raise KnowledgeFileError(f"empty required column {col!r}", path, lineno)
        rows.append(_Row(lineno, dict(zip(columns, fields))))
    if kind is None:
        raise KnowledgeFileError("no header row", path)
    return kind, rows


def _code(value: str, path: str, line: int, column: str) -> str:
    if not _CODE_RE.match(value):
        raise KnowledgeFileError(
            f"{column} {value!r} is not a three-letter upper-case code (ISO 3166 alpha-3 or IGO)",
            path,
            line,
        )
    return value


def _sector(value: str, path: str, line: int) -> str:
    if value not in SECTORS:
        raise KnowledgeFileError(f"unknown sector {value!r}", path, line)
    return value


def _role(value: str, path: str, line: int) -> str:
    if value not in ROLES:
        raise KnowledgeFileError(
            f"unknown role {value!r} (one of: {', '.join(sorted(ROLES))})", path, line
        )
    return value


def _date(value: str, path: str, line: int, column: str) -> _dt.date:
    try:
        if not _DATE_RE.match(value):
            raise ValueError(value)
        return _dt.date.fromisoformat(value)
    except ValueError:
        message = f"{column} {value!r} is not a YYYY-MM-DD date"
        raise KnowledgeFileError(message, path, line) from None


def _country_row(row: _Row, path: str) -> Country:
    v = row.values
    demonyms = _split_list(v["demonyms"])
    return Country(
        iso3=_code(v["iso3"], path, row.line, "iso3"),
        name=v["name"],
        aliases=_split_list(v["aliases"]),
        demonyms=tuple(dict.fromkeys(demonyms + tuple(p for d in demonyms if (p := plural(d)) != d))),
        capitals=_split_list(v["capitals"]),
    )


def plural(demonym: str) -> str:
    """The plural of a demonym naming people ("Palestinian" → "Palestinians", "Iraqi" →
    "Iraqis"); the same word where English keeps it ("Japanese", "Swiss", "French", "Dutch")."""
    if demonym.endswith(("ese", "ss", "ch", "sh", "s", "x", "z")) or " " in demonym:
        return demonym
    return demonym + "s"


def _person_row(row: _Row, path: str) -> Person:
    v, line = row.values, row.line
    start = _date(v["start"], path, line, "start")
    end = _date(v["end"], path, line, "end") if v["end"] else None
    if end is not None and end < start:
        raise KnowledgeFileError(f"end {end} is before start {start}", path, line)
    return Person(
        name=v["name"],
        aliases=_split_list(v["aliases"]),
        surname=v["surname"] or None,
        country=_code(v["country"], path, line, "country"),
        sector=_sector(v["sector"], path, line),
        role=_role(v["role"], path, line),
        start=start,
        end=end,
        note=v["note"] or None,
    )


def _body_row(row: _Row, path: str) -> tuple[Body, tuple[str, ...]]:
    v, line = row.values, row.line
    body = Body(
        phrase=v["phrase"],
        name=v["name"] or v["phrase"],
        country=_code(v["country"], path, line, "country") if v["country"] else None,
        sector=_sector(v["sector"], path, line),
    )
    return body, _split_list(v["aliases"])


def _title_row(row: _Row, path: str) -> Title:
    v, line = row.values, row.line
    return Title(
        phrase=v["phrase"],
        role=_role(v["role"], path, line) if v["role"] else None,
        sector=_sector(v["sector"], path, line),
    )


def _agent_row(row: _Row, path: str) -> tuple[Agent, str | None]:
    v = row.values
    agent = Agent(phrase=v["phrase"], sector=_sector(v["sector"], path, row.line))
    return agent, v["plural"] or None


class _Collector:
    """Accumulates rows of all files in load order before the indexes are built."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.people: list[Person] = []
        self.bodies: dict[str, tuple[Body, tuple[str, ...]]] = {}
        self.titles: dict[str, Title] = {}
        self.agents: dict[str, tuple[Agent, str | None]] = {}
        self.places: dict[str, str] = {}

    def add(self, text: str, path: str, expected: str | None = None) -> None:
        kind, rows = _read_table(text, path, expected)
        seen: set[str] = set()
        for row in rows:
            if kind == "countries":
                country = _country_row(row, path)
                if country.iso3 in seen:
                    raise KnowledgeFileError(f"duplicate iso3 {country.iso3}", path, row.line)
                seen.add(country.iso3)
                # a later file's row replaces an earlier one and takes precedence in the indexes
                self.countries.pop(country.iso3, None)
                self.countries[country.iso3] = country
            elif kind == "people":
                self.people.append(_person_row(row, path))
            elif kind == "bodies":
                body, aliases = _body_row(row, path)
                key = normalize_key(body.phrase)
                self.bodies.pop(key, None)
                self.bodies[key] = (body, aliases)
            elif kind == "titles":
                title = _title_row(row, path)
                key = normalize_key(title.phrase)
                self.titles.pop(key, None)
                self.titles[key] = title
            elif kind == "places":
                v = row.values
                code = _code(v["country"], path, row.line, "country")
                if code not in self.countries:
                    raise KnowledgeFileError(f"country {code!r} is not in the countries table", path, row.line)
                self.places[name_key(v["name"])] = code
            else:
                agent, plural = _agent_row(row, path)
                key = normalize_key(agent.phrase)
                self.agents.pop(key, None)
                self.agents[key] = (agent, plural)


def _surface_variants(text: str) -> list[str]:
    out = [text]
    if "-" in text:
        out.append(text.replace("-", " "))
    folded = fold_latin(text)
    if folded != text:  # "Erdoğan" is also written "Erdogan"
        out += _surface_variants(folded)
    return out


class KnowledgeBase:
    """Indexed actor knowledge. Build with :meth:`load`."""

    def __init__(
        self,
        countries: Iterable[Country],
        people: Iterable[Person],
        bodies: Iterable[tuple[Body, tuple[str, ...]]],
        titles: Iterable[Title],
        agents: Iterable[tuple[Agent, str | None]],
        places: dict[str, str] | None = None,
    ) -> None:
        self.countries: tuple[Country, ...] = tuple(countries)
        self.people: tuple[Person, ...] = tuple(people)
        self._bodies: tuple[tuple[Body, tuple[str, ...]], ...] = tuple(bodies)
        self.bodies: tuple[Body, ...] = tuple(b for b, _ in self._bodies)
        self.titles: tuple[Title, ...] = tuple(titles)
        self._agents: tuple[tuple[Agent, str | None], ...] = tuple(agents)
        self.agents: tuple[Agent, ...] = tuple(a for a, _ in self._agents)

        self._by_code: dict[str, Country] = {}
        self._country_names: dict[str, Country] = {}
        self._demonyms: dict[str, Country] = {}
        self._capitals: dict[str, Country] = {}
        for c in self.countries:
            self._by_code[c.iso3] = c
            for form in (c.name, *c.aliases):
                self._country_names[name_key(form)] = c
            for form in c.demonyms:
                self._demonyms[normalize_key(form)] = c
            for form in c.capitals:
                self._capitals[name_key(form)] = c

        self._person_names: dict[str, list[Person]] = {}
        self._surnames: dict[str, list[Person]] = {}
        self._offices: dict[tuple[str, str], list[Person]] = {}
        for p in self.people:
            for form in {_person_key(f) for f in (p.name, *p.aliases)}:
                self._person_names.setdefault(form, []).append(p)
            if p.surname:
                self._surnames.setdefault(_person_key(p.surname), []).append(p)
            self._offices.setdefault((p.country, p.role), []).append(p)

        self._body_index: dict[str, Body] = {}
        for body, _ in self._bodies:  # full names first: phrases and aliases take precedence
            self._body_index[name_key(body.name)] = body
        for body, aliases in self._bodies:
            for form in (body.phrase, *aliases):
                self._body_index[name_key(form)] = body

        #: cities and regions (places.tsv): normalised name -> iso3; a country's own names win
        self._places: dict[str, str] = {k: v for k, v in (places or {}).items() if v in self._by_code}
        # (a file's rows are checked against the countries when read; a KnowledgeBase built by
        # hand may pass any mapping, of which unknown countries are left out)
        self._title_index: dict[str, Title] = {normalize_key(t.phrase): t for t in self.titles}
        self._agent_index: dict[str, Agent] = {}
        for agent, plural in self._agents:
            self._agent_index[normalize_key(agent.phrase)] = agent
            if plural:
                self._agent_index[normalize_key(plural)] = agent

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, extra_files: Iterable[Path] = ()) -> KnowledgeBase:
        """The packaged knowledge files, then each extra file in order (its kind is read from
        its header row). A row of a later file replaces an earlier row with the same key (iso3
        for countries, phrase for bodies, titles and agents); person rows are added.

        Raises :class:`~dyadwatch.errors.KnowledgeFileError` (with path and line) for a file
        that cannot be read or a malformed row."""
        collector = _Collector()
        data = resources.files("dyadwatch").joinpath("data")
        for kind, name in PACKAGED:
            resource = data.joinpath(name)
            collector.add(resource.read_text(encoding="utf-8-sig"), str(resource), kind)
        for path in extra_files:
            try:
                text = Path(path).read_text(encoding="utf-8-sig")
            except UnicodeDecodeError as err:
                raise KnowledgeFileError(f"not UTF-8 text ({err.reason})", str(path)) from None
            except OSError as err:
                raise KnowledgeFileError(f"cannot read file ({err.strerror})", str(path)) from None
            collector.add(text, str(path))
        return cls(
            collector.countries.values(),
            collector.people,
            collector.bodies.values(),
            collector.titles.values(),
            collector.agents.values(),
            collector.places,
        )

    # -- countries -------------------------------------------------------------------------
    def country(self, phrase: str) -> Country | None:
        """The country named by a name, alias, demonym or capital (``"the U.S."``,
        ``"Japan's"``, ``"North Korean"``, ``"Seoul"``), or None."""
        for key in _key_variants(phrase):
            for index in (self._country_names, self._demonyms, self._capitals):
                found = index.get(key)
                if found is not None:
                    return found
        return None

    def place(self, phrase: str) -> Country | None:
        """The country of a city or region (``"Kirkuk"``, ``"Los Angeles"``), or of a name
        :meth:`country` knows; None for an unknown place."""
        found = self.country(phrase)
        if found is not None:
            return found
        for key in _key_variants(phrase):
            iso3 = self._places.get(key)
            if iso3 is not None:
                return self._by_code[iso3]
        return None

    def country_by_code(self, iso3: str) -> Country | None:
        return self._by_code.get(iso3)

    def is_capital(self, phrase: str) -> bool:
        """True when the phrase is a capital used as a metonym ("Tokyo", "Washington") and not
        also a country name or demonym (Singapore is the country)."""
        for key in _key_variants(phrase):
            if key in self._country_names or key in self._demonyms:
                return False
            if key in self._capitals:
                return True
        return False

    # -- persons ---------------------------------------------------------------------------
    def persons(self, phrase: str, on: _dt.date | None = None) -> list[Person]:
        """Terms of office of persons named by a full name, alias or surname (ignoring case,
        spaces and hyphens). Without ``on``: most recent term first. With ``on``: terms in
        office on that day first (latest start first), then the others by the distance of
        their term to ``on``."""
        found: list[Person] = []
        for key in dict.fromkeys(_person_key(k) for k in _key_variants(phrase)):
            for index in (self._person_names, self._surnames):
                for p in index.get(key, ()):
                    if p not in found:
                        found.append(p)
            if found:
                break
        if on is None:
            found.sort(key=lambda p: p.start, reverse=True)
        else:
            found.sort(key=lambda p: (p.distance(on), -p.start.toordinal()))
        return found

    def office_holder(self, country: str, role: str, on: _dt.date) -> Person | None:
        """Who held ``role`` in ``country`` on a day. Where several terms cover the day (a
        hand-over day, or an acting president standing in for a suspended president), the one
        that started last wins. ``"president"`` also considers acting presidents, so on
        2025-01-15 the South Korean "president" is acting president Choi Sang-mok."""
        candidates = list(self._offices.get((country, role), ()))
        if role == "president":
            candidates += self._offices.get((country, "acting_president"), ())
        serving = [p for p in candidates if p.in_office(on)]
        if not serving:
            return None
        return max(serving, key=lambda p: p.start)

    # -- bodies, titles, agents ------------------------------------------------------------
    def body(self, phrase: str) -> Body | None:
        for key in _key_variants(phrase):
            found = self._body_index.get(key)
            if found is not None:
                return found
        return None

    def title(self, phrase: str) -> Title | None:
        return self._title_index.get(normalize_key(phrase))

    def agent(self, phrase: str) -> Agent | None:
        return self._agent_index.get(name_key(phrase))

    # -- matcher patterns ------------------------------------------------------------------
    def patterns(self) -> Iterator[tuple[str, str]]:
        """Every surface form, as ``(text, kind)`` with kind one of ``country``, ``demonym``,
        ``capital``, ``person``, ``surname``, ``body``, ``title``, ``agent``; hyphenated forms
        also come with spaces ("Yoon Suk-yeol", "Yoon Suk yeol"). Each pair comes once."""
        seen: set[tuple[str, str]] = set()

        def emit(forms: Iterable[str], kind: str) -> Iterator[tuple[str, str]]:
            for form in forms:
                for text in _surface_variants(form):
                    if (text, kind) not in seen:
                        seen.add((text, kind))
                        yield text, kind

        for c in self.countries:
            yield from emit((c.name, *c.aliases), "country")
            yield from emit(c.demonyms, "demonym")
            yield from emit(c.capitals, "capital")
        for p in self.people:
            yield from emit((p.name, *p.aliases), "person")
            if p.surname:
                yield from emit((p.surname,), "surname")
        for body, aliases in self._bodies:
            yield from emit((body.phrase, body.name, *aliases), "body")
        for t in self.titles:
            yield from emit((t.phrase,), "title")
        for agent, plural in self._agents:
            yield from emit((agent.phrase, *((plural,) if plural else ())), "agent")
