"""What the template renders (sections, tables, figures) and how numbers are written in it.

Formatting only: every number arrives computed by the warehouse, intervals included.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup, escape


@dataclass
class Figure:
    """One chart: its SVG markup and a caption that states n, source and period."""

    svg: Markup
    caption: str
    id: str = ""


@dataclass
class Table:
    """A table; a cell is text (escaped by the template) or ``Markup`` (already safe)."""

    headers: list[str]
    rows: list[list[Any]]
    caption: str = ""
    numeric: set[int] = field(default_factory=set)  # right-aligned columns
    row_ids: list[str] | None = None
    collapsed: bool = False  # inside <details>, for long tables
    css_class: str = ""


@dataclass
class Section:
    id: str
    title: str
    paragraphs: list[Any] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    status: str = "ok"  # ok | empty (built, no rows)


def pct(x: float | None, digits: int = 1) -> str:
    return "–" if x is None else f"{100 * x:.{digits}f}%"


def share_cell(k: int, n: int, low: float | None, high: float | None, sign: bool = True) -> str:
    """``12.3% (11.1–13.5%)``: a share and its 95% interval, or a dash with no denominator.

    Without ``sign`` the cell is ``12.3 (11.1–13.5)``, for tables whose header says "% of".
    """
    if not n or low is None or high is None:
        return "–"
    digits = 2 if high < 0.01 else 1
    unit = "%" if sign else ""
    if k == 0:
        return f"0 (0–{100 * high:.{digits}f}{unit})"
    return f"{100 * k / n:.{digits}f} ({100 * low:.{digits}f}–{100 * high:.{digits}f}{unit})"


def naming_cell(row: dict[str, Any] | None) -> str:
    """The share cell of a mart row of jobs naming something (``n_jobs_naming`` of ``n_jobs``,
    with its interval), without the % sign; a dash where the mart has no row."""
    if row is None:
        return "–"
    return share_cell(
        row["n_jobs_naming"], row["n_jobs"], row["share_low"], row["share_high"], sign=False
    )


def listed_name(name: str, in_article: bool) -> Markup:
    """A skill's or a duty's name, marked as the article's (``old``) or not (``new``)."""
    return Markup('<span class="{}">{}</span>').format("old" if in_article else "new", name)


def money(x: float | None) -> str:
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"${x:,.0f}"


def month_text(d: date | None) -> str:
    return "–" if d is None else f"{d:%Y-%m}"


def period_text(first: date | int | None, last: date | int | None) -> str:
    if first is None:
        return "no data"
    if isinstance(first, date):
        return f"{month_text(first)} to {month_text(last)}"
    return f"{first} to {last}" if first != last else f"{first}"


def anchor(text: str) -> str:
    """Return an HTML id made from a claim id (lowercase letters, digits and dashes)."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "claim"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{anchor(claim_id)}"


def years_text(years: Iterable[int]) -> str:
    """``2012–2018, 2026``: runs of consecutive years."""
    runs: list[list[int]] = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in runs) or "none"


def month_runs(months: Iterable[date]) -> str:
    """``2012-01–2016-05, 2016-07–2018-06``: runs of consecutive months."""
    runs: list[list[date]] = []
    for m in sorted(set(months)):
        if runs:
            prev = runs[-1][-1]
            if (m.year * 12 + m.month) - (prev.year * 12 + prev.month) == 1:
                runs[-1].append(m)
                continue
        runs.append([m])
    if len(runs) > 4:  # scattered months: the span and the count say enough
        n = sum(len(r) for r in runs)
        return (
            f"{month_text(runs[0][0])} to {month_text(runs[-1][-1])} ({n} months, {len(runs)} runs)"
        )
    return ", ".join(
        f"{month_text(r[0])} to {month_text(r[-1])}" if len(r) > 1 else month_text(r[0])
        for r in runs
    )


def fmt(value: Any) -> str:
    """A value of a mart as a table cell."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def shorten(text: str, limit: int = 220) -> str:
    """Cut text at a word boundary; the evidence section keeps it whole."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " … (see evidence)"


def inline(text: Any) -> Markup:
    """Escape text and set `backquoted` words as code; Markup passes through unchanged."""
    if isinstance(text, Markup):
        return text
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))


def capture_text(captures: list[dict[str, Any]]) -> str:
    """Say whether the data are live or a replay, and of when: the report's data line."""
    if not captures:
        return ""

    def run_day(run_id: str | None) -> str:
        return f"{run_id[:4]}-{run_id[4:6]}-{run_id[6:8]}" if run_id else "?"

    def span(r: dict[str, Any]) -> str:
        first, last = r["oldest_posted_at"], r["newest_posted_at"]
        return f"{r['source_label']} posted {first:%Y-%m-%d} to {last:%Y-%m-%d}"

    modes = {r["fetch_mode"] for r in captures}
    last_run = run_day(max(r["last_run_id"] or "" for r in captures))
    spans = "; ".join(span(r) for r in captures if r["newest_posted_at"] is not None)
    if modes == {"replay"}:
        return (
            f"Data: a replay of recorded responses, not a live crawl (replayed on {last_run}); "
            f"each recording is at least as new as its newest posting: {spans}."
        )
    if modes == {"live"}:
        return f"Data: live crawls, the last on {last_run}: {spans}."
    if modes == {"unknown"}:
        return (
            f"Data: landing files loaded without crawl stats (live or replay not known): {spans}."
        )
    kinds = ", ".join(f"{r['source_label']} {r['fetch_mode']}" for r in captures)
    return f"Data: partly live, partly replayed ({kinds}); the last run on {last_run}: {spans}."
