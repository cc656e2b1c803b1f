"""Turn posting HTML into plain text that the extractors read."""

from __future__ import annotations

import html
import re

_BLOCK = re.compile(
    r"<\s*(?:p|br|div|li|ul|ol|h[1-6]|tr|table|section|blockquote|pre)\b[^>]*>", re.I
)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_NEWLINES = re.compile(r"\n\s*\n+")


def html_to_text(markup: str | None) -> str:
    """Return the visible text of an HTML fragment, one paragraph a line.

    Greenhouse escapes its HTML once more (``&lt;p&gt;``), so entities are unescaped
    before the tags are stripped when the fragment has no real tags.
    """
    if not markup:
        return ""
    if "<" not in markup and "&lt;" in markup:
        markup = html.unescape(markup)
    text = _BLOCK.sub("\n", markup)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _NEWLINES.sub("\n", text).strip()
