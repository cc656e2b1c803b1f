"""The pay parser's windows as they were before 2026-12-04: two regexes and one ``str.find``
scan per pay word (12 scans of every text), kept as the same-run baseline of
``benchmarks.bench_salary``. The parser is otherwise the same; only where it looks changed.
"""

from __future__ import annotations

import re

from pipeline.domain.pay_text import (
    _AFTER_ANCHOR,
    _AFTER_PAY_WORD,
    _BEFORE_ANCHOR,
    _PAY_WORDS,
    figures,
    merge_windows,
)

# The same anchors, window sizes and merging as the parser's; the anchors found by two regexes
# and a scan per word.
_SYMBOL_ANCHOR = re.compile(r"[$€£₹¥₩₪円]|zł|Kč")
_CODE_ANCHOR = re.compile(r"(?:" + figures.CODES_RE + r"|LPA|CTC|Rs|Cr|Fr)(?![a-z])")


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
    return merge_windows(text, spans)
