"""Find the figures of a text that may be pay, and join them into ranges.

Step 1 and 2 of the parser (see ``pipeline.domain.pay_text``): money atoms (a number with a
currency, a multiplier such as ``k`` or ``lakh``, or both) from one precompiled pattern, then
neighbouring atoms joined into ranges (``$120k - 150k``, ``90k-120k CHF``, ``between X and Y``)
with their currency and shared multiplier resolved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.domain.currencies import DOLLAR_CODES, ISO_CODES

# --- currencies ------------------------------------------------------------------------------

DOLLAR = "$"  # a bare dollar sign: USD unless the country or the text says otherwise
NORDIC_KR = "kr"  # kr is SEK, NOK or DKK: only the country can tell

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
    "$": DOLLAR,
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
    "$": DOLLAR,
    "zł": "PLN",
    "Kč": "CZK",
    "円": "JPY",
    "kr": NORDIC_KR,
    "euro": "EUR",
    "euros": "EUR",
    "Euro": "EUR",
    "dollars": DOLLAR,
    "pounds": "GBP",
    "rupees": "INR",
    "francs": "CHF",
}

# --- patterns --------------------------------------------------------------------------------

SP = r"[ \t\u00a0\u202f]"
CODES_RE = "|".join(sorted(ISO_CODES))
_PREFIX_RE = (
    r"(?:US|USD|U\.S\.|C|CA|CAD|Can|A|AU|AUD|NZ|NZD|S|SG|SGD|HK|R|MX)\$"
    r"|(?:USD|CAD|AUD|SGD)" + SP + r"?\$"
    r"|\$|€|£|₹|¥|₩|₪|Rs\.?|S?Fr\."
    r"|(?:" + CODES_RE + r")(?=" + SP + r"?\d)"
)
_NUM_RE = (
    # 6,00,000 and 7,95,677: Indian grouping (lakhs), tried first as it is the more specific
    r"(?P<ind>\d{1,2}(?:,\d{2})+,\d{3})"
    # 120,000 / 60.000 / 120'000 / 1 200 000 (narrow or no-break spaces), optional decimals
    r"|(?P<grp>\d{1,3}(?P<sep>[,.'’\u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d{1,2}(?!\d))?)"
    # 60 000 € with plain spaces, only when a currency follows, as spaces also separate numbers
    r"|(?P<spc>\d{1,3}(?: \d{3})+(?=" + SP + r"?(?:€|EUR|CHF|PLN|zł|SEK|NOK|DKK|kr|CZK|Kč)))"
    r"|(?P<plain>\d+(?:[.,]\d+)?)"
)
_MULT_RE = (
    r"(?:(?P<mult>[kK](?=p[./]?[ahdwm]\b)|(?:[kK](?!\d)|LPA|lpa|L|mm|MM|[mM]n?|[bB]n?|T|tn)(?![A-Za-z]))"
    r"|" + SP + r"?(?P<multw>thousand|[Mm]illion|[Bb]illion|[Tt]rillion|lakhs?|lacs?|Lakhs?"
    r"|Lacs?|LPA|lpa|[Cc]rores?|[Cc]r|K|k|k€)(?![A-Za-z]))"
)
_SUFFIX_RE = (
    r"(?P<suf>" + CODES_RE + r"|€|£|₹|\$|zł|Kč|円|kr|[Ee]uros?|dollars|pounds|rupees|francs)"
    r"(?![A-Za-z])"
)
_ATOM = re.compile(
    r"(?<![\w.,/#@&=+%])"
    r"(?:(?P<pre>" + _PREFIX_RE + r")" + SP + r"?)?"
    r"(?P<num>" + _NUM_RE + r")(?![\d])"
    # "$120+K": a lower bound written before its multiplier
    r"(?:\+(?=[kK](?![A-Za-z])))?"
    r"(?:" + _MULT_RE + r")?"
    r"(?:" + SP + r"?(?P<paren>\()?" + _SUFFIX_RE + r"(?(paren)\)))?"
)
_DIGIT = re.compile(r"\d")
MULTIPLIERS = {
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
BIG_MULTIPLIER = 1e6
_GAP_SP = r"[ \t\u00a0\u202f\u00ad\u200b]"
_RANGE_GAP = re.compile(
    # the bracket is a note ("$120,000 [lowest market] to ..."), the
    # parenthesis a conversion ("£15 ($19) and £30 ($38) per hour")
    _GAP_SP + r"*(?:\[[^\]\n]{0,200}\]" + _GAP_SP + r"*|\([^()\n]{0,30}\)" + _GAP_SP + r"*)?"
    # a unit on the first end too: "$60/hr - $80/hr"
    r"(?:/" + _GAP_SP + r"?(?:hr|hour|h|yr|year|mo|month|an|jahr|monat)\.?" + _GAP_SP + r"*)?"
    r"(?P<sep>-{1,2}|‐|‑|–|—|−|~|to|To|TO|until|bis|up to|and|und|y|et)"
    + _GAP_SP
    + r"*(?:~|up to|approx\.?|approximately)?"
    + _GAP_SP
    + r"*\Z"
)
_CONVERSION_OPEN = re.compile(
    SP + r"*\(" + SP + r"*(?:~|≈|approx\.?|about|ca\.|roughly|i\.e\.)?" + SP + r"*"
)
_CONVERSION_CLOSE = re.compile(SP + r"*\)")
_BETWEEN = re.compile(r"(?:between|zwischen|entre)\W*\Z", re.I)
_AND_WORDS = frozenset({"and", "und", "y", "et"})


@dataclass
class _Atom:
    start: int
    end: int
    value: float
    raw: float  # before any multiplier, for sharing one across a range
    mult: float
    mult_word: str
    currency: str | None  # ISO code, DOLLAR, NORDIC_KR, or None when bare


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


def atoms(text: str, lo: int = 0, hi: int | None = None) -> list[_Atom]:
    """Return the money atoms of ``text[lo:hi]``, in order."""
    hi = len(text) if hi is None else hi
    out: list[_Atom] = []
    if not _DIGIT.search(text, lo, hi):
        # Every atom has a digit: a window with none costs one scan, not a match at each place.
        return out
    for m in _ATOM.finditer(text, lo, hi):
        raw = _parse_number(m)
        if raw is None:
            continue
        pre, suf = m.group("pre"), m.group("suf")
        mult_word = (m.group("mult") or m.group("multw") or "").lower()
        mult = MULTIPLIERS.get(mult_word, 1.0)
        codes = [_currency_token(pre, _PREFIX_CURRENCY), _currency_token(suf, _SUFFIX_WORDS)]
        specific = [c for c in codes if c not in (None, DOLLAR, NORDIC_KR)]
        # a code after the figure overrides "$" before it: "$150,000 CAD"
        currency = specific[-1] if specific else next((c for c in codes if c), None)
        if mult_word in ("lpa", "l", "lakh", "lakhs", "lac", "lacs", "cr", "crore", "crores"):
            if currency in (None, DOLLAR) and mult_word != "l":
                currency = "INR"
            elif currency not in ("INR", None):
                # ``L`` after a dollar or euro figure is not a lakh (``$5L`` is nonsense);
                # a bare ``60L`` may still close a rupee range (``₹40–60L``)
                continue
        out.append(_Atom(m.start(), m.end(), raw * mult, raw, mult, mult_word, currency))
    return out


# --- candidates ------------------------------------------------------------------------------


@dataclass
class Candidate:
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
    if a == DOLLAR and b in DOLLAR_CODES:
        return True, b
    if b == DOLLAR and a in DOLLAR_CODES:
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


def candidates(text: str, atoms: list[_Atom]) -> list[Candidate]:
    out: list[Candidate] = []
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
                    out.append(Candidate(a.start, b.end, low, high, cur, True, words, False))
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
                    out.append(Candidate(a.start, b.end, low, b.value, None, True, words, True))
                # "from 10k to 500k" users: a range, but not of pay
                i += 2
                continue
        if a.currency is not None:
            words = (a.mult_word,) if a.mult_word else ()
            out.append(Candidate(a.start, a.end, a.value, a.value, a.currency, False, words, False))
        elif a.mult_word in ("k", "thousand") and not (a.raw == 401 or a.raw == 403):
            out.append(Candidate(a.start, a.end, a.value, a.value, None, False, ("k",), True))
        i += 1
    return out
