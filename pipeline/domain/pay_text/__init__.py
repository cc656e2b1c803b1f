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

import re

from pipeline.domain.currencies import DOLLAR_OF_COUNTRY
from pipeline.domain.pay_text import context, figures
from pipeline.domain.salary import Salary

# Where figures can be pay: around a currency sign or code, and after a pay word (for
# "SALARY: 100-150k", which has none). Only these windows are scanned for figures, so a text
# with no currency and no pay word costs one character-class search and a few ``str.find``.
_SYMBOL_ANCHOR = re.compile(r"[$€£₹¥₩₪円]|zł|Kč")
_CODE_ANCHOR = re.compile(r"(?:" + figures.CODES_RE + r"|LPA|CTC|Rs|Cr|Fr)(?![a-z])")
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
    atoms = [a for lo, hi in windows for a in figures.atoms(text, lo, hi)]
    if not atoms:
        return []
    candidates = figures.candidates(text, atoms)
    needs_place = not DOLLAR_OF_COUNTRY.get((country or "").upper()) and any(
        c.currency == figures.DOLLAR for c in candidates
    )
    doc_dollar = context.doc_dollar(text) if needs_place else None
    # A figure with no currency ("Salary: 88k-110k") takes the one currency that the text's
    # other figures are written in, if they agree.
    written = {
        context.resolve_currency(c.currency, text, country, doc_dollar)
        for c in candidates
        if c.currency is not None
    }
    text_currency = written.pop() if len(written) == 1 else None
    out: list[Salary] = []
    seen: set[tuple[float, float, str, str, bool]] = set()
    for cand in candidates:
        sal = context.judge(text, cand, country, doc_dollar, text_currency)
        if sal is None:
            continue
        key = (sal.min_amount, sal.max_amount, sal.currency, sal.period, sal.is_ote)
        if key in seen:
            continue
        seen.add(key)
        out.append(sal)
    return out
