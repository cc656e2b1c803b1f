"""Judge a candidate figure by its context: is it base pay, in which currency, for which period?

Step 3 of the parser (see ``pipeline.domain.pay_text``): the cue word nearest before it
(``salary`` or ``raised``), the clause after it (``OTE``, ``signing bonus``, ``ARR``), an
explicit period (``/hr``, ``p.a.``), else a magnitude band per currency, marked as inferred.
"""

from __future__ import annotations

import re

from pipeline.domain.currencies import (
    CURRENCY_OF_COUNTRY,
    DOLLAR_CODES,
    DOLLAR_OF_COUNTRY,
    UNITS_PER_USD,
)
from pipeline.domain.pay_text import figures
from pipeline.domain.salary import EMPLOYER_TEXT, Salary

_SP = figures.SP

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
    r"|spending|matching|worth\s+of|caps?|exercises?|take[- ]home|assignments?|interviews?"
    r"|trial\s+(?:days?|projects?|periods?)|honorari(?:um|a)|hackathons?|competitions?"
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
# "$100K+ Bonus": a '+' against a lone figure, then the bonus it is
_BOUND_THEN_BONUS = re.compile(r"\+[ \t]*bonus(?:es)?\b", re.I)
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
    + figures.CODES_RE
    + r"|gross|brutto|base|salary|net|netto)"
    + _SP
    + r"*)?"
    r"(?:"
    r"(?P<slash>/|per|an?|each|every)" + _SP + r"*(?P<u1>hours?|hrs?|days?|weeks?|wks?|months?"
    r"|mos?|mths?|mnths?|years?|yrs?|annum|anum|diem|h|d|w|m|y|a)(?![A-Za-z])"
    r"|(?P<u2>p\.?" + _SP + r"?[ahdwm]\.?|p/[ahdwmy])(?![A-Za-z])"
    r"|(?P<u3>annually|yearly|annual|monthly|hourly|daily|weekly)\b"
    r"|(?P<u4>day|daily|hourly)" + _SP + r"+rate\b"
    # German, French and Spanish: "/Jahr", "pro Monat", "par an", "al año", "mensual"
    r"|(?P<u5>/" + _SP + r"?(?:jahr|monat|stunde|std|tag|an|mois|heure|año|ano|mes|hora|día)"
    r"|(?:pro|im|je)" + _SP + r"+(?:jahr|monat|stunde|tag)|jährlich|jahrlich|monatlich"
    r"|stündlich|par" + _SP + r"+(?:an|mois|heure|jour)|de" + _SP + r"+l'heure|annuel(?:le)?"
    r"|mensuel(?:le)?|(?:al|por)" + _SP + r"+(?:año|ano|mes|hora|día|dia)|anual(?:es)?"
    r"|mensual(?:es)?)(?![A-Za-zäöüéñ])"
    r"|(?P<u6>full[- ]time" + _SP + r"+equivalent|fte)\b"
    r")",
    re.I,
)
# The period each foreign period word names.
_FOREIGN_PERIODS = {
    "jahr": "year",
    "jährlich": "year",
    "jahrlich": "year",
    "an": "year",
    "annuel": "year",
    "annuelle": "year",
    "año": "year",
    "ano": "year",
    "anual": "year",
    "anuales": "year",
    "monat": "month",
    "monatlich": "month",
    "mois": "month",
    "mensuel": "month",
    "mensuelle": "month",
    "mes": "month",
    "mensual": "month",
    "mensuales": "month",
    "stunde": "hour",
    "std": "hour",
    "stündlich": "hour",
    "heure": "hour",
    "l'heure": "hour",
    "hora": "hour",
    "tag": "day",
    "jour": "day",
    "día": "day",
    "dia": "day",
}
# Words that make a figure with no period an hourly rate: without one, an hourly-size amount
# is a salary in thousands written short ("Full-Time ($130-$250+)"), a price or a fee, and
# the parser cannot tell which: it is left out.
_HOURLY_CUE = re.compile(
    r"\b(?:hour\w*|hr|hrs|per\s+h|rates?|contract\w*|freelanc\w*|consult\w*|part[- ]time|"
    r"interns?\w*|stunde\w*|heure|hora|temp|temporary|gig)\b|/h\b",
    re.I,
)
_UPPER_BOUND = re.compile(
    r"\b(?:up\s*to|upto|as\s+much\s+as|max(?:imum)?|bis\s+zu|jusqu'à|hasta)\W*\Z", re.I
)
_LOWER_BOUND = re.compile(
    r"\b(?:starting(?:\s+(?:at|from))?|starts\s+at|from|at\s+least|min(?:imum)?|ab|à\s+partir\s+de|"
    r"desde)\W*\Z",
    re.I,
)
_PERIOD_BEFORE = re.compile(
    r"\b(?P<u>hourly|daily|day\s+rate|weekly|monthly|annual(?:ly)?|yearly|per\s+annum"
    r"|per\s+(?:hour|day|week|month|year)|a\s+(?:year|month)|LPA|jahresgehalt|jährlich"
    r"|monatlich|monatsgehalt|stundenlohn|brut\s+annuel|par\s+an|al\s+año|anual|mensual)\b",
    re.I,
)
_QUALIFIER_ONLY = re.compile(
    r"\A(?:\W|up\s*to|upto|from|starting(?:\s+(?:at|from))?|starts\s+at|approx\w*|around"
    r"|about|base|salary|and\s+up|or\s+more|plus|doe|usd|eur|gbp|cad|aud|chf|gross|ote"
    r"|per\s+\w+|a\s+year|annually|yearly|equity|bonus|benefits|profit\s+sharing|stock|options"
    r"|\s)*\Z",
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
    scale = UNITS_PER_USD.get(currency, 1.0)
    return lo * scale <= low and high <= hi * scale


def resolve_currency(
    currency: str | None,
    text: str,
    country: str | None,
    doc_dollar: str | None,
    text_currency: str | None = None,
) -> str | None:
    code = (country or "").upper()
    if currency == figures.DOLLAR:
        return DOLLAR_OF_COUNTRY.get(code) or doc_dollar or "USD"
    if currency == figures.NORDIC_KR:
        return {"SE": "SEK", "NO": "NOK", "DK": "DKK"}.get(code)
    if currency is not None:
        return currency
    if code in CURRENCY_OF_COUNTRY:
        return CURRENCY_OF_COUNTRY[code]
    if text_currency is not None:
        return text_currency
    found = _place_currencies(text)
    return found.pop() if len(found) == 1 else None


def doc_dollar(text: str) -> str | None:
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
            dollars = found & DOLLAR_CODES
            if "USD" in found or len(dollars) != 1 or len(found) != 1:
                return None
            return dollars.pop()
    return None


def _period_word(words: str) -> str | None:
    """Return the period a cue such as ``per annum``, ``day rate`` or ``LPA`` names."""
    w = words.lower()
    if w == "lpa" or "annu" in w or "year" in w or "jahr" in w or "anual" in w or "par an" in w:
        return "year"
    if "monat" in w or "mensual" in w:
        return "month"
    if "stunde" in w:
        return "hour"
    if "año" in w:
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
        if token == "PA" and currency in (figures.DOLLAR, "USD"):
            return None  # "$120k PA" is Pennsylvania more often than per annum
        letter = token.rstrip(".").lower()[-1]
        return {"a": "year", "y": "year", "h": "hour", "d": "day", "w": "week", "m": "month"}.get(
            letter
        )
    if m.group("u5"):
        word = re.split(r"[/\s]+", m.group("u5").lower())[-1]
        return _FOREIGN_PERIODS.get(word)
    if m.group("u6"):
        return "year"
    return _period_word(m.group("u3") or m.group("u4") or "")


def judge(
    text: str,
    c: figures.Candidate,
    country: str | None,
    doc_dollar: str | None,
    text_currency: str | None = None,
) -> Salary | None:
    # Millions and billions are funding, revenue and markets, except where pay is counted in
    # them (yen, crore).
    if any(figures.MULTIPLIERS.get(w, 1) >= figures.BIG_MULTIPLIER for w in c.mult_words) and not (
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
    if not c.is_range and _BOUND_THEN_BONUS.match(after_raw):
        return None
    has_pos = (
        (cue is not None and cue.group("pos") is not None)
        or bool(_AFTER_POS.match(after_raw))
        or bool(_POS_AFTER.search(after))
    )
    is_ote = bool(_OTE.search(after) or (cue is not None and _OTE.search(cue.group(0))))

    currency = resolve_currency(c.currency, text, country, doc_dollar, text_currency)
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
        if period == "hour" and not _HOURLY_CUE.search(text, max(0, c.start - 120), end + 120):
            return None
        # A lone yearly figure needs a pay word, a bound ("up to £65k") or a field of its own.
        if (
            not c.is_range
            and not has_pos
            and not (period == "year" and _BOUND_BEFORE.search(before))
            and not _segment_is_bare(text, c.start, end)
        ):
            return None

    bound = None
    if not c.is_range:
        if _UPPER_BOUND.search(before[-30:]):
            bound = "upper"
        elif _LOWER_BOUND.search(before[-30:]) or "+" in text[c.start : end + 1]:
            bound = "lower"
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
        bound=bound,
        start=c.start,
    )
