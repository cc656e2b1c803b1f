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

import ahocorasick

from pipeline.domain.currencies import DOLLAR_OF_COUNTRY, ISO_CODES
from pipeline.domain.pay_text import context, figures
from pipeline.domain.salary import Salary

# Where figures can be pay: around a currency sign or code, and after a pay word (for
# "SALARY: 100-150k", which has none). Only these windows are scanned for figures, and only the
# text within reach of a digit for these anchors (two automaton passes: signs and codes over the
# text, pay words over its lowercase), so a text costs one digit pattern and little else.
_SYMBOLS = ("$", "€", "£", "₹", "¥", "₩", "₪", "円", "zł", "Kč")
# Codes count when no lowercase letter follows ("USD" and "Rs", not "Rsync" or "Crate").
_CODES = (*sorted(ISO_CODES), "LPA", "CTC", "Rs", "Cr", "Fr")
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
# Pay words that count only at the start of a word: "base" (base salary) is not "database" or
# "codebase", "lac" (lakh) is not "place" or "black".
_WORD_START_ONLY = frozenset({"base", "lac"})


def _finder(words: dict[str, tuple[int, bool]]) -> ahocorasick.Automaton:
    """Return one automaton over ``words`` (word -> its value): one pass finds them all."""
    finder = ahocorasick.Automaton()
    for word, value in words.items():
        finder.add_word(word, value)
    finder.make_automaton()
    return finder


# Over the text as written: currency signs and codes, with whether a lowercase letter after
# the match rules it out.
_ANCHOR_FINDER = _finder(
    {**{s: (len(s), False) for s in _SYMBOLS}, **{c: (len(c), True) for c in _CODES}}
)
# Over the lowercased text: pay words, with whether they count at a word's start only.
_PAY_WORD_FINDER = _finder({w: (len(w), w in _WORD_START_ONLY) for w in _PAY_WORDS})


def _windows(text: str) -> list[tuple[int, int]]:
    """Return the merged spans of ``text`` where a figure may be pay.

    Every figure has a digit, so only the text within reach of one is searched for anchors:
    a pay word up to ``_AFTER_PAY_WORD`` before it, a sign or code ``_AFTER_ANCHOR`` after
    (a third of a Hacker News post, on average).
    """
    reach = _reach(text)
    if not reach:
        return []
    spans: list[tuple[int, int]] = []
    n = len(text)
    low = text.lower()
    same_length = len(low) == len(text)  # lower() can change the length of a few scripts'
    for lo, hi in reach:
        for end, (length, code) in _ANCHOR_FINDER.iter(text, lo, hi):
            if code and end + 1 < n and "a" <= text[end + 1] <= "z":
                continue
            spans.append((end + 1 - length - _BEFORE_ANCHOR, end + 1 + _AFTER_ANCHOR))
        if same_length:
            for end, (length, word_start) in _PAY_WORD_FINDER.iter(low, lo, hi):
                at = end - length + 1
                if word_start and at and low[at - 1].isalpha():
                    continue
                spans.append((at - _BEFORE_ANCHOR, at + _AFTER_PAY_WORD))
    if not same_length:
        spans.append((0, len(text)))
    return merge_windows(text, spans)


_LONGEST_ANCHOR = max(len(w) for w in (*_SYMBOLS, *_CODES, *_PAY_WORDS))
_REACH_BEFORE = max(_AFTER_PAY_WORD, _AFTER_ANCHOR + _LONGEST_ANCHOR)
_REACH_AFTER = _BEFORE_ANCHOR + _LONGEST_ANCHOR
# Digits no further apart than both reaches: one span (a pattern, not a loop over each number).
_DIGIT_GROUP = re.compile(rf"\d(?:\D{{0,{_REACH_BEFORE + _REACH_AFTER}}}+\d)*")


def _reach(text: str) -> list[tuple[int, int]]:
    """Return the merged spans of ``text`` where an anchor's window would hold a digit."""
    n = len(text)
    return [
        (max(m.start() - _REACH_BEFORE, 0), min(m.end() + _REACH_AFTER, n))
        for m in _DIGIT_GROUP.finditer(text)
    ]


def merge_windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the anchor ``spans`` of ``text`` merged, clipped, and never cutting a figure."""
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
