"""Makes the `figures` table: one row per numeric expression, with its value, hedge, kind and claimant.

Candidates are found by regular expressions over the text of headline, subheading, body and
caption paragraphs (dates, times and identifiers are claimed first, so "March 29, 2022" or
"337-232-8477" are never read as counts); number words are converted by `text2num`, the parse supplies the counted noun and
the casualty reading (see `analysis.casualties`), and the claimant comes from the `sources` table
when it exists, else from "according to X" / "X said" in the same sentence.
"""
from __future__ import annotations

import bisect
import html
import re
from decimal import Decimal
from functools import lru_cache

import numpy as np
import pandas as pd
from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from .articles import Article
from .nlp import parser_view
from .schema import Column, conform, declare

QUALIFIERS = ("exact", "approximate", "at_least", "more_than", "at_most", "up_to", "less_than", "range")
KINDS = ("count", "money", "percent", "distance", "duration", "date", "time", "age", "ordinal", "other")
FIGURE_PARAGRAPHS = ("headline", "subheading", "body", "caption")

FIGURES = declare("figures", (
    Column("article_id", "string", "The article.", "000_a5fb506bb93332d8"),
    Column("paragraph", "Int64", "0-based index of the paragraph holding the figure.", "18"),
    Column("sentence", "Int64", "0-based index of the sentence holding the figure (sentences.sentence).", "31"),
    Column("start", "Int64", "Offset of the first character in the article text.", "4570"),
    Column("end", "Int64", "Offset after the last character; `text[start:end]` is the figure.", "4582"),
    Column("text", "string", "The expression as written, with its hedge and unit.", "up to 15,000"),
    Column("value", "Float64", "The number stated (scale applied: \"6.5 million\" -> 6500000); missing for "
           "ranges, vague quantities, dates and times.", "15000"),
    Column("low", "Float64", "Lowest value the text allows: the number for exact/at_least/more_than, the "
           "first number of a range, the documented floor of a vague quantity (dozens 24, hundreds 200, "
           "thousands 2000, tens of thousands 20000, ...); missing when open below.", "<NA>"),
    Column("high", "Float64", "Highest value the text allows: the number for exact/up_to/at_most/less_than, "
           "the second number of a range, the documented ceiling of a vague quantity (dozens 99, "
           "hundreds 999, thousands 9999, ...); missing when open above.", "15000"),
    Column("qualifier", "category", "How the figure is hedged: exact, approximate (about, some, nearly, "
           "vague quantities), at_least, more_than, at_most, up_to (also \"as many as\"), less_than, range.",
           "up_to"),
    Column("kind", "category", "count, money, percent, distance, duration, date, time, age, ordinal or other "
           "(a measurement in another unit, or a fraction: \"two-thirds\" has unit fraction, value 0.667). "
           "age covers ages written without \"aged\" (\"people over 60\", \"when I was 16\") and decades of "
           "life as a range with no value (\"in his 60s\" 60-69; early, mid and late are the first four, "
           "middle three and last three years: \"early 30s\" 30-33); a decade without its century "
           "(\"the 80s\") is a date with no date_iso; a race time (\"9:05.73\") a duration in seconds; a "
           "rank (\"world number 46\", \"seeded three\") an ordinal; a season or span of years (\"2018-19\", "
           "\"2019/20\") a date.",
           "count"),
    Column("unit", "string", "Unit as written for measurements and money (miles, months, USD ...), "
           "\"times\" for repetitions (\"Twice\", \"shot three times\"), \"fraction\" for fractions; "
           "missing for counts of things. Money is the ISO code when the text names one currency, else the "
           "currency word as written (\"480 crowns\" with no country named: crowns).", "miles"),
    Column("counted", "string", "The noun counted, as written (lower case), for counts.", "soldiers"),
    Column("is_casualty", "boolean", "True when the figure counts people killed, dead, wounded, missing, "
           "captured, displaced, or casualties.", "True"),
    Column("casualty_type", "category", "killed, wounded (also injured, hurt, shot), dead (deaths, death toll, "
           "bodies recovered or found, among the dead), missing (also unaccounted for), captured, displaced "
           "(also evacuated, left homeless) or casualties (killed and wounded together). An injury in a "
           "sentence about sport and no violence or accident is no casualty.", "killed"),
    Column("victims", "string", "Who the casualties are, as written (soldiers, civilians, children, people).",
           "soldiers"),
    Column("side", "string", "Country the victims belong to, from adjectives and context "
           "(\"Russian soldiers\" -> Russia; \"our nation\" in a Ukrainian speaker's words -> Ukraine).",
           "Russia"),
    Column("period", "string", "The time span the figure covers, as written, without its preposition.",
           "just over a month of fighting"),
    Column("source", "string", "Who the figure is attributed to (by quote, reported speech or "
           "\"according to\"); missing when the text attributes it to no one.", "a NATO official"),
    Column("source_row", "Int64", "Row index, within the article, of the matching `sources` row (its "
           "position among the article's sources rows); missing when there is none.", "<NA>"),
    Column("cue", "string", "The word that makes the figure a casualty count, lower case.", "killed"),
    Column("date_iso", "string", "For kind date: the date as written, in ISO form: YYYY-MM-DD, YYYY-MM or "
           "YYYY, and --MM-DD for a day and month written without a year (\"February 24th\" -> --02-24: a "
           "year is never taken from another sentence or the article's other dates); missing when the "
           "text gives no month.", "2022-03-29"),
), doc="One row per numeric expression in headline, subheading, body and caption paragraphs, in text order. "
       "Identifiers (phone numbers, street addresses, model names such as F-16) are not figures.")

# --- lexicon ----------------------------------------------------------------------------------

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "bn": 1e9, "mn": 1e6, "tn": 1e12, "m": 1e6}
# Documented floors and ceilings of vague quantities (the `low`/`high` columns).
VAGUE = {"a dozen": (12, 12, 12), "half a dozen": (6, 6, 6), "dozens": (None, 24, 99),
         "scores": (None, 40, 99), "hundreds": (None, 200, 999), "thousands": (None, 2000, 9999),
         "tens of thousands": (None, 20000, 99999), "hundreds of thousands": (None, 200000, 999999),
         "millions": (None, 2e6, 9.99e6), "tens of millions": (None, 2e7, 9.99e7),
         "hundreds of millions": (None, 2e8, 9.99e8), "billions": (None, 2e9, 9.99e9)}
_ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
_ORDINAL_WORDS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100})
_CURRENCY = {"$": "USD", "us$": "USD", "a$": "AUD", "c$": "CAD", "£": "GBP", "€": "EUR", "¥": "JPY", "₽": "RUB", "₴": "UAH",
             "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP",
             "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH",
             "hryvnias": "UAH", "yuan": "CNY", "yen": "JPY", "renminbi": "CNY", "kronor": "SEK", "naira": "NGN",
             "rand": "ZAR", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "shekels": "ILS", "zloty": "PLN",
             "reais": "BRL", "p": "pence", "us dollars": "USD", "american dollars": "USD",
             "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
             "new zealand dollars": "NZD", "singapore dollars": "SGD", "taiwan dollars": "TWD",
             "swiss francs": "CHF", "swiss franc": "CHF", "indian rupees": "INR", "pakistani rupees": "PKR",
             "sri lankan rupees": "LKR", "mexican pesos": "MXN", "argentine pesos": "ARS",
             "philippine pesos": "PHP", "swedish kronor": "SEK", "danish kroner": "DKK",
             "norwegian kroner": "NOK", "south african rand": "ZAR", "japanese yen": "JPY",
             "chinese yuan": "CNY", "russian roubles": "RUB", "brazilian reais": "BRL", "turkish lira": "TRY",
             "israeli shekels": "ILS", "polish zloty": "PLN",
             # "crowns" is the koruna, krona or krone: the unit is the words as written unless a country is named
             "koruna": "CZK", "korun": "CZK", "koruny": "CZK", "czech crowns": "CZK", "czech koruna": "CZK",
             "swedish crowns": "SEK", "danish crowns": "DKK", "norwegian crowns": "NOK", "icelandic crowns": "ISK"}
# Currency words after a number ("86.7bn Swiss francs", "151.5 pence", "300m rupees", "millions of
# dollars"); the unit is the ISO code when the words name one currency, else the words as written.
_CURRENCY_WORDS = (r"dollars?|euros?|pounds\s+sterling|roubles?|rubles?|hryvnias?|yuan|yen|renminbi|francs?|"
                   r"pence|cents|(?-i:cent)|rupees?|rupiah|kronor|kroner|kronur|krona|krone|naira|pesos?|rand|"
                   r"reais|ringgit|baht|dinars?|dirhams?|shekels?|zloty|forints?|lira|lire|riyals?|rials?|crowns?|korun[ay]?")
_CURRENCY_OF = (r"US|American|Australian|Canadian|Hong\s+Kong|New\s+Zealand|Singapore|Taiwan(?:ese)?|"
                r"Zimbabwe(?:an)?|Swiss|Indian|Pakistani|Sri\s+Lankan|Nepalese|Mexican|Argentine|Philippine|"
                r"Swedish|Danish|Norwegian|Icelandic|Czech|Turkish|Egyptian|Iraqi|Kuwaiti|Saudi|Iranian|South\s+African|"
                r"Nigerian|Japanese|Chinese|Russian|Brazilian|Israeli|Polish|Hungarian|euro")
_DISTANCE = r"miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|feet|foot|ft|yards?|inch(?:es)?|cm|mm"
_DURATION = (r"seconds?|(?-i:secs?|mins?|hrs?)|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|"
             r"centuries|century")
# Data sizes are written KB/MB/GB/TB, Mb/Gb (bits) or kb/mb/gb/tb; "GB" before a team or its athletes is Great
# Britain ("the 2012 GB team", "GB's men"), and "TB" before patients or cases is tuberculosis.
_DATA_SIZE = (r"(?-i:[KMGT][Bb]|[kmgt]b|kB)(?![’']s\b|\s+(?:teams?|squads?|athletes?|men|women|"
              r"boss|coach|rowers?|cyclists?|riders?|swimmers?|boxers?|players?|stars?|medals?|medallists?|golds?|"
              r"patients?|cases)\b)")
# Speeds and data sizes are measures too ("90mph", "50GB"), never things counted.
_OTHER_UNIT = (rf"mph|km/h|kph|kmh|knots|[kmg]bps|(?:kilo|mega|giga|tera)(?:bytes?|bits?)|{_DATA_SIZE}|[kmg]hz|"
               r"(?:kilo|mega|giga)hertz|kg|kilo(?:gram)?s?|tonnes?|tons?|pounds?|lbs?|lit(?:re|er)s?|gallons?|"
               r"barrels?|"
               r"degrees?|acres?|hectares?|square (?:miles|kilomet(?:re|er)s|km|met(?:re|er)s)|"
               r"megawatts?|calibers?|calibres?|rounds?|(?-i:[kKMGT]Wh?)|"  # power: "500MW", "3kWh"
               r"basis points?|magnitude|"  # "25 basis points", "a 7.1-magnitude earthquake"
               r"(?:kilo|mega|giga|tera|peta|exa)flops|(?-i:[kMGTPE]?FLOPS)|"  # computing speed: "70.72 teraflops"
               r"carats?|karats?|"  # "a 24-carat sapphire"
               r"(?-i:W|kV|V|Hz|MP|mAh)")  # "a 60W bulb", "240V", "50Hz", "a 12MP camera"

_HEDGES = (
    ("up_to", r"up to|as many as|as much as"),
    ("at_least", r"at least|no fewer than|no less than|a minimum of|not less than"),
    ("at_most", r"at most|no more than|a maximum of|not more than"),
    ("more_than", r"(?:just |well |slightly |far |much )?(?:more than|over|above|in excess of|upwards? of|"
                  r"greater than|north of)"),
    ("less_than", r"(?:just |slightly |well )?(?:less than|fewer than|under|below|short of)"),
    ("approximate", r"about|around|approximately|roughly|nearly|almost|some|an estimated|"
                    r"close to|circa|approx\.|an approximate|upward of"),
)
_HEDGE_OF = [(q, re.compile(rf"(?:{h})$", re.I)) for q, h in _HEDGES]
_TRAIL = {"-plus": "at_least", "+": "at_least", "or more": "at_least", "or so": "approximate",
          "or fewer": "at_most", "or less": "at_most", "and over": "at_least", "and above": "at_least",
          "and older": "at_least", "or older": "at_least", "and under": "at_most", "or younger": "at_most",
          "and younger": "at_most"}

# --- patterns ---------------------------------------------------------------------------------

_W_UNIT = "|".join(_UNITS)
_W_TENS = "|".join(_TENS)
_NUMWORD = rf"(?:(?:{_W_TENS})(?:[-\s](?:{_W_UNIT}))?|{_W_UNIT}|hundred|thousand|million|billion|trillion)"
_WORDNUM = (rf"(?:\b(?:a\s+(?=(?:hundred|thousand|million|billion)\b))?(?:{_W_TENS}|{_W_UNIT}|"
            rf"(?<=a\s)(?:hundred|thousand|million|billion))(?:[-\s](?:{_W_UNIT}))?"
            rf"(?:(?:\s+and\s+|[\s-]+){_NUMWORD})*\b)")
# A no-break space and a dash written as HTML character references ("2.5&nbsp;million", "5&#8211;10")
# read as the characters they stand for; the text itself is never rewritten.
_SPACE_REF = r"&(?:nbsp|#160|#x0*a0);"
_SP = rf"(?:\s|{_SPACE_REF})"
_DASH_REF = r"&(?:ndash|mdash|#821[12]|#x0*201[34]);"
_DIGNUM = (r"(?:(?<![\w.,/:#$£€-])|(?<=[$£€¥₽₴]))(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
           r"(?:" + _SP + r"?(?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|k|m)(?![a-z]))?")
_VAGUE = (r"\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|half\s+a\s+dozen|a\s+dozen|dozens|"
          r"scores(?=\s+of\b)|hundreds|thousands|millions|billions)\b")
_NUMBER = rf"(?:{_DIGNUM}|{_VAGUE}|{_WORDNUM})"
# The second number of a range follows its separator directly ("7,000-15,000").
_NUMBER_B = _NUMBER.replace(_DIGNUM, _DIGNUM.replace(r"(?<![\w.,/:#$£€-])", r"(?<![\w.,/:#$£€])"), 1)
# Currency signs as HTML character references ("&#163;5m", "&pound;5m"): plain-text exports of CMS
# copy carry them. The text is left as written (offsets point into it); only its reading changes.
_CUR_REF = r"&(?:#(?:163|36|8364|165)|#x0*(?:a3|24|20ac|a5)|pound|dollar|euro|yen);"
_PERCENT_REF = r"&(?:#37|#x0*25|percnt);"
_CUR = rf"(?:US\$|A\$|C\$|\$|£|€|¥|₽|₴|{_CUR_REF})\s?"
_HEDGE = "|".join(h for _, h in _HEDGES)
# Every expression starts a word or a currency; the leading look-ahead says so, so that the long
# alternatives are tried only there (the same matches, in half the time).
EXPRESSION = re.compile(
    rf"(?=\b\w|{_CUR})"
    rf"(?P<hedge>\b(?:{_HEDGE})\s+)?(?P<between>\bbetween\s+|\bfrom\s+)?(?P<cur>{_CUR})?(?P<a>{_NUMBER})"
    rf"(?:(?P<sep>\s*(?:[-–—]|{_DASH_REF})\s*|\s+(?:to|and|or)\s+)(?P<cur2>{_CUR})?(?P<b>{_NUMBER_B}))?"
    rf"(?P<trail>-plus\b|\+|\s+or\s+(?:more|so|fewer|less)\b"
    # "aged 60 and over", "children of five and under"; not "and over the weekend"
    rf"|\s+(?:and|or)\s+(?:over|above|older|under|younger)\b(?!\s+(?:the|a|an|this|that|his|her|their|its)\b))?",
    re.I)
MULTIPLE = re.compile(r"\b(?:twice|thrice)\b", re.I)
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                 "fifths": 5, "tenth": 10, "tenths": 10}
# "two-thirds", "a quarter of", "less than half": only with "of" after or a hedge before, so that
# "the second quarter" or "the first half" of a match stay what they are.
FRACTION = re.compile(
    rf"(?=\b\w)"
    rf"(?P<hedge>\b(?:{'|'.join(h for _, h in _HEDGES)})\s+)?(?P<a>\b(?:(?P<num>a|one|two|three|four|nine)[\s-]"
    rf"(?P<den>{'|'.join(_DENOMINATORS)})|(?P<half>half))\b)(?(hedge)|(?=\s+of\b))", re.I)
# "one in five pensioners", "nine out of 10", "one in every 100": a share, not two counts. Not
# "one in five years" (a rate over time) nor "one in 2003" (a year has no comma and four digits).
_RATIO_TERM = rf"\d{{1,3}}(?:,\d{{3}})*|(?:{_W_TENS})(?:[-\s](?:{_W_UNIT}))?|{_W_UNIT}|a\s+(?:hundred|thousand|million)"
RATIO = re.compile(
    rf"(?=\b\w)(?P<hedge>\b(?:{'|'.join(h for _, h in _HEDGES)})\s+)?"
    rf"(?P<a>\b(?P<n>{_RATIO_TERM})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d>{_RATIO_TERM})\b)"
    rf"(?![-.,]\d|\s+(?:{_DURATION}|a\.m|p\.m)\b)", re.I)
_RATIO_HINT = re.compile(rf"\s(?:in|out\s+of)\s+(?:every\s+)?(?:\d|a\s+[htm]|(?:{_W_TENS}|{_W_UNIT})\b)", re.I)
# "beyond round four in eight attempts", "Flat 3C": the number names a round, a page, a flat.
_NAMED_BY_NUMBER = re.compile(r"\b(?:round|number|no\.?|page|chapter|level|grade|stage|group|heat|tier|division|"
                              r"category|part|act|scene|season|series|volume|pot|game|match|race|week|day|year|"
                              r"class|top|under-?|flat|room|gate|seat|block|platform|apartment|unit|form|"
                              r"route|row|section|ward|floor|suite|bay|stand)\s+$", re.I)
_TITLE_AFTER = re.compile(r"\s+[A-Z][a-z]")
# "3 in 12 attacks", "won seven out of 10 games": events counted one by one, two counts, not a share.
# Other nouns stay shares: "one in five pensioners", "almost one in six cars sold", "12 out of 23 agencies".
_EVENT_NOUNS = frozenset((
    "attacks attack raids raid strikes strike airstrikes bombings shootings murders killings incidents "
    "accidents assaults operations missions games game matches match fixtures races race bouts fights "
    "contests tournaments events cases case attempts attempt outings starts appearances innings tests "
    "sets frames legs shots goals visits trips elections votes sessions meetings rounds years seasons "
    "days weeks months hours minutes").split())
_RATIO_NEXT = re.compile(r"\s+([A-Za-z][\w'’-]*)")


def share_not_events(chunk: str, end: int, doc: Doc | None = None, offset: int = 0) -> bool:
    """Whether "N in M" ending at chunk[end] is a share: not when M counts events ("3 in 12 attacks",
    "3 in 12 separate attacks"), which are two counts."""
    word = _RATIO_NEXT.match(chunk, end)
    if not word:
        return True  # "one in five.", "nine out of 10, ..."
    if word.group(1).lower() in _EVENT_NOUNS:
        return False
    span = doc.char_span(offset + word.start(1), offset + word.end(1), alignment_mode="expand") \
        if doc is not None else None
    if span is None:
        return True
    tok = span[0]
    # The noun past its modifiers ("3 in 12 separate attacks", "in four out of five key issues").
    while tok.i + 1 < len(doc) and tok.i - span[0].i < 3 and (tok.pos_ in ("ADJ", "ADV") or tok.dep_ == "compound") \
            and doc[tok.i + 1].pos_ in ("ADJ", "ADV", "NOUN", "PROPN"):
        tok = doc[tok.i + 1]
    return tok.lower_ not in _EVENT_NOUNS


def _ratio_term(text: str) -> float | None:
    """The number of one side of a ratio ("five", "10", "a hundred")."""
    return parse_number(text) if text[:1].isdigit() else parse_number(re.sub(r"^a\s+", "one ", text.lower()))


# An age decade after a possessive: "a man in his 60s", "in her early thirties", "people in their
# 20s and 30s", "in his late teens". The decade is a range of ages, not a count of 60 nor the 1960s.
# Bounds: the whole decade (60-69; teens 13-19); early is its first four years (30-33), mid the
# middle three (34-36), late the last three (37-39).
_DECADE_WORDS = {"teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
_DECADE = (rf"(?:(?P<part{{n}}>early|mid|late)(?:-|\s+|\s*-\s*)?)?"
           rf"(?P<dec{{n}}>['’]?[2-9]0['’]?s|{'|'.join(_DECADE_WORDS)})\b")
AGE_DECADE = re.compile(
    rf"\b(?:his|her|their|my|your|our|one['’]s)\s+(?P<a>{_DECADE.format(n=1)}"
    rf"(?:(?P<sep>\s+(?:to|and|or)\s+|\s*[-–]\s*){_DECADE.format(n=2)})?)", re.I)
# A decade of the century without its century ("the 60s", "the late '80s", "'90s music"): a date,
# never a count of 60; its century is not written, so no date_iso.
_TEMPERATURE_BEFORE = re.compile(r"\b(?:temperatures?|highs|lows|degrees|thermometers?|mercury)\b", re.I)
SHORT_DECADE = re.compile(r"(?:\bthe\s+(?:(?:early|mid|late|upper|lower|high|low)(?:-|\s+))?['’]?"
                          r"|(?<![\w'’])['’])[2-9]0['’]?s\b", re.I)
_DECADE_PART = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_TEENS_PART = {None: (13, 19), "early": (13, 15), "mid": (14, 16), "late": (17, 19)}


def decade_bounds(decade: str, part: str | None) -> tuple[float, float]:
    """(low, high) ages of "60s", "early thirties", "late teens" (see `AGE_DECADE`)."""
    decade, part = decade.lower(), part.lower() if part else None
    if decade == "teens":
        return tuple(float(x) for x in _TEENS_PART[part])
    base = _DECADE_WORDS.get(decade) or int(decade.lstrip("'’")[:2])
    low, high = _DECADE_PART[part]
    return float(base + low), float(base + high)


_DURATION_ONE = re.compile(rf"(?P<hedge>\b(?:{_HEDGE})\s+)(?P<a>(?:a|an|one)\s+(?:{_DURATION}))\b", re.I)
# A bare "a month" is too often no measure ("once a month"); before "ago" it is one ("a month ago").
_DURATION_AGO = re.compile(rf"\b(?P<a>(?:a|an|one)\s+(?:{_DURATION}))(?=\s+ago\b)", re.I)
# Cheap necessary conditions, searched first so that the long patterns run only where they can match.
_DURATION_HINT = re.compile(rf"\b(?:a|an|one)\s+(?:{_DURATION})\b", re.I)
_FRACTION_WORDS = tuple(_DENOMINATORS)
_FRACTION_HINT = re.compile("|".join(_FRACTION_WORDS), re.I)
# Characters that match an ASCII letter under re.I but that str.lower() does not turn into one
# (dotted and dotless i, long s): a text holding one is searched with the regular expression itself.
_CASE_ODDITIES = re.compile("[\u0130\u0131\u017f]")


def holds_any(text: str, words: tuple[str, ...], pattern: re.Pattern) -> bool:
    """Whether `pattern` (the lower-case `words` joined by "|", case-insensitive) occurs in text, by
    substring tests on the lower-cased text: a case-insensitive regular expression costs several times more."""
    if _CASE_ODDITIES.search(text):
        return pattern.search(text) is not None
    lowered = text.lower()
    return any(word in lowered for word in words)
_DIGIT = re.compile(r"\d")

_MONTHS = {m: i for i, m in enumerate("January February March April May June July August September "
                                      "October November December".split(), start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["Sept"] = 9
# A full stop belongs to an abbreviation ("Jan."), never to a month written out ("on 27 January.").
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
DATES = re.compile(
    rf"\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>\d{{4}})\b)?"
    rf"|\b(?P<m3>{_MONTH}),?\s+(?P<y3>\d{{4}})\b"
    r"|\b(?P<iso>\d{4}-\d{2}-\d{2})\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:1[89]|20)\d0s\b")
# A season, a financial year or a span of years: "in 2018-19", "the 2019/20 budget", "2018-2020". The
# second year follows the first by at most ten years, which a range of counts rarely does.
YEAR_SPAN = re.compile(r"(?<![\w,.$£€-])(?P<a>(?:1[89]|20)\d{2})\s?[-–/]\s?(?P<b>(?:1[89]|20)?\d{2})(?![\w%-]|[.,]\d)")
YEAR = re.compile(r"(?<![\w,.$£€-])(?:1[89]|20)\d{2}(?![\w%-]|[.,]\d)")
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|by|until|till|from|of|during|before|after|early|late|mid|year|"
                          r"spring|summer|autumn|fall|winter|and|or|to|through|season|fiscal|class)\s*|"
                          r"mid-|’|')$", re.I)
# BBC live pages print an entry's time twice, glued ("Posted at 10:0510:05"): one time.
TIMES = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)"
                   r"|\b\d{1,2}:\d{2}(?:\d{1,2}:\d{2})?\b|\b\d{4}\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|hrs|local time)\b"
                   r"|\b\d{1,2}\s*o[’']clock\b", re.I)
IDENTIFIERS = re.compile(
    r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-][\dA-Z]{4}\b(?:\s*\(\d{4}\))?|\b\d{3}-\d{4}\b|\b1-8\d\d-[\w-]+"
    r"|\b[A-Za-z]+-?\d+[A-Za-z]*\b|\b\d+[A-Za-z]*-[A-Za-z]+\d+\b"
    r"|\b\d+\s+block\b"
    r"|\b\d+\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?(?:[A-Z][\w'’]*\s+){1,3}(?:Street|St|"
    r"Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Court|Ct|Place|Pl|Way|Parkway|Pkwy|Highway|Hwy|"
    r"Circle|Cir|Terrace|Trail|Pike)\b\.?"
    r"|\b(?:Highway|Interstate|Route|Hwy|State Road|County Road|No\.|Number|Room|Suite|Apt\.?|Apartment|"
    r"Unit|Flight|Channel|Precinct|District|Ward|Box|Article|Section|Resolution|Chapter|Case|Exit|Gate|"
    r"Platform|Pier|Division|Brigade|Regiment|Battalion|Squadron|Corps|Army|Fleet|Game|Week|Day|Pages?|"
    r"Level|Floor|Lot|Station|Bus|Line|Engine|Ladder|Company|Squad|Seat|Grade|Year|Act|Bill)\s+\d+[A-Z]?\b"
    r"|#\s?\d+|\b911\b|\b[A-Z]{2}\s+\d{5}\b|\b\d{5}(?:-\d{4})\b"
    # phone numbers outside North America: a trunk zero ("0800 555 111", "0845 8 505 505", "020 7946
    # 0000") or a country code ("+44 20 7946 0000"); a quantity is never written with a leading zero
    r"|(?<![\w.,])0\d{2,4}(?:[\s-]\d{1,4}){0,4}\b|\+\d{1,3}(?:[\s-]?\(?\d{1,4}\)?)(?:[\s-]\d{2,4}){1,4}\b"
    r"|\b\d{1,3}/\d{1,3}\b(?!/)")  # betting odds ("3/1 favourite")
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b|\b(?:" + "|".join(_ORDINAL_WORDS) + r")\b", re.I)
_RANK_BEFORE = re.compile(r"\b(?:number|seeded|ranked)\s+$", re.I)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]+$", re.I)
# "aged 34", "Smith, 34,", "(34)", "a man, 34,", "the victim, 34,", "ages 18 and 20".
_PERSON_NOUN = (r"(?:man|woman|men|women|boy|girl|boys|girls|teen|teens|teenager|teenagers|youth|child|baby|"
                r"toddler|victim|victims|suspect|suspects|driver|passenger|pedestrian|resident|mother|father|son|"
                r"daughter|wife|husband|brother|sister|grandmother|grandfather|girlfriend|boyfriend|officer|"
                r"gunman|shooter|student|worker|friend|neighbou?r|pensioner|patient)")
_AGE_BEFORE = re.compile(rf"(?:\b(?:aged?|ages)\s+(?:of\s+)?|[A-Z][\w'’.-]+,\s*|\(\s*|\b{_PERSON_NOUN},\s*"
                         r"|\bages?\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*,?\s+(?:and|or)\s+)$")
# An age with no "aged" or "years old": people bounded by it ("people over 60", "children under five")
# or a person's age at a time ("when he was 16", "since she turned 40"), ending its phrase.
_PEOPLE_BEFORE = re.compile(r"\b(?:people|those|anyone|anybody|everyone|adults|men|women|children|kids|boys|girls|"
                            r"pensioners|patients|drivers|residents|persons|individuals|smokers|workers|voters)\s+"
                            r"(?:(?:are|were|aged|who\s+are|who\s+were)\s+)?$",
                            re.I)
_WAS_AGE_BEFORE = re.compile(r"\b(?:(?:when|since|until|till|before|after|because|while)\s+(?:I|he|she|they|we|you)"
                             r"\s+(?:was|were)|turned|turning|turns)\s+$", re.I)
# A person's age said outright: "He is 61, and ...", "She was 34." (a number ending its phrase).
_IS_AGE_BEFORE = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:is|was|[’']s)\s+$")
_AGE_END = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+(?:and|or|who|were|are|was|is|will|would|can|could|had|have|has|in|on|"
                      r"at|from|with|for|he|she|I|they|we|when|last|this)\b")
# Winning words before "crowns", which then are titles ("has won 12 crowns"), not money.
_WON_BEFORE = re.compile(r"\b(?:won|win|wins|winning|claimed|clinched|collected|defended|record|title)\b", re.I)
# The measure a bare number ends a "from ... to" of: "from roughly 25,000 square km to less than 2,500".
# The same written the other way round: "cut her target to 480 crowns from 560".
_FROM_UNIT_BEFORE = re.compile(rf"\b(?:from\s+(?:[a-z]+\s+)?\d[\d,.]*\s*(?:(?P<dist>{_DISTANCE})|(?P<other>{_OTHER_UNIT}))"
                               rf"\s+to|to\s+\d[\d,.]*\s*(?:(?P<dist2>{_DISTANCE})|(?P<other2>{_OTHER_UNIT})|"
                               rf"(?P<cur>{_CURRENCY_WORDS}))\s+from)\s+$", re.I)
_AGED_BEFORE = re.compile(r"\b(?:aged?|ages)\s+(?:of\s+)?$", re.I)
_AGE_AFTER = re.compile(r"^(?:\s*(?:,|\)|;)|\s+(?:and|of|from)\b)")
_UNIT_AFTER = re.compile(
    rf"^(?:(?P<pct>{_SP}?(?:%|{_PERCENT_REF}|per\s?cent\b|percent\b|percentage points?\b))"
    rf"|(?P<age>[-\s]years?[-\s]old\b|[-\s]months?[-\s]old\b)"
    rf"|(?P<cur>(?-i:p)\b(?![’'.]\w)|\s(?:of\s+)?(?:(?-i:{_CURRENCY_OF})\s+)?(?:{_CURRENCY_WORDS})\b)"
    rf"|(?P<times>\s+times\b)"
    # a temperature: a capital C or F glued to the number ("30C"), or after a degree sign ("86 °F")
    rf"|(?P<temp>(?-i:[CF])(?![’'])|\s?°\s?(?-i:[CF]))\b"
    rf"|(?:-|{_SP})?(?P<other>{_OTHER_UNIT})\b|(?:-|{_SP})?(?P<dist>{_DISTANCE})\b|(?:-|{_SP})(?P<dur>{_DURATION})\b)", re.I)

# A glued lower-case "p" is pence ("873p") except after a video resolution ("1080p video", "streams
# in 720p"): a usual resolution number unless the text around speaks of prices and not of video,
# any number before a word of video.
_RESOLUTIONS = frozenset("240 360 480 576 720 1080 1440 2160 4320".split())
_VIDEO_AFTER = re.compile(r"p\s+(?:videos?|resolution|HD|screens?|displays?|footage|streams?|streaming|"
                          r"cameras?|monitors?|TVs?|televisions?)\b", re.I)
_VIDEO_WORDS = re.compile(r"\b(?:videos?|resolution|HD|high[- ]definition|screens?|displays?|footage|pixels?|"
                          r"stream\w*|cameras?|films?|filmed|filming|monitors?|TVs?|televisions?|YouTube|"
                          r"webcams?|graphics)\b", re.I)
_PRICE_WORDS = re.compile(rf"[£$€]|{_CUR_REF}|"
                          r"\b(?:shares?|stocks?|pence|penny|pri(?:ce|ced|ces)|trad(?:ed|ing)|valued|"
                          r"offer|FTSE|pay|paid|costs?|cheaper|dearer)\b", re.I)
_RESOLUTION_UNIT = re.compile(r"^(?P<other>p)\b")
_DATA_SIZE_UNIT = re.compile(r"[kmgt]b", re.I)


def video_resolution(chunk: str, s: int, e: int) -> bool:
    """Whether the number at chunk[s:e], followed by a glued "p", is a video resolution, not pence."""
    if _VIDEO_AFTER.match(chunk, e):
        return True
    if chunk[s:e].strip() not in _RESOLUTIONS:
        return False
    around = chunk[max(0, s - 80):e + 80]
    return bool(_VIDEO_WORDS.search(around)) or not _PRICE_WORDS.search(around)


def unit_after(chunk: str, s: int, e: int) -> re.Match | None:
    """The unit written after the number at chunk[s:e] (`_UNIT_AFTER`); a resolution's "p" is unit "p"."""
    unit_m = _UNIT_AFTER.match(chunk[e:e + 40])
    if unit_m and unit_m.group("cur") == "p" and video_resolution(chunk, s, e):
        return _RESOLUTION_UNIT.match(chunk[e:e + 40])
    if unit_m and _DATA_SIZE_UNIT.fullmatch(unit_m.group("other") or "") and YEAR.fullmatch(chunk[s:e].strip()):
        return None  # "the 2012 GB team": a year before "GB", not 2,012 gigabytes
    return unit_m


# A number glued to a capital letter names a thing, it counts nothing: network generations ("4G",
# "5G"), "3D", model names ("4P", "5S", "4WD"). Not a unit written in capitals ("50GB", "90MPH",
# "30C") nor a scale ("5M", "2BN"); "K" is a thousand ("40K") unless it is a video resolution
# ("4K TV", "4k video", "filmed in 8K") or a race ("5K run", see `_KM_RACE_AFTER`).
GLUED_NAME = re.compile(r"(?<![\w.,$£€¥₽₴;])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?P<letters>[A-Z][A-Za-z0-9]*|k)\b")
_SCALE_LETTERS = frozenset(("K", "M", "BN", "Bn", "MN", "Mn", "TN", "Tn"))
_RESOLUTION_K = re.compile(r"[-\s]+(?:Ultra\b|UHD\b|HDR\b|(?:video|resolution|HD|screen|display|footage|stream"
                           r"|camera|monitor|TV|television|film|content|broadcast|projector|gaming|Blu-ray|quality)"
                           r"(?:s|ing|er|ers)?\b)", re.I)
_IN_BEFORE = re.compile(r"\bin\s+$", re.I)
# "a 5K run", "the 10k fun run", "ran a 10k": kilometres of a race, not thousands.
_KM_RACE_AFTER = re.compile(r"[-\s]+(?:(?:fun|charity|road|trail|park|sponsored|virtual|colou?r)[-\s]+)?"
                            r"(?:runs?|races?|walks?|route|course|run/walk|trail\s+run|finals?|heats?)\b", re.I)
_KM_RACE_BEFORE = re.compile(r"\b(?:ran|run|runs|running|jog(?:ged|s|ging)?|complet(?:e|ed|es|ing)|"
                             r"finish(?:ed|es|ing)?)\s+(?:(?:a|the|his|her|their|my|our|its|another)\s+)?$"
                             r"|\bw(?:on|ins?|inning)\s+the\s+$", re.I)


def glued_name(chunk: str, m: re.Match) -> bool:
    """Whether the number glued to capitals at `m` (`GLUED_NAME`) names a thing ("4G", "3D", "4K TV")."""
    letters = m.group("letters")
    if letters in ("K", "k"):  # "4k TV" too
        return bool(_RESOLUTION_K.match(chunk, m.end()) or _IN_BEFORE.search(chunk, max(0, m.start() - 4), m.start())
                    and _VIDEO_WORDS.search(chunk, max(0, m.start() - 80), m.end() + 80))
    if letters in _SCALE_LETTERS:
        return False
    unit = _UNIT_AFTER.match(chunk[m.start("letters"):m.start("letters") + 40])
    return not (unit and unit.group(0) and m.start("letters") + unit.end() >= m.end())


def km_race(chunk: str, s: int, e: int) -> bool:
    """Whether "5K" at chunk[s:e] is the length of a race in kilometres ("a 5K run", "ran a 10k")."""
    # after "ran a" only when no noun follows: "running a 200k deficit" is money, "ran a 10k." a race
    before = _KM_RACE_BEFORE.search(chunk, max(0, s - 30), s) and (
        not re.match(r"\s+[a-z]{3,}", chunk[e:e + 20]) or re.match(r"\s+(?:in|on|for|with|at)\b", chunk[e:e + 6]))
    return bool(_KM_RACE_AFTER.match(chunk, e) or before)


# --- number parsing ---------------------------------------------------------------------------

def scaled(value: float, factor: float) -> float:
    """value × factor as written in decimal: "$8.2 billion" is 8,200,000,000, not 8,199,999,999.999999."""
    return float(Decimal(repr(value)) * Decimal(repr(factor))) if factor != 1.0 else value


def parse_number(text: str, money: bool = False) -> float | None:
    """The value of one number as written ("15,000", "6.5 million", "2.4bn", "fifteen thousand"), else None.

    Vague quantities ("dozens") are not numbers; see `vague`.
    """
    t = (html.unescape(text) if "&" in text else text).strip().lower().replace("\u00a0", " ")
    m = re.fullmatch(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s?(thousand|million|billion|trillion|bn|mn|tn|k|m)?", t)
    if m:
        if m.group(2) == "m" and not money:
            return None  # "5m" without a currency is metres, not millions
        return scaled(float(m.group(1).replace(",", "")), _SCALES.get(m.group(2) or "", 1.0))
    words = re.sub(r"^a\s+(?=hundred|thousand|million|billion)", "one ", t).replace("-", " ")
    words = re.sub(r"\s+", " ", words)
    try:
        return float(text2num(words, "en"))
    except ValueError:
        return None


_GLUED_M = re.compile(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)m", re.I)
# "5m" is metres only in a measuring context: a dimension word after it ("5m high", "5m-long"),
# an imperial measure beside it ("30ft (10m)"), a measuring verb or result before it ("ran 100m",
# "a leap of 7.95m"), or a race or object it measures ("100m hurdles", "a 5m wall"). Anywhere
# else news writes "2m people", "11m voters", "5m barrels" for millions.
_MEASURE_AFTER = re.compile(
    r"(?:-|\s)(?:high|long|deep|tall|wide|thick|away|across|apart|in\s+(?:diameter|length|height|depth|width)|"
    r"above\s+sea|below\s+sea|under(?:ground|water))\b"
    r"|\s?(?:/[sh]\b|per\s+(?:second|minute|hour)\b)"
    r"|\s*\(\s*[\d.,]+\s?(?:ft|feet|foot|in|inches|yards?|miles?)\b", re.I)
_MEASURE_BEFORE = re.compile(
    r"(?:\b(?:ft|feet|foot|inches|yards?|miles?)\s*\(\s*"
    r"|\b(?:ran|run|runs|running|raced?|racing|sprint(?:ed|ing)?|swam|swim(?:s|ming)?|clear(?:ed|s|ing)?|"
    r"landed|threw|thrown|vaulted|leapt|(?:leap|throw|jump|clearance|height|depth|length|distance|width|"
    r"(?:personal|season'?s?|life-?time|world|championship|national|meeting)\s+(?:best|record|mark))\s+of)"
    r"\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+|their\s+|about\s+|some\s+|nearly\s+|almost\s+|just\s+|over\s+|"
    r"under\s+)?"
    r"|\b(?:men|women|boys|girls)['’]s\s+|\b(?:Olympic|indoor|outdoor)\s+)$", re.I)
_MEASURED_NOUNS = frozenset((
    "hurdles hurdle hurdler hurdlers relay relays freestyle backstroke breaststroke butterfly medley individual "
    "sprint sprints sprinter sprinters dash race races run runs runner runners final finals heat heats title "
    "titles champion champions championship crown gold silver bronze medal medals medallist medallists record "
    "records mark event events victory win hope star specialist finalist legend qualifying indoors outdoors "
    "world personal lap swim penalty kick line stage barrier track man woman wall walls fence tower towers "
    "building drop cliff wave waves yacht boat vessel bridge tunnel pole mast statue tree trees crater hole "
    "shaft stretch swell gap dive fall leap jump throw putt pool telescope").split())
# Words after "5m" that say nothing of what it counts (closed-class words and auxiliaries).
_NOT_COUNTED = frozenset((
    "and or but nor in at on to as of for by from with without into onto over under than while when where "
    "which who whom whose that this these those the a an his her its their our my your is are was were be "
    "been being has have had will would can could may might must shall should also just last next each per "
    "more less after before about around between behind since until up down out off so then there here it "
    "he she they we i you not only even still already").split())
# Words of athletics and of dimensions, and words of money and of counted people: which of them
# surround a bare "5m" says which it is.
_MEASURE_CUES = re.compile(
    r"\b(?:hurdl\w*|relays?|sprint\w*|race[sd]?|racing|runners?|jump\w*|leap\w*|vault\w*|throw\w*|threw|"
    r"marathon\w*|athlet\w*|Olympic\w*|indoors?|outdoors?|medal\w*|champion\w*|heats|personal best|"
    r"season'?s best|world record|laps?|metres|meters|distance|height|depth|length|width|tall(?:er|est)?|"
    r"long(?:er|est)|wid(?:er|est)|deep(?:er|est)|"
    r"secs|\d+(?:\.\d+)?\s?seconds|swim\w*|freestyle)\b", re.I)
_MILLION_CUES = re.compile(
    rf"[$£€¥%]|{_CUR_REF}|{_PERCENT_REF}|"
    r"\bper\s?cent\b|\b(?:millions?|billions?|bn|viewers|audiences?|people|sales|profits?|revenues?|"
    r"shares|users|customers|subscribers|voters|workers|residents|population|budget|turnover|costs?|worth|"
    r"deals?|funds?|funding|spend\w*|invest\w*|bid|fees?|paid|euros?|dollars?|pounds|rupees|yuan|yen)\b", re.I)
# The word after a number, past a second glued number it is coordinated with ("100m and 200m titles").
_NEXT_WORD = re.compile(r"(?:\s+(?:and|or|to)\s+[\d.,]+m\b)?[-\s]\s*([A-Za-z][a-z]*)")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])")


def glued_m_is_metres(chunk: str, s: int, e: int, doc: Doc | None = None, offset: int = 0,
                      article: str | None = None) -> bool:
    """Whether "5m" at chunk[s:e], written without a currency, is metres rather than millions;
    `article`, the whole text, decides when the paragraph says nothing either way."""
    after, before = chunk[e:e + 40], chunk[max(0, s - 60):s]
    if _MEASURE_AFTER.match(after) or _MEASURE_BEFORE.search(before):
        return True
    if float(chunk[s:e].rstrip("mM").replace(",", "")) >= 1000:
        return True  # "1,500m", "10,000m": news writes thousands of millions as "bn"
    word = _NEXT_WORD.match(after)
    noun = None
    if word:
        w = word.group(1)
        if w.lower() in _MEASURED_NOUNS:
            return True
        if w[0].islower() and w not in _NOT_COUNTED:
            span = doc.char_span(offset + e + word.start(1), offset + e + word.end(1)) if doc is not None else None
            noun = span is None or span.root.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
    starts = [x.end() for x in _SENTENCE_END.finditer(chunk, 0, s)]
    stop = _SENTENCE_END.search(chunk, e)
    sentence = chunk[starts[-1] if starts else 0:stop.start() + 1 if stop else len(chunk)]
    if _MILLION_CUES.search(sentence):
        return False
    if _MEASURE_CUES.search(sentence):
        return True
    if noun:
        return False  # "2m people", "11m voters", "5m barrels", "300m rupees"
    # Nothing near it says what it measures: the paragraph decides, millions unless it speaks of
    # races and dimensions and not of money or people; a paragraph silent on both ("won the 60m at
    # Leipzig") goes by the article, which an athletics report fills with race words.
    measure, million = _MEASURE_CUES.search(chunk), _MILLION_CUES.search(chunk)
    if measure or million or article is None:
        return bool(measure) and not million
    measures, millions = article_cues(article)
    return measures > millions


@lru_cache(maxsize=4)
def article_cues(article: str) -> tuple[int, int]:
    """(race and dimension words, money and people words) in a whole article, counted once per article:
    every silent "Nm" of an article asks (an athletics report holds dozens)."""
    return len(_MEASURE_CUES.findall(article)), len(_MILLION_CUES.findall(article))


# "between the ages of 10 and 17": "between" a few words before "X and Y" still makes it a range.
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:(?:the|ages?|of|years?|aged)\s+){1,3}$", re.I)
# A verb of change before "X to Y" makes X the change and Y the new level ("Biogen fell $28.63 to
# $38.65", "rose 12 to 1,450", "grew by 1.4 million to 44.9 million").
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise[ns]?|rising|fell|fall(?:s|en|ing)?|climb(?:ed|s|ing)?|drop(?:ped|s|ping)?|increas(?:ed|es|ing)|"
    r"decreas(?:ed|es|ing)|jump(?:ed|s|ing)?|slip(?:ped|s|ping)?|gain(?:ed|s|ing)?|lost|los(?:es|ing)|"
    r"shed(?:s|ding)?|grew|grow(?:s|n|ing)?|slump(?:ed|s|ing)?|plung(?:ed|es|ing)|soar(?:ed|s|ing)?|"
    r"surg(?:ed|es|ing)|tumbl(?:ed|es|ing)|edged|dipped|dips?|sank|sunk|slid|declin(?:ed|es|ing)|"
    r"advanc(?:ed|es|ing)|cut|raised|reduced|lowered|lifted|boosted|up|down)"
    r"(?:\s+(?:by|a\s+further|another|just))?\s+$", re.I)


# "to increase matchday earnings from 29% to 40%": a verb of change and its object before "from".
_CHANGE_OBJECT_FROM = re.compile(
    r"\b(?:rais|increas|reduc|cut|lower|boost|lift|doubl|tripl|halv|expand|shrink|shrunk|narrow|widen|"
    r"extend|push|driv|drove|chang|revis|upgrad|downgrad)\w*(?:\s+[\w'’-]+){1,4}\s+$", re.I)


def is_change(before: str, a_text: str, b_text: str, a: float, b: float, money: bool, from_: bool) -> bool:
    """Whether "X to Y" after `before` is a change and a new level, not a range: after a verb of
    change, unless both are small round whole numbers close together ("cut 200 to 300 jobs")."""
    if from_ and _CHANGE_OBJECT_FROM.search(before):
        return True
    if not _CHANGE_BEFORE.search(before):
        return False
    if from_ or money or b > 3 * a or "." in a_text + b_text:
        return True
    significant = [len(str(int(x)).rstrip("0")) for x in (a, b)]
    return max(significant) > 2


# A score "N-M" (its lower number may come first): after a verb of a result or between two names,
# before a noun of a result, or a tie-break in brackets after a set ("6-7 (3-7)").
_SCORE_VERB = re.compile(
    r"\b(?:won|wins?|winning|lost|los(?:e|es|ing)|beat(?:s|en|ing)?|drew|draws?|drawn|drawing|leads?|led|leading|"
    r"trail(?:s|ed|ing)?|went|go(?:es|ing)?|edged|thrashed|defeated|finished|ended)\s+$", re.I)
_SCORE_NOUN = re.compile(r"\s+(?:defeat|win|victory|loss|draw|lead|deficit|scoreline|triumph|thrashing|"
                         r"down|up)\b|\s*\(\d{1,2}-\d", re.I)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_TIE_BREAK = re.compile(r"\d-\d{1,2}\s*\($")


def is_score(chunk: str, m: re.Match) -> bool:
    """Whether "N-M" at `m` (`EXPRESSION`, two small whole numbers and a dash) is a score."""
    a, b = m.group("a").strip(), m.group("b").strip()
    if not (re.fullmatch(r"\d{1,3}", a) and re.fullmatch(r"\d{1,3}", b)):
        return False
    s, e = m.start("a"), m.end("b")
    return bool(_SCORE_VERB.search(chunk, max(0, s - 12), s) or _SCORE_NOUN.match(chunk, e)
                or _NAME_BEFORE.search(chunk, max(0, s - 30), s) and _NAME_AFTER.match(chunk, e)
                or _TIE_BREAK.search(chunk, max(0, s - 8), s))


# "up to" after a verb of movement is where the thing went ("pushed earnings up to $43.1m", "rose
# up to 5%"), not a ceiling; "could rise up to 10%" and "killed up to 15,000" stay hedged.
_MOVED_OBJECT = re.compile(
    r"(?:\b(?P<pre>\w+)\s+)?\b(?:push(?:ed|es|ing)?|driv(?:e|es|en|ing)|drove|bring(?:s|ing)?|brought|"
    r"ramp(?:ed|s|ing)?|ratchet(?:ed|s|ing)?|lift(?:ed|s|ing)?|boost(?:ed|s|ing)?|rais(?:e|ed|es|ing)|"
    r"mov(?:e|ed|es|ing)|scal(?:e|ed|es|ing)|send(?:s|ing)?|sent)\s+(?P<object>(?:[\w'’-]+\s+){1,4})$", re.I)
_MOVED = re.compile(
    r"(?:\b(?P<pre>\w+)\s+)?\b(?:rose|rise[ns]?|rising|climb(?:ed|s|ing)?|went|go(?:es|ne|ing)?|"
    r"jump(?:ed|s|ing)?|soar(?:ed|s|ing)?|surg(?:ed|es|ing)|edg(?:ed|es|ing)|crept|creep(?:s|ing)?|"
    r"inch(?:ed|es|ing)|mov(?:ed|es|ing)|rocket(?:ed|s|ing)?|leapt|leap(?:ed|s|ing)?)\s+$", re.I)
_NOT_OBJECT = frozenset("for with to by of in on at from into and or that which who than as can could will would "
                        "may might must should be is are was were has have had".split())
_MAYBE = frozenset("can could may might would to".split())


def destination_up_to(hedge: str, before: str) -> bool:
    """Whether the hedge "up to" after `before` names the level reached by a movement, not a ceiling."""
    if not re.fullmatch(r"up\s+to\s*", hedge, re.I):
        return False
    pushed = _MOVED_OBJECT.search(before)
    if pushed and not _NOT_OBJECT.intersection(pushed.group("object").lower().split()):
        return (pushed.group("pre") or "").lower() not in _MAYBE  # "can boost speeds up to 75": a ceiling
    moved = _MOVED.search(before)
    return bool(moved) and (moved.group("pre") or "").lower() not in _MAYBE


def vague(text: str) -> tuple[float | None, float, float] | None:
    """(value, low, high) of a vague quantity such as "dozens" or "tens of thousands", else None."""
    return VAGUE.get(re.sub(r"\s+", " ", text.strip().lower()))


def _hedge(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"\s+", " ", text.strip())
    return next((q for q, rx in _HEDGE_OF if rx.search(text)), None)


def bounds(value: float | None, qualifier: str) -> tuple[float | None, float | None]:
    """(low, high) that a stated value and its hedge allow."""
    if value is None:
        return None, None
    return {"exact": (value, value), "approximate": (None, None), "at_least": (value, None),
            "more_than": (value, None), "up_to": (None, value), "at_most": (None, value),
            "less_than": (None, value)}.get(qualifier, (None, None))


# --- candidates -------------------------------------------------------------------------------

class _Claimed:
    """Character spans already taken by an earlier, more specific pattern."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return any(self.ends[j] > start for j in range(max(0, i - 8), i))

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _date_iso(m: re.Match) -> str | None:
    """YYYY-MM-DD, YYYY-MM, or --MM-DD for a day and month written without a year (never borrowed)."""
    g = m.groupdict()
    if g.get("iso"):
        return g["iso"]
    month = g.get("m1") or g.get("m2") or g.get("m3")
    if not month:
        return None
    month_n = _MONTHS.get(month.rstrip(".")) or _MONTHS.get(month.rstrip(".")[:3])
    day = g.get("d1") or g.get("d2")
    year = g.get("y1") or g.get("y2") or g.get("y3")
    if day and not 1 <= int(day) <= 31:
        return None
    if not year:
        # "on 27 January" says nothing of the year; another sentence's year may be a different event.
        return f"--{month_n:02d}-{int(day):02d}" if day else None
    return f"{year}-{month_n:02d}-{int(day):02d}" if day else f"{year}-{month_n:02d}"


_SECOND_OF_TIME = re.compile(r"\b(?:per|split|a\s+few|fraction\s+of\s+a)\s+$", re.I)
_SECOND_MAYBE_TIME = re.compile(r"\b(?:a|one|every|each)\s+$", re.I)  # "a second term" is an ordinal


# The other day of a span or choice of days written with one month: "4-6 March", "6 or 7 January",
# "March 4-6".
_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?P<sep>[-–]|to|or|and|&)\s*$", re.I)
_DAY_AFTER = re.compile(r"\s*[-–]\s*(\d{1,2})(?:st|nd|rd|th)?\b(?![.,:]?\d|\s*%)")


def other_day(chunk: str, m: re.Match) -> tuple[int, int, int] | None:
    """(day, start, end) of a day written beside the date `m` (`DATES`) that shares its month, else None."""
    first = m.group("d2")
    if first:
        before = _DAY_BEFORE.search(chunk, max(0, m.start() - 12), m.start())
        if before:
            day = int(before.group(1))
            if 1 <= day <= 31 and (day < int(first) or before.group("sep").lower() in ("or", "and", "&")):
                return day, before.start(1), before.end(1)
        return None
    first = m.group("d1")
    after = _DAY_AFTER.match(chunk, m.end()) if first and not m.group("y1") else None
    if after and int(first) < int(after.group(1)) <= 31:
        return int(after.group(1)), after.start(1), after.end(1)
    return None


_HEDGE_END = re.compile(rf"\b({_HEDGE})\s+$", re.I)
# A height in feet and inches: "6ft 2in", "5' 10\"", "5 feet 4in"; the inches glued to "in" or
# written with a double prime are read with the feet, never as a count.
HEIGHT = re.compile(
    r"(?<![\w.,])(?P<ft>\d)(?P<ftu>\s?(?:ft|feet|foot)\b|['’′])\s?"
    r"(?P<in>\d{1,2}(?:\.\d+)?)(?:\s?(?P<inu>in\b|inch(?:es)?\b)|[\"”″]|'')", re.I)


# A race or match time: minutes and seconds with hundredths ("9:05.73", "1:50.87") or hours,
# minutes and seconds ("2:05:30"), read as a duration in seconds; never a clock time.
RACE_TIME = re.compile(r"(?<![\d:.])\d{1,2}:\d{2}(?:\.\d{1,2}|(?P<ss>:\d{2}(?:\.\d{1,2})?))(?![\d:]|\.\d)")
_CLOCK_BEFORE = re.compile(r"\b(?:at|from|until|till|by|since)\s+$", re.I)


def candidates(text: str, start: int = 0, end: int | None = None, doc: Doc | None = None) -> list[dict]:
    """Every numeric expression in text[start:end], as dicts with offsets into `text`, in text order."""
    end = len(text) if end is None else end
    written = text[start:end]
    # Patterns read the text as the parser does, without its Markdown marks, so "_up to 150,000_" keeps
    # its hedge; a row's text is what is written.
    chunk = parser_view(written)
    claimed = _Claimed()
    rows: list[dict] = []

    def take(s: int, e: int, **fields) -> None:
        claimed.add(start + s, start + e)
        if fields:
            rows.append({"start": start + s, "end": start + e, "text": written[s:e], **fields})

    digits = _DIGIT.search(chunk) is not None  # dates, times, identifiers and years all hold one
    for m in DATES.finditer(chunk) if digits else ():
        iso = _date_iso(m)
        if m.group("d1") and not 1 <= int(m.group("d1")) <= 31:
            continue  # "March 45": not a date
        take(m.start(), m.end(), kind="date", qualifier="exact", date_iso=iso)
        other = other_day(chunk, m)
        if other:
            day, s_day, e_day = other
            take(s_day, e_day, kind="date", qualifier="exact", date_iso=iso[:-2] + f"{day:02d}" if iso else None)
    decades = digits and ("0s" in chunk or "0's" in chunk or "0’s" in chunk)
    for m in SHORT_DECADE.finditer(chunk) if decades else ():
        digit = re.search(r"\d", m.group()).start()
        at = m.start() + digit - (1 if m.group()[digit - 1] in "'’" else 0)
        if claimed.overlaps(start + at, start + m.end()):
            continue
        window = chunk[max(0, m.start() - 50):m.start()]
        if _TEMPERATURE_BEFORE.search(window[max(window.rfind(". "), window.rfind("? "), window.rfind("! ")) + 1:]):
            base = float(re.search(r"[2-9]0", m.group()).group())  # "highs in the 60s": degrees 60-69
            take(at, m.end(), kind="other", unit="degrees", qualifier="range", low=base, high=base + 9)
        else:
            take(at, m.end(), kind="date", qualifier="exact", date_iso=None)
    for m in AGE_DECADE.finditer(chunk) if decades or "ties" in chunk or "teens" in chunk else ():
        # "20s to 40s" is one span of ages; "20s and 30s" two decades, each a row
        first = bounds_a = decade_bounds(m.group("dec1"), m.group("part1"))
        if m.group("dec2") is not None:
            second = decade_bounds(m.group("dec2"), m.group("part2"))
            if m.group("sep").strip().lower() in ("and", "or"):
                take(m.start("a"), m.end("dec1"), kind="age", unit="years", qualifier="range",
                     low=first[0], high=first[1])
                start_b = m.start("part2") if m.group("part2") else m.start("dec2")
                take(start_b, m.end("a"), kind="age", unit="years", qualifier="range",
                     low=second[0], high=second[1])
                continue
            bounds_a = (first[0], second[1])
        take(m.start("a"), m.end("a"), kind="age", unit="years", qualifier="range",
             low=bounds_a[0], high=bounds_a[1])
    for m in RACE_TIME.finditer(chunk) if digits else ():
        if m.group("ss") and _CLOCK_BEFORE.search(chunk, max(0, m.start() - 8), m.start()):
            continue  # "at 10:05:30": a clock time with its seconds
        parts = [float(x) for x in re.split(r":", m.group())]
        seconds = round(sum(x * 60 ** i for i, x in enumerate(reversed(parts))), 2)
        take(m.start(), m.end(), kind="duration", unit="seconds", qualifier="exact", value=seconds, low=seconds,
             high=seconds)
    for m in TIMES.finditer(chunk) if digits else ():
        if not claimed.overlaps(start + m.start(), start + m.end()):
            take(m.start(), m.end(), kind="time", qualifier="exact")
    for m in IDENTIFIERS.finditer(chunk) if digits else ():
        if not claimed.overlaps(start + m.start(), start + m.end()):
            take(m.start(), m.end())
    for m in YEAR_SPAN.finditer(chunk) if digits else ():
        a, b = int(m.group("a")), m.group("b")
        b = int(b) if len(b) == 4 else a - a % 100 + int(b)
        if 0 < b - a <= 10 and not claimed.overlaps(start + m.start(), start + m.end()):
            take(m.start(), m.end(), kind="date", qualifier="exact", date_iso=None)
    for m in YEAR.finditer(chunk) if digits else ():
        s, e = start + m.start(), start + m.end()
        if claimed.overlaps(s, e):
            continue
        token_date = False
        if doc is not None:
            span = doc.char_span(s, e, alignment_mode="expand")
            token_date = span is not None and any(t.ent_type_ == "DATE" for t in span)
        if token_date or _YEAR_BEFORE.search(chunk[max(0, m.start() - 12):m.start()]):
            take(m.start(), m.end(), kind="date", qualifier="exact", date_iso=m.group())
    # fractions before ordinals: "a third of the votes" is a share, not the ordinal "third"
    for m in FRACTION.finditer(chunk) if holds_any(chunk, _FRACTION_WORDS, _FRACTION_HINT) else ():
        if claimed.overlaps(start + m.start("a"), start + m.end("a")):
            continue
        if m.group("half"):
            v = 0.5
        else:
            n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}[m.group("num").lower()]
            v = n / _DENOMINATORS[m.group("den").lower()]
        q = _hedge(m.group("hedge")) or "exact"
        low, high = bounds(v, q)
        take(m.start() if m.group("hedge") else m.start("a"), m.end("a"), kind="other", unit="fraction",
             qualifier=q, value=v, low=low, high=high)
    for m in _ORDINAL.finditer(chunk):
        s, e = start + m.start(), start + m.end()
        if claimed.overlaps(s, e):
            continue
        word = m.group().lower()
        if m.group()[0].isupper() and word.isalpha() and _TITLE_AFTER.match(chunk, m.end()):
            continue  # "First Minister", "First Lady", "Second World War": part of a title or a name
        if word == "second" and (_SECOND_OF_TIME.search(chunk, max(0, m.start() - 12), m.start())
                                 or _SECOND_MAYBE_TIME.search(chunk, max(0, m.start() - 8), m.start())
                                 and not _modifies_noun(doc, e)):
            continue  # "calculations per second", "a split second", "for a second.": the unit of time
        if word == "second" and doc is not None:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or span[0].ent_type_ != "ORDINAL":
                continue
        value = _ORDINAL_WORDS.get(word) or float(re.match(r"\d+", word).group())
        take(m.start(), m.end(), kind="ordinal", qualifier="exact", value=value, low=value, high=value)
    for m in HEIGHT.finditer(chunk) if digits else ():
        if claimed.overlaps(start + m.start(), start + m.end()):
            continue
        hedge = _HEDGE_END.search(chunk, max(0, m.start() - 30), m.start())
        q = _hedge(hedge.group(1)) if hedge else "exact"
        feet, inches = float(m.group("ft")), float(m.group("in"))
        low, high = bounds(feet, q)
        unit_ft = m.group("ftu").strip().lower() if m.group("ftu").strip().isalpha() else "ft"  # a prime is feet
        take(hedge.start() if hedge else m.start(), m.end("ftu"), kind="distance", unit=unit_ft, qualifier=q,
             value=feet, low=low, high=high)
        take(m.start("in"), m.end(), kind="distance", unit=(m.group("inu") or "in").lower(), qualifier="exact",
             value=inches, low=inches, high=inches)
    for m in _DURATION_ONE.finditer(chunk) if _DURATION_HINT.search(chunk) else ():
        if not claimed.overlaps(start + m.start("a"), start + m.end()):
            unit = m.group("a").split()[-1].lower()
            q = _hedge(m.group("hedge")) or "exact"
            low, high = bounds(1.0, q)
            take(m.start(), m.end(), kind="duration", unit=unit, qualifier=q, value=1.0, low=low, high=high)
    for m in _DURATION_AGO.finditer(chunk) if _DURATION_HINT.search(chunk) else ():
        if not claimed.overlaps(start + m.start(), start + m.end()):
            take(m.start(), m.end(), kind="duration", unit=m.group("a").split()[-1].lower(), qualifier="exact",
                 value=1.0, low=1.0, high=1.0)
    for m in RATIO.finditer(chunk) if _RATIO_HINT.search(chunk) else ():
        n, d = (_ratio_term(m.group(g)) for g in ("n", "d"))
        if n is None or not d or n > d or claimed.overlaps(start + m.start("a"), start + m.end("a")) \
                or _NAMED_BY_NUMBER.search(chunk, max(0, m.start() - 12), m.start()) \
                or not share_not_events(chunk, m.end("a"), doc, start):
            continue
        q = _hedge(m.group("hedge")) or "exact"
        low, high = bounds(n / d, q)
        take(m.start() if m.group("hedge") else m.start("a"), m.end("a"), kind="other", unit="fraction",
             qualifier=q, value=n / d, low=low, high=high)
    for m in MULTIPLE.finditer(chunk):
        if not claimed.overlaps(start + m.start(), start + m.end()):
            v = 2.0 if m.group().lower() == "twice" else 3.0
            take(m.start(), m.end(), kind="count", unit="times", qualifier="exact", value=v, low=v, high=v)
    names = set()  # starts of the glued names claimed here
    for m in GLUED_NAME.finditer(chunk) if digits else ():
        if not claimed.overlaps(start + m.start(), start + m.end()) and glued_name(chunk, m):
            take(m.start(), m.end())
            names.add(m.start())
    pos = 0
    while (m := EXPRESSION.search(chunk, pos)) is not None:
        row = _expression(m, chunk, claimed, start, doc, text)
        # "4G and 5 masts", "at 0400 and 3 people": the name or identifier is no figure, the number
        # after it still is
        pos = m.end("a") if row is None and m.group("b") and (
            m.start("a") in names or claimed.overlaps(start + m.start("a"), start + m.end("a"))) else m.end()
        if row:
            s, e = row.pop("s"), row.pop("e")
            take(s, e, **row)
            if e < pos:
                pos = e  # a second number the row did not take ("rose 12 to 1,450") is read on its own
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


def _modifies_noun(doc: Doc | None, end: int) -> bool:
    """Whether the word after a number ending at `end` is a noun or adjective it counts; True without a parse."""
    if doc is None:
        return True
    span = doc.char_span(end, min(end + 1, len(doc.text)), alignment_mode="expand") if end < len(doc.text) else None
    nxt = next((t for t in doc[span.start:] if not t.is_space), None) if span is not None else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")


# Words before a pronoun "one": "no one", "no-one", "each one"; a determiner with at most one word
# between ("this one", "the previous one", "a good one") when no noun follows.
# Capitalised words that make a name with the number after them (not at a sentence start, where
# "Top" may be an ordinary word).
_LIST_NAME_BEFORE = re.compile(r"(?<![.!?\"“]\s)(?<!^)\b(?-i:Top|Fortune|Formula|FTSE|Russell)\s+$")
_ONE_PRONOUN_BEFORE = re.compile(r"\b(?:no|any|some|every|each)(?:\s+|-)$|-in-$", re.I)
_ONE_DET_BEFORE = re.compile(r"\b(?:this|that|which|the|a|an|another)\s+"
                             r"(?:(?!(?:of|and|or|to|in|at|than)\s)[a-z]+\s+)?$", re.I)
_ONE_IDIOM = re.compile(r"-(?:off|offs|time|way|sided|stop)\b", re.I)
_ONE_AT = re.compile(r"\bat\s+$", re.I)
_OF_AFTER = re.compile(r"\s+of\b", re.I)
_ONE_AT_AFTER = re.compile(r"\s+(?:point|stage|time)\b", re.I)


# The second number of a range whose first carries its unit: "between 3% and 5%", "3%-5%", "5km to 10km".
_CURRENCY_WORD_AFTER = re.compile(rf"\s(?:of\s+)?(?:{_CURRENCY_WORDS})\b", re.I)
_UNIT_RANGE_TAIL = re.compile(rf"(?P<sep>\s*(?:[-–]|{_DASH_REF})\s*|\s+(?:to|and)\s+)(?P<cur>{_CUR})?"
                              r"(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?:thousand|million|billion|trillion)\b|"
                              r"(?:bn|mn|tn|m)(?![a-z]))?)", re.I)


# "ranged from 20% to 30%", "varies from 5km to 10km": a "from" that opens a range, not a change.
_RANGED_FROM = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+(?:from\s+)?$", re.I)


def unit_range(chunk: str, s: int, e: int, kind: str, unit: str, money: bool, opener: str) -> tuple[float, int] | None:
    """(second value, end) when the figure at chunk[s:e] goes on to a second number in the same unit
    that makes a range with it: after a dash, after "and" when "between" opened it (`opener`), after
    "to" when neither "from", "by" nor a verb of change comes before ("cut rates by 0.5% to 4.5%")."""
    tail = _UNIT_RANGE_TAIL.match(chunk, e)
    if not tail:
        return None
    sep = tail.group("sep").strip().lower()
    if sep == "and" and opener != "between" or sep == "to" and (
            opener == "from" and not _RANGED_FROM.search(chunk, max(0, s - 30), s)
            or _CHANGE_BEFORE.search(chunk, max(0, s - 40), s)
            or re.search(r"\bby\s+$", chunk[max(0, s - 4):s], re.I)):
        return None
    n_s, n_e = tail.span("n")
    if money:
        words = _CURRENCY_WORD_AFTER.match(chunk, n_e)
        if not (tail.group("cur") or "").strip() and not words:
            return None  # "$10-12" is read by the main pattern; "$5 to 10 people" is no range
        return parse_number(tail.group("n"), money=True), words.end() if words else n_e
    after = unit_after(chunk, n_s, n_e)
    if after is None or not after.group(0):
        return None
    g = after.groupdict()
    same = {"percent": g.get("pct"), "distance": g.get("dist"), "duration": g.get("dur"), "other": g.get("other")}[kind]
    if not same or kind != "percent" and same.lower() != unit:
        return None
    value = parse_number(tail.group("n"))
    return (value, n_e + after.end()) if value is not None else None


def _expression(m: re.Match, chunk: str, claimed: _Claimed, offset: int, doc: Doc | None = None,
                article: str | None = None) -> dict | None:
    a_s, a_e = m.span("a")
    if claimed.overlaps(offset + a_s, offset + a_e):
        return None
    hedge_text, between, b = m.group("hedge"), m.group("between"), m.group("b")
    sep = html.unescape(m.group("sep") or "").strip().lower()
    e, trail = m.end(), m.group("trail") or ""
    between_before = sep == "and" and _BETWEEN_BEFORE.search(chunk, max(0, m.start() - 50), m.start())
    if b and (claimed.overlaps(offset + m.start("b"), offset + m.end("b"))
              or (sep == "and" and not (between or "").lower().startswith("between") and not between_before)):
        b, e, trail = None, a_e, ""  # "two and three" outside "between": two figures, not a range
    a_text = m.group("a")
    if a_text.lower() == "one" and not b and (
            _ONE_PRONOUN_BEFORE.search(chunk, max(0, a_s - 6), a_s) or _ONE_IDIOM.match(chunk, a_e)
            or _ONE_AT.search(chunk, max(0, a_s - 4), a_s) and _ONE_AT_AFTER.match(chunk, a_e)
            or _ONE_DET_BEFORE.search(chunk, max(0, a_s - 24), a_s) and not _modifies_noun(doc, offset + a_e)
            and not _OF_AFTER.match(chunk, a_e)):
        # "no one", "no-one", "whether this one will", "the previous one": pronouns, not counts ("that
        # one person" counts); "a one-off payment", "at one point": idioms that count nothing
        return None
    if re.fullmatch(r"\d{5,}", a_text):
        return None  # unseparated long digit strings are ids, dates or case numbers
    if _LIST_NAME_BEFORE.search(chunk, max(0, a_s - 10), a_s):
        return None  # "the Top 500 list", "a Fortune 500 company", "Formula 1": a name
    unit_m = unit_after(chunk, a_s, e)
    money = bool(m.group("cur")) or bool(unit_m and unit_m.groupdict().get("cur"))
    if hedge_text and destination_up_to(hedge_text, chunk[max(0, m.start() - 60):m.start()]):
        hedge_text = None  # "pushed earnings up to $43.1m": where it went, not a ceiling
    qualifier = _hedge(hedge_text) or "exact"
    if trail:
        qualifier = _TRAIL.get(re.sub(r"\s+", " ", trail.strip().lower()), qualifier)
    v = vague(a_text)
    if v is not None:
        b, e = None, (a_e if b else e)
        value, low, high = v
        if value is None:
            qualifier = "approximate" if qualifier == "exact" else qualifier
        elif qualifier == "exact":
            low = high = value
    else:
        value = parse_number(a_text, money=money)
        if value is None:
            glued = _GLUED_M.fullmatch(a_text.strip())
            if not glued:
                return None
            if glued_m_is_metres(chunk, a_s, a_e, doc, offset, article):
                value = float(glued.group(1).replace(",", ""))
                unit_m = re.match(r"^(?P<dist>)", "")
            else:
                value = parse_number(a_text, money=True)  # "2m people": millions, with no currency to name
        low, high = bounds(value, qualifier)
        if b:
            vb = parse_number(b, money=money or bool(m.group("cur2")))
            scale = r"(thousand|million|billion|trillion|bn|mn|tn|k)$"
            scale_b = re.search(scale, b.strip(), re.I)
            value_a = value
            if scale_b and not re.search(scale, a_text.strip(), re.I):
                value = scaled(value, _SCALES[scale_b.group(1).lower()])  # "2 to 3 million": the scale is shared
            if vb is not None and sep == "-" and not hedge_text and not money and is_score(chunk, m):
                return None  # "Wasps 31-37 Leicester", "lost 1-3", "went 0-30 down": a score, not a range
            # "two or three people": the text allows either, so a range; "or" is never a change
            if vb is not None and vb > value and (sep == "or" or not is_change(
                    chunk[max(0, m.start() - 40):m.start()], a_text, b, value, vb, money or bool(m.group("cur2")),
                    (between or "").lower().startswith("from"))):
                low, high, value, qualifier = value, vb, None, "range"
            elif vb is not None and sep == "-" and re.fullmatch(r"\d{1,3}", a_text) and re.fullmatch(r"\d{1,3}", b):
                return None  # "6-4", "3-1": a score, not a quantity
            else:
                b, e, trail = None, a_e, ""
                value = value_a
                low, high = bounds(value, qualifier)
        if b is None:
            unit_m = unit_after(chunk, a_s, e) if a_text.strip()[-1:] != "m" or value is None else unit_m
    if hedge_text:
        s = m.start()
    elif between and b:
        s = m.start("between")
    else:
        s = m.start("cur") if m.group("cur") else a_s
    kind, unit = "count", None
    if money:
        # a range whose second number carries the currency ("from 1990-2500 dollars") has no unit match
        cur = (m.group("cur") or "").strip().lower() or (
            (unit_m.group("cur") if unit_m is not None else None) or "").strip().lower()
        cur = html.unescape(re.sub(r"^of\s+", "", re.sub(r"\s+", " ", cur)))  # "&#163;" is £
        kind, unit = "money", _CURRENCY.get(cur, cur or None)
    if kind == "money" and unit in ("crowns", "crown") and (
            value is None or value < 10 or _WON_BEFORE.search(chunk, max(0, s - 30), s)):
        kind, unit = "count", None  # "won three crowns", "two crowns fitted": titles or teeth, not money
    if unit_m is not None and (unit_m.group(0) or unit_m.groupdict().get("dist") == ""):
        g = unit_m.groupdict()
        if g.get("pct"):
            kind, unit = "percent", "percent"
        elif g.get("age"):
            kind, unit = "age", "years" if "year" in g["age"].lower() else "months"
        elif g.get("dist") is not None:
            kind, unit = "distance", g["dist"].lower() or "m"
        elif g.get("dur") and not money:  # "$639m year-earlier", "£20,000 a year" stay money
            kind, unit = "duration", g["dur"].lower()
        elif g.get("other") and not money:
            kind, unit = "other", g["other"].lower()
        elif g.get("temp") and not money:
            if _NAMED_BY_NUMBER.search(chunk, max(0, s - 12), s):
                return None  # "Flat 3C", "class 9C", "Gate 10F": a label, no temperature
            kind, unit = "other", g["temp"].replace(" ", "")  # as written: a lower-case "c" reads as cents
        elif g.get("times"):
            kind, unit = "count", "times"
        if kind not in ("count", "money") or g.get("cur") or g.get("times"):
            e += unit_m.end()
    if not b and value is not None and kind in ("percent", "money", "distance", "duration", "other") and unit:
        tail = unit_range(chunk, s, e, kind, unit, money, (between or "").strip().lower())
        if tail and tail[0] > value:
            low, high, value, qualifier, e = value, tail[0], None, "range", tail[1]
            if between:
                s = m.start("between")
    if kind == "count" and not money and not b and _RANK_BEFORE.search(chunk, max(0, s - 10), s):
        kind = "ordinal"  # "world number 46", "the British number one", "seeded three": a rank
    if kind == "count" and not money and _MAGNITUDE_BEFORE.search(chunk, max(0, s - 20), s):
        kind, unit = "other", "magnitude"  # "a magnitude 5.8 aftershock", "a magnitude of 7.1"
    if kind == "count" and not b and re.fullmatch(r"\d+(?:\.\d+)?[kK]", a_text.strip()) and km_race(chunk, a_s, a_e):
        value = float(a_text.strip()[:-1])  # "a 5K run": five kilometres
        low, high = bounds(value, qualifier)
        kind, unit = "distance", "km"
    if kind == "count" and value is not None and value == int(value) and value < 120 and not b \
            and a_text.strip().isdigit():
        before, after = chunk[max(0, s - 40):s], chunk[e:e + 12]
        if _AGE_BEFORE.search(before) and (_AGE_AFTER.match(after) or re.search(r"aged?\s+(?:of\s+)?$", before, re.I)):
            kind, unit = "age", "years"
    if kind == "count" and value is not None and value == int(value) and 1 <= value < 120 and not b \
            and _AGE_END.match(chunk, e) and (
                qualifier in ("more_than", "less_than", "at_least", "at_most")
                and _PEOPLE_BEFORE.search(chunk, max(0, s - 30), s)
                or _WAS_AGE_BEFORE.search(chunk, max(0, s - 30), s) or _IS_AGE_BEFORE.search(chunk, max(0, s - 12), s)):
        # "people over 60", "children under five", "when he was 16", "turned 40", "He is 61, and"
        kind, unit = "age", "years"
    if kind == "count" and not b and (ranged := _FROM_UNIT_BEFORE.search(chunk, max(0, s - 50), s)):
        # the second end of a change in one measure carries the first end's unit, written once
        dist, other, cur = ranged["dist"] or ranged["dist2"], ranged["other"] or ranged["other2"], ranged["cur"]
        if cur:
            cur = re.sub(r"\s+", " ", cur.lower())
            if cur not in ("crowns", "crown") or value is not None and value >= 10:
                kind, unit = "money", _CURRENCY.get(cur, cur)
        else:
            kind, unit = ("distance", dist.lower()) if dist else ("other", other.lower())
    if kind == "count" and b and qualifier == "range" and _AGED_BEFORE.search(chunk, max(0, s - 20), s):
        kind, unit = "age", "years"  # "children aged 5-11", "those aged between 18 and 24"
    return {"s": s, "e": e, "value": value, "low": low, "high": high, "qualifier": qualifier,
            "kind": kind, "unit": unit, "core_start": offset + a_s, "core_end": offset + (m.end("b") if b else a_e)}


# --- linking to the parse ---------------------------------------------------------------------

def _core_tokens(doc: Doc, row: dict) -> Span | None:
    s, e = row.get("core_start", row["start"]), row.get("core_end", row["end"])
    return doc.char_span(s, e, alignment_mode="expand")


def counted_token(span: Span) -> Token | None:
    """The noun a number counts: its head for "15,000 soldiers", the object of "of" for "thousands of civilians"."""
    root = span.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "det") and head.pos_ in ("NOUN", "PROPN") \
            and head.i not in range(span.start, span.end) and _worded(head):
        return head
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN", "ADJ") and _worded(c)]
            if pobj:
                return pobj[0]
    if root.pos_ in ("NOUN",) and root.lower_ not in VAGUE and not root.like_num and _worded(root):
        return root
    return None


def _worded(tok: Token) -> bool:
    """Whether a token holds a letter: Markdown emphasis marks ("_", "**") that the parser tags as
    nouns ("four _injured_") are never the thing counted."""
    return any(c.isalpha() for c in tok.text)


def _name_number(span: Span) -> bool:
    """A number that is part of a name: "50 Cent", "the Top 40", "the HP 607 model", the channel "Five"."""
    root = span.root
    if any(t.ent_type_ in ("PRODUCT", "WORK_OF_ART", "FAC", "LAW", "ORG") for t in span):
        return True
    if root.dep_ == "nummod" and root.head.tag_ == "NNP" and root.head.text[:1].isupper() \
            and root.head.ent_type_ not in ("NORP", "GPE"):
        return True
    word = span.text
    if word[:1].isupper() and not word[:1].isdigit() and root.dep_ == "nummod" \
            and root.head.tag_ in ("NNPS", "NNS") and root.head.text[:1].isupper() \
            and root.head.ent_type_ not in ("NORP", "GPE") and root.i > 0 and root.nbor(-1).text[:1].islower():
        # "the Six Nations", "this year's Six Nations": a number word capitalised within a sentence
        # before a capitalised plural; not a title-case headline ("Gunman Kills Three Students")
        return True
    return (word[:1].isupper() and not word[:1].isdigit() and not root.is_sent_start
            and root.dep_ != "nummod" and not any(c.dep_ == "prep" for c in root.children))


_SAY = {"say", "tell", "report", "claim", "estimate", "state", "announce", "add", "write", "confirm",
        "according", "insist", "warn", "note", "tweet", "post", "believe", "put", "reveal", "disclose"}


def _speaker_span(tok: Token) -> Span:
    subtree = list(tok.subtree)
    # Keep the noun phrase, not clauses hanging off it ("Williams, who ... ,").
    cut = [c for c in tok.children if c.dep_ in ("relcl", "acl", "appos", "punct") and c.i > tok.i]
    end = min([c.left_edge.i for c in cut] + [subtree[-1].i + 1])
    return tok.doc[subtree[0].i:end]


def _name_in(span: Span) -> str:
    persons = [e for e in span.ents if e.label_ == "PERSON"]
    if persons:
        return persons[-1].text
    text = span.text.strip(" ,")
    return re.sub(r"^(?:the|The)\s+", "the ", text)


def own_attribution(sent: Span) -> tuple[str | None, str | None]:
    """(source, source phrase) from "according to X", "X said/told/reported" within one sentence."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            pobj = [c for c in tok.nbor().children if c.dep_ == "pobj"]
            if pobj:
                span = _speaker_span(pobj[0])
                return _name_in(span), span.text
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in _SAY:
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
            if subj:
                span = _speaker_span(subj[0])
                return _name_in(span), span.text
    return None, None


def _missing(value) -> bool:
    """Whether a value read from a table column is missing (None, NA or NaN)."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


class Speakers:
    """An article's `sources` rows as plain lists, read once: who a span or a sentence is attributed to."""

    def __init__(self, sources: pd.DataFrame | None):
        self.rows: list[tuple] = []  # (start, end, (speaker, row, speaker phrase)) of rows with a speaker
        self.unspoken: list[tuple[int, int]] = []  # (start, end) of rows without a speaker
        self.by_sentence: dict[int, tuple] | None = None  # first (speaker, row, phrase) of each sentence
        if sources is None or not len(sources) or "speaker" not in sources.columns:
            return
        n = len(sources)

        def column(name: str) -> list:
            return sources[name].tolist() if name in sources.columns else [None] * n

        starts, ends, sents = column("start"), column("end"), column("sentence")
        speakers, phrases = column("speaker"), column("speaker_text")
        spans = "start" in sources.columns and "end" in sources.columns
        if "sentence" in sources.columns:
            self.by_sentence = {}
        for i in range(n):
            found = not _missing(speakers[i])
            if found:
                hit = (str(speakers[i]), i, None if _missing(phrases[i]) else str(phrases[i]))
                if self.by_sentence is not None and not _missing(sents[i]):
                    self.by_sentence.setdefault(sents[i], hit)
            if spans and not (_missing(starts[i]) or _missing(ends[i])):
                if found:
                    self.rows.append((starts[i], ends[i], hit))
                else:
                    self.unspoken.append((starts[i], ends[i]))

    def find(self, sentence: int | None, start: int, end: int) -> tuple[str | None, int | None, str | None]:
        """(speaker, row, speaker phrase) of the first row whose quote holds the span, else of the
        first row of its sentence; rows without a speaker are skipped, but a quote without one
        that holds the span still stops the look-up in the sentence."""
        for s, e, hit in self.rows:
            if s <= start and e >= end:
                return hit
        if self.by_sentence is None or any(s <= start and e >= end for s, e in self.unspoken):
            return None, None, None
        return self.by_sentence.get(sentence, (None, None, None))


# --- the table --------------------------------------------------------------------------------

def table(article: Article, doc: Doc, sentences: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """The figures of one article."""
    from . import casualties  # the casualty lexicon lives there; imported late to keep the modules independent

    # Plain lists and per-sentence caches: the loop below runs once per candidate.
    sent_ids, sent_starts, sent_ends = (sentences[c].tolist() for c in ("sentence", "start", "end"))
    speakers = Speakers(sources)
    spans: dict[int, Span | None] = {}
    attributions: dict[int, tuple[str | None, str | None]] = {}
    rows = []
    for p in article.paragraphs_of(FIGURE_PARAGRAPHS):
        for row in candidates(article.text, p.start, p.end, doc):
            sentence, sent = None, None
            if sent_ids:
                i = max(0, bisect.bisect_right(sent_starts, row["start"]) - 1)
                sentence = int(sent_ids[i])
                if i not in spans:
                    spans[i] = doc.char_span(int(sent_starts[i]), int(sent_ends[i]), alignment_mode="expand")
                sent = spans[i]
            row.update(article_id=article.article_id, paragraph=p.index, sentence=sentence)
            span = _core_tokens(doc, row)
            if span is not None and row["kind"] == "count" and _name_number(span):
                continue
            if span is not None and row["kind"] in ("count",) and row.get("unit") != "times":
                counted = counted_token(span)
                row["counted"] = counted.lower_ if counted is not None else None
                reading = casualties.reading(span, counted)
                if reading:
                    row.update(is_casualty=True, casualty_type=reading["casualty_type"], cue=reading["cue"],
                               victims=reading["victims"], side=reading["side"], period=reading["period"])
            row.setdefault("is_casualty", False)
            src, src_row, phrase = speakers.find(sentence, row["start"], row["end"])
            if src is None and sent is not None:
                if i not in attributions:
                    attributions[i] = own_attribution(sent)
                src, phrase = attributions[i]
            row.update(source=src, source_row=src_row)
            if row.get("is_casualty") and not row.get("side") and sent is not None:
                row["side"] = casualties.side_from_context(sent, phrase or src)
            for k in ("core_start", "core_end"):
                row.pop(k, None)
            rows.append(row)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    if not rows:
        return _empty_figures().copy()
    return with_categories(conform(rows, FIGURES), {"qualifier": QUALIFIERS, "kind": KINDS,
                                                    "casualty_type": casualties.CASUALTY_TYPES})


@lru_cache(maxsize=1)
def _empty_figures() -> pd.DataFrame:
    """The figures table of an article without figures (callers copy it)."""
    from .casualties import CASUALTY_TYPES

    return with_categories(conform([], FIGURES), {"qualifier": QUALIFIERS, "kind": KINDS,
                                                  "casualty_type": CASUALTY_TYPES})


def with_categories(frame: pd.DataFrame, categories: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """The frame with these category columns given fixed categories, as `cat.set_categories` would,
    by one array look-up per column."""
    recoded = {}
    for col, cats in categories.items():
        found = frame[col].array
        # Old code -> new code; the extra last entry maps the missing code -1 to -1.
        recode = np.array([cats.index(c) if c in cats else -1 for c in found.categories] + [-1], dtype=np.int8)
        recoded[col] = pd.Categorical.from_codes(recode[found.codes], dtype=_category_dtype(cats))
    return frame.assign(**recoded)


@lru_cache(maxsize=16)
def _category_dtype(categories: tuple[str, ...]) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(categories)  # made once: building the categories index is the slow part


# The tables `extract` returns, in order (the pipeline lists them without running anything).
MAKES = ("figures",)


def extract(article: Article, doc: Doc, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Pipeline entry point: the `figures` table of one article."""
    return {"figures": table(article, doc, tables["sentences"], tables.get("sources"))}
