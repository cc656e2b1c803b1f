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
from collections.abc import Mapping
from datetime import date
from typing import Any

from pipeline.domain import money
from pipeline.domain.pay_structured import salaries_from_ashby, salaries_from_schema_org
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
}
PAY_ROWS_PARAMS = ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DATE"]
PAY_ROWS_TYPE = "STRUCT(" + ", ".join(f"{k} {v}" for k, v in PAY_ROW_FIELDS.items()) + ")[]"


def structured_salaries(pay: Mapping[str, Any] | None) -> list[Salary]:
    """Return the salaries of a structured pay object: Ashby ``compensation`` or schema.org."""
    if not isinstance(pay, Mapping) or not pay:
        return []
    if "compensationTiers" in pay or "summaryComponents" in pay:
        return salaries_from_ashby(pay)
    if "baseSalary" in pay:
        return salaries_from_schema_org(pay["baseSalary"])
    if pay.get("@type") == "MonetaryAmount":
        return salaries_from_schema_org(pay)
    return []


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


def normalise(
    salary: Salary, country: str | None, posted_date: date | None, source: str | None = None
) -> dict[str, Any]:
    """Return one pay row: the stated range, annualised, in USD, in 2019 USD, and its verdict."""
    rule = money.annualisation_rule(country, currency=salary.currency)
    factor = rule.factor(salary.period)
    annual_min, annual_max = salary.min_amount * factor, salary.max_amount * factor
    reason = money.plausibility(salary, country)
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
            cpi_year = money.cpi_year_used(posted_date.year)
            usd_min_2019 = money.to_2019_usd(usd_min, posted_date.year)
            usd_max_2019 = money.to_2019_usd(usd_max, posted_date.year)
    provenance = SELF_REPORTED if source in SELF_REPORTED_SOURCES else salary.provenance
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
    }


def pay_rows(
    source: str | None,
    text: str | None,
    pay_json: str | Mapping[str, Any] | None,
    country: str | None,
    posted_date: date | None,
) -> list[dict[str, Any]]:
    """Return one normalised row per pay range a posting states, numbered from 1.

    Structured pay (Ashby ``compensation``, schema.org ``baseSalary``) wins over the text;
    the text's ranges are read only when the structured pay has no base salary. ``country``
    (ISO alpha-2) picks the dollar of a bare ``$`` and the hours of a working year;
    ``posted_date`` picks the ECB rate and the CPI year.
    """
    salaries = stated_salaries(text, _parse_json(pay_json), country)
    rows = []
    for index, salary in enumerate(salaries, start=1):
        row = normalise(salary, country, posted_date, source)
        row["range_index"] = index
        rows.append(row)
    return rows


def pay_rows_sql(
    source: str | None,
    text: str | None,
    pay_json: str | None,
    country: str | None,
    posted_date: date | None,
) -> list[dict[str, Any]]:
    """Return ``pay_rows`` as DuckDB's ``jt_pay_rows``: NULL-tolerant, never raising.

    One odd posting must not fail the whole build, so an unexpected error becomes one
    quarantined row that says what went wrong.
    """
    try:
        return pay_rows(source, text, pay_json, country, posted_date)
    except Exception as exc:  # reported in the row, see the docstring
        log.exception("pay_rows failed for a %s posting", source)
        row: dict[str, Any] = dict.fromkeys(PAY_ROW_FIELDS)
        row.update(range_index=1, quarantine_reason=f"pay_rows error: {exc!r}"[:300])
        return [row]
