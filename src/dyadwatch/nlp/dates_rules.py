"""Word tables and compiled patterns for :mod:`dyadwatch.nlp.dates`.

Everything here is an immutable module constant, compiled once at import.

For speed the finders scan for a *core* (a month name, a weekday, a 4-digit number, a season
word) and then look at its neighbourhood: ``LEFT_*`` patterns end in ``$`` and are searched in a
short window that ends where the core starts; ``RIGHT_*`` patterns are matched where it ends.

Month and weekday names are matched case-sensitively (capitalised) in the original text, so the
modal verb "may" and the verb "march" are never months. Every other pattern is written in lower
case and runs on the lower-cased sentence.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

MONTHS: Final = MappingProxyType(
    {
        "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
        "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
        "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
        "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
    }
)
FULL_MONTHS: Final = frozenset(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December")
)
WEEKDAYS: Final = MappingProxyType(
    {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5,
     "Sunday": 6}
)
NUMBER_WORDS: Final = MappingProxyType(
    {
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2,
    }
)
ORDINALS: Final = MappingProxyType(
    {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
     "final": 4, "last": 4}
)
#: First month of each season (meteorological, northern hemisphere).
SEASONS: Final = MappingProxyType({"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12})

#: Relative words before a weekday, month or season: "last Friday", "next May", "this summer".
BACKWARD: Final = frozenset({"last", "past", "this past"})
FORWARD: Final = frozenset({"next", "coming", "this coming"})

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
#: A year next to a month name: any 4-digit year 1000-2199.
_ANY_YEAR = r"(?:1\d{3}|20\d\d|21\d\d)"
#: A bare number taken as a year: 1800-2100.
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_NO_NUM_AFTER = r"(?![\w%]|[.,:]\d|[-/–—]\d)"
_REL = r"(?:this\s+past|this\s+coming|last|this|next|past|coming)"
_QUALIFIER = (
    r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|end\s+of|beginning\s+of|start\s+of|middle\s+of)"
)
_YEAR_QUALIFIER = rf"(?:{_QUALIFIER[3:-1]}|fiscal(?:\s+year)?)"

#: Words after a number that make it a quantity whatever precedes it ("in 2000 tonnes").
UNIT_NOUNS: Final = (
    "tonnes|tons|barrels|litres|liters|gallons|hectares|acres|kilometres|kilometers|km|kms|"
    "miles|metres|meters|m|ft|feet|kg|kilograms|pounds|lbs|mw|gw|kw|mwh|gwh|dollars|usd|euros|"
    r"eur|yen|won(?!\s+(?:the|a|an|his|her|its|their|our|power|office|control|re-?election|"
    r"approval|support|by|in|over|against)\b)|yuan|rmb|rupees|rubles|roubles|pesos|francs|"
    "shekels|lira|dinars|riyals|dirhams|naira|billion|million|thousand|trillion|bn|mn|percent|"
    r"per\s+cent|points|pts|times|hours|hrs|minutes|mins|seconds|days|weeks|months|years|"
    "calories|degrees|units|items|pieces|copies|shares|votes|gmt|utc|local\\s+time|hours"
)
#: Nouns counted by a number: a 4-digit number followed by one of these is not a year ("of 1910
#: people", "after 2000 troops arrived", "resulted in 2000 deaths"), except after a temporal
#: preposition at the very start of the sentence ("In 2019 students protested").
COUNTED_NOUNS: Final = (
    "people|persons?|individuals|men|women|children|kids|adults|babies|workers|employees|staff|"
    "jobs|troops|soldiers|servicemen|fighters|militants|rebels|insurgents|police|policemen|"
    "officers|officials|civilians|residents|inhabitants|citizens|voters|seats|members|"
    "delegates|participants|protesters|demonstrators|students|teachers|doctors|nurses|patients|"
    "cases|deaths|dead|killed|casualties|victims|injured|wounded|refugees|migrants|asylum|"
    "prisoners|detainees|hostages|families|households|homes|houses|buildings|villages|schools|"
    "hospitals|beds|tourists|visitors|pilgrims|passengers|vehicles|cars|trucks|tanks|missiles|"
    "rockets|drones|shells|rounds|bombs|aircraft|planes|jets|helicopters|ships|vessels|boats|"
    "signatures|pages|words|companies|firms|projects|sites|locations|cities|towns|countries|"
    "nations|species|animals|cattle|sheep|trees"
)
#: Nouns a year typically modifies: "1965 pact", "2024 election".
EVENT_NOUNS: Final = (
    "pact|treaty|treaties|agreements?|accords?|deals?|elections?|polls?|vote|referendum|"
    r"summits?|wars?|olympics|olympic|games|world\s+cup|cup|invasion|coup|revolution|uprising|"
    "protests?|riots?|attacks?|bombings?|massacre|crisis|conflict|ceasefire|truce|offensive|"
    "campaign|census|budget|reports?|rulings?|decision|verdict|laws?|act|constitution|"
    "resolution|declaration|memorandum|sanctions|talks|negotiations|conference|meeting|visit|"
    "trip|tour|agenda|plan|strategy|review|survey|study|index|edition|season|championship|"
    "tournament|earthquake|floods?|tsunami|pandemic|outbreak|ban|embargo|annexation|"
    "withdrawal|presidency|term|framework|roadmap|communiqu[eé]|statement|amendment|bill|"
    "reforms?"
)

# --- cores -----------------------------------------------------------------------------------
#: A month name or abbreviation ("Sept."); written as a trie, which scans several times faster.
RE_MONTH_CORE: Final = re.compile(
    r"Jan(?:uary\b|\b\.?)|Feb(?:ruary\b|\b\.?)|Mar(?:ch\b|\b\.?)|Apr(?:il\b|\b\.?)|May\b"
    r"|Jun(?:e\b|\b\.?)|Jul(?:y\b|\b\.?)|Aug(?:ust\b|\b\.?)|Sep(?:tember\b|t\b\.?|\b\.?)"
    r"|Oct(?:ober\b|\b\.?)|Nov(?:ember\b|\b\.?)|Dec(?:ember\b|\b\.?)"
)
RE_WEEKDAY_CORE: Final = re.compile(rf"{_WEEKDAY}\b")
#: A 1800-2100 number (the caller checks the character before it with ``NUMBER_CONTEXT``).
RE_YEAR_CORE: Final = re.compile(rf"(?:1[89]\d\d|20\d\d|2100){_NO_NUM_AFTER}")
#: Characters that, right before a number, make it part of an amount, code or longer number.
NUMBER_CONTEXT: Final = frozenset("$€£¥#.,/:'’_")
RE_SEASON_CORE: Final = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\b")

# --- around a month name ---------------------------------------------------------------------
#: Day (and weekday) before the month: "Thursday 19 ", "the 17th of ".
LEFT_DAY: Final = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:[Tt]he\s+)?(?<![\w$€£¥#.,/:-])(?P<d>{_DAY})(?:\s+of)?\s+$"
)
LEFT_WEEKDAY: Final = re.compile(rf"(?P<wd>{_WEEKDAY}),?\s+$")
#: Qualifier kept in the span: "late March 2025", "the end of May 2025", "mid-March 2025".
LEFT_QUALIFIER: Final = re.compile(rf"\b{_QUALIFIER}[\s-]+$")
#: What licenses a month without day or year: "in May", "early May", "last March".
LEFT_MONTH_ALONE: Final = re.compile(
    r"(?:\b(?P<pre>in|since|by|until|till|of|from|through|throughout|during|before|after|"
    r"between|to|and|around)\s+)?"
    rf"(?:\b(?P<q>{_QUALIFIER})[\s-]+)?(?:\b(?P<rel>{_REL})\s+)?$"
)
LEFT_THE: Final = re.compile(r"\bthe\s+$")
RIGHT_DAY_YEAR: Final = re.compile(rf"\s+(?P<d>{_DAY}),?\s+(?P<y>{_ANY_YEAR})\b(?![.,]?\d)")
RIGHT_DAY: Final = re.compile(rf"\s+(?P<d>{_DAY})(?![\w%]|[.,:]?\d)")
RIGHT_YEAR: Final = re.compile(rf",?\s+(?:of\s+)?(?P<y>{_ANY_YEAR})\b(?![.,]?\d)")
RIGHT_DIGIT: Final = re.compile(r"[\s-]*\d")
#: "March last year", "on 3 June of this year" (lower case).
RIGHT_REL_YEAR: Final = re.compile(r",?\s+(?:of\s+)?(?P<r>last|this|next)\s+year\b(?!['’]s)")
REL_YEAR_OFFSET: Final = MappingProxyType({"last": -1, "this": 0, "next": 1})
#: "the May dialogue": the month modifies a noun (lower-case word, not a function word).
RIGHT_NOUN: Final = re.compile(
    r"\s+(?!(?:on|of|in|to|and|or|for|at|by|with|from|was|is|are|were|has|had|have|said|says|"
    r"will|would|could|should|might|must|can|did|does)\b)[a-z]"
)

# --- around a 4-digit number -----------------------------------------------------------------
#: A year licensed by the words before it (lower case). ``pre`` is left out of the span, ``q``
#: and ``q2`` are kept in it.
LEFT_YEAR: Final = re.compile(
    rf"(?:(?P<q2>\b{_YEAR_QUALIFIER}[\s-]+|\bfy\s?|\bend-)"
    r"|(?:\b(?P<pre>in|since|by|until|till|before|after|from|of|during|between|and|to|through|"
    r"throughout|around|circa|the\s+year|the|an?|its|his|her|their|our|whose)\s+|['’]s\s+)"
    rf"(?P<q>{_YEAR_QUALIFIER}[\s-]+)?)$"
)
#: Prepositions after which a sentence-initial year stands even before a counted noun.
TEMPORAL_PREPOSITIONS: Final = frozenset(
    {"in", "since", "until", "till", "before", "after", "during", "throughout", "circa"}
)
#: Words before a year that make it a noun modifier ("the 2018 rulings"), not a time frame.
MODIFIER_PREPOSITIONS: Final = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "our", "whose", "'s", "’s"}
)
LEFT_SENTENCE_START: Final = re.compile(r"^[\s\"“‘'(\[]*$")
RIGHT_COMMA: Final = re.compile(r",")
RIGHT_EVENT_NOUN: Final = re.compile(rf"(?:['’]s)?\s+(?:{EVENT_NOUNS})\b")
#: A unit or counted noun after the number, or after a second number ("1800 to 2000 people").
_SECOND_NUMBER = r"(?:\s*(?:to|and|or|-|–)\s*\d[\d,.]*)?"
RIGHT_UNIT: Final = re.compile(rf"{_SECOND_NUMBER}\s*(?:%|(?:{UNIT_NOUNS})\b)")
RIGHT_COUNTED: Final = re.compile(rf"{_SECOND_NUMBER}\s*(?:{COUNTED_NOUNS})\b")

# The patterns below start with a digit so that the regex engine can skip ahead fast; the caller
# checks the character before a match (``NUMBER_CONTEXT``) instead of a look-behind.
RE_YEAR_RANGE: Final = re.compile(
    rf"(?P<a>{_YEAR})\s?[-–—]\s?(?P<b>{_YEAR}|\d\d){_NO_NUM_AFTER}"
)
#: "2025-06" (year-month, when the two digits are not a range end like "2010-11").
RE_YEAR_MONTH_NUM: Final = re.compile(
    rf"(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2]){_NO_NUM_AFTER}"
)
RE_ISO: Final = re.compile(
    rf"(?P<y>{_ANY_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d){_NO_NUM_AFTER}"
)
RE_NUMERIC: Final = re.compile(
    rf"(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>{_ANY_YEAR}){_NO_NUM_AFTER}"
)
RE_DECADE: Final = re.compile(
    r"(?:(?P<y>1[89]\d0|20\d0)|['’](?P<yy>[3-9]0))s\b"
)
LEFT_DECADE: Final = re.compile(r"\b(?:early|late|mid)[\s-]+$")

# --- quarters and seasons (lower case) -------------------------------------------------------
RE_QUARTER: Final = re.compile(
    r"\b(?:(?P<the>the)\s+)?"
    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+"
    r"(?P<unit>quarter|half)|(?P<qn>q[1-4]|h[12]))"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|(?P<oty>\s+of\s+the\s+year))?\b(?![.,]?\d)"
)
QUICK_QH: Final = re.compile(r"[QH][1-4]")
LEFT_SEASON: Final = re.compile(
    r"(?:\b(?P<pre>in|during|since|by|until|through|throughout|over)\s+(?:the\s+)?"
    rf"|\b(?P<rel>{_REL})\s+)?(?:\b(?P<q>early|late|mid)[\s-]+)?$"
)
RIGHT_SEASON_YEAR: Final = re.compile(rf"\s+(?:of\s+)?(?P<y>{_YEAR})\b(?![.,]?\d)")
RIGHT_OF: Final = re.compile(r"\s+of\b")

# --- weekdays and relative phrases (lower case) ----------------------------------------------
LEFT_REL: Final = re.compile(rf"\b{_REL}\s+$")
#: Named days that are not dates: "Good Friday agreement", "Black Monday", "Super Tuesday".
LEFT_NAMED_DAY: Final = re.compile(
    r"\b(?:Good|Black|Bloody|Super|Ash|Holy|Maundy|Cyber|Palm|Easter|Blue|Giving|Patriots?)\s+$"
)
RIGHT_DAYPART: Final = re.compile(r"\s+(?:morning|afternoon|evening|night)\b")
RE_AGO_CORE: Final = re.compile(
    r"(?P<u>day|week|month|year)s?\s+(?P<dir>ago|earlier|later|before|after)\b"
)
LEFT_COUNT: Final = re.compile(
    r"\b(?P<n>\d{1,3}|a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+$"
)

#: Relative phrases resolved against the publication date: phrase -> (precision, offset in
#: units of that precision). Keys are lower case with single spaces.
RELATIVE: Final = MappingProxyType(
    {
        "today": ("day", 0), "tonight": ("day", 0), "this morning": ("day", 0),
        "this afternoon": ("day", 0), "this evening": ("day", 0),
        "earlier today": ("day", 0), "later today": ("day", 0),
        "yesterday": ("day", -1), "last night": ("day", -1),
        "the day before yesterday": ("day", -2),
        "tomorrow": ("day", 1), "the day after tomorrow": ("day", 2),
        "this week": ("week", 0), "earlier this week": ("week", 0),
        "later this week": ("week", 0), "early this week": ("week", 0),
        "late this week": ("week", 0),
        "last week": ("week", -1), "earlier last week": ("week", -1),
        "early last week": ("week", -1), "late last week": ("week", -1),
        "next week": ("week", 1), "early next week": ("week", 1), "later next week": ("week", 1),
        "late next week": ("week", 1),
        "the past week": ("week", -1), "the last week": ("week", -1),
        "this month": ("month", 0), "earlier this month": ("month", 0),
        "later this month": ("month", 0), "early this month": ("month", 0),
        "late this month": ("month", 0), "earlier in the month": ("month", 0),
        "later in the month": ("month", 0),
        "last month": ("month", -1), "earlier last month": ("month", -1),
        "early last month": ("month", -1), "late last month": ("month", -1),
        "the past month": ("month", -1), "the last month": ("month", -1),
        "next month": ("month", 1), "early next month": ("month", 1),
        "later next month": ("month", 1), "late next month": ("month", 1),
        "this year": ("year", 0), "earlier this year": ("year", 0),
        "later this year": ("year", 0), "early this year": ("year", 0),
        "late this year": ("year", 0), "so far this year": ("year", 0),
        "last year": ("year", -1), "earlier last year": ("year", -1),
        "early last year": ("year", -1), "late last year": ("year", -1),
        "the past year": ("year", -1), "the last year": ("year", -1),
        "next year": ("year", 1), "early next year": ("year", 1),
        "later next year": ("year", 1), "late next year": ("year", 1),
    }
)
#: Keys of RELATIVE that count only after a preposition ("in the last year", not "the last
#: year of his term"); they mean the last *full* period.
NEEDS_PREPOSITION: Final = frozenset(
    {"the past week", "the last week", "the past month", "the last month", "the past year",
     "the last year"}
)
#: Phrases anchored to another event, not to the publication date: phrase -> (precision,
#: offset). Only the year ones are resolved (against a context year); the others are returned
#: with ``date=None`` and basis ``context`` for the caller to resolve.
ANCHORED: Final = MappingProxyType(
    {
        "the previous day": ("day", -1), "the day before": ("day", -1),
        "the following day": ("day", 1), "the next day": ("day", 1), "the day after": ("day", 1),
        "that day": ("day", 0), "the same day": ("day", 0), "that night": ("day", 0),
        "the previous week": ("week", -1), "the week before": ("week", -1),
        "the following week": ("week", 1), "the week after": ("week", 1),
        "that week": ("week", 0), "the same week": ("week", 0),
        "the previous month": ("month", -1), "the month before": ("month", -1),
        "the following month": ("month", 1), "the month after": ("month", 1),
        "that month": ("month", 0), "the same month": ("month", 0),
        "the previous year": ("year", -1), "the year before": ("year", -1),
        "the following year": ("year", 1), "the next year": ("year", 1),
        "the year after": ("year", 1), "that year": ("year", 0), "the same year": ("year", 0),
        "later that year": ("year", 0), "earlier that year": ("year", 0),
    }
)


_Trie = dict[str, "_Trie"]


def _word_trie(phrases: tuple[str, ...]) -> str:
    """One regex for many phrases, nested by shared leading words (much faster to scan than a
    flat alternation; a longer phrase wins over its prefix)."""
    tree: _Trie = {}
    for phrase in phrases:
        node = tree
        for word in phrase.split():
            node = node.setdefault(word, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = []
        for word in sorted((w for w in node if w), key=len, reverse=True):
            child = node[word]
            sub = emit(child)
            tail = rf"(?:\s+{sub})" + ("?" if "" in child else "") if sub else ""
            alts.append(re.escape(word) + tail)
        return "(?:" + "|".join(alts) + ")" if alts else ""

    return emit(tree)


#: Relative and anchored phrases in one pattern (the caller checks the character before a
#: match, and the preposition for ``NEEDS_PREPOSITION`` phrases).
RE_PHRASE: Final = re.compile(rf"{_word_trie(tuple(RELATIVE) + tuple(ANCHORED))}\b")
LEFT_PREPOSITION: Final = re.compile(r"\b(?:in|over|during|within|for|throughout)\s+$")

#: Words in a sentence that make a bare weekday or an ambiguous month point forward.
RE_FUTURE_CUE: Final = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:expected|scheduled|set|due|slated|poised|planning|"
    r"going)\s+to|plans?\s+to|intends?\s+to|to\s+host|upcoming|forthcoming)\b"
)
#: A reporting verb right before a weekday ("said on Thursday"): the weekday is in the past.
LEFT_REPORTING: Final = re.compile(
    r"\b(?:said|says|told|announced|stated|added|reported|confirmed|warned|wrote|tweeted|"
    r"posted|noted|declared|revealed|disclosed)\s+(?:on\s+)?$"
)
