"""The words and patterns of amounts (:mod:`.amounts`): currencies, units, scale words,
qualifiers, and the spans that hold digits but no amount. Documented in docs/indicators.md."""

from __future__ import annotations

import re

#: Written currency names → ISO 4217, longest first when matching. An unqualified "dollar" is USD.
CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "u.s. dollar": "USD",
    "american dollars": "USD", "dollars": "USD", "dollar": "USD",
    "hong kong dollars": "HKD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "singapore dollars": "SGD", "new zealand dollars": "NZD", "new taiwan dollars": "TWD",
    "taiwan dollars": "TWD", "taiwanese dollars": "TWD",
    "yen": "JPY", "japanese yen": "JPY",
    "won": "KRW", "korean won": "KRW", "south korean won": "KRW", "north korean won": "KPW",
    "euros": "EUR", "euro": "EUR",
    "yuan": "CNY", "chinese yuan": "CNY", "renminbi": "CNY",
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "british pounds": "GBP",
    "rupees": "INR", "indian rupees": "INR", "pakistani rupees": "PKR",
    "roubles": "RUB", "rubles": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "shekels": "ILS",
    "swiss francs": "CHF", "rupiah": "IDR", "baht": "THB", "ringgit": "MYR", "dong": "VND",
    "riyals": "SAR", "dirhams": "AED", "lira": "TRY", "liras": "TRY", "cents": "USD", "cent": "USD",
}
#: Written subunits: a hundredth of the currency ("50 cents" is 0.5 USD).
SUBUNITS = {"cents", "cent"}
ISO_CODES = {"USD", "JPY", "KRW", "KPW", "EUR", "CNY", "GBP", "INR", "PKR", "RUB", "UAH", "ILS", "CHF",
             "AUD", "CAD", "HKD", "SGD", "NZD", "TWD", "IDR", "THB", "MYR", "VND", "SAR", "AED", "TRY",
             "BRL", "MXN", "ZAR"}
#: Symbols written before the number. "¥" is taken as JPY (CNY is written "yuan"/"RMB"/"CNY").
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD",
    "s$": "SGD", "nz$": "NZD", "nt$": "TWD", "r$": "BRL", "$": "USD", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₩": "KRW", "₹": "INR", "₽": "RUB", "₴": "UAH", "₪": "ILS", "rs": "INR", "rs.": "INR",
}
#: Head counts: the unit is ``people``.
PEOPLE_NOUNS = frozenset(
    ["people", "persons", "person", "individuals", "travellers", "travelers", "visitors", "tourists", "passengers", "residents", "citizens", "nationals", "inhabitants", "workers", "labourers", "laborers", "employees", "victims", "survivors", "refugees", "migrants", "immigrants", "emigrants", "evacuees", "civilians", "soldiers", "troops", "servicemen", "serviceman", "personnel", "students", "children", "child", "women", "woman", "men", "man", "adults", "voters", "protesters", "demonstrators", "prisoners", "detainees", "hostages", "deaths", "dead", "casualties", "fatalities", "injured", "wounded", "patients", "pilgrims", "fans", "spectators", "delegates", "fighters", "militants", "bombers", "rebels", "insurgents", "gunmen", "marines", "policemen", "policeman", "officers", "officials", "members", "activists", "journalists", "doctors", "nurses", "teachers", "miners", "farmers", "sailors", "pilots", "diplomats", "leaders", "others"]
)
DURATION_WORDS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "centur")
SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "quadrillion": 15, "lakh": 5, "lakhs": 5,
          "crore": 7, "crores": 7, "bn": 9, "tn": 12, "trn": 12, "mn": 6, "mln": 6, "m": 6, "b": 9, "k": 3}
ONES = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: 10 * (i + 2) for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
WORD_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
FOLD_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "hundred": 100, "thousand": 1000, "twenty": 20, "fifty": 50}
MULTIPLY_VERBS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}

QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("in excess of", "more_than"), ("upwards of", "more_than"), ("more than", "more_than"),
    ("greater than", "more_than"), ("higher than", "more_than"), ("just over", "more_than"),
    ("well over", "more_than"), ("exceeding", "more_than"), ("over", "more_than"), ("above", "more_than"),
    ("less than", "less_than"), ("fewer than", "less_than"), ("lower than", "less_than"),
    ("just under", "less_than"), ("just below", "less_than"), ("under", "less_than"), ("below", "less_than"),
    ("no less than", "at_least"), ("no fewer than", "at_least"), ("not less than", "at_least"),
    ("at least", "at_least"), ("a minimum of", "at_least"),
    ("no more than", "up_to"), ("not more than", "up_to"), ("a maximum of", "up_to"), ("up to", "up_to"),
    ("as many as", "up_to"), ("as much as", "up_to"), ("as high as", "up_to"), ("at most", "up_to"),
    ("approximately", "about"), ("approx.", "about"), ("an estimated", "about"), ("estimated", "about"),
    ("roughly", "about"), ("around", "about"), ("about", "about"), ("nearly", "about"), ("almost", "about"),
    ("close to", "about"), ("circa", "about"), ("some", "about"), ("~", "about"),
)
QUAL_RE = re.compile(
    r"(?:^|(?<=[\s(‘'\"“]))(" + "|".join(re.escape(q) for q, _ in sorted(QUALIFIERS, key=lambda x: -len(x[0])))
    + r")\s*$", re.IGNORECASE)
QUAL = dict(QUALIFIERS)

DIGITS = re.compile(r"(?<![\w.,/+:])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)|(?<![\w.,])\.\d+")
NUMBER_WORD = re.compile(r"[A-Za-z]+")
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
EXPONENT = re.compile(
    r"(?:\s?[x×*]\s?10\s?(?:\^|\*\*)\s?(?P<e1>-?\d+)|\s?[x×*]\s?10(?P<s1>[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)"
    r"|\s?(?:\^|\*\*)\s?(?P<e2>-?\d+)|(?P<s2>[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)|[eE]\+?(?P<e3>\d+)(?![\w]))")
SCALE = re.compile(r"[\s-]?(thousand|million|billion|trillion|quadrillion|lakhs?|crores?)\b|\s?(bn|tn|trn|mn|mln)\b"
                    r"|(m|b|k)\b", re.IGNORECASE)
PERCENT = re.compile(r"[\s-]?(?:%|per\s?cent\b|percent\b|pct\b)", re.IGNORECASE)
POINTS = re.compile(r"\s?(?:(percentage|percent)[\s-]points?\b|pp\b|(basis points?|bps)\b)", re.IGNORECASE)
CURRENCY_AFTER = re.compile(
    r"\s?(?:of\s+)?(" + "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")\b", re.IGNORECASE)
TONNES = re.compile(r"\s?(?:of\s+)?(?:(metric\s+)?(?:tonnes|tons|tonne|ton)\b|(kilotonnes|kilotons|kt)\b)",
                     re.IGNORECASE)
BARRELS = re.compile(r"\s?(?:barrels|bbl)\b", re.IGNORECASE)
PEOPLE = re.compile(r"\s?(" + "|".join(sorted(PEOPLE_NOUNS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
TIMES = re.compile(r"\s?times\b", re.IGNORECASE)
FOLD = re.compile(r"-?fold\b", re.IGNORECASE)
#: A distance is where something is, not a figure ("20 miles south of Mosul", "1,500 meter fountains").
DISTANCE = re.compile(r"\s?-?\s?(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|foot|ft|yards?)\b",
                      re.IGNORECASE)
DURATION = re.compile(r"\s?-?\s?(?:" + "|".join(DURATION_WORDS) + r")", re.IGNORECASE)
ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
SYMBOL_BEFORE = re.compile(
    r"(us\$|u\.s\.\s?\$|au\$|a\$|ca\$|c\$|hk\$|s\$|nz\$|nt\$|r\$|\$|€|£|¥|₩|₹|₽|₴|₪|\brs\.?)\s?$", re.IGNORECASE)
#: ISO codes and "RMB" before or after the number; case-sensitive ("try 5" is not TRY).
ISO_ALIASES = {"RMB": "CNY"}
ISO = "|".join(sorted(ISO_CODES | set(ISO_ALIASES)))
ISO_BEFORE = re.compile(r"\b(" + ISO + r")\s?$")
ISO_AFTER = re.compile(r"\s?(" + ISO + r")\b")
QUAL_AFTER = re.compile(r"\s?(or more|or above|or higher|-plus|\+|or less|or fewer|or so)(?![\w\d])", re.IGNORECASE)
PLUS = re.compile(r"\+(?!\d)|-plus\b", re.IGNORECASE)
QUAL_AFTER_MAP = {"or more": "at_least", "or above": "at_least", "or higher": "at_least", "-plus": "more_than",
                   "+": "more_than", "or less": "up_to", "or fewer": "up_to", "or so": "about"}
CHANGE_BEFORE = re.compile(r"\b(increas\w*|ris\w*|rose|gr[eo]w\w*|jump\w*|surg\w*|multipl\w*|expand\w*|"
                            r"soar\w*|climb\w*|up by|declin\w*|f[ae]ll\w*|drop\w*)\b[^.;,]{0,30}$", re.IGNORECASE)
COMPARE_AFTER = re.compile(r"\s+(more|larger|bigger|higher|greater|as much|as many|the size|over|faster|"
                            r"smaller|less|lower|fewer)\b", re.IGNORECASE)
IDENT_BEFORE = re.compile(
    r"\b(no\.?|nos\.?|number|article|art\.|section|sec\.|chapter|resolution|route|flight|room|gate|"
    r"phase|round|category|level|type|model|class|vol\.?|volume|page|p\.|pp\.|paragraph|clause|annex|"
    r"table|figure|fig\.|item|line|unit|group of|top|game|match|stage|season|episode|part|act|law|"
    r"decree|psalm|version|v\.|platform|block|building|district|ward|highway|road|street|channel|precinct|"
    r"classes|standard|grade|bus|train|exit|terminal|tweet|seat|no)\s*$",
    re.IGNORECASE)
AGE_BEFORE = re.compile(r"\b(aged|age|ages|ages of|age of|in (?:his|her|their) (?:early |late |mid-)?)\s*$",
                         re.IGNORECASE)
MONTHS = ("jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|"
           "october|nov|november|dec|december")
#: Spans that hold digits but no amount: times of day, phone numbers, URLs and e-mail, list markers.
MASKS = (
    re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
               r"|\b\d+:\d+(?::\d+)?|\b\d{1,4}(?:[.:]\d{2})?\s*(?:GMT|UTC|KST|JST|EST|EDT|PST|PDT|CET|BST|hrs)\b",
               re.IGNORECASE),
    re.compile(r"<[^<>]{1,400}>"),  # markup left in the text (<tweet id="…">)
    # '08, ’06: a year written with two digits
    re.compile(r"(?<!\w)['’‘]\d{2}(?=[,.;:!?)]|\s+(?:and|or|to|for|when|in|on|election|campaign)\b|\s*$)"),
    re.compile(r"(?<![\w.,])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,}|(?<![\w.,])\(?\d{2,4}\)?[\s.-]\d{3,4}[.-]\d{3,5}\b"
               r"|(?<![\w.,])\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,5}\b"),
    re.compile(r"(?<!\S)\S*?(?:https?://|www\.|@)\S*", re.IGNORECASE),
    re.compile(r"^\s*\(?\d{1,2}[.)](?=\s|$)|(?<=\n)\s*\(?\d{1,2}[.)](?=\s|$)|\(\d{1,2}\)"),
    re.compile(r"#\d+|\b\d+\s?/\s?\d+\b|\b\d+\+\d+\b"),
    # "march 15", "15 may" in any case (lower-cased copy defeats the date finder), not "may 5 million"
    re.compile(r"\b(?:" + MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?\b(?![\d,.]\d|\s*(?:%|per|thousand|million|billion|"
               r"people|persons|tonnes))|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + MONTHS + r")\b", re.IGNORECASE),
)
