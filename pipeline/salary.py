"""Find the base pay that a posting states, in free text or in structured fields.

The text parser works in three steps, each cheap enough for tens of thousands of postings:
1. find money atoms (a number with a currency, a multiplier such as ``k`` or ``lakh``, or
   both) with one precompiled pattern, only in windows around a currency sign, a currency
   code or a pay word, so that a text with none of them costs almost nothing;
2. join neighbouring atoms into ranges (``$120k - 150k``, ``90k-120k CHF``, ``between X and
   Y``) and resolve the currency and the shared multiplier;
3. judge each candidate from its context: the cue word nearest before it (``salary`` or
   ``raised``), the clause after it (``OTE``, ``signing bonus``, ``ARR``), an explicit period
   (``/hr``, ``p.a.``), else a magnitude band per currency, marked as inferred.

A false salary is worse than a missed one: a candidate needs either a pay cue, or the shape
of a salary line (a range, or a figure standing alone in a header field such as
``| $150k |``), and any funding, revenue, price or perk cue discards it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

PERIODS = ("hour", "day", "week", "month", "year")
EMPLOYER_TEXT = "employer_text"
EMPLOYER_STRUCTURED = "employer_structured"


@dataclass(frozen=True)
class Salary:
    """One base-pay range, in the stated currency and period; a single figure has min == max."""

    min_amount: float
    max_amount: float
    currency: str
    period: str
    is_period_inferred: bool = False
    is_ote: bool = False
    snippet: str = ""
    provenance: str = EMPLOYER_TEXT
    # The text gave no currency at all (``SALARY: 100-150k``): it came from the country or
    # from place names, so the warehouse can leave such rows out of currency-strict series.
    is_currency_inferred: bool = False
    # Structured data may give several tiers (one per location); this is the tier's title.
    label: str | None = None
    start: int = -1

    @property
    def midpoint(self) -> float:
        """Return the middle of the range, which means and medians count."""
        return (self.min_amount + self.max_amount) / 2


# --- currencies ------------------------------------------------------------------------------

_DOLLAR = "$"  # a bare dollar sign: USD unless the country or the text says otherwise
_NORDIC_KR = "kr"  # kr is SEK, NOK or DKK: only the country can tell

_PREFIX_CURRENCY = {
    "US$": "USD",
    "U.S.$": "USD",
    "USD$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "Can$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "NZ$": "NZD",
    "NZD$": "NZD",
    "S$": "SGD",
    "SG$": "SGD",
    "SGD$": "SGD",
    "HK$": "HKD",
    "R$": "BRL",
    "MX$": "MXN",
    "$": _DOLLAR,
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "¥": "JPY",
    "₩": "KRW",
    "₪": "ILS",
    "Fr.": "CHF",
    "SFr.": "CHF",
}
_SUFFIX_WORDS = {
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "$": _DOLLAR,
    "zł": "PLN",
    "Kč": "CZK",
    "円": "JPY",
    "kr": _NORDIC_KR,
    "euro": "EUR",
    "euros": "EUR",
    "Euro": "EUR",
    "dollars": _DOLLAR,
    "pounds": "GBP",
    "rupees": "INR",
    "francs": "CHF",
}
ISO_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "CAD",
        "AUD",
        "NZD",
        "CHF",
        "SGD",
        "INR",
        "JPY",
        "CNY",
        "HKD",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "BRL",
        "MXN",
        "ILS",
        "ZAR",
        "KRW",
        "TWD",
        "MYR",
        "PHP",
        "THB",
        "IDR",
        "TRY",
        "AED",
    ]
)
_DOLLAR_CODES = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD"})
_DOLLAR_OF_COUNTRY = {
    "US": "USD",
    "CA": "CAD",
    "AU": "AUD",
    "NZ": "NZD",
    "SG": "SGD",
    "HK": "HKD",
    "MX": "MXN",
    "TW": "TWD",
}
_EURO_COUNTRIES = frozenset(
    [
        "AT",
        "BE",
        "CY",
        "DE",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PT",
        "SI",
        "SK",
    ]
)
_CURRENCY_OF_COUNTRY = {
    **_DOLLAR_OF_COUNTRY,
    **{c: "EUR" for c in _EURO_COUNTRIES},
    "GB": "GBP",
    "UK": "GBP",
    "CH": "CHF",
    "IN": "INR",
    "JP": "JPY",
    "SE": "SEK",
    "NO": "NOK",
    "DK": "DKK",
    "PL": "PLN",
    "CZ": "CZK",
    "IL": "ILS",
    "BR": "BRL",
    "CN": "CNY",
}

# Bands used to infer a period when none is stated, in units of each currency:
# (hourly range, monthly range or None, lowest yearly amount). Monthly is inferred only where
# employers commonly quote monthly pay; UK, US, Canadian and Australian posts quote yearly.
_BANDS: dict[str, tuple[tuple[float, float] | None, tuple[float, float] | None, float]] = {
    "USD": ((7, 300), None, 20_000),
    "CAD": ((10, 300), None, 25_000),
    "AUD": ((15, 300), None, 30_000),
    "NZD": ((15, 300), None, 30_000),
    "GBP": ((7, 250), None, 15_000),
    "EUR": ((8, 250), (1_500, 20_000), 20_000),
    "CHF": ((20, 300), (3_000, 20_000), 40_000),
    "SGD": ((8, 300), (2_000, 25_000), 25_000),
    "HKD": ((50, 2_000), (12_000, 150_000), 150_000),
    "INR": (None, (10_000, 99_999), 100_000),
    "JPY": ((1_000, 30_000), (150_000, 2_000_000), 2_000_000),
    "SEK": ((100, 2_500), (20_000, 200_000), 200_000),
    "NOK": ((100, 2_500), (20_000, 200_000), 200_000),
    "DKK": ((100, 2_500), (20_000, 200_000), 200_000),
    "PLN": ((20, 1_000), (4_000, 80_000), 80_000),
    "CZK": ((100, 5_000), (20_000, 500_000), 500_000),
    "BRL": ((20, 1_000), (2_000, 100_000), 100_000),
    "MXN": ((50, 5_000), (10_000, 500_000), 500_000),
    "ILS": ((30, 1_000), (8_000, 100_000), 100_000),
}
# Loose limits for an explicitly stated period, in US-dollar terms: outside them the figure is
# a price, a budget or a typo rather than pay (``$25/mo`` is a subscription).
_EXPLICIT_LIMITS_USD = {
    "hour": (3, 2_000),
    "day": (30, 10_000),
    "week": (100, 50_000),
    "month": (300, 500_000),
    "year": (3_000, 5_000_000),
}
# Rough units per US dollar, only to scale the limits above; never used to convert amounts.
_UNITS_PER_USD = {
    "USD": 1,
    "CAD": 1.3,
    "AUD": 1.4,
    "NZD": 1.5,
    "SGD": 1.35,
    "HKD": 7.8,
    "GBP": 0.8,
    "EUR": 0.9,
    "CHF": 0.9,
    "INR": 25,  # purchasing power, not the market rate: Indian pay is lower in dollars
    "JPY": 130,
    "SEK": 10,
    "NOK": 10,
    "DKK": 7,
    "PLN": 4,
    "CZK": 22,
    "BRL": 5,
    "MXN": 18,
    "ILS": 3.6,
}

# --- patterns --------------------------------------------------------------------------------

_SP = r"[ \t\u00a0\u202f]"
_CODES_RE = "|".join(sorted(ISO_CODES))
_PREFIX_RE = (
    r"(?:US|USD|U\.S\.|C|CA|CAD|Can|A|AU|AUD|NZ|NZD|S|SG|SGD|HK|R|MX)\$"
    r"|(?:USD|CAD|AUD|SGD)" + _SP + r"?\$"
    r"|\$|€|£|₹|¥|₩|₪|Rs\.?|S?Fr\."
    r"|(?:" + _CODES_RE + r")(?=" + _SP + r"?\d)"
)
_NUM_RE = (
    # 6,00,000 and 7,95,677: Indian grouping (lakhs), tried first as it is the more specific
    r"(?P<ind>\d{1,2}(?:,\d{2})+,\d{3})"
    # 120,000 / 60.000 / 120'000 / 1 200 000 (narrow or no-break spaces), optional decimals
    r"|(?P<grp>\d{1,3}(?P<sep>[,.'’\u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d{1,2}(?!\d))?)"
    # 60 000 € with plain spaces, only when a currency follows, as spaces also separate numbers
    r"|(?P<spc>\d{1,3}(?: \d{3})+(?=" + _SP + r"?(?:€|EUR|CHF|PLN|zł|SEK|NOK|DKK|kr|CZK|Kč)))"
    r"|(?P<plain>\d+(?:[.,]\d+)?)"
)
_MULT_RE = (
    r"(?:(?P<mult>[kK](?=p[./]?[ahdwm]\b)|(?:[kK](?!\d)|LPA|lpa|L|mm|MM|[mM]n?|[bB]n?|T|tn)(?![A-Za-z]))"
    r"|" + _SP + r"?(?P<multw>thousand|[Mm]illion|[Bb]illion|[Tt]rillion|lakhs?|lacs?|Lakhs?"
    r"|Lacs?|LPA|lpa|[Cc]rores?|[Cc]r|K|k|k€)(?![A-Za-z]))"
)
_SUFFIX_RE = (
    r"(?P<suf>" + _CODES_RE + r"|€|£|₹|\$|zł|Kč|円|kr|[Ee]uros?|dollars|pounds|rupees|francs)"
    r"(?![A-Za-z])"
)
_ATOM = re.compile(
    r"(?<![\w.,/#@&=+%])"
    r"(?:(?P<pre>" + _PREFIX_RE + r")" + _SP + r"?)?"
    r"(?P<num>" + _NUM_RE + r")(?![\d])"
    r"(?:" + _MULT_RE + r")?"
    r"(?:" + _SP + r"?(?P<paren>\()?" + _SUFFIX_RE + r"(?(paren)\)))?"
)
_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "k€": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
    "l": 1e5,
    "lpa": 1e5,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "cr": 1e7,
    "crore": 1e7,
    "crores": 1e7,
}
_BIG = 1e6
_GAP_SP = r"[ \t\u00a0\u202f\u00ad\u200b]"
_RANGE_GAP = re.compile(
    # the bracket is a note ("$120,000 [lowest market] to ..."), the
    # parenthesis a conversion ("£15 ($19) and £30 ($38) per hour")
    _GAP_SP + r"*(?:\[[^\]\n]{0,200}\]" + _GAP_SP + r"*|\([^()\n]{0,30}\)" + _GAP_SP + r"*)?"
    r"(?P<sep>-{1,2}|‐|‑|–|—|−|~|to|To|TO|until|bis|up to|and|und|y|et)"
    + _GAP_SP
    + r"*(?:~|up to|approx\.?|approximately)?"
    + _GAP_SP
    + r"*\Z"
)
_CONVERSION_OPEN = re.compile(
    _SP + r"*\(" + _SP + r"*(?:~|≈|approx\.?|about|ca\.|roughly|i\.e\.)?" + _SP + r"*"
)
_CONVERSION_CLOSE = re.compile(_SP + r"*\)")
_BETWEEN = re.compile(r"(?:between|zwischen|entre)\W*\Z", re.I)
_AND_WORDS = frozenset({"and", "und", "y", "et"})

# Where figures can be pay: around a currency sign or code, and after a pay word (for
# "SALARY: 100-150k", which has none). Only these windows are scanned for figures, so a text
# with no currency and no pay word costs one character-class search and a few ``str.find``.
_SYMBOL_ANCHOR = re.compile(r"[$€£₹¥₩₪円]|zł|Kč")
_CODE_ANCHOR = re.compile(r"(?:" + _CODES_RE + r"|LPA|CTC|Rs|Cr|Fr)(?![a-z])")
_PAY_WORDS = (
    "salar",
    "compens",
    "gehalt",
    " pay",
    "base",
    "comp:",
    "ctc",
    "lpa",
    "lakh",
    "lac",
    "crore",
    " kr",
)
_BEFORE_ANCHOR = 50
_AFTER_ANCHOR = 50
_AFTER_PAY_WORD = 200

# Context cues. Order inside each group matters only for overlapping words; the whole
# pattern is applied to a short window, so it stays cheap.
_NEG_WORDS = (
    r"rais(?:e|ed|es|ing)(?!\s+to\b)|fund(?:s|ed|ing|raise|raising)?|round|seed|pre-seed|series\s+[a-h]"
    r"|invest\w*|valu(?:ation|ed)|revenues?|rev|arr|mrr|gmv|run[- ]rate|deals?|acv|tcv"
    r"|contract\s+value|markets?|industr\w+|spend\w*|spent|sav(?:e|es|ed|ing|ings)|worth"
    r"|sold|acqui\w+|exits?|budgets?|stipends?|allowances?|reimburs\w+|bonus(?:es)?|credits?"
    r"|grants?|prizes?|rewards?|referrals?|bount(?:y|ies)|awards?|scholarships?|prices?"
    r"|priced|pricing|plans?|subscriptions?|costs?|costing|fees?|charg\w+|donat\w+|loans?"
    r"|debt|transactions?|volume|gifts?|vouchers?|catavouchers?|discounts?|memberships?"
    r"|lunch\w*|commut\w+|relocation|signing|sign-on|profit\w*|capital|assets|aum|processed"
    r"|bets|trades?|traded|gdp|averag\w+|tuition|paid\s+out|payouts?|cash\s+advance|losses"
    r"|impact|per\s+(?:project|user|seat|customer|account|unit|item|order|license|employee)"
    r"|total\s+comp\w*|tc|all[- ]in|equity\s+grant|in\s+equity|of\s+equity|in\s+stock"
    r"|of\s+stock|stock\s+options|rsus?|insurance|premiums?|deductibles?|401k|perks?"
    r"|spending|matching|worth\s+of|caps?"
    # "base" is a pay word, but not in "user base"
    r"|(?:user|customer|client|install|fan|code|knowledge|data|subscriber)\s?base"
)
# Words that are job titles or places before a figure ("Sales Lead $70-90k", "Office in
# Berlin, €60k") but perks or counts after it ("$500 home office", "$2k for books").
_NEG_AFTER_ONLY = (
    r"sales|customers?|clients?|users?|equity|stock|options|shares|hardware|laptop|equipment"
    r"|conferences?|books?|training|learning|education|gym|wellness|phone|internet|office"
    r"|coworking|retreats?|travel|food|meals?|tickets?"
)
_POS_WORDS = (
    r"salar(?:y|ies)|compensation|comp|pay|paying|pays|paid|wages?|base|ote|on[- ]target"
    r"|rates?|range|earn\w*|package|ctc|remuneration|hourly|annual\w*|gross|doe|d\.o\.e|cash"
    r"|gehalt|lohn|salaire|salario|sueldo|brutto|netto|stipend\s+of"
)
_BEFORE_CUE = re.compile(r"\b(?:(?P<neg>" + _NEG_WORDS + r")|(?P<pos>" + _POS_WORDS + r"))\b", re.I)
_STRONG_PAY = re.compile(
    r"\b(?:salar(?:y|ies)|compensation|comp|pay|wages?|base|ote|ctc|remuneration|gehalt"
    r"|salaire|salario)\b",
    re.I,
)
_AFTER_POS = re.compile(
    r"\A\W{0,3}(?:\+\W{0,2}|w/\s*|with\s+|plus\s+|and\s+)?(?:equity|options|stock|bonus|benefits|salary|base|ote|doe|cash|ctc|lpa"
    r"|gross|brutto|depending|dependent|negotiable|based\s+on|commensurate|plus)",
    re.I,
)
_POS_AFTER = re.compile(r"\b(?:" + _POS_WORDS + r")\b", re.I)
_JOB_TITLE = re.compile(
    r"\b(?:engineers?|developers?|managers?|analysts?|scientists?|leads?|directors?|designers?"
    r"|architects?|specialists?|representatives?|executives?|associates?|consultants?|interns?"
    r"|officers?|administrators?|researchers?|heads?|vp)\b",
    re.I,
)
_STATISTIC = re.compile(r"\b(?:average|median|mean)\b", re.I)
_BOUND_BEFORE = re.compile(
    r"\b(?:up\s*to|upto|starting(?:\s+(?:at|from))?|starts\s+at|from|as\s+much\s+as)\W*\Z", re.I
)
_AFTER_CUT = re.compile(
    # the clause after a figure ends at punctuation, a conjunction or the next figure
    # ("$90k-120k ~.5% in stock options": the stock is the percentage's)
    r"[\n|;+,()\[\]:•]|\.(?:\s|\Z)| and | plus | with | & |\s-\s|\s~?\.?\d"
)
_AFTER_NEG = re.compile(r"\b(?:" + _NEG_WORDS + r"|" + _NEG_AFTER_ONLY + r")\b", re.I)
_OTE = re.compile(r"\b(?:OTE|on[- ]target(?:\s+earnings)?|incl(?:uding|\.)?\s+commission)\b", re.I)
_CONVERSION = re.compile(
    r"\((?:[^()]{0,20}\b(?:that'?s|which\s+is|i\.e\.|ca\.|approx\w*|about|roughly|around)\b"
    r"|\s*[~≈=])[^()]{0,20}\Z",
    re.I,
)

_PERIOD_WORDS = {
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "hourly": "hour",
    "ph": "hour",
    "day": "day",
    "days": "day",
    "d": "day",
    "daily": "day",
    "diem": "day",
    "pd": "day",
    "week": "week",
    "weeks": "week",
    "wk": "week",
    "wks": "week",
    "w": "week",
    "weekly": "week",
    "pw": "week",
    "month": "month",
    "months": "month",
    "mo": "month",
    "mos": "month",
    "mth": "month",
    "mths": "month",
    "mnth": "month",
    "mon": "month",
    "m": "month",
    "monthly": "month",
    "pm": "month",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
    "y": "year",
    "annum": "year",
    "anum": "year",
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "a": "year",
    "pa": "year",
}
_PERIOD_AFTER = re.compile(
    _SP
    + r"*\+?"
    + _SP
    + r"*(?:(?:"
    + _CODES_RE
    + r"|gross|brutto|base|salary|net|netto)"
    + _SP
    + r"*)?"
    r"(?:"
    r"(?P<slash>/|per|an?|each|every)" + _SP + r"*(?P<u1>hours?|hrs?|days?|weeks?|wks?|months?"
    r"|mos?|mths?|mnths?|years?|yrs?|annum|anum|diem|h|d|w|m|y|a)(?![A-Za-z])"
    r"|(?P<u2>p\.?" + _SP + r"?[ahdwm]\.?|p/[ahdwmy])(?![A-Za-z])"
    r"|(?P<u3>annually|yearly|annual|monthly|hourly|daily|weekly)\b"
    r"|(?P<u4>day|daily|hourly)" + _SP + r"+rate\b"
    r")",
    re.I,
)
_PERIOD_BEFORE = re.compile(
    r"\b(?P<u>hourly|daily|day\s+rate|weekly|monthly|annual(?:ly)?|yearly|per\s+annum"
    r"|per\s+(?:hour|day|week|month|year)|a\s+(?:year|month)|LPA)\b",
    re.I,
)
_QUALIFIER_ONLY = re.compile(
    r"\A(?:\W|up\s*to|upto|from|starting(?:\s+(?:at|from))?|starts\s+at|approx\w*|around"
    r"|about|base|salary|and\s+up|or\s+more|plus|doe|usd|eur|gbp|cad|aud|chf|gross|ote"
    r"|per\s+\w+|a\s+year|annually|yearly|\s)*\Z",
    re.I,
)
_SEGMENT_BOUNDARY = re.compile(r"[\n|()\[\],;•·:]")
_LINE_BOUNDARY = re.compile(r"\n|\||(?<=[a-z0-9)])\.\s|;\s|•")

# Place names that tell which currency a text means: which dollar a bare "$" is, and the
# currency of a figure written with none. Looked up word by word, as a regex alternation of
# a hundred names costs more than the whole parse.
_PLACES = {
    "GBP": "London UK England Manchester Edinburgh Bristol Leeds Glasgow Oxford Britain",
    "EUR": "Berlin Munich München Hamburg Frankfurt Cologne Germany Paris France Amsterdam "
    "Netherlands Rotterdam Utrecht Madrid Barcelona Spain Lisbon Porto Portugal Dublin Ireland "
    "Vienna Austria Milan Rome Italy Helsinki Finland Brussels Belgium Tallinn Estonia Athens "
    "Greece Luxembourg",
    "CHF": "Zurich Zürich Geneva Switzerland Basel Lausanne Bern",
    "CAD": "Toronto Vancouver Montreal Montréal Ottawa Calgary Waterloo Canada",
    "AUD": "Sydney Melbourne Brisbane Perth Canberra Adelaide Australia",
    "NZD": "Auckland Wellington",
    "SGD": "Singapore",
    "INR": "Bangalore Bengaluru Mumbai Delhi Pune Hyderabad Chennai Gurgaon Gurugram Noida India",
    "USD": "SF NYC NY Seattle Boston Austin Chicago LA Denver Atlanta Miami Philadelphia "
    "Portland Washington DC USA U.S. US",
}
_PLACE_WORD = {w: cur for cur, words in _PLACES.items() for w in words.split()}
_PLACE_PAIR = {
    ("San", "Francisco"): "USD",
    ("New", "York"): "USD",
    ("Bay", "Area"): "USD",
    ("Los", "Angeles"): "USD",
    ("United", "Kingdom"): "GBP",
    ("United", "States"): "USD",
    ("New", "Zealand"): "NZD",
}
_CAPITALISED = re.compile(r"[A-Z][\w.]*")
_US_STATE = re.compile(
    r",[ \t]?(?:AL|AZ|CA|CO|CT|FL|GA|IL|IN|MA|MD|MI|MN|MO|NC|NJ|NY|OH|OR|PA|TN|TX|UT|VA|WA|WI)\b"
)


def _place_currencies(text: str) -> set[str]:
    """Return the currencies of the places a text names (London -> GBP, Austin, TX -> USD)."""
    found: set[str] = set()
    previous = ""
    for m in _CAPITALISED.finditer(text):
        word = m.group(0).rstrip(".") if not m.group(0).endswith("S.") else m.group(0)
        cur = _PLACE_WORD.get(word) or _PLACE_PAIR.get((previous, word))
        if cur:
            found.add(cur)
        previous = word
    if "USD" not in found and _US_STATE.search(text):
        found.add("USD")
    return found


@dataclass
class _Atom:
    start: int
    end: int
    value: float
    raw: float  # before any multiplier, for sharing one across a range
    mult: float
    mult_word: str
    currency: str | None  # ISO code, _DOLLAR, _NORDIC_KR, or None when bare


def _parse_number(m: re.Match[str]) -> float | None:
    if m.group("ind"):
        return float(m.group("ind").replace(",", ""))
    grp = m.group("grp")
    if grp:
        sep = m.group("sep")
        body, dec = grp, ""
        # Decimals follow the other convention's mark: 1,234.56 or 1.234,56.
        mark = "." if sep != "." else ","
        if mark in grp and grp.rfind(mark) > grp.rfind(sep):
            body, dec = grp[: grp.rfind(mark)], grp[grp.rfind(mark) + 1 :]
        digits = re.sub(r"\D", "", body)
        return float(f"{digits}.{dec}" if dec else digits)
    spc = m.group("spc")
    if spc:
        return float(spc.replace(" ", ""))
    plain = m.group("plain")
    try:
        return float(plain.replace(",", "."))
    except ValueError:
        return None


def _currency_token(token: str | None, table: Mapping[str, str]) -> str | None:
    if not token:
        return None
    token = token.replace("\u00a0", "").replace(" ", "")
    if token in ISO_CODES:
        return token
    if token in table:
        return table[token]
    if token.endswith("$"):
        return _PREFIX_CURRENCY.get(token) or (token[:3] if token[:3] in ISO_CODES else None)
    return None


def _atoms(text: str, lo: int = 0, hi: int | None = None) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _ATOM.finditer(text, lo, len(text) if hi is None else hi):
        raw = _parse_number(m)
        if raw is None:
            continue
        pre, suf = m.group("pre"), m.group("suf")
        mult_word = (m.group("mult") or m.group("multw") or "").lower()
        mult = _MULTIPLIERS.get(mult_word, 1.0)
        codes = [_currency_token(pre, _PREFIX_CURRENCY), _currency_token(suf, _SUFFIX_WORDS)]
        specific = [c for c in codes if c not in (None, _DOLLAR, _NORDIC_KR)]
        # a code after the figure overrides "$" before it: "$150,000 CAD"
        currency = specific[-1] if specific else next((c for c in codes if c), None)
        if mult_word in ("lpa", "l", "lakh", "lakhs", "lac", "lacs", "cr", "crore", "crores"):
            if currency in (None, _DOLLAR) and mult_word != "l":
                currency = "INR"
            elif currency not in ("INR", None):
                # ``L`` after a dollar or euro figure is not a lakh (``$5L`` is nonsense);
                # a bare ``60L`` may still close a rupee range (``₹40–60L``)
                continue
        out.append(_Atom(m.start(), m.end(), raw * mult, raw, mult, mult_word, currency))
    return out


# --- candidates ------------------------------------------------------------------------------


@dataclass
class _Candidate:
    start: int
    end: int
    low: float
    high: float
    currency: str | None
    is_range: bool
    mult_words: tuple[str, ...]
    is_bare: bool


def _merge_currency(a: str | None, b: str | None) -> tuple[bool, str | None]:
    """Return (compatible, currency) for the two ends of a range."""
    if a is None or b is None or a == b:
        return True, a or b
    if a == _DOLLAR and b in _DOLLAR_CODES:
        return True, b
    if b == _DOLLAR and a in _DOLLAR_CODES:
        return True, a
    return False, None


def _drop_conversions(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Drop figures in parentheses right after another one: ``£15 ($19)`` converts £15."""
    out: list[_Atom] = []
    for a in atoms:
        if (
            out
            and a.currency is not None
            and _CONVERSION_OPEN.fullmatch(text, out[-1].end, a.start)
            and _CONVERSION_CLOSE.match(text, a.end)
        ):
            continue
        out.append(a)
    return out


def _candidates(text: str, atoms: list[_Atom]) -> list[_Candidate]:
    out: list[_Candidate] = []
    atoms = _drop_conversions(text, atoms)
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and b.start - a.end <= 220:
            gap = text[a.end : b.start]
            gm = _RANGE_GAP.match(gap)
            if gm and gm.group("sep").lower() in _AND_WORDS:
                gm = gm if _BETWEEN.search(text, max(0, a.start - 20), a.start) else None
            if gm and (a.currency or b.currency):
                ok, cur = _merge_currency(a.currency, b.currency)
                low, high = a.value, b.value
                # A multiplier written once serves both ends: $120-150k, 90k-120 CHF.
                if a.mult == 1 and b.mult > 1 and a.raw <= b.raw:
                    low = a.raw * b.mult
                elif b.mult == 1 and a.mult > 1 and b.raw * a.mult >= a.value:
                    high = b.raw * a.mult
                elif a.mult == b.mult == 1 and a.raw < 1000 <= b.raw and a.raw * 1000 <= b.raw:
                    low = a.raw * 1000  # "$55-65,000": the thousands are written once
                words = tuple(w for w in (a.mult_word, b.mult_word) if w)
                if ok and 0 < low <= high <= low * 6:
                    out.append(_Candidate(a.start, b.end, low, high, cur, True, words, False))
                    i += 2
                    continue
                # ``$1-500M``, ``$10 to $100k``, ``$160k-£240k``: a range, but not a pay range
                # that can be read; drop both ends rather than keep one of them.
                i += 2
                continue
            elif (gm and a.mult > 1 and b.mult > 1) or (gm and a.mult == 1 and b.mult == 1e3):
                # 100-150k or 100k-150k with no currency: kept, judged strictly later.
                low = a.value if a.mult > 1 else a.raw * b.mult
                if 0 < low <= b.value <= low * 6:
                    words = tuple(w for w in (a.mult_word, b.mult_word) if w)
                    out.append(_Candidate(a.start, b.end, low, b.value, None, True, words, True))
                # "from 10k to 500k" users: a range, but not of pay
                i += 2
                continue
        if a.currency is not None:
            words = (a.mult_word,) if a.mult_word else ()
            out.append(
                _Candidate(a.start, a.end, a.value, a.value, a.currency, False, words, False)
            )
        elif a.mult_word in ("k", "thousand") and not (a.raw == 401 or a.raw == 403):
            out.append(_Candidate(a.start, a.end, a.value, a.value, None, False, ("k",), True))
        i += 1
    return out


# --- context ---------------------------------------------------------------------------------


def _line_before(text: str, start: int) -> tuple[str, str]:
    """Return the clause before ``start`` and, when that is empty, the heading line above it.

    "Annual Salary:\n$210,000—$260,000 USD": the heading carries the cue. Headings are kept
    apart because a field label ("Visa sponsored:") is not a statement about the figure.
    """
    lo = max(0, start - 120)
    window = text[lo:start]
    cut = 0
    for m in _LINE_BOUNDARY.finditer(window):
        cut = m.end()
    before = window[cut:]
    if before.strip(" \t-*:") == "" and cut and window[cut - 1 : cut] == "\n":
        prev_end = lo + cut - 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        while prev_end > prev_start and text[prev_start:prev_end].strip() == "" and prev_start:
            prev_end = prev_start - 1
            prev_start = text.rfind("\n", 0, prev_end) + 1
        heading = text[prev_start:prev_end]
        if len(heading) <= 60:
            return before, heading
    return before, ""


def _segment_is_bare(text: str, start: int, end: int) -> bool:
    """Return True when a figure stands alone in its field (``| $150k |``, ``(£70,000)``)."""
    lo = max(0, start - 40)
    left = text[lo:start]
    cut = 0
    for m in _SEGMENT_BOUNDARY.finditer(left):
        cut = m.end()
    if not cut and lo > 0:
        return False
    right = text[end : end + 40]
    m = _SEGMENT_BOUNDARY.search(right)
    if m is None and end + 40 < len(text):
        return False
    rest = left[cut:] + " " + (right[: m.start()] if m else right)
    return bool(_QUALIFIER_ONLY.match(rest))


def _period_band(currency: str, amount: float) -> str | None:
    bands = _BANDS.get(currency)
    if bands is None:
        return None
    hourly, monthly, yearly = bands
    if amount >= yearly:
        return "year"
    if monthly and monthly[0] <= amount <= monthly[1]:
        return "month"
    if hourly and hourly[0] <= amount <= hourly[1]:
        return "hour"
    return None


def _within_limits(currency: str, period: str, low: float, high: float) -> bool:
    lo, hi = _EXPLICIT_LIMITS_USD[period]
    scale = _UNITS_PER_USD.get(currency, 1.0)
    return lo * scale <= low and high <= hi * scale


def _resolve_currency(
    currency: str | None,
    text: str,
    country: str | None,
    doc_dollar: str | None,
    text_currency: str | None = None,
) -> str | None:
    code = (country or "").upper()
    if currency == _DOLLAR:
        return _DOLLAR_OF_COUNTRY.get(code) or doc_dollar or "USD"
    if currency == _NORDIC_KR:
        return {"SE": "SEK", "NO": "NOK", "DK": "DKK"}.get(code)
    if currency is not None:
        return currency
    if code in _CURRENCY_OF_COUNTRY:
        return _CURRENCY_OF_COUNTRY[code]
    if text_currency is not None:
        return text_currency
    found = _place_currencies(text)
    return found.pop() if len(found) == 1 else None


def _doc_dollar(text: str) -> str | None:
    """Return the dollar of the one non-US dollar country a text names, if it names no US place.

    "Brisbane, Australia | $120k-$150k" means Australian dollars. The first line is read on its
    own first, as Hacker News posts put their location there ("Kestrel Labs | Toronto, ON | ...")
    and may name other countries further down; a text naming no place keeps the US dollar.
    """
    if "$" not in text:
        return None
    first_line = text[: text.find("\n")] if "\n" in text else text
    for scope in (first_line, text):
        found = _place_currencies(scope)
        if found:
            dollars = found & _DOLLAR_CODES
            if "USD" in found or len(dollars) != 1 or len(found) != 1:
                return None
            return dollars.pop()
    return None


def _period_word(words: str) -> str | None:
    """Return the period a cue such as ``per annum``, ``day rate`` or ``LPA`` names."""
    w = words.lower()
    if w == "lpa" or "annu" in w or "year" in w:
        return "year"
    for key, period in (
        ("hour", "hour"),
        ("day", "day"),
        ("dai", "day"),
        ("week", "week"),
        ("month", "month"),
    ):
        if key in w:
            return period
    return None


def _period_after(m: re.Match[str], currency: str | None) -> str | None:
    """Return the period an explicit cue right after a figure names, if it is one."""
    if m.group("u1"):
        unit = m.group("u1").lower()
        if len(unit) == 1 and m.group("slash") != "/":
            return None  # "$50 a d..." is not a period; only "/h", "/m" are
        return _PERIOD_WORDS.get(unit)
    if m.group("u2"):
        token = m.group("u2")
        if token == "PA" and currency in (_DOLLAR, "USD"):
            return None  # "$120k PA" is Pennsylvania more often than per annum
        letter = token.rstrip(".").lower()[-1]
        return {"a": "year", "y": "year", "h": "hour", "d": "day", "w": "week", "m": "month"}.get(
            letter
        )
    return _period_word(m.group("u3") or m.group("u4") or "")


def _judge(
    text: str,
    c: _Candidate,
    country: str | None,
    doc_dollar: str | None,
    text_currency: str | None = None,
) -> Salary | None:
    # Millions and billions are funding, revenue and markets, except where pay is counted in
    # them (yen, crore).
    if any(_MULTIPLIERS.get(w, 1) >= _BIG for w in c.mult_words) and not (
        c.currency in ("JPY", "KRW", "IDR") or "cr" in c.mult_words or "crore" in c.mult_words
    ):
        return None
    end = c.end
    period: str | None = None
    explicit = False
    if c.mult_words and c.mult_words[-1] == "lpa":
        period, explicit = "year", True
    pm = _PERIOD_AFTER.match(text, end)
    if pm and period is None:
        found = _period_after(pm, c.currency)
        if found:
            period, explicit, end = found, True, pm.end()

    before, heading = _line_before(text, c.start)
    after_raw = text[end : end + 80]
    cut = _AFTER_CUT.search(after_raw)
    after = after_raw[: cut.start()] if cut else after_raw

    if _CONVERSION.search(before[-40:]) and re.search(r"\d", before[-60:]):
        return None  # "(about €5,400/month)": a conversion of pay stated just before
    cue = None
    for m in _BEFORE_CUE.finditer(before):
        cue = m
    if cue is not None and cue.group("neg") and _JOB_TITLE.search(before, cue.end()):
        cue = None  # "Revenue Operations Manager ($150k-$180k)": a job title, not revenue
    if cue is not None and cue.group("neg"):
        return None
    if _STATISTIC.search(before):
        return None  # "our average salary is $95,000" describes, not offers
    if cue is None and heading:
        for m in _BEFORE_CUE.finditer(heading):
            cue = m
        if cue is not None and cue.group("neg"):
            # a label such as "Relocation paid:" does not make a range any less pay, but
            # "Signing bonus:" makes a lone figure under it a bonus
            if not c.is_range:
                return None
            cue = None
    if _AFTER_NEG.search(after) and not _OTE.search(after):
        return None
    has_pos = (
        (cue is not None and cue.group("pos") is not None)
        or bool(_AFTER_POS.match(after_raw))
        or bool(_POS_AFTER.search(after))
    )
    is_ote = bool(_OTE.search(after) or (cue is not None and _OTE.search(cue.group(0))))

    currency = _resolve_currency(c.currency, text, country, doc_dollar, text_currency)
    if currency is None:
        return None
    # No currency written: only a pay word right before makes it pay (SALARY: 100-150k).
    if c.is_bare and (cue is None or not _STRONG_PAY.search(cue.group(0))):
        return None

    if period is None:
        bm = None
        for m in _PERIOD_BEFORE.finditer((heading + " " + before)[-60:]):
            bm = m
        guess = _period_word(bm.group("u")) if bm is not None else None
        if guess and _within_limits(currency, guess, c.low, c.high):
            period, explicit = guess, True
    if period is not None and explicit:
        if not _within_limits(currency, period, c.low, c.high):
            return None
        if (
            not (c.is_range or has_pos)
            and not (period == "year" and _BOUND_BEFORE.search(before))
            and not _segment_is_bare(text, c.start, end)
        ):
            return None
    else:
        period = _period_band(currency, c.high)
        if period is None or _period_band(currency, c.low) not in (period, None):
            return None
        if period in ("hour", "month") and not has_pos:
            return None
        # A lone yearly figure needs a pay word, a bound ("up to £65k") or a field of its own.
        if (
            not c.is_range
            and not has_pos
            and not (period == "year" and _BOUND_BEFORE.search(before))
            and not _segment_is_bare(text, c.start, end)
        ):
            return None

    return Salary(
        min_amount=float(c.low),
        max_amount=float(c.high),
        currency=currency,
        period=period,
        is_period_inferred=not explicit,
        is_ote=is_ote,
        snippet=text[c.start : end].strip(),
        provenance=EMPLOYER_TEXT,
        is_currency_inferred=c.is_bare or c.currency is None,
        start=c.start,
    )


def _windows(text: str) -> list[tuple[int, int]]:
    """Return the merged spans of ``text`` where a figure may be pay."""
    spans: list[tuple[int, int]] = []
    for m in _SYMBOL_ANCHOR.finditer(text):
        spans.append((m.start() - _BEFORE_ANCHOR, m.end() + _AFTER_ANCHOR))
    for m in _CODE_ANCHOR.finditer(text):
        spans.append((m.start() - _BEFORE_ANCHOR, m.end() + _AFTER_ANCHOR))
    low = text.lower()
    if len(low) == len(text):  # lower() can change the length of a few scripts' letters
        for word in _PAY_WORDS:
            at = low.find(word)
            while at >= 0:
                spans.append((at - _BEFORE_ANCHOR, at + _AFTER_PAY_WORD))
                at = low.find(word, at + 1)
    else:
        spans.append((0, len(text)))
    if not spans:
        return []
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        lo = max(lo, 0)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    n = len(text)
    out = []
    for lo, hi in merged:
        # never cut a figure in two: end the window at the next blank
        while hi < n and not text[hi].isspace() and hi < merged[-1][1] + 40:
            hi += 1
        out.append((lo, min(hi, n)))
    return out


def extract_salaries(text: str, country: str | None = None) -> list[Salary]:
    """Return every base-pay range stated in ``text``, in order of appearance, deduplicated.

    ``country`` (ISO 3166 alpha-2 of the posting) resolves a bare ``$`` (CA -> CAD) and
    figures written with no currency at all.
    """
    if not text:
        return []
    windows = _windows(text)
    if not windows:
        return []
    atoms = [a for lo, hi in windows for a in _atoms(text, lo, hi)]
    if not atoms:
        return []
    candidates = _candidates(text, atoms)
    needs_place = not _DOLLAR_OF_COUNTRY.get((country or "").upper()) and any(
        c.currency == _DOLLAR for c in candidates
    )
    doc_dollar = _doc_dollar(text) if needs_place else None
    # A figure with no currency ("Salary: 88k-110k") takes the one currency that the text's
    # other figures are written in, if they agree.
    written = {
        _resolve_currency(c.currency, text, country, doc_dollar)
        for c in candidates
        if c.currency is not None
    }
    text_currency = written.pop() if len(written) == 1 else None
    out: list[Salary] = []
    seen: set[tuple[float, float, str, str, bool]] = set()
    for cand in candidates:
        sal = _judge(text, cand, country, doc_dollar, text_currency)
        if sal is None:
            continue
        key = (sal.min_amount, sal.max_amount, sal.currency, sal.period, sal.is_ote)
        if key in seen:
            continue
        seen.add(key)
        out.append(sal)
    return out


# --- structured pay --------------------------------------------------------------------------

_ASHBY_INTERVAL = re.compile(r"^\s*1\s+(HOUR|DAY|WEEK|MONTH|YEAR)S?\s*$", re.I)
_SCHEMA_UNITS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) and value > 0 else None
    if isinstance(value, str):
        try:
            number = float(value.replace(",", "").strip())
        except ValueError:
            return None
        return number if math.isfinite(number) and number > 0 else None
    return None


def _structured(
    low: Any, high: Any, currency: Any, period: str | None, snippet: str, label: str | None
) -> Salary | None:
    lo, hi = _number(low), _number(high)
    lo, hi = lo or hi, hi or lo
    if lo is None or hi is None or period is None or not isinstance(currency, str):
        return None
    lo, hi = min(lo, hi), max(lo, hi)
    return Salary(
        min_amount=lo,
        max_amount=hi,
        currency=currency.upper(),
        period=period,
        is_period_inferred=False,
        is_ote=False,
        snippet=snippet,
        provenance=EMPLOYER_STRUCTURED,
        label=label,
    )


def _ashby_components(components: Iterable[Mapping[str, Any]], label: str | None) -> list[Salary]:
    out = []
    for comp in components or ():
        if not isinstance(comp, Mapping) or comp.get("compensationType") != "Salary":
            continue
        m = _ASHBY_INTERVAL.match(str(comp.get("interval") or ""))
        period = m.group(1).lower() if m else None
        snippet = str(comp.get("summary") or "")
        sal = _structured(
            comp.get("minValue"),
            comp.get("maxValue"),
            comp.get("currencyCode"),
            period,
            snippet,
            label,
        )
        if sal is not None:
            out.append(sal)
    return out


def salaries_from_ashby(compensation: Mapping[str, Any] | None) -> list[Salary]:
    """Return the base salaries of an Ashby ``compensation`` object, one per tier.

    Tiers (often one per location) are kept apart; ``summaryComponents`` spans all tiers, so
    it is used only when there are no tiers. Equity, bonus and commission are not base pay.
    """
    if not compensation:
        return []
    out: list[Salary] = []
    for tier in compensation.get("compensationTiers") or ():
        if isinstance(tier, Mapping):
            out.extend(_ashby_components(tier.get("components") or (), tier.get("title")))
    if not out:
        out = _ashby_components(compensation.get("summaryComponents") or (), None)
    return _dedupe(out)


def salaries_from_schema_org(base_salary: Mapping[str, Any] | None) -> list[Salary]:
    """Return the salary of a schema.org JobPosting ``baseSalary`` (a MonetaryAmount).

    ``value`` is a QuantitativeValue (``minValue``/``maxValue`` or ``value``, and
    ``unitText``) or, as some sites write it, a bare number; a list of amounts is accepted.
    """
    if not base_salary:
        return []
    items = base_salary if isinstance(base_salary, list) else [base_salary]
    out: list[Salary] = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        value = item.get("value")
        currency = item.get("currency") or (
            value.get("currency") if isinstance(value, Mapping) else None
        )
        if isinstance(value, Mapping):
            unit = value.get("unitText") or item.get("unitText")
            low = value.get("minValue", value.get("value"))
            high = value.get("maxValue", value.get("value"))
        else:
            unit, low, high = item.get("unitText"), value, value
        period = _SCHEMA_UNITS.get(str(unit or "").strip().upper())
        sal = _structured(low, high, currency, period, "", None)
        if sal is not None:
            out.append(sal)
    return _dedupe(out)


def _dedupe(salaries: list[Salary]) -> list[Salary]:
    seen: set[tuple[float, float, str, str, str | None]] = set()
    out = []
    for s in salaries:
        key = (s.min_amount, s.max_amount, s.currency, s.period, s.label)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out
