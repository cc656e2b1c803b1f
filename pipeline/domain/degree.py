"""Tell what a posting asks of an applicant's degree: nothing, a degree, or an advanced one.

``degree_asked(text)`` returns one of ``DEGREE_LEVELS``:

- ``advanced``: it requires or prefers a master's degree or a PhD ("MS/PhD preferred", "PhD
  in ML required", "Master's degree or equivalent"); a bachelor's alternative ("BS/MS",
  "Bachelor's or Master's") makes it ``any`` unless the higher degree is said to be preferred;
- ``any``: it asks for a degree that a bachelor's satisfies ("BS in CS or equivalent");
- ``none``: it asks no degree.

A few regular expressions, not a parser: docs/CLAIMS.md says what they miss and how often.
"""

from __future__ import annotations

import re

DEGREE_LEVELS = ("none", "any", "advanced")

# Names an advanced degree; "MS" only beside a degree word, so that "MS SQL" does not count.
_ADVANCED = re.compile(
    r"\b(?:ph\.? ?d\b|doctorate|doctoral|master['’]?s\b|msc\b|m\.sc|m\.s\.|advanced degree"
    r"|graduate degree|postgraduate degree)",
    re.I,
)
_ADVANCED_MS = re.compile(r"\bMS ?(?:/ ?PhD|or PhD|in |degree)")
# A bachelor's alternative right before it: "Bachelor's or Master's", "BS/MS".
_BACHELOR_OR = re.compile(
    r"(?:bachelor['’]?s?|\b(?:b\.s\.|b\.sc\.?|bsc\b|bs\b|ba\b)|undergrad(?:uate)?)[^.\n;]{0,25}"
    r"(?:\bor\b|/|,)[^.\n;]{0,10}(?:master|m\.?s\b|msc|m\.sc|ph\.? ?d)",
    re.I,
)
# The higher degree said to be preferred: "Master's preferred", "PhD a plus".
_PREFERRED = re.compile(
    r"(?:master|ph\.? ?d|\bm\.?s\b|msc|advanced degree|graduate degree)[^.\n]{0,60}"
    r"(?:preferred|a plus|desired|desirable|ideal|bonus|nice to have)"
    r"|(?:preferred|ideally|bonus|plus)[^.\n]{0,30}(?:master|ph\.? ?d|advanced degree"
    r"|graduate degree)",
    re.I,
)
# Any degree asked for: a bachelor's, or a degree in a field.
_ANY = re.compile(
    r"\b(?:bachelor['’]?s?|b\.s\.|b\.sc|bsc|undergraduate degree|degree in|(?:college|university"
    r"|cs|computer science|engineering|technical|related|4-year|four-year) degree)\b",
    re.I,
)


def degree_asked(text: str | None) -> str:
    """Return what ``text`` asks of a degree: ``none``, ``any`` or ``advanced``."""
    if not text:
        return "none"
    names_advanced = bool(_ADVANCED.search(text) or _ADVANCED_MS.search(text))
    if (names_advanced and not _BACHELOR_OR.search(text)) or _PREFERRED.search(text):
        return "advanced"
    if names_advanced or _ANY.search(text):
        return "any"
    return "none"
