"""Turn one posting into its normalised pay rows: stated, annual, in USD and in 2019 dollars.

This is the one place where parsing (``pay_text``, ``pay_structured``) meets conversion
(``money``); the warehouse calls ``pay_rows_sql`` once per posting as the DuckDB
function ``jt_pay_rows`` and unnests the result, so every rule (which pay wins, the
annualisation rule, the ECB rate and its date, the CPI year, the quarantine reason) is stored
with the row it produced.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from pipeline.domain import money
from pipeline.domain.pay_structured import read_structured_pay
from pipeline.domain.pay_text import extract_salaries
from pipeline.domain.salary import Salary

log = logging.getLogger(__name__)

# Sources whose figures people report about themselves rather than employers stating them.
SELF_REPORTED = "self_reported"
SELF_REPORTED_SOURCES = frozenset({"aijobs"})

# The DuckDB type of one row; field order is the order of ``pay_rows``'s dicts.
PAY_ROW_FIELDS: dict[str, str] = {
    "range_index": "INTEGER",
    "min_amount": "DOUBLE",
    "max_amount": "DOUBLE",
    "currency": "VARCHAR",
    "period": "VARCHAR",
    "provenance": "VARCHAR",
    "snippet": "VARCHAR",
    "tier_label": "VARCHAR",
    "is_ote": "BOOLEAN",
    "is_period_inferred": "BOOLEAN",
    "is_currency_inferred": "BOOLEAN",
    "annual_min_amount": "DOUBLE",
    "annual_max_amount": "DOUBLE",
    "annualisation_rule": "VARCHAR",
    "hours_per_year": "DOUBLE",
    "days_per_year": "DOUBLE",
    "annual_min_usd": "DOUBLE",
    "annual_max_usd": "DOUBLE",
    "usd_rate": "DOUBLE",
    "usd_rate_date": "DATE",
    "annual_min_usd_2019": "DOUBLE",
    "annual_max_usd_2019": "DOUBLE",
    "cpi_year": "INTEGER",
    "quarantine_reason": "VARCHAR",
    "employment_type": "VARCHAR",
    "bound": "VARCHAR",
    "series": "VARCHAR",
    "exclusion_reason": "VARCHAR",
}
PAY_ROWS_PARAMS = ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DATE", "VARCHAR", "VARCHAR"]
PAY_ROWS_TYPE = "STRUCT(" + ", ".join(f"{k} {v}" for k, v in PAY_ROW_FIELDS.items()) + ")[]"


def structured_salaries(pay: Mapping[str, Any] | None) -> list[Salary]:
    """Return the salaries of a structured pay object (see ``pay_structured`` for the shapes)."""
    return read_structured_pay(pay)[0]


def _parse_json(pay_json: str | Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    if isinstance(pay_json, Mapping):
        return pay_json
    if not pay_json or not pay_json.strip():
        return None
    try:
        parsed = json.loads(pay_json)
    except (TypeError, ValueError):
        log.warning("pay JSON is not JSON; ignored: %.80r", pay_json)
        return None
    return parsed if isinstance(parsed, Mapping) else None


def stated_salaries(
    text: str | None, pay: Mapping[str, Any] | None, country: str | None
) -> list[Salary]:
    """Return a posting's stated pay: structured pay when it has any, else its text's ranges."""
    return structured_salaries(pay) or extract_salaries(text or "", country)


# --- employment and series --------------------------------------------------------------------

EMPLOYMENT_TYPES = ("full_time", "part_time", "contract", "intern", "unknown")
# A source's employment field, as the boards and datasets write it.
_EMPLOYMENT_FIELD = {
    "fulltime": "full_time",
    "full-time": "full_time",
    "full_time": "full_time",
    "ft": "full_time",
    "full time": "full_time",
    "permanent": "full_time",
    "parttime": "part_time",
    "part-time": "part_time",
    "part_time": "part_time",
    "pt": "part_time",
    "part time": "part_time",
    "contract": "contract",
    "contractor": "contract",
    "temporary": "contract",
    "ct": "contract",
    "fl": "contract",
    "freelance": "contract",
    "temp": "contract",
    "intern": "intern",
    "internship": "intern",
}
_EMPLOYMENT_CUES = (
    (
        "intern",
        re.compile(r"\b(?:intern|interns|internships?|co-?op|praktikum|stage|trainee)\b", re.I),
    ),
    (
        "contract",
        re.compile(
            r"\b(?:contract(?:or|ors)?|contract[- ]to[- ]hire|freelanc\w*|"
            r"temp(?:orary)?|per\s+diem|1099|c2c|day\s+rate|gig)\b",
            re.I,
        ),
    ),
    ("part_time", re.compile(r"\bpart[- ]?time\b", re.I)),
    ("full_time", re.compile(r"\bfull[- ]?time\b|\bpermanent\b|\bFTE\b", re.I)),
)
_NEAR = 160
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·]|\d{1,2}[.)])\s")


def _near_figure(text: str, start: int, end: int) -> list[str]:
    """Return where a figure's kind of job is read: its line, then (unless the line is a list
    item) the text after it, then the text before it, each within ``_NEAR`` characters."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[max(line_start, start - _NEAR) : min(line_end, end + _NEAR)]
    if _LIST_ITEM.match(text, line_start):
        return [line]
    return [line, text[end : end + _NEAR], text[max(0, start - _NEAR) : start]]


def employment_of(salary: Salary, text: str | None, field: str | None, title: str | None) -> str:
    """Return the kind of job a pay range is for: full_time, part_time, contract, intern, unknown.

    In order: the source's employment field; a cue next to the figure ("$60-80/hr contract"),
    on its own line first (a list item's line alone: the next item is another job's); a cue
    in the title or the post's first line ("Acme | Intern | NYC"); else a yearly or
    monthly salary is a full-time job's, and an hourly, daily or weekly rate is of unknown kind.
    """
    given = _EMPLOYMENT_FIELD.get((field or "").strip().lower())
    if given:
        return given
    text = text or ""
    if salary.start >= 0:
        for near in _near_figure(text, salary.start, salary.start + len(salary.snippet)):
            for kind, cue in _EMPLOYMENT_CUES:
                if cue.search(near):
                    return kind
    head = f"{title or ''}\n{text.split(chr(10), 1)[0]}"
    for kind, cue in _EMPLOYMENT_CUES:
        if cue.search(head):
            return kind
    return "full_time" if salary.period in ("year", "month") else "unknown"


def series_of(
    salary: Salary, employment: str, quarantine_reason: str | None
) -> tuple[str | None, str | None]:
    """Return (the pay series a range counts in, or why it counts in none).

    The one rule of what the salary marts count: plausible base pay whose currency the employer
    wrote, a range or a plain figure (not a bound), in the series of its kind of job; everything
    else is kept in ``salary_quarantine`` with the reason.
    """
    if quarantine_reason:
        return None, quarantine_reason
    if salary.is_ote:
        return None, "on-target earnings (includes commission), not base pay"
    if salary.is_currency_inferred:
        return None, "no currency written: inferred from the posting's country or places"
    if salary.bound == "upper":
        return None, "an upper bound only ('up to'): no range to take the midpoint of"
    if salary.bound == "lower":
        return None, "a lower bound only ('from', '+'): no range to take the midpoint of"
    if employment == "unknown":
        rate = {"hour": "an hourly", "day": "a daily", "week": "a weekly"}.get(salary.period, "a")
        return None, f"{rate} rate of a job of unknown kind (not a salary series)"
    return employment, None


def normalise(
    salary: Salary,
    country: str | None,
    posted_date: date | None,
    source: str | None = None,
    employment: str = "full_time",
) -> dict[str, Any]:
    """Return one pay row: the stated range, annualised, in USD, in 2019 USD, and its verdict."""
    rule = money.annualisation_rule(country, currency=salary.currency)
    factor = rule.factor(salary.period)
    annual_min, annual_max = salary.min_amount * factor, salary.max_amount * factor
    reason = money.plausibility(salary)
    usd_min = usd_max = rate = usd_min_2019 = usd_max_2019 = None
    rate_date: date | None = None
    cpi_year: int | None = None
    if posted_date is None:
        reason = reason or "no posting date for the exchange rate"
    else:
        try:
            usd_min, rate, rate_date = money.to_usd(annual_min, salary.currency, posted_date)
        except ValueError as exc:
            reason = reason or str(exc)
        else:
            usd_max = annual_max * rate
            reason = reason or money.plausibility(salary, (usd_min, usd_max))
            cpi_year = money.cpi_year_used(posted_date.year)
            usd_min_2019 = money.to_2019_usd(usd_min, posted_date.year)
            usd_max_2019 = money.to_2019_usd(usd_max, posted_date.year)
    provenance = SELF_REPORTED if source in SELF_REPORTED_SOURCES else salary.provenance
    series, exclusion = series_of(salary, employment, reason)
    return {
        "range_index": None,
        "min_amount": salary.min_amount,
        "max_amount": salary.max_amount,
        "currency": salary.currency,
        "period": salary.period,
        "provenance": provenance,
        "snippet": salary.snippet,
        "tier_label": salary.label,
        "is_ote": salary.is_ote,
        "is_period_inferred": salary.is_period_inferred,
        "is_currency_inferred": salary.is_currency_inferred,
        "annual_min_amount": annual_min,
        "annual_max_amount": annual_max,
        "annualisation_rule": rule.describe(salary.period),
        "hours_per_year": rule.hours_per_year,
        "days_per_year": rule.days_per_year,
        "annual_min_usd": usd_min,
        "annual_max_usd": usd_max,
        "usd_rate": rate,
        "usd_rate_date": rate_date,
        "annual_min_usd_2019": usd_min_2019,
        "annual_max_usd_2019": usd_max_2019,
        "cpi_year": cpi_year,
        "quarantine_reason": reason,
        "employment_type": employment,
        "bound": salary.bound,
        "series": series,
        "exclusion_reason": exclusion,
    }


def pay_rows(
    source: str | None,
    text: str | None,
    pay_json: str | Mapping[str, Any] | None,
    country: str | None,
    posted_date: date | None,
    employment_field: str | None = None,
    title: str | None = None,
) -> list[dict[str, Any]]:
    """Return one normalised row per pay range a posting states, numbered from 1.

    Structured pay (Ashby ``compensation``, schema.org ``baseSalary``) wins over the text;
    the text's ranges are read only when the structured pay has no base salary. ``country``
    (ISO alpha-2) picks the dollar of a bare ``$`` and the hours of a working year;
    ``posted_date`` picks the ECB rate and the CPI year; ``employment_field`` (the source's
    employment type) and ``title`` tell which kind of job a range is for.
    """
    salaries = stated_salaries(text, _parse_json(pay_json), country)
    rows = []
    for index, salary in enumerate(salaries, start=1):
        employment = employment_of(salary, text, employment_field, title)
        row = normalise(salary, country, posted_date, source, employment)
        row["range_index"] = index
        rows.append(row)
    return rows


def pay_rows_sql(
    source: str | None,
    text: str | None,
    pay_json: str | None,
    country: str | None,
    posted_date: date | None,
    employment_field: str | None = None,
    title: str | None = None,
) -> list[dict[str, Any]]:
    """Return ``pay_rows`` as DuckDB's ``jt_pay_rows``: NULL-tolerant, never raising.

    One odd posting must not fail the whole build, so an unexpected error becomes one
    quarantined row that says what went wrong.
    """
    try:
        return pay_rows(source, text, pay_json, country, posted_date, employment_field, title)
    except Exception as exc:  # reported in the row, see the docstring
        log.exception("pay_rows failed for a %s posting", source)
        row: dict[str, Any] = dict.fromkeys(PAY_ROW_FIELDS)
        reason = f"pay_rows error: {exc!r}"[:300]
        row.update(range_index=1, quarantine_reason=reason, exclusion_reason=reason)
        return [row]
